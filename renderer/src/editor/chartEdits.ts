// Edits of charts in the editor, each one undo step: a chart made from figures chosen in the 数据 panel (a new slide
// after the current one), and the inspector's changes to a chart block (kind, figures, order, colours, legend).
import { chartOfFigures, CHART_REFUSALS } from '../../../decks/common/charts.ts';
import { blankSlide, insertSlideValue, updateSlide } from '../../../decks/common/deckOps.ts';
import { newId } from '../../../decks/common/ids.ts';
import type { ChartBlock, Figure, Slide } from '../../../decks/common/model.ts';
import type { EditorStore } from './editorStore.ts';
import { single } from './selection.ts';

/**
 * A chart of `figures` on a new slide after the current one, selected. Returns the reason in zh + en when the figures
 * do not make a chart (fewer than two, units that differ, % beside 个百分点, rises beside falls); nothing is changed then.
 */
export function makeChartSlide(store: EditorStore, figures: readonly Figure[], title: string): { zh: string; en: string } | null {
  const made = chartOfFigures(figures);
  if ('refusal' in made) return CHART_REFUSALS[made.refusal];
  const slide: Slide = { ...blankSlide(newId(), 'chart'), title, blocks: [made.chart] };
  const after = store.getState().selection.current || undefined;
  store.edit((m) => ({ ...m, slides: insertSlideValue(m.slides, slide, after) }), { label: 'chart', immediate: true, select: single(slide.id), focus: slide.id });
  return null;
}

/** Replaces chart block `index` of a slide with `next` (one undo step). */
export function editChart(store: EditorStore, slide: Slide, index: number, next: ChartBlock, label: string): void {
  const blocks = slide.blocks.map((b, i) => (i === index ? next : b));
  store.edit((m) => ({ ...m, slides: updateSlide(m.slides, slide.id, { blocks }) }), { label, immediate: true, focus: slide.id });
}
