// The DeckApi contract: real scenarios any host must pass, the same against the in-process service and over HTTP.
// Each test gets a fresh API (a new empty database) from `setup`.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, EXPORT_FORMATS, type DeckApi, type ErrorCode } from '../../decks/common/api.ts';
import { slideEdits } from '../fixtures/slideEdits.ts';

const SAMPLE = new URL('../../decks/samples/shangyu-youth-city.txt', import.meta.url);
const HOSTILE = ['<script>alert(1)</script>', "'); DROP TABLE decks;--", '<img src=x onerror=alert(1)>', '{fig:nope} \u0000 \u202e ☃ 汇报'];

/** Awaits a call that must fail, and checks its code and that it explains itself in both languages. */
async function expectError(call: Promise<unknown>, code: ErrorCode): Promise<ApiError> {
  const err = await call.then(
    () => new Error('the call succeeded but should have failed'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  const apiErr = err as ApiError;
  expect(apiErr.code).toBe(code);
  expect(apiErr.zh.length).toBeGreaterThan(0);
  expect(apiErr.en.length).toBeGreaterThan(0);
  return apiErr;
}

/** Calls a method with arguments that do not fit its type (what a buggy or hostile client may send). */
function raw<K extends keyof DeckApi>(api: DeckApi, name: K, args: unknown): Promise<unknown> {
  return (api[name] as (a: unknown) => Promise<unknown>)(args);
}

async function importSample(api: DeckApi, title?: string) {
  const dataBase64 = readFileSync(SAMPLE).toString('base64');
  return api.importReport({ fileName: 'shangyu-youth-city.txt', dataBase64, ...(title ? { title } : {}) });
}

export function runDeckApiContract(label: string, setup: () => Promise<{ api: DeckApi; teardown(): Promise<void> }>): void {
  describe(`DeckApi contract: ${label}`, () => {
    let api: DeckApi;
    let teardown: () => Promise<void>;
    beforeEach(async () => {
      ({ api, teardown } = await setup());
    });
    afterEach(async () => {
      await teardown();
    });

    it('creates a deck with a title slide, and lists it', async () => {
      const deck = await api.createDeck({ title: '  年度工作汇报  ' });
      expect(deck.title).toBe('年度工作汇报');
      expect(deck.theme).toBe('official');
      expect(deck.deletedAt).toBeNull();
      expect(deck.slides).toHaveLength(1);
      expect(deck.slides[0]).toMatchObject({ layout: 'title', title: '年度工作汇报', hidden: false, section: null });
      const { decks } = await api.listDecks({});
      expect(decks.map((d) => [d.id, d.title, d.slides])).toEqual([[deck.id, '年度工作汇报', 1]]);
      expect(await api.getDeck({ deckId: deck.id })).toEqual(deck);
    });

    it('renames a deck and changes its theme', async () => {
      const deck = await api.createDeck({ title: 'A', theme: 'light' });
      expect(deck.theme).toBe('light');
      const renamed = await api.renameDeck({ deckId: deck.id, title: 'B' });
      expect(renamed).toMatchObject({ id: deck.id, title: 'B', theme: 'light', slides: 1 });
      expect(renamed.updatedAt >= deck.updatedAt).toBe(true);
      const themed = await api.setTheme({ deckId: deck.id, theme: 'contrast' });
      expect(themed.theme).toBe('contrast');
      expect((await api.getDeck({ deckId: deck.id })).title).toBe('B');
    });

    it('renaming a deck renames its cover, unless the cover title was edited by hand', async () => {
      const deck = await api.createDeck({ title: '年度汇报' });
      const cover = deck.slides[0]!;
      await api.renameDeck({ deckId: deck.id, title: '二〇二四年度汇报' });
      expect((await api.getDeck({ deckId: deck.id })).slides[0]!.title).toBe('二〇二四年度汇报');
      await slideEdits(api).updateSlide({ deckId: deck.id, slideId: cover.id, patch: { title: '向区委汇报' } });
      await api.renameDeck({ deckId: deck.id, title: '第三个名字' });
      const after = await api.getDeck({ deckId: deck.id });
      expect(after.title).toBe('第三个名字');
      expect(after.slides[0]!.title).toBe('向区委汇报');
    });

    it('saves a theme chosen in the editor with its other edits', async () => {
      const deck = await api.createDeck({ title: 'T' });
      const r = await api.saveEdits({ deckId: deck.id, theme: 'contrast', expectedUpdatedAt: deck.updatedAt });
      const after = await api.getDeck({ deckId: deck.id });
      expect(after.theme).toBe('contrast');
      expect(after.updatedAt).toBe(r.updatedAt);
      expect((await api.listDecks({})).decks[0]!.theme).toBe('contrast');
    });

    it('duplicates a deck: a new id, the same slides and figures, “（副本）” in the title, independent afterwards', async () => {
      const { deckId } = await importSample(api);
      const original = await api.getDeck({ deckId });
      const copy = await api.duplicateDeck({ deckId });
      expect(copy.id).not.toBe(deckId);
      expect(copy.title).toBe(`${original.title}（副本）`);
      expect(copy.slides).toEqual(original.slides);
      expect(copy.figures.map((f) => [f.key, f.display])).toEqual(original.figures.map((f) => [f.key, f.display]));
      expect(copy.warnings.map((w) => w.id)).toEqual(original.warnings.map((w) => w.id));

      await slideEdits(api).updateSlide({ deckId: copy.id, slideId: copy.slides[0]!.id, patch: { title: '只改副本' } });
      expect((await api.getDeck({ deckId })).slides[0]!.title).toBe(original.slides[0]!.title);

      const named = await api.duplicateDeck({ deckId, title: '另一份' });
      expect(named.title).toBe('另一份');
      // A copy of the copy counts on from the original's name.
      expect((await api.duplicateDeck({ deckId: copy.id })).title).toBe(`${original.title}（副本 2）`);
      expect((await api.listDecks({})).decks).toHaveLength(4);
    });

    it('moves a deck to the trash, restores it, and purges it only from the trash', async () => {
      const keep = await api.createDeck({ title: '保留' });
      const deck = await api.createDeck({ title: '删除' });
      expect(await api.deleteDeck({ deckId: deck.id })).toEqual({ ok: true });
      expect((await api.listDecks({})).decks.map((d) => d.id)).toEqual([keep.id]);
      const trash = (await api.listDecks({ trash: true })).decks;
      expect(trash.map((d) => d.id)).toEqual([deck.id]);
      expect(trash[0]!.deletedAt).not.toBeNull();

      const restored = await api.restoreDeck({ deckId: deck.id });
      expect(restored.deletedAt).toBeNull();
      expect((await api.listDecks({})).decks.map((d) => d.id).sort()).toEqual([keep.id, deck.id].sort());

      await expectError(api.purgeDeck({ deckId: deck.id }), 'INVALID_ARGUMENT');
      await api.deleteDeck({ deckId: deck.id });
      expect(await api.purgeDeck({ deckId: deck.id })).toEqual({ ok: true });
      await expectError(api.getDeck({ deckId: deck.id }), 'NOT_FOUND');
      expect((await api.listDecks({ trash: true })).decks).toEqual([]);
      expect((await api.listDecks({})).decks.map((d) => d.id)).toEqual([keep.id]);
    });

    it('adds, updates, moves, duplicates and deletes slides, keeping sections derived from the order', async () => {
      const deck = await api.createDeck({ title: 'D' });
      const title = deck.slides[0]!.id;
      const last = await slideEdits(api).addSlide({ deckId: deck.id, layout: 'closing', title: '谢谢' });
      const first = await slideEdits(api).addSlide({ deckId: deck.id, layout: 'quote', afterSlideId: null, blocks: [{ kind: 'text', text: '引言', role: 'quote' }] });
      const section = await slideEdits(api).addSlide({ deckId: deck.id, layout: 'section', afterSlideId: title, title: '兴产业' });
      const points = await slideEdits(api).addSlide({ deckId: deck.id, layout: 'points', afterSlideId: section.id, notes: '备注' });
      expect(section.section).toBe(section.id);
      expect(points.section).toBe(section.id);
      let current = await api.getDeck({ deckId: deck.id });
      expect(current.slides.map((s) => s.id)).toEqual([first.id, title, section.id, points.id, last.id]);
      expect(current.sections).toEqual([{ id: section.id, title: '兴产业' }]);
      expect(current.slides.map((s) => s.section)).toEqual([null, null, section.id, section.id, section.id]);

      const updated = await slideEdits(api).updateSlide({
        deckId: deck.id,
        slideId: points.id,
        patch: { title: '要点', blocks: [{ kind: 'bullet', text: '增长{fig:f1}', level: 0 }], hidden: true },
      });
      expect(updated).toMatchObject({ id: points.id, layout: 'points', title: '要点', notes: '备注', hidden: true, section: section.id });
      expect(updated.blocks).toEqual([{ kind: 'bullet', text: '增长{fig:f1}', level: 0 }]);

      const moved = await slideEdits(api).moveSlides({ deckId: deck.id, slideIds: [last.id, first.id], afterSlideId: title });
      expect(moved.order).toEqual([title, first.id, last.id, section.id, points.id]);
      const dup = await slideEdits(api).duplicateSlides({ deckId: deck.id, slideIds: [points.id] });
      expect(dup.slides).toHaveLength(1);
      expect(dup.slides[0]).toMatchObject({ title: '要点', hidden: true, section: section.id });
      expect(dup.slides[0]!.id).not.toBe(points.id);
      expect(dup.order).toEqual([title, first.id, last.id, section.id, points.id, dup.slides[0]!.id]);

      const afterDelete = await slideEdits(api).deleteSlides({ deckId: deck.id, slideIds: [section.id, first.id] });
      expect(afterDelete.order).toEqual([title, last.id, points.id, dup.slides[0]!.id]);
      current = await api.getDeck({ deckId: deck.id });
      expect(current.slides.map((s) => s.id)).toEqual(afterDelete.order);
      expect(current.sections).toEqual([]);
      expect(current.slides.every((s) => s.section === null)).toBe(true);
      expect((await api.listDecks({})).decks[0]!.slides).toBe(4);
    });

    it('refuses unknown slides with NOT_FOUND and changes nothing', async () => {
      const deck = await api.createDeck({ title: 'D' });
      const a = await slideEdits(api).addSlide({ deckId: deck.id, layout: 'points' });
      const before = await api.getDeck({ deckId: deck.id });
      await expectError(slideEdits(api).updateSlide({ deckId: deck.id, slideId: 'nope', patch: { title: 'x' } }), 'NOT_FOUND');
      await expectError(slideEdits(api).moveSlides({ deckId: deck.id, slideIds: [a.id, 'nope'], afterSlideId: null }), 'NOT_FOUND');
      await expectError(slideEdits(api).moveSlides({ deckId: deck.id, slideIds: [a.id], afterSlideId: 'nope' }), 'NOT_FOUND');
      await expectError(slideEdits(api).deleteSlides({ deckId: deck.id, slideIds: [a.id, 'nope'] }), 'NOT_FOUND');
      await expectError(slideEdits(api).duplicateSlides({ deckId: deck.id, slideIds: ['nope'] }), 'NOT_FOUND');
      await expectError(slideEdits(api).addSlide({ deckId: deck.id, layout: 'points', afterSlideId: 'nope' }), 'NOT_FOUND');
      expect(await api.getDeck({ deckId: deck.id })).toEqual(before);
    });

    it('imports the sample report as one deck, and a failed import adds nothing', async () => {
      const result = await importSample(api);
      expect(result.slides).toBeGreaterThan(5);
      expect(result.figures).toBeGreaterThan(5);
      const deck = await api.getDeck({ deckId: result.deckId });
      expect(deck.title).toContain('青春之城');
      expect(deck.reportId).not.toBeNull();
      expect(deck.slides).toHaveLength(result.slides);
      expect(deck.figures).toHaveLength(result.figures);
      expect(new Set(deck.slides.map((s) => s.id)).size).toBe(deck.slides.length);
      expect(deck.sections.map((s) => s.id)).toEqual(deck.slides.filter((s) => s.layout === 'section').map((s) => s.id));
      expect(deck.sections.map((s) => s.title)).toContain('兴产业强平台');
      expect(deck.figures.map((f) => f.display)).toContain('5.5%');
      expect(deck.warnings.map((w) => w.id)).toEqual(result.warnings.map((w) => w.id));

      const titled = await importSample(api, '自定标题');
      expect((await api.getDeck({ deckId: titled.deckId })).title).toBe('自定标题');

      await expectError(api.importReport({ fileName: 'empty.txt', dataBase64: '' }), 'REPORT_EMPTY');
      await expectError(api.importReport({ fileName: 'x.txt', dataBase64: '***not base64***' }), 'INVALID_ARGUMENT');
      expect((await api.listDecks({})).decks).toHaveLength(2);
    });

    it('updates a figure from typed text, keeps its history, and refuses a value that is not a number', async () => {
      const { deckId } = await importSample(api);
      const { figures } = await api.listFigures({ deckId });
      const gdp = figures.find((f) => f.display === '5.5%')!;
      expect(gdp).toBeDefined();

      const updated = await api.updateFigure({ deckId, key: gdp.key, value: ' 6.0 ' });
      expect(updated).toMatchObject({ key: gdp.key, value: 6, decimals: 1, display: '6.0%', label: gdp.label });
      const grouped = await api.updateFigure({ deckId, key: gdp.key, value: '1,286.45', label: '新标签' });
      expect(grouped).toMatchObject({ value: 1286.45, decimals: 2, grouped: true, display: '1,286.45%', label: '新标签' });
      const history = await api.figureHistory({ deckId, key: gdp.key });
      expect(history.changes.map((c) => [c.oldValue, c.newValue])).toEqual([
        [5.5, 6],
        [6, 1286.45],
      ]);
      expect((await api.getDeck({ deckId })).figures.find((f) => f.key === gdp.key)!.display).toBe('1,286.45%');

      for (const bad of ['abc', '5.5%', '1,28', '--3']) {
        const err = await expectError(api.updateFigure({ deckId, key: gdp.key, value: bad }), 'INVALID_ARGUMENT');
        expect(err.zh).toContain(bad);
        expect(err.en).toContain('not a number');
      }
      expect((await api.listFigures({ deckId })).figures.find((f) => f.key === gdp.key)!.value).toBe(1286.45);
      expect((await api.figureHistory({ deckId, key: gdp.key })).changes).toHaveLength(2);
      await expectError(api.updateFigure({ deckId, key: 'no-such-figure', value: '1' }), 'NOT_FOUND');
      await expectError(api.figureHistory({ deckId, key: 'no-such-figure' }), 'NOT_FOUND');
    });

    it('saves revisions and restores one, keeping the current state as an automatic revision first', async () => {
      const { deckId } = await importSample(api);
      const original = await api.getDeck({ deckId });
      const key = original.figures[0]!.key;
      const saved = await api.saveRevision({ deckId, label: '初稿' });
      expect(saved).toMatchObject({ deckId, label: '初稿', auto: false, slides: original.slides.length });

      await slideEdits(api).updateSlide({ deckId, slideId: original.slides[0]!.id, patch: { title: '改过的标题' } });
      await slideEdits(api).deleteSlides({ deckId, slideIds: [original.slides[1]!.id] });
      await api.updateFigure({ deckId, key, value: '99' });
      const edited = await api.getDeck({ deckId });

      const { deck, keptAs } = await api.restoreRevision({ deckId, revisionId: saved.id });
      expect(deck.slides).toEqual(original.slides);
      expect(deck.figures.map((f) => [f.key, f.value, f.display])).toEqual(original.figures.map((f) => [f.key, f.value, f.display]));
      expect(keptAs).toMatchObject({ label: '恢复前自动保存', auto: true, slides: edited.slides.length });
      const { revisions } = await api.listRevisions({ deckId });
      expect(revisions.map((r) => r.id).sort()).toEqual([saved.id, keptAs.id].sort());

      const undo = await api.restoreRevision({ deckId, revisionId: keptAs.id });
      expect(undo.deck.slides).toEqual(edited.slides);
      expect(undo.deck.figures.find((f) => f.key === key)!.value).toBe(99);
      await expectError(api.restoreRevision({ deckId, revisionId: 'nope' }), 'NOT_FOUND');
    });

    it('dismisses an import warning for that deck only', async () => {
      const { deckId, warnings } = await importSample(api);
      expect(warnings.length).toBeGreaterThan(0);
      const copy = await api.duplicateDeck({ deckId });
      const target = warnings[0]!;
      expect(await api.dismissWarning({ deckId, warningId: target.id })).toEqual({ ok: true });
      const deck = await api.getDeck({ deckId });
      expect(deck.warnings.filter((w) => w.dismissed).map((w) => w.id)).toEqual([target.id]);
      expect((await api.getDeck({ deckId: copy.id })).warnings.every((w) => !w.dismissed)).toBe(true);
      await expectError(api.dismissWarning({ deckId, warningId: 'nope' }), 'NOT_FOUND');
    });

    it('checks a deck before it is shown: findings with a severity, a place and fixes; confirmations and dismissals stored', async () => {
      const { deckId, consistency } = await importSample(api);
      expect(consistency).toEqual([]);
      const deck = await api.getDeck({ deckId });
      const first = await api.checkDeck({ deckId });
      expect(first.overflowMeasured).toBe(false);
      const kinds = new Set(first.findings.map((f) => f.kind));
      for (const kind of ['unconfirmed', 'missing-photo', 'import-warning'] as const) expect(kinds, kind).toContain(kind);
      const unconfirmed = first.findings.filter((f) => f.kind === 'unconfirmed');
      expect(unconfirmed.every((f) => f.severity === 'warn' && f.fixes.includes('confirm') && f.figureKey !== null)).toBe(true);
      const photo = first.findings.find((f) => f.kind === 'missing-photo')!;
      expect(photo.fixes).toEqual(['picture', 'hide']);
      expect(deck.slides.some((s) => s.id === photo.slideId)).toBe(true);

      // The renderer tells which slides overflow; those block.
      const measured = await api.checkDeck({ deckId, overflowing: [deck.slides[3]!.id] });
      expect(measured.overflowMeasured).toBe(true);
      expect(measured.findings.filter((f) => f.kind === 'overflow').map((f) => [f.slideId, f.severity])).toEqual([[deck.slides[3]!.id, 'block']]);
      expect(measured.blocking).toBe(first.blocking + 1);

      // Confirming a figure clears its finding without touching the deck's updatedAt (an open editor's save stays valid).
      const key = unconfirmed[0]!.figureKey!;
      const confirmed = await api.confirmFigures({ deckId, keys: [key] });
      expect(confirmed.figures.map((f) => [f.key, typeof f.confirmedAt])).toEqual([[key, 'string']]);
      expect((await api.getDeck({ deckId })).updatedAt).toBe(deck.updatedAt);
      const after = await api.checkDeck({ deckId });
      expect(after.findings.some((f) => f.id === unconfirmed[0]!.id)).toBe(false);

      // A dismissal is stored, and can be taken back; an import warning's is the warning's own.
      await api.dismissFinding({ deckId, findingId: photo.id });
      expect((await api.checkDeck({ deckId })).findings.find((f) => f.id === photo.id)!.dismissed).toBe(true);
      await api.dismissFinding({ deckId, findingId: photo.id, dismissed: false });
      expect((await api.checkDeck({ deckId })).findings.find((f) => f.id === photo.id)!.dismissed).toBe(false);
      const warning = first.findings.find((f) => f.kind === 'import-warning')!;
      await api.dismissFinding({ deckId, findingId: warning.id });
      expect((await api.getDeck({ deckId })).warnings.filter((w) => w.dismissed)).toHaveLength(1);
      await expectError(api.dismissFinding({ deckId, findingId: 'import-warning:nope' }), 'NOT_FOUND');
      await expectError(api.confirmFigures({ deckId, keys: ['nope'] }), 'NOT_FOUND');
      await expectError(raw(api, 'checkDeck', { deckId, overflowing: 'all' }), 'INVALID_ARGUMENT');
      await expectError(raw(api, 'confirmFigures', { deckId, keys: [] }), 'INVALID_ARGUMENT');
    });

    it('prepares an export ahead of the choice: an answer for every format, nothing written', async () => {
      const { deckId } = await importSample(api);
      const before = await api.getDeck({ deckId });
      // These hosts print with a browser started for each export: nothing to start ahead (the kept printers are
      // tested on their own, and a service given one in tests/unit/service/prepareExport.test.ts).
      for (const format of EXPORT_FORMATS) expect(await api.prepareExport({ format })).toEqual({ prepared: false });
      expect(await api.getDeck({ deckId })).toEqual(before);
      await expectError(raw(api, 'prepareExport', { format: 'doc' }), 'INVALID_ARGUMENT');
      await expectError(raw(api, 'prepareExport', { format: 'pdf', deckId }), 'INVALID_ARGUMENT');
    });

    it('answers NOT_FOUND for an unknown deck on every deck method', async () => {
      const deckId = 'no-such-deck';
      const calls: Promise<unknown>[] = [
        api.getDeck({ deckId }),
        api.renameDeck({ deckId, title: 'x' }),
        api.setTheme({ deckId, theme: 'light' }),
        api.duplicateDeck({ deckId }),
        api.deleteDeck({ deckId }),
        api.restoreDeck({ deckId }),
        api.purgeDeck({ deckId }),
        api.saveEdits({ deckId }),
        api.saveEdits({ deckId, removed: ['s'], order: [] }),
        api.listFigures({ deckId }),
        api.updateFigure({ deckId, key: 'k', value: '1' }),
        api.figureHistory({ deckId, key: 'k' }),
        api.listRevisions({ deckId }),
        api.saveRevision({ deckId, label: 'x' }),
        api.restoreRevision({ deckId, revisionId: 'r' }),
        api.dismissWarning({ deckId, warningId: 'w' }),
        api.checkDeck({ deckId }),
        api.confirmFigures({ deckId, keys: ['k'] }),
        api.dismissFinding({ deckId, findingId: 'hidden:s' }),
      ];
      for (const call of calls) {
        const err = await expectError(call, 'NOT_FOUND');
        expect(err.en).toContain(deckId);
      }
    });

    it('refuses malformed calls with INVALID_ARGUMENT and stores nothing', async () => {
      const deck = await api.createDeck({ title: 'D' });
      const slideId = deck.slides[0]!.id;
      await expectError(raw(api, 'createDeck', {}), 'INVALID_ARGUMENT');
      await expectError(raw(api, 'createDeck', { title: '   ' }), 'INVALID_ARGUMENT');
      await expectError(raw(api, 'createDeck', { title: 'x'.repeat(501) }), 'INVALID_ARGUMENT');
      await expectError(raw(api, 'createDeck', { title: 'ok', theme: 'neon' }), 'INVALID_ARGUMENT');
      await expectError(raw(api, 'createDeck', { title: 'ok', extra: true }), 'INVALID_ARGUMENT');
      await expectError(raw(api, 'getDeck', { deckId: 5 }), 'INVALID_ARGUMENT');
      await expectError(raw(api, 'listDecks', { trash: 'yes' }), 'INVALID_ARGUMENT');
      const { section: _, ...cover } = deck.slides[0]!;
      await expectError(raw(api, 'saveEdits', { deckId: deck.id, slides: [{ ...cover, id: 'new1', layout: 'bogus' }] }), 'INVALID_ARGUMENT');
      await expectError(raw(api, 'saveEdits', { deckId: deck.id, slides: [{ ...cover, section: 'x' }] }), 'INVALID_ARGUMENT');
      await expectError(raw(api, 'saveEdits', { deckId: deck.id, slides: [{ ...cover, blocks: [{ kind: 'html', html: '<b>' }] }] }), 'INVALID_ARGUMENT');
      await expectError(raw(api, 'saveEdits', { deckId: deck.id, removed: [''] }), 'INVALID_ARGUMENT');
      await expectError(raw(api, 'saveEdits', { deckId: deck.id, slides: [{ id: slideId, title: 'x' }] }), 'INVALID_ARGUMENT');
      await expectError(raw(api, 'updateFigure', { deckId: deck.id, key: 'k', value: '' }), 'INVALID_ARGUMENT');
      await expectError(raw(api, 'renameDeck', null), 'INVALID_ARGUMENT');
      expect((await api.listDecks({})).decks).toHaveLength(1);
      expect(await api.getDeck({ deckId: deck.id })).toEqual(deck);
    });

    it('stores hostile text faithfully, as text', async () => {
      for (const text of HOSTILE) {
        const deck = await api.createDeck({ title: text });
        expect(deck.title).toBe(text.trim());
        const slide = await slideEdits(api).addSlide({
          deckId: deck.id,
          layout: 'points',
          title: text,
          notes: text,
          blocks: [
            { kind: 'bullet', text, level: 0 },
            { kind: 'image', assetId: null, caption: text, credit: text },
          ],
        });
        const stored = (await api.getDeck({ deckId: deck.id })).slides.find((s) => s.id === slide.id)!;
        expect(stored.title).toBe(text);
        expect(stored.notes).toBe(text);
        expect(stored.blocks).toEqual([
          { kind: 'bullet', text, level: 0 },
          { kind: 'image', assetId: null, caption: text, credit: text },
        ]);
        expect((await api.renameDeck({ deckId: deck.id, title: `${text}!` })).title).toBe(`${text.trim()}!`);
        expect((await api.saveRevision({ deckId: deck.id, label: text })).label).toBe(text.trim());
      }
      expect((await api.listDecks({})).decks).toHaveLength(HOSTILE.length);
      await expectError(api.getDeck({ deckId: "' OR 1=1 --" }), 'NOT_FOUND');
    });
  });
}
