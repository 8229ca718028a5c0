// The editor's autosave method: several edits in one transaction, all checked first, nothing changed on an error.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../decks/common/api.ts';
import { readReportFile } from '../../../decks/node/report/index.ts';
import { createService, type DeckService } from '../../../decks/node/service.ts';

const SAMPLE = new URL('../../../decks/samples/shangyu-youth-city.txt', import.meta.url).pathname;
let dir: string;
let service: DeckService;
let deckId: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-save-'));
  service = createService({ dbPath: join(dir, 'huibao.db') });
  deckId = (await service.importDecodedReport(await readReportFile(SAMPLE))).deckId;
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (err) {
    return err instanceof ApiError ? err.code : 'not an ApiError';
  }
  return undefined;
}

describe('saveEdits', () => {
  it('writes changed slides, new slides with the client’s ids, removals, the order and figure values together', async () => {
    const before = await service.getDeck({ deckId });
    const [first, second, third] = before.slides;
    const { section: _, ...content } = second!;
    const order = before.slides.map((s) => s.id).filter((id) => id !== third!.id);
    order.splice(1, 0, 'newslide01');
    const r = await service.saveEdits({
      deckId,
      slides: [
        { ...content, title: '改过的标题' },
        { id: 'newslide01', layout: 'points', title: '新的一页', blocks: [{ kind: 'bullet', text: '要点', level: 0 }], notes: '', hidden: false },
      ],
      removed: [third!.id],
      order,
      figures: [{ key: 'f1', value: '5.8' }],
    });
    expect(r.order).toEqual(order);
    expect(r.figures.map((f) => [f.key, f.display])).toEqual([['f1', '5.8%']]);
    const after = await service.getDeck({ deckId });
    expect(after.slides.map((s) => s.id)).toEqual(order);
    expect(after.slides[0]!.id).toBe(first!.id);
    expect(after.slides[1]).toMatchObject({ id: 'newslide01', title: '新的一页' });
    expect(after.slides.find((s) => s.id === second!.id)!.title).toBe('改过的标题');
    expect((await service.figureHistory({ deckId, key: 'f1' })).changes).toMatchObject([{ oldValue: 5.5, newValue: 5.8 }]);
  });

  it('changes nothing when any part is wrong: a bad figure value, a wrong order, an unknown removal', async () => {
    const before = await service.getDeck({ deckId });
    const { section: _, ...content } = before.slides[1]!;
    const edit = { ...content, title: '不应保存' };
    expect(await codeOf(service.saveEdits({ deckId, slides: [edit], figures: [{ key: 'f1', value: 'abc' }] }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(service.saveEdits({ deckId, slides: [edit], order: [before.slides[0]!.id] }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(service.saveEdits({ deckId, slides: [edit], removed: ['nope'] }))).toBe('NOT_FOUND');
    expect(await codeOf(service.saveEdits({ deckId, slides: [edit, edit] }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(service.saveEdits({ deckId, figures: [{ key: 'nokey', value: '1' }] }))).toBe('NOT_FOUND');
    const after = await service.getDeck({ deckId });
    expect(after.slides).toEqual(before.slides);
    expect(after.figures).toEqual(before.figures);
  });
});

describe('saveEdits with figure labels', () => {
  it('renames a figure, keeps its value and history, and refuses a blank label or an edit with neither value nor label', async () => {
    const before = (await service.getDeck({ deckId })).figures.find((f) => f.key === 'f1')!;
    const r = await service.saveEdits({ deckId, figures: [{ key: 'f1', label: '全区地区生产总值增速' }] });
    expect(r.figures[0]).toMatchObject({ key: 'f1', label: '全区地区生产总值增速', value: before.value, display: before.display });
    expect((await service.figureHistory({ deckId, key: 'f1' })).changes).toEqual([]);
    const both = await service.saveEdits({ deckId, figures: [{ key: 'f1', value: '5.6', label: '地区生产总值增长' }] });
    expect(both.figures[0]).toMatchObject({ label: '地区生产总值增长', display: '5.6%' });
    expect(await codeOf(service.saveEdits({ deckId, figures: [{ key: 'f1', label: '   ' }] }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(service.saveEdits({ deckId, figures: [{ key: 'f1' }] }))).toBe('INVALID_ARGUMENT');
    expect((await service.getDeck({ deckId })).figures.find((f) => f.key === 'f1')!.label).toBe('地区生产总值增长');
  });
});

describe('saveEdits with expectedUpdatedAt', () => {
  it('refuses a stale write with CONFLICT and changes nothing; each accepted write returns a new stamp', async () => {
    const before = await service.getDeck({ deckId });
    const { section: _, ...content } = before.slides[1]!;
    const first = await service.saveEdits({ deckId, expectedUpdatedAt: before.updatedAt, slides: [{ ...content, title: '一' }] });
    expect(first.updatedAt).not.toBe(before.updatedAt);
    // Two writes in a row (well within one millisecond of each other) still get distinct stamps.
    const second = await service.saveEdits({ deckId, expectedUpdatedAt: first.updatedAt, slides: [{ ...content, title: '二' }] });
    expect(second.updatedAt > first.updatedAt).toBe(true);
    expect(await codeOf(service.saveEdits({ deckId, expectedUpdatedAt: first.updatedAt, slides: [{ ...content, title: '旧' }] }))).toBe('CONFLICT');
    const after = await service.getDeck({ deckId });
    expect(after.slides[1]!.title).toBe('二');
    expect(after.updatedAt).toBe(second.updatedAt);
  });

  it('adds the figures pasted slides bring, shares one already there, and refuses a different one under a taken key', async () => {
    const before = await service.getDeck({ deckId });
    const mine = before.figures[0]!;
    const brought = { ...mine, key: 'pasted-1', label: '粘贴来的数字', value: 42, display: '42' };
    const slide = { id: 'pastedslide', layout: 'points' as const, title: '粘贴', blocks: [{ kind: 'bullet' as const, text: `{fig:pasted-1} 与 {fig:${mine.key}}`, level: 0 }], notes: '', hidden: false };
    await service.saveEdits({ deckId, slides: [slide], newFigures: [brought, mine] });
    const after = await service.getDeck({ deckId });
    expect(after.figures).toHaveLength(before.figures.length + 1);
    expect(after.figures.find((f) => f.key === 'pasted-1')).toMatchObject({ label: '粘贴来的数字', value: 42 });
    expect(after.slides.at(-1)!.id).toBe('pastedslide');
    // Sent again (a redo after an undo): the same figure is no change.
    await service.saveEdits({ deckId, newFigures: [brought] });
    expect((await service.getDeck({ deckId })).figures).toHaveLength(before.figures.length + 1);
    // A different figure under a key the deck uses is refused, and nothing of the save is written.
    const clash = { ...brought, value: 7 };
    expect(await codeOf(service.saveEdits({ deckId, slides: [{ ...slide, id: 'another', title: '不应保存' }], newFigures: [clash] }))).toBe('INVALID_ARGUMENT');
    const unchanged = await service.getDeck({ deckId });
    expect(unchanged.slides.some((s) => s.id === 'another')).toBe(false);
    expect(unchanged.figures.find((f) => f.key === 'pasted-1')!.value).toBe(42);
  });
});

describe('saveEdits dropping figures and moving them in the report (a refresh undone)', () => {
  it('drops a figure no slide shows, refuses one a slide shows or the deck lacks, and sets a place without touching the value', async () => {
    const before = await service.getDeck({ deckId });
    const mine = before.figures[0]!;
    const spare = { ...mine, key: 'spare-1', label: '没有用到的数字', value: 3, display: '3' };
    await service.saveEdits({ deckId, newFigures: [spare] });
    // Shown on a slide: refused, and nothing of the save is written.
    const card = before.slides.flatMap((s) => s.blocks).find((b) => b.kind === 'figure');
    const key = card?.kind === 'figure' ? card.key : '';
    expect(await codeOf(service.saveEdits({ deckId, removedFigures: ['spare-1', key], figures: [{ key: mine.key, label: '不应保存' }] }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(service.saveEdits({ deckId, removedFigures: ['no-such-key'] }))).toBe('NOT_FOUND');
    let now = await service.getDeck({ deckId });
    expect(now.figures.map((f) => f.key)).toContain('spare-1');
    expect(now.figures.find((f) => f.key === mine.key)!.label).toBe(mine.label);
    await service.saveEdits({ deckId, removedFigures: ['spare-1'] });
    now = await service.getDeck({ deckId });
    expect(now.figures.map((f) => f.key)).toEqual(before.figures.map((f) => f.key));

    // A place in the report alone: the value, its time and its confirmation stay as they were.
    const moved = { ...mine.source!, sentence: '改写后的句子，地区生产总值增长5.5%。' };
    await service.saveEdits({ deckId, figures: [{ key: mine.key, source: moved }] });
    const after = (await service.getDeck({ deckId })).figures.find((f) => f.key === mine.key)!;
    expect(after).toMatchObject({ value: mine.value, updatedAt: mine.updatedAt, confirmedAt: mine.confirmedAt, source: moved });
  });
});
