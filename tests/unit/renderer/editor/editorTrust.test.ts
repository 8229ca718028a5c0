// The editor's side of 用新版报告更新 and 定稿, against the real service: a refresh is one undo step (saved both ways),
// and the approval state follows the model — changed by an edit, approved again when the edit is undone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateSlide } from '../../../../decks/common/deckOps.ts';
import { createService, type DeckService } from '../../../../decks/node/service.ts';
import { approvalStatus, EditorStore } from '../../../../renderer/src/editor/editorStore.ts';
import { NEW_PARAGRAPH, revisedSampleText, SAMPLE_TEXT } from '../../../fixtures/revisedSample.ts';

const b64 = (t: string) => Buffer.from(t, 'utf8').toString('base64');
let dir: string;
let service: DeckService;
let store: EditorStore;
let deckId: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-editor-trust-'));
  service = createService({ dbPath: join(dir, 'huibao.db') });
  deckId = (await service.importReport({ fileName: 'shangyu.txt', dataBase64: b64(SAMPLE_TEXT) })).deckId;
  const deck = await service.getDeck({ deckId });
  store = new EditorStore(service, deck, deck);
});
afterEach(() => {
  store.dispose();
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

const value = (key: string) => store.getState().model.figures.find((f) => f.key === key)!.value;

describe('EditorStore and a revised report', () => {
  it('applies the chosen changes as one undo step, after an edit of its own, and undo stores the way back', async () => {
    const id = store.getState().model.slides[2]!.id;
    store.edit((m) => ({ ...m, slides: updateSlide(m.slides, id, { title: '领导改的标题' }) }), { label: 'typing', group: `${id}:title` });
    const report = { fileName: 'v2.txt', dataBase64: b64(revisedSampleText()) };
    const review = await service.refreshPreview({ deckId, ...report });
    const chosen = review.items.filter((i) => i.applicable).map((i) => i.id);
    const r = await store.applyRefresh(report, chosen);
    expect(r.applied).toBe(4);
    expect(value('f1')).toBe(5.8);
    // The edit typed just before was saved first and kept.
    expect(store.getState().model.slides[2]!.title).toBe('领导改的标题');
    expect(store.getState().stack.past.at(-1)?.label).toBe('refresh');

    store.undo();
    expect(value('f1')).toBe(5.5);
    expect(store.getState().model.slides.some((s) => s.notes.includes(NEW_PARAGRAPH))).toBe(false);
    await store.flush();
    const stored = await service.getDeck({ deckId });
    expect(stored.figures.find((f) => f.key === 'f1')!.value).toBe(5.5);
    expect(stored.slides.some((s) => s.notes.includes(NEW_PARAGRAPH))).toBe(false);
    expect(stored.slides[2]!.title).toBe('领导改的标题');
  });
});

describe('EditorStore, a refresh that adds and moves figures, and 定稿', () => {
  it('undone, leaves the deck exactly as signed off (its new figures dropped, the others back in place); redone, brings them back', async () => {
    const withFigure = NEW_PARAGRAPH.replace('让城市更有温度。', '全年志愿服务时长增长12.5%，让城市更有温度。');
    const report = { fileName: 'v2.txt', dataBase64: b64(revisedSampleText().replace(NEW_PARAGRAPH, withFigure)) };
    const signed = await store.approve('王主任');
    const before = (await service.getDeck({ deckId })).figures;
    const review = await service.refreshPreview({ deckId, ...report });
    await store.applyRefresh(report, review.items.filter((i) => i.applicable).map((i) => i.id));
    const refreshed = (await service.getDeck({ deckId })).figures;
    const added = refreshed.filter((f) => !before.some((b) => b.key === f.key));
    expect(added.map((f) => f.display)).toEqual(['12.5%']);
    // The figures the refresh changed stand in the revised report's sentences now.
    const moved = refreshed.filter((f) => before.some((b) => b.key === f.key && JSON.stringify(b.source) !== JSON.stringify(f.source)));
    expect(moved.length).toBeGreaterThan(0);
    expect((await service.getDeck({ deckId })).approval!.current).toBe(false);

    store.undo();
    await store.flush();
    const undone = await service.getDeck({ deckId });
    expect(undone.figures.map(({ key, value, label, source }) => ({ key, value, label, source }))).toEqual(before.map(({ key, value, label, source }) => ({ key, value, label, source })));
    expect(undone.approval).toMatchObject({ sha256: signed.sha256, current: true });
    expect(approvalStatus(store.getState())).toBe('approved');

    store.redo();
    await store.flush();
    const redone = await service.getDeck({ deckId });
    expect(redone.figures.map(({ key, value, source }) => ({ key, value, source }))).toEqual(refreshed.map(({ key, value, source }) => ({ key, value, source })));
    expect(redone.approval!.current).toBe(false);
  });
});

describe('EditorStore and 定稿', () => {
  it('is approved until an edit, and approved again when the edit is undone', async () => {
    expect(approvalStatus(store.getState())).toBe('none');
    const a = await store.approve('王主任');
    expect(a.current).toBe(true);
    expect(approvalStatus(store.getState())).toBe('approved');
    const id = store.getState().model.slides[1]!.id;
    store.edit((m) => ({ ...m, slides: updateSlide(m.slides, id, { notes: '一个字' }) }), { label: 'typing', group: `${id}:notes` });
    expect(approvalStatus(store.getState())).toBe('changed');
    store.undo();
    expect(approvalStatus(store.getState())).toBe('approved');
    store.setTheme('contrast');
    expect(approvalStatus(store.getState())).toBe('changed');
    await store.flush();
    expect((await service.getDeck({ deckId })).approval?.current).toBe(false);
  });

  it('opens a deck approved elsewhere as approved, and one changed since as changed', async () => {
    await service.approveDeck({ deckId, approver: '王主任' });
    const deck = await service.getDeck({ deckId });
    expect(approvalStatus(new EditorStore(service, deck, deck).getState())).toBe('approved');
    await service.updateFigure({ deckId, key: 'f1', value: '6' });
    const changed = await service.getDeck({ deckId });
    expect(approvalStatus(new EditorStore(service, changed, changed).getState())).toBe('changed');
  });
});
