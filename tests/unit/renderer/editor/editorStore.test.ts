// The editor's store against the real service on a real SQLite file: optimistic edits, autosave of the difference,
// undo that saves too, figure values checked before anything changes, and a failed save rolled back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteSlideValues, updateSlide } from '../../../../decks/common/deckOps.ts';
import { readReportFile } from '../../../../decks/node/report/index.ts';
import { createService, type DeckService } from '../../../../decks/node/service.ts';
import { EditorStore } from '../../../../renderer/src/editor/editorStore.ts';
import { slideEdits } from '../../../fixtures/slideEdits.ts';

const SAMPLE = new URL('../../../../decks/samples/shangyu-youth-city.txt', import.meta.url).pathname;
let dir: string;
let service: DeckService;
let store: EditorStore;
let deckId: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-editor-'));
  service = createService({ dbPath: join(dir, 'huibao.db') });
  deckId = (await service.importDecodedReport(await readReportFile(SAMPLE))).deckId;
  const deck = await service.getDeck({ deckId });
  store = new EditorStore(service, deck, deck);
});
afterEach(() => {
  store.dispose();
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

// Slide 4 of the sample deck (新征程催人奋进): the third is the chart the import proposes after 主要指标, hidden.
const slideId = () => store.getState().model.slides[3]!.id;

describe('EditorStore', () => {
  it('applies an edit at once, saves only the difference, and undo saves the way back', async () => {
    const id = slideId();
    store.edit((m) => ({ ...m, slides: updateSlide(m.slides, id, { title: '改过的标题' }) }), { label: 'typing', group: `${id}:title` });
    expect(store.getState().model.slides[3]!.title).toBe('改过的标题');
    expect(store.getState().save).toBe('pending');
    await store.flush();
    expect(store.getState().save).toBe('saved');
    expect((await service.getDeck({ deckId })).slides[3]!.title).toBe('改过的标题');
    store.undo();
    expect(store.getState().model.slides[3]!.title).toBe('新征程催人奋进');
    await store.flush();
    expect((await service.getDeck({ deckId })).slides[3]!.title).toBe('新征程催人奋进');
    store.redo();
    await store.flush();
    expect((await service.getDeck({ deckId })).slides[3]!.title).toBe('改过的标题');
  });

  it('confirms figures without an undo step or a save, keeping unsaved edits, and a typed value is confirmed', async () => {
    const id = slideId();
    store.edit((m) => ({ ...m, slides: updateSlide(m.slides, id, { title: '未保存的标题' }) }), { label: 'typing', group: `${id}:title` });
    const steps = store.getState().stack.past.length;
    await store.confirmFigures(['f2']);
    const f2 = store.getState().model.figures.find((f) => f.key === 'f2')!;
    expect(typeof f2.confirmedAt).toBe('string');
    expect(store.getState().model.slides.find((s) => s.id === id)!.title).toBe('未保存的标题');
    expect(store.getState().stack.past).toHaveLength(steps);
    expect((await service.listFigures({ deckId })).figures.find((f) => f.key === 'f2')!.confirmedAt).toEqual(expect.any(String));
    await store.flush();
    expect((await service.getDeck({ deckId })).slides.find((s) => s.id === id)!.title).toBe('未保存的标题');
    // A value typed by a person is confirmed, on screen and in the store.
    expect(store.setFigure('f1', '5.8')).toBeNull();
    expect(store.getState().model.figures.find((f) => f.key === 'f1')!.confirmedAt).toEqual(expect.any(String));
    await store.flush();
    expect((await service.listFigures({ deckId })).figures.find((f) => f.key === 'f1')!.confirmedAt).toEqual(expect.any(String));
  });

  it('checks a figure value before changing anything, and updates and stores a good one', async () => {
    const err = store.setFigure('f1', 'abc');
    expect(err?.code).toBe('INVALID_ARGUMENT');
    expect(store.getState().model.figures.find((f) => f.key === 'f1')!.value).toBe(5.5);
    expect(store.getState().stack.past).toHaveLength(0);
    expect(store.setFigure('f1', '5.8')).toBeNull();
    expect(store.getState().model.figures.find((f) => f.key === 'f1')!.display).toBe('5.8%');
    await store.flush();
    expect((await service.listFigures({ deckId })).figures.find((f) => f.key === 'f1')!.value).toBe(5.8);
    store.undo();
    await store.flush();
    expect((await service.listFigures({ deckId })).figures.find((f) => f.key === 'f1')!.value).toBe(5.5);
    expect((await service.figureHistory({ deckId, key: 'f1' })).changes.map((c) => c.newValue)).toEqual([5.8, 5.5]);
  });

  it('renames a figure for every card that shows it, stores it, and undo brings the old name back (stored too)', async () => {
    const figure = store.getState().model.figures.find((f) => store.getState().model.slides.some((s) => s.blocks.some((b) => b.kind === 'figure' && b.key === f.key)))!;
    const old = figure.label;
    const cards = () =>
      store
        .getState()
        .model.slides.flatMap((s) => s.blocks)
        .filter((b) => b.kind === 'figure' && b.key === figure.key);
    expect(store.setFigureLabel(figure.key, '  ')).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(store.getState().model.figures.find((f) => f.key === figure.key)!.label).toBe(old);
    expect(store.setFigureLabel(figure.key, '全区经济总量')).toBeNull();
    expect(store.getState().model.figures.find((f) => f.key === figure.key)!.label).toBe('全区经济总量');
    // No card keeps a copy of the old name: each shows the figure's label.
    for (const b of cards()) expect(b).not.toMatchObject({ caption: old });
    await store.flush();
    expect((await service.getDeck({ deckId })).figures.find((f) => f.key === figure.key)!.label).toBe('全区经济总量');
    store.undo();
    expect(store.getState().model.figures.find((f) => f.key === figure.key)!.label).toBe(old);
    await store.flush();
    expect((await service.getDeck({ deckId })).figures.find((f) => f.key === figure.key)!.label).toBe(old);
  });

  it('rolls back to what is stored when a save fails, and shows the error', async () => {
    const id = slideId();
    // The slide is deleted behind the editor's back (another window): the editor's save from its stale view is refused.
    await slideEdits(service).deleteSlides({ deckId, slideIds: [id] });
    const before = store.getState().model;
    store.edit((m) => ({ ...m, slides: deleteSlideValues(m.slides, [id]) }), { label: 'delete', immediate: true });
    expect(store.getState().model.slides.some((s) => s.id === id)).toBe(false);
    await store.flush();
    expect(store.getState().save).toBe('error');
    expect((store.getState().error as { code?: string }).code).toBe('CONFLICT');
    expect(store.getState().model).toBe(before);
  });
});

describe('two editors on one deck (two windows, or the desktop app and the browser host)', () => {
  it('the second save from a stale view is refused with CONFLICT, and the first editor’s edit survives', async () => {
    const other = new EditorStore(service, await service.getDeck({ deckId }), await service.getDeck({ deckId }));
    const id = slideId();
    store.edit((m) => ({ ...m, slides: updateSlide(m.slides, id, { title: '甲窗口的标题' }) }), { label: 'typing', group: `${id}:title` });
    await store.flush();
    other.edit((m) => ({ ...m, slides: updateSlide(m.slides, id, { title: '乙窗口的标题' }) }), { label: 'typing', group: `${id}:title` });
    await other.flush();
    expect(other.getState().save).toBe('error');
    expect((other.getState().error as { code?: string }).code).toBe('CONFLICT');
    expect((await service.getDeck({ deckId })).slides[3]!.title).toBe('甲窗口的标题');
    // The first editor goes on saving: its own writes never count as a conflict.
    store.edit((m) => ({ ...m, slides: updateSlide(m.slides, id, { title: '甲窗口再改' }) }), { label: 'typing', group: `${id}:title2` });
    await store.flush();
    expect(store.getState().save).toBe('saved');
    expect((await service.getDeck({ deckId })).slides[3]!.title).toBe('甲窗口再改');
    other.dispose();
  });
});
