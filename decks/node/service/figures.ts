// Figures: the deck's numbers, one at a time (the CLI's `huibao figure`), and each figure's history of values.
import { parseFigureValue } from '../../common/deckOps.ts';
import { conflict, type Methods, type ServiceContext } from './context.ts';

const FIGURE_CONFLICT = {
  zh: '此数字已在别处被修改（另一个窗口或程序），本次更改未保存。请重新载入后再编辑。',
  en: 'This figure was changed elsewhere (another window or program); your change was not saved. Reload it and edit again.',
};

export function figureMethods(ctx: ServiceContext): Methods<'listFigures' | 'updateFigure' | 'figureHistory'> {
  const { store, now, requireDeck, requireFigure } = ctx;
  return {
    listFigures({ deckId }) {
      requireDeck(deckId);
      return { figures: store.figures.list(deckId) };
    },

    updateFigure({ deckId, key, value, label, expectedUpdatedAt }) {
      store.transaction(() => {
        requireDeck(deckId);
        const before = requireFigure(deckId, key);
        const typed = parseFigureValue(value);
        if (expectedUpdatedAt !== undefined && before.updatedAt !== expectedUpdatedAt) throw conflict(FIGURE_CONFLICT);
        const at = now();
        store.figures.setValue(deckId, before, { ...typed, label: label ?? before.label }, at);
        store.decks.touch(deckId, at);
      });
      return requireFigure(deckId, key);
    },

    figureHistory({ deckId, key }) {
      requireDeck(deckId);
      requireFigure(deckId, key);
      return { changes: store.figures.history(deckId, key) };
    },
  };
}
