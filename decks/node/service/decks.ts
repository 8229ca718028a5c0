// Decks as a whole: the library's list, creating, naming, theming, copying and the trash.
import { newId } from '../../common/ids.ts';
import { LIMITS } from '../../common/model.ts';
import type { SlideContent } from '../store/index.ts';
import { approvalOf } from './approval.ts';
import { invalid, nextStamp, type Methods, type ServiceContext } from './context.ts';

/**
 * The title for a copy of a deck (a duplicate, a bundle opened again): the title itself while no deck has it, else
 * “title（副本）”, then “title（副本 2）”, “title（副本 3）” … — never two decks of the same name from copying.
 */
export function titleOfCopy(title: string, taken: ReadonlySet<string>): string {
  if (!taken.has(title)) return title;
  // A copy of a copy counts on from the original's name: “title（副本 2）”, not “title（副本）（副本）”.
  const base = title.replace(/（副本(?: \d+)?）$/, '') || title;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '（副本）' : `（副本 ${n}）`;
    const candidate = base.slice(0, LIMITS.titleChars - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

export function deckMethods(ctx: ServiceContext): Methods<
  'listDecks' | 'getDeck' | 'createDeck' | 'renameDeck' | 'setTheme' | 'duplicateDeck' | 'deleteDeck' | 'restoreDeck' | 'purgeDeck'
> {
  const { store, now, requireDeck, summary, loadDeck } = ctx;
  return {
    listDecks: ({ trash }) => ({ decks: store.decks.list(trash === true).map((d) => ({ ...d, approval: approvalOf(store, d.id) })) }),

    getDeck: ({ deckId }) => loadDeck(deckId),

    createDeck({ title, theme }) {
      const id = newId();
      const first: SlideContent = { id: newId(), layout: 'title', title, blocks: [], notes: '', hidden: false };
      store.transaction(() => ctx.insertDeck({ id, title, subtitle: '', theme: theme ?? 'official', reportId: null }, [first], []));
      return loadDeck(id);
    },

    renameDeck({ deckId, title }) {
      store.transaction(() => {
        const row = requireDeck(deckId);
        const at = nextStamp(now(), row.updatedAt);
        store.decks.rename(deckId, title, at);
        // The cover follows the deck's name, unless its title was edited by hand (it no longer reads the old name).
        const cover = store.slides.list(deckId)[0];
        if (cover && cover.layout === 'title' && cover.title === row.title) store.slides.update(deckId, { ...cover, title });
      });
      return summary(deckId);
    },

    setTheme({ deckId, theme }) {
      requireDeck(deckId);
      store.decks.setTheme(deckId, theme, now());
      return summary(deckId);
    },

    duplicateDeck({ deckId, title }) {
      const source = requireDeck(deckId);
      const id = newId();
      const copyTitle = title ?? titleOfCopy(source.title, ctx.takenTitles());
      store.transaction(() => {
        ctx.insertDeck({ id, title: copyTitle, subtitle: source.subtitle, theme: source.theme, reportId: source.reportId }, [], []);
        store.slides.copyDeck(deckId, id);
        store.figures.copyDeck(deckId, id);
        store.assets.copyLinks(deckId, id);
        store.reports.copyDismissed(deckId, id);
        store.findings.copyDeck(deckId, id);
      });
      return loadDeck(id);
    },

    deleteDeck({ deckId }) {
      const row = requireDeck(deckId);
      if (row.deletedAt === null) store.decks.setDeleted(deckId, now());
      return { ok: true };
    },

    restoreDeck({ deckId }) {
      requireDeck(deckId);
      store.decks.setDeleted(deckId, null);
      return summary(deckId);
    },

    purgeDeck({ deckId }) {
      const row = requireDeck(deckId);
      if (row.deletedAt === null) {
        throw invalid('只能永久删除回收站中的演示稿，请先将其移到回收站。', 'Only a deck in the trash can be deleted for good; move it to the trash first.');
      }
      store.transaction(() => store.decks.purge(deckId));
      return { ok: true };
    },
  };
}
