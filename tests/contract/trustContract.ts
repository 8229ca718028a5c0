// The contract of 用新版报告更新 (refreshPreview, refreshApply) and 定稿 (approveDeck, and the approval a deck, a
// library card and an opened bundle report), the same through every host.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type DeckApi, type ErrorCode } from '../../decks/common/api.ts';
import { NEW_PARAGRAPH, revisedSampleText, SAMPLE_TEXT } from '../fixtures/revisedSample.ts';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const REVISED = { fileName: '上虞-修订稿.txt', dataBase64: base64(revisedSampleText()) };

async function expectError(call: Promise<unknown>, code: ErrorCode): Promise<ApiError> {
  const err = await call.then(
    () => new Error('the call succeeded but should have failed'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  expect((err as ApiError).code).toBe(code);
  expect((err as ApiError).zh.length).toBeGreaterThan(0);
  return err as ApiError;
}

export function runTrustContract(label: string, setup: () => Promise<{ api: DeckApi; teardown(): Promise<void> }>): void {
  describe(`DeckApi contract, refresh and sign-off: ${label}`, () => {
    let api: DeckApi;
    let teardown: () => Promise<void>;
    let deckId: string;
    beforeEach(async () => {
      ({ api, teardown } = await setup());
      ({ deckId } = await api.importReport({ fileName: 'shangyu.txt', dataBase64: base64(SAMPLE_TEXT) }));
    });
    afterEach(async () => {
      await teardown();
    });

    it('reviews a revised report without writing, then applies part of it after keeping a named version', async () => {
      const before = await api.getDeck({ deckId });
      const review = await api.refreshPreview({ deckId, ...REVISED });
      expect(review.fileName).toBe(REVISED.fileName);
      expect(review.items.map((i) => i.kind).sort()).toEqual(['caption-removed', 'figure-changed', 'figure-changed', 'figure-changed', 'paragraph-added']);
      expect(await api.getDeck({ deckId })).toEqual(before);

      const growth = review.items.find((i) => i.kind === 'figure-changed' && i.imported.display === '5.5%')!;
      const paragraph = review.items.find((i) => i.kind === 'paragraph-added')!;
      const r = await api.refreshApply({ deckId, ...REVISED, accept: [growth.id, paragraph.id], expectedUpdatedAt: before.updatedAt });
      expect(r.applied).toBe(2);
      expect(r.keptAs).toMatchObject({ auto: false, label: expect.stringContaining('用新版报告更新前') });
      const key = growth.kind === 'figure-changed' ? growth.key : '';
      expect(r.deck.figures.find((f) => f.key === key)).toMatchObject({ value: 5.8, display: '5.8%' });
      expect(r.deck.figures.find((f) => f.key === key)?.source?.sentence).toContain('增长5.8%');
      expect(r.deck.slides.find((s) => s.id === paragraph.slideId)!.notes).toContain(NEW_PARAGRAPH);
      // Nothing else moved: the same slides in the same order, the same theme.
      expect(r.deck.slides.map((s) => s.id)).toEqual(before.slides.map((s) => s.id));
      expect(r.deck.theme).toBe(before.theme);
      expect((await api.listRevisions({ deckId })).revisions.map((v) => v.label)).toContain(r.keptAs.label);

      // What was applied is not offered again; what was left is.
      const again = await api.refreshPreview({ deckId, ...REVISED });
      expect(again.items.map((i) => i.kind).sort()).toEqual(['caption-removed', 'figure-changed', 'figure-changed']);
    });

    it('shows a figure changed by hand as a conflict, and applies the revised value when asked', async () => {
      const deck = await api.getDeck({ deckId });
      const growth = deck.figures.find((f) => f.display === '5.5%')!;
      await api.updateFigure({ deckId, key: growth.key, value: '5.6' });
      const review = await api.refreshPreview({ deckId, ...REVISED });
      const item = review.items.find((i) => i.kind === 'figure-changed' && i.key === growth.key);
      expect(item?.kind === 'figure-changed' && [item.conflict, item.imported.display, item.current.display, item.revised.display]).toEqual([true, '5.5%', '5.6%', '5.8%']);
      const r = await api.refreshApply({ deckId, ...REVISED, accept: [item!.id] });
      expect(r.deck.figures.find((f) => f.key === growth.key)?.value).toBe(5.8);
      expect((await api.figureHistory({ deckId, key: growth.key })).changes.map((c) => [c.oldValue, c.newValue])).toEqual([
        [5.5, 5.6],
        [5.6, 5.8],
      ]);
    });

    it('refuses what cannot be refreshed, clearly', async () => {
      const made = await api.createDeck({ title: '手工新建' });
      await expectError(api.refreshPreview({ deckId: made.id, ...REVISED }), 'INVALID_ARGUMENT');
      await expectError(api.refreshPreview({ deckId: 'nope', ...REVISED }), 'NOT_FOUND');
      await expectError(api.refreshPreview({ deckId, fileName: 'x.txt', dataBase64: '' }), 'REPORT_EMPTY');
      await expectError(api.refreshApply({ deckId, ...REVISED, accept: [] }), 'INVALID_ARGUMENT');
      await expectError(api.refreshApply({ deckId, ...REVISED, accept: ['fig~nope'] }), 'INVALID_ARGUMENT');
      const deck = await api.getDeck({ deckId });
      const review = await api.refreshPreview({ deckId, ...REVISED });
      await api.renameDeck({ deckId, title: '别处改过' });
      await expectError(api.refreshApply({ deckId, ...REVISED, accept: [review.items[0]!.id], expectedUpdatedAt: deck.updatedAt }), 'CONFLICT');
      expect((await api.getDeck({ deckId })).figures).toEqual(deck.figures);
    });

    it('signs a deck off; an edit makes it need signing off again, in the deck and in the library', async () => {
      expect((await api.getDeck({ deckId })).approval).toBeNull();
      const a = await api.approveDeck({ deckId, approver: '  办公室 王主任 ' });
      expect(a).toMatchObject({ approver: '办公室 王主任', current: true, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect((await api.getDeck({ deckId })).approval).toEqual(a);
      expect((await api.listDecks({})).decks.find((d) => d.id === deckId)?.approval).toEqual(a);
      expect((await api.listRevisions({ deckId })).revisions[0]?.label).toBe('定稿（办公室 王主任）');

      const deck = await api.getDeck({ deckId });
      const slide = deck.slides[1]!;
      await api.saveEdits({ deckId, slides: [{ id: slide.id, layout: slide.layout, title: `${slide.title}（改）`, blocks: slide.blocks, notes: slide.notes, hidden: slide.hidden }] });
      expect((await api.getDeck({ deckId })).approval).toMatchObject({ sha256: a.sha256, current: false });
      expect((await api.listDecks({})).decks.find((d) => d.id === deckId)?.approval?.current).toBe(false);
      await expectError(api.approveDeck({ deckId, approver: '   ' }), 'INVALID_ARGUMENT');
    });

    it('carries the sign-off in a bundle, and an opened bundle says whether it still matches', async () => {
      await api.approveDeck({ deckId, approver: '王主任' });
      const file = await api.exportDeck({ deckId, format: 'huibao' });
      const opened = await api.openBundle({ fileName: file.fileName, dataBase64: file.dataBase64 });
      expect(opened.approval).toMatchObject({ approver: '王主任', current: true });
      expect((await api.getDeck({ deckId: opened.deckId })).approval?.current).toBe(true);

      // Edited after the sign-off: the bundle carries no approval.
      await api.updateFigure({ deckId, key: (await api.getDeck({ deckId })).figures[0]!.key, value: '9.9' });
      const changed = await api.exportDeck({ deckId, format: 'huibao' });
      expect((await api.openBundle({ fileName: changed.fileName, dataBase64: changed.dataBase64 })).approval ?? null).toBeNull();
    });
  });
}
