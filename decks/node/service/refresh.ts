// 用新版报告更新: a revised report compared with the one a deck was made from (refreshPreview), and the items staff
// chose applied in one transaction after keeping the deck as a named version (refreshApply). The comparison and the
// edits are pure (refresh/review.ts, refresh/apply.ts); this part reads and writes the store.
import { ApiError } from '../../common/api.ts';
import { newId } from '../../common/ids.ts';
import { applyRefresh } from '../refresh/apply.ts';
import { refreshPlan } from '../refresh/review.ts';
import { decodeReport, parseReport, type DecodedReport } from '../report/index.ts';
import { conflict, decodeBase64, invalid, nextStamp, type Methods, type ServiceContext } from './context.ts';

const REFRESH_CONFLICT = {
  zh: '此演示稿在比对新版报告后又被修改（另一个窗口或程序），未作更新。请重新打开后再更新。',
  en: 'This deck was changed elsewhere after the revised report was compared; nothing was updated. Open the deck again and update.',
};

/** The label of the named version kept just before a refresh. */
const BEFORE_LABEL = (fileName: string) => `用新版报告更新前（${fileName.slice(0, 80)}）`;

export function refreshMethods(ctx: ServiceContext): Methods<'refreshPreview' | 'refreshApply'> {
  const { store, now } = ctx;

  /** The text a deck's next refresh compares with: the revised report last applied in full, else the imported one. */
  function baseOf(deckId: string): { text: string; format: DecodedReport['format'] } {
    const row = ctx.requireDeck(deckId);
    const base = store.approvals.refreshBase(deckId) ?? (row.reportId !== null ? store.reports.source(row.reportId) : undefined);
    if (!base) {
      throw new ApiError(
        'INVALID_ARGUMENT',
        '此演示稿不是由报告生成的（是新建的或从 .huibao 文件打开的），无法与新版报告比对。',
        'This deck was not made from a report (it was created or opened from a .huibao file), so there is no report to compare a revision with.',
      );
    }
    return { text: base.text, format: base.format as DecodedReport['format'] };
  }

  async function planFor(deckId: string, fileName: string, dataBase64: string) {
    const base = baseOf(deckId);
    const revised = await decodeReport(decodeBase64(dataBase64), fileName);
    const deck = ctx.loadDeck(deckId);
    const plan = refreshPlan({ base: parseReport(base), revised: parseReport(revised), fileName, deck });
    return { plan, revised, deck };
  }

  return {
    async refreshPreview({ deckId, fileName, dataBase64 }) {
      return (await planFor(deckId, fileName, dataBase64)).plan.review;
    },

    async refreshApply({ deckId, fileName, dataBase64, accept, expectedUpdatedAt }) {
      const { plan, revised, deck } = await planFor(deckId, fileName, dataBase64);
      if (accept.length === 0) throw invalid('没有选择要采用的更改。', 'No change was chosen to apply.');
      const unknown = accept.filter((id) => !plan.steps.has(id));
      if (unknown.length > 0) {
        throw invalid(
          `这些更改不在新版报告的比对结果中（比对结果可能已过时，请重新比对）：${unknown.slice(0, 3).join('、')}`,
          `These changes are not in the review of the revised report (it may be out of date; compare again): ${unknown.slice(0, 3).join(', ')}`,
        );
      }
      const chosen = new Set(accept);
      const result = applyRefresh(deck, plan, chosen, newId);
      // Everything applicable taken: the revised report is the deck's report from now on. Otherwise the next review
      // still compares with the earlier one, so what was left out is offered again (what was taken is not: see review.ts).
      const whole = [...plan.steps.keys()].every((id) => chosen.has(id));
      const keptAs = store.transaction(() => {
        const row = ctx.requireDeck(deckId);
        if (expectedUpdatedAt !== undefined && row.updatedAt !== expectedUpdatedAt) throw conflict(REFRESH_CONFLICT);
        if (row.updatedAt !== deck.updatedAt) throw conflict(REFRESH_CONFLICT);
        const kept = ctx.saveSnapshot(deckId, BEFORE_LABEL(fileName), false);
        const at = nextStamp(now(), row.updatedAt);
        for (const f of result.figures) {
          store.figures.setValue(deckId, f.before, { value: f.value, decimals: f.decimals, grouped: f.grouped, label: f.before.label }, at);
          store.figures.setSource(deckId, f.before.key, f.source);
        }
        store.figures.insertAll(deckId, result.newFigures.map((f) => ({ ...f, updatedAt: at })));
        const existing = new Set(deck.slides.map((s) => s.id));
        for (const s of result.slides) {
          if (!result.changed.has(s.id)) continue;
          const { section: _, ...content } = s;
          if (existing.has(s.id)) store.slides.update(deckId, content);
          else store.slides.insert(deckId, content, result.slides.length);
        }
        if (result.added.size > 0) store.slides.writeOrder(deckId, result.slides.map((s) => s.id));
        if (whole) store.approvals.setRefreshBase(deckId, { fileName, format: revised.format, sha256: revised.sha256, text: revised.text, appliedAt: at });
        store.decks.touch(deckId, at);
        return kept;
      });
      return { deck: ctx.loadDeck(deckId), keptAs, applied: result.applied };
    },
  };
}
