// Revisions: named and automatic versions of a deck's slides and figures, and restoring one.
import { notFound, type Methods, type ServiceContext } from './context.ts';

const RESTORE_LABEL = '恢复前自动保存';

export function revisionMethods(ctx: ServiceContext): Methods<'listRevisions' | 'saveRevision' | 'restoreRevision'> {
  const { store, now, requireDeck } = ctx;
  return {
    listRevisions({ deckId }) {
      requireDeck(deckId);
      return { revisions: store.revisions.list(deckId) };
    },

    saveRevision({ deckId, label, auto }) {
      requireDeck(deckId);
      return store.transaction(() => ctx.saveSnapshot(deckId, label, auto === true));
    },

    restoreRevision({ deckId, revisionId }) {
      requireDeck(deckId);
      const snap = store.revisions.snapshot(deckId, revisionId);
      if (!snap) throw notFound({ zh: '版本', en: 'revision' }, revisionId);
      const keptAs = store.transaction(() => {
        const kept = ctx.saveSnapshot(deckId, RESTORE_LABEL, true);
        const at = now();
        store.slides.replaceAll(deckId, snap.slides);
        store.figures.replaceAll(deckId, snap.figures, at);
        store.decks.touch(deckId, at);
        return kept;
      });
      return { deck: ctx.loadDeck(deckId), keptAs };
    },
  };
}
