// Slides and edits: the editor's autosave, every slide and figure edit of one save in one transaction. It is the only
// way slides change through the API, so every change follows one set of conflict rules (`expectedUpdatedAt`).
import { figureUsage, parseFigureValue } from '../../common/deckOps.ts';
import { sameFigure } from '../../common/figures.ts';
import { LIMITS, type Figure } from '../../common/model.ts';
import { conflict, invalid, nextStamp, notFound, type Methods, type ServiceContext } from './context.ts';

const DECK_CONFLICT = {
  zh: '此演示稿已在别处被修改（另一个窗口或程序），本次更改未保存。请重新打开演示稿后再编辑。',
  en: 'This deck was changed elsewhere (another window or program); your change was not saved. Open the deck again and edit.',
};

export function slideMethods(ctx: ServiceContext): Methods<'saveEdits'> {
  const { store, now, requireDeck, requireFigure } = ctx;

  /** Figures a save adds, by key: those the deck lacks. A key it holds for a different figure is refused. */
  function addedFigures(deckId: string, figures: readonly Figure[]): Map<string, Figure> {
    const added = new Map<string, Figure>();
    for (const f of figures) {
      const mine = store.figures.get(deckId, f.key);
      if (mine && sameFigure(mine, f)) continue;
      if (mine || added.has(f.key)) throw invalid(`数字的键已被占用：${f.key}`, `The figure key is taken: ${f.key}`);
      added.set(f.key, f);
    }
    if (added.size > 0 && store.figures.list(deckId).length + added.size > LIMITS.figuresPerDeck) {
      throw invalid(`一个演示稿最多 ${LIMITS.figuresPerDeck} 个数字`, `A deck holds at most ${LIMITS.figuresPerDeck} figures`);
    }
    return added;
  }

  return {
    saveEdits({ deckId, slides = [], removed = [], order, figures = [], newFigures = [], removedFigures = [], theme, expectedUpdatedAt }) {
      requireDeck(deckId);
      // Everything is checked before the first write; the transaction then rolls back only on a storage failure.
      const figuresAdded = addedFigures(deckId, newFigures);
      for (const key of removedFigures) requireFigure(deckId, key);
      const typedFigures = figures.map((f) => {
        const before = figuresAdded.get(f.key) ?? requireFigure(deckId, f.key);
        // A figure whose value and label stay (only its place in the report moves) keeps its time and confirmation.
        const typed =
          f.value === undefined && f.label === undefined
            ? null
            : { ...(f.value === undefined ? { value: before.value, decimals: before.decimals, grouped: before.grouped } : parseFigureValue(f.value)), label: f.label ?? before.label };
        return { before, typed, source: f.source };
      });
      const written = new Set<string>();
      for (const s of slides) {
        if (written.has(s.id)) throw invalid(`幻灯片重复：${s.id}`, `Slide given twice: ${s.id}`);
        written.add(s.id);
      }
      return store.transaction(() => {
        const row = requireDeck(deckId);
        if (expectedUpdatedAt !== undefined && row.updatedAt !== expectedUpdatedAt) throw conflict(DECK_CONFLICT);
        const current = store.slides.order(deckId);
        const present = new Set(current);
        const gone = new Set(removed);
        const missing = removed.filter((id) => !present.has(id));
        if (missing.length > 0) throw notFound({ zh: '幻灯片', en: 'slide' }, missing.slice(0, 3).join(', '));
        if (slides.some((s) => gone.has(s.id))) throw invalid('同一张幻灯片不能既保存又删除', 'A slide cannot be both saved and removed');
        const added = slides.filter((s) => !present.has(s.id));
        const after = [...current.filter((id) => !gone.has(id)), ...added.map((s) => s.id)];
        let next = after;
        if (order) {
          const expected = new Set(after);
          if (order.length !== after.length || new Set(order).size !== order.length || order.some((id) => !expected.has(id))) {
            throw invalid('幻灯片顺序必须恰好列出每张幻灯片一次', 'The slide order must list every slide exactly once');
          }
          next = order;
        }
        if (next.length > LIMITS.slidesPerDeck) {
          throw invalid(`一个演示稿最多 ${LIMITS.slidesPerDeck} 张幻灯片`, `A deck holds at most ${LIMITS.slidesPerDeck} slides`);
        }
        const at = nextStamp(now(), row.updatedAt);
        store.figures.insertAll(deckId, [...figuresAdded.values()].map(({ display: _, ...f }) => f));
        store.slides.remove(deckId, removed);
        added.forEach((s, i) => store.slides.insert(deckId, s, current.length + i));
        for (const s of slides) if (present.has(s.id)) store.slides.update(deckId, s);
        if (removed.length > 0 || added.length > 0 || order) store.slides.writeOrder(deckId, next);
        for (const { before, typed, source } of typedFigures) {
          if (typed) store.figures.setValue(deckId, before, typed, at);
          if (source !== undefined) store.figures.setSource(deckId, before.key, source);
        }
        if (removedFigures.length > 0) {
          const shown = figureUsage(store.slides.list(deckId));
          const still = removedFigures.filter((key) => shown.has(key));
          if (still.length > 0) throw invalid(`仍有幻灯片显示这些数字，不能删除：${still.slice(0, 3).join('、')}`, `Slides still show these figures, so they cannot be removed: ${still.slice(0, 3).join(', ')}`);
          store.figures.remove(deckId, removedFigures);
        }
        if (theme !== undefined) store.decks.setTheme(deckId, theme, at);
        store.decks.touch(deckId, at);
        return { order: next, figures: typedFigures.map(({ before }) => requireFigure(deckId, before.key)), updatedAt: at };
      });
    },
  };
}
