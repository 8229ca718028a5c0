// The pre-flight check (放映前检查) on the stored deck, and what it records: figures confirmed by a person, and
// findings dismissed. The findings themselves come from decks/common/preflight.ts.
import { blockingCount, preflight } from '../../common/preflight.ts';
import { invalid, notFound, type Methods, type ServiceContext } from './context.ts';

export function checkMethods(ctx: ServiceContext): Methods<'checkDeck' | 'confirmFigures' | 'dismissFinding'> {
  const { store, now, requireDeck, loadDeck } = ctx;
  return {
    checkDeck({ deckId, overflowing }) {
      const deck = loadDeck(deckId);
      const findings = preflight({
        deck,
        lastNamed: store.revisions.lastNamedFigures(deckId),
        overflowing: overflowing ? new Set(overflowing) : null,
        dismissed: store.findings.dismissed(deckId),
      });
      return { findings, blocking: blockingCount(findings), overflowMeasured: overflowing !== undefined };
    },

    confirmFigures({ deckId, keys, confirmed }) {
      requireDeck(deckId);
      const known = new Set(store.figures.list(deckId).map((f) => f.key));
      const missing = keys.filter((k) => !known.has(k));
      if (missing.length > 0) throw notFound({ zh: '数字', en: 'figure' }, missing.slice(0, 3).join(', '));
      // Confirming changes no content, so the deck's `updatedAt` stays (an open editor's next save is no conflict).
      store.transaction(() => store.figures.confirm(deckId, keys, confirmed === false ? null : now()));
      const wanted = new Set(keys);
      return { figures: store.figures.list(deckId).filter((f) => wanted.has(f.key)) };
    },

    dismissFinding({ deckId, findingId, dismissed }) {
      const row = requireDeck(deckId);
      const on = dismissed !== false;
      const warning = /^import-warning:(.+)$/.exec(findingId)?.[1];
      if (warning !== undefined) {
        // An import warning has one dismissal, shown in the 提示 panel and the check alike.
        if (row.reportId === null || !store.reports.warnings(row.reportId).some((w) => w.id === warning)) throw notFound({ zh: '提示', en: 'warning' }, warning);
        if (!on) throw invalid('已忽略的导入提示不能恢复。', 'A dismissed import warning cannot be brought back.');
        store.reports.dismiss(deckId, warning);
      } else {
        store.findings.setDismissed(deckId, findingId, on);
      }
      return { ok: true };
    },
  };
}
