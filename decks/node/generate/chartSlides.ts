// Charts proposed at import: where the report holds a table of indicators (its cells figures of one unit) or a list of
// comparable figures in one sentence (“分别增长5.2%和7.4%”), a chart slide of them is proposed — hidden, placed after
// the slide that shows those figures (the table, or the key-figures slide), so it never surprises anyone: staff unhide
// the ones they want. The rules deciding when a chart makes sense are decks/common/charts.ts's.
import { chartFigureKeys, chartOfFigures, chartOfTable, figureLists } from '../../common/charts.ts';
import { figuresOfSlide } from '../../common/deckOps.ts';
import { formatFigure } from '../../common/figures.ts';
import { LIMITS, type ChartBlock, type Figure, type Slide } from '../../common/model.ts';
import type { ExtractedFigure } from '../report/figureExtract.ts';

/** At most this many proposals in a deck: a few good charts, not a hidden slide for every sentence. */
export const CHART_PROPOSALS_MAX = 8;

type NewSlide = Omit<Slide, 'section'>;

/** The slides with the proposed chart slides inserted, each hidden, after the slide whose figures it draws. */
export function withProposedCharts(slides: readonly NewSlide[], extracted: readonly ExtractedFigure[]): NewSlide[] {
  const figures = new Map<string, Figure>(extracted.map((f) => [f.key, { ...f, display: formatFigure(f), updatedAt: '' }]));
  const proposals: { after: string; chart: ChartBlock; title: string; notes: string }[] = [];
  const seen = new Set<string>();
  const propose = (after: NewSlide, chart: ChartBlock) => {
    const id = chart.series.map((s) => s.points.map((p) => (p && 'fig' in p ? p.fig : '')).join(',')).join('|');
    if (seen.has(id) || proposals.length >= CHART_PROPOSALS_MAX) return;
    seen.add(id);
    // The notes name what the chart shows, each number a reference (as the key-figures slide's notes do).
    const notes = `本页图表：${chartFigureKeys(chart)
      .map((k) => `{fig:${k}}（${figures.get(k)?.label ?? k}）`)
      .join('，')}。`;
    proposals.push({ after: after.id, chart, title: `${after.title}（图表）`.slice(0, LIMITS.titleChars), notes });
  };

  // Tables of indicators: right after the table's slide.
  for (const s of slides) {
    for (const b of s.blocks) {
      if (b.kind !== 'table') continue;
      const chart = chartOfTable(b, figures);
      if (chart) propose(s, chart);
    }
  }
  // Lists of comparable figures in one sentence: after the key-figures slide showing them, else the first that does.
  const shownOn = new Map<string, NewSlide[]>();
  for (const s of slides) for (const key of figuresOfSlide(s)) shownOn.set(key, [...(shownOn.get(key) ?? []), s]);
  // Figures of a table are charted with their table.
  const inTables = new Set(slides.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? figuresOfSlide({ title: '', notes: '', blocks: [b] }) : []))));
  for (const list of figureLists(extracted)) {
    if (list.every((f) => inTables.has(f.key))) continue;
    const on = list.flatMap((f) => shownOn.get(f.key) ?? []);
    if (on.length === 0) continue;
    const anchor = on.find((s) => s.layout === 'figures') ?? on[0]!;
    const made = chartOfFigures(list);
    if ('chart' in made) propose(anchor, made.chart);
  }
  if (proposals.length === 0) return [...slides];

  const out: NewSlide[] = [];
  let n = 0;
  for (const s of slides) {
    out.push(s);
    for (const p of proposals.filter((x) => x.after === s.id)) {
      out.push({ id: `${s.id}c${++n}`, layout: 'chart', title: p.title, blocks: [p.chart], notes: p.notes.slice(0, LIMITS.notesChars), hidden: true });
    }
  }
  return out;
}
