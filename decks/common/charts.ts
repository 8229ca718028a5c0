// Charts bound to figures: a chart block holds references to the deck's figures (or values typed by hand), never
// copies of their numbers, so a figure changed once redraws every chart that shows it. This module resolves a chart
// against the figures (what every renderer draws: the screen's SVG, the PPTX's native chart), decides which kinds a
// chart may take, and proposes charts where they make sense (at import, and from figures chosen in the 数据 panel).
import { formatNumber } from './figures.ts';
import { LIMITS } from './limits.ts';
import type { ChartBlock, ChartKind, ChartPoint, Figure, Slide, Theme } from './model.ts';
import { THEME_PALETTES } from './themes.ts';

export interface ResolvedPoint {
  /** The number drawn; null where the series has no value, or its figure is gone. */
  value: number | null;
  /** The data label: the figure's display (“5.5%”, “约4.38亿元”), or a typed value with its unit and the hand mark. */
  label: string;
  /** The figure it shows, or null for a value typed by hand (or none). */
  figureKey: string | null;
  manual: boolean;
}

export interface ResolvedChart {
  /** The kind drawn: a pie that no longer sums to 100 % is drawn as columns. */
  kind: ChartKind;
  title: string;
  categories: string[];
  series: { name: string; points: ResolvedPoint[] }[];
  /** The values' unit, from the figures (the axis names it). */
  unit: string;
  legend: boolean;
  /** The series' colours, hex without '#', from the theme. */
  colors: string[];
  /** Some value was typed by hand: the chart says so under it. */
  manual: boolean;
  /** Figure keys the chart refers to that the deck no longer has. */
  missing: string[];
}

/** The mark after a value typed by hand, on the chart and in the PPTX; the note under the chart explains it. */
export const MANUAL_MARK = '*';

/** The theme's chart colours, the first series taking colour `start`. */
export function seriesColors(theme: Theme, start: number): string[] {
  const list = THEME_PALETTES[theme].chart;
  return list.map((_, i) => list[(start + i) % list.length]!);
}

/** How a value typed by hand is written: like the chart's figures (their pattern), with the hand mark. */
function manualLabel(value: number, like: Figure | undefined, unit: string): string {
  const decimals = Math.min(6, Math.max(0, (String(value).split('.')[1] ?? '').length));
  const number = formatNumber(value, decimals, like?.grouped ?? false);
  return (like ? like.pattern.replace('{v}', number) : number + unit) + MANUAL_MARK;
}

/** Whether any of the slides is a chart slide or holds a chart: what needs the chart engine, or a reader that knows charts. */
export function holdsCharts(slides: readonly Pick<Slide, 'layout' | 'blocks'>[]): boolean {
  return slides.some((s) => s.layout === 'chart' || s.blocks.some((b) => b.kind === 'chart'));
}

/** The figures a chart refers to, in order, each once. */
export function chartFigureKeys(block: Pick<ChartBlock, 'series'>): string[] {
  const keys = new Set<string>();
  for (const s of block.series) for (const p of s.points) if (p && 'fig' in p) keys.add(p.fig);
  return [...keys];
}

/** A chart with its figures' current values: what is drawn. */
export function resolveChart(block: ChartBlock, figures: ReadonlyMap<string, Figure>, theme: Theme): ResolvedChart {
  const used = chartFigureKeys(block).flatMap((k) => figures.get(k) ?? []);
  const like = used[0];
  const unit = like?.unit ?? '';
  const missing = chartFigureKeys(block).filter((k) => !figures.has(k));
  const resolvePoint = (p: ChartPoint | null | undefined): ResolvedPoint => {
    if (!p) return { value: null, label: '', figureKey: null, manual: false };
    if ('fig' in p) {
      const f = figures.get(p.fig);
      return f ? { value: f.value, label: f.display, figureKey: f.key, manual: false } : { value: null, label: '[?]', figureKey: p.fig, manual: false };
    }
    return { value: p.value, label: manualLabel(p.value, like, unit), figureKey: null, manual: true };
  };
  const series = block.series.map((s) => ({ name: s.name, points: block.categories.map((_, i) => resolvePoint(s.points[i])) }));
  const resolved: ResolvedChart = {
    kind: block.chart,
    title: block.title,
    categories: [...block.categories],
    series,
    unit,
    legend: block.legend,
    colors: seriesColors(theme, block.color),
    manual: series.some((s) => s.points.some((p) => p.manual)),
    missing,
  };
  if (block.chart === 'pie' && !isShareOfWhole(resolved)) resolved.kind = 'column';
  return resolved;
}

/**
 * The order categories are drawn in (indices into `categories`): as set, except in a ranking, which reads best first —
 * ranks (第N位) ascending, everything else largest first. The screen and the PPTX draw the same order.
 */
export function drawOrder(chart: Pick<ResolvedChart, 'kind' | 'categories' | 'series' | 'unit'>): number[] {
  const order = chart.categories.map((_, i) => i);
  if (chart.kind !== 'ranking') return order;
  const values = order.map((i) => chart.series[0]?.points[i]?.value ?? null);
  const ascending = chart.unit === '位' || chart.unit === '名';
  const key = (i: number) => values[i] ?? (ascending ? Infinity : -Infinity);
  return order.sort((a, b) => (ascending ? key(a) - key(b) : key(b) - key(a)));
}

/** A pie only shows shares of a whole: one series of percentages, each above zero, summing to 100 (±0.5 for rounding). */
export function isShareOfWhole(chart: Pick<ResolvedChart, 'series' | 'unit'>): boolean {
  if (chart.series.length !== 1 || !isPercent(chart.unit)) return false;
  const values = chart.series[0]!.points.map((p) => p.value);
  if (values.length < 2 || values.some((v) => v === null || v <= 0)) return false;
  const sum = (values as number[]).reduce((a, b) => a + b, 0);
  return Math.abs(sum - 100) <= 0.5;
}

/** The kinds a chart may take now (a pie only while its values are shares of a whole). */
export function chartKindsFor(block: ChartBlock, figures: ReadonlyMap<string, Figure>): ChartKind[] {
  const pie = isShareOfWhole(resolveChart({ ...block, chart: 'column' }, figures, 'official'));
  return (['column', 'bar', 'line', 'ranking', 'pie'] as const).filter((k) => k !== 'pie' || pie);
}

const isPercent = (unit: string) => unit === '%' || unit === '％';
const isPercentagePoint = (unit: string) => unit === '个百分点' || unit === '百分点';
const falling = (f: Pick<Figure, 'direction'>) => f.direction === '下降' || f.direction === '减少';

/** Why figures do not make a chart: too few, units that differ, % beside 个百分点, rises beside falls. */
export type ChartRefusal = 'few-points' | 'percent-and-points' | 'mixed-units' | 'mixed-directions' | 'level-and-change';

/** Whether these figures make one chart (the rules the import and the 数据 panel's 生成图表 both follow). */
export function chartRefusal(figs: readonly Pick<Figure, 'unit' | 'direction'>[]): ChartRefusal | null {
  if (figs.length < 2) return 'few-points';
  const units = new Set(figs.map((f) => unitKey(f.unit)));
  if ([...units].some(isPercent) && [...units].some(isPercentagePoint)) return 'percent-and-points';
  if (units.size > 1) return 'mixed-units';
  if (figs.some((f) => falling(f)) && figs.some((f) => !falling(f))) return 'mixed-directions';
  // A level (第33位, 占比38%) beside a change (上升5位, 增长7%) shares a unit but not a scale.
  if (figs.some((f) => f.direction === '') && figs.some((f) => f.direction !== '')) return 'level-and-change';
  return null;
}

/** Units written two ways are one unit (％ and %, 万 人 and 万人). */
function unitKey(unit: string): string {
  return unit.replace(/\s+/g, '').replace(/％/g, '%');
}

/** The refusal said to the person who asked for the chart (zh + en). */
export const CHART_REFUSALS: Record<ChartRefusal, { zh: string; en: string }> = {
  'few-points': { zh: '图表至少需要两个数据：请在数据面板中选择两个或更多数据。', en: 'A chart needs at least two figures: select two or more in the Figures panel.' },
  'percent-and-points': {
    zh: '“%”与“个百分点”不能画在同一张图表里：前者是比率，后者是比率之差。请只选择其中一种。',
    en: 'Percentages (%) and percentage points (个百分点) cannot share a chart: one is a rate, the other a difference of rates. Select one kind only.',
  },
  'mixed-units': { zh: '所选数据的单位不同，不能画在同一张图表里：请选择单位相同的数据。', en: 'The selected figures have different units and cannot share a chart: select figures with one unit.' },
  'level-and-change': {
    zh: '所选数据有的是数值本身、有的是增减变化（如“第33位”与“上升5位”），不能画在同一张图表里：请分开选择。',
    en: 'Some selected figures are levels and some are changes (such as 第33位 and 上升5位); they cannot share a chart: select them separately.',
  },
  'mixed-directions': {
    zh: '所选数据有的增长、有的下降，画在同一张图表里会误导：请分开选择。',
    en: 'Some selected figures rise and some fall; one chart of them would mislead: select them separately.',
  },
};

/** The kind a chart of these figures starts as: ranks (第N位) as a ranking, otherwise columns. */
function proposedKind(unit: string): ChartKind {
  return unit === '位' || unit === '名' ? 'ranking' : 'column';
}

/** A chart of figures, one series, each figure a category named by its label; null (with the reason) when they do not make one. */
export function chartOfFigures(figs: readonly Pick<Figure, 'key' | 'label' | 'unit' | 'direction'>[], title = ''): { chart: ChartBlock } | { refusal: ChartRefusal } {
  const refusal = chartRefusal(figs);
  if (refusal) return { refusal };
  const shown = figs.slice(0, LIMITS.chartCategories);
  return {
    chart: {
      kind: 'chart',
      chart: proposedKind(shown[0]!.unit),
      title: title.slice(0, LIMITS.labelChars),
      categories: shown.map((f) => (f.label || f.key).slice(0, LIMITS.labelChars)),
      series: [{ name: title.slice(0, LIMITS.labelChars), points: shown.map((f) => ({ fig: f.key })) }],
      legend: false,
      color: 0,
    },
  };
}

const ONLY_FIGURE = /^\s*\{fig:([A-Za-z0-9_.-]{1,64})\}\s*$/;

/**
 * A chart of a table of indicators (指标 | 2022年 | 2023年 | 增幅): the rows whose cells hold figures of one unit become
 * the categories, each column of such figures a series named by its header. The largest such group of rows is taken;
 * null when no group makes a chart by the rules.
 */
export function chartOfTable(table: { header: readonly string[]; rows: readonly (readonly string[])[] }, figures: ReadonlyMap<string, Figure>): ChartBlock | null {
  const figureIn = (cell: string | undefined): Figure | undefined => {
    const m = cell === undefined ? null : ONLY_FIGURE.exec(cell);
    return m ? figures.get(m[1]!) : undefined;
  };
  // For each unit and column, the rows holding a figure of that unit there; columns with the same rows make one chart
  // (a 增幅 column in % beside 2022 and 2023 columns in 亿元 does not join them).
  const byRows = new Map<string, { unit: string; rows: number[]; columns: number[] }>();
  table.header.forEach((_, c) => {
    if (c === 0) return;
    const rowsOf = new Map<string, number[]>();
    table.rows.forEach((row, r) => {
      const f = figureIn(row[c]);
      if (f) rowsOf.set(unitKey(f.unit), [...(rowsOf.get(unitKey(f.unit)) ?? []), r]);
    });
    for (const [unit, rows] of rowsOf) {
      const id = `${unit}\u0000${rows.join(',')}`;
      const group = byRows.get(id) ?? { unit, rows, columns: [] };
      group.columns.push(c);
      byRows.set(id, group);
    }
  });
  let best: ChartBlock | null = null;
  let bestPoints = 0;
  for (const { rows, columns } of byRows.values()) {
    const chosenRows = rows.slice(0, LIMITS.chartCategories);
    const chosenColumns = columns.slice(0, LIMITS.chartSeries);
    const figs = chosenRows.flatMap((r) => chosenColumns.map((c) => figureIn(table.rows[r]![c])!));
    if (chartRefusal(figs) !== null) continue;
    const points = figs.length;
    if (points <= bestPoints) continue;
    bestPoints = points;
    best = {
      kind: 'chart',
      chart: proposedKind(figs[0]!.unit),
      title: '',
      categories: chosenRows.map((r) => stripRefs(table.rows[r]![0] ?? '', figures).slice(0, LIMITS.labelChars) || `${r + 1}`),
      series: chosenColumns.map((c) => ({
        name: stripRefs(table.header[c] ?? '', figures).slice(0, LIMITS.labelChars),
        points: chosenRows.map((r): ChartPoint => ({ fig: figureIn(table.rows[r]![c])!.key })),
      })),
      legend: chosenColumns.length > 1,
      color: 0,
    };
  }
  return best;
}

/** A cell's text with its figure references as their displays (a category label is plain text). */
function stripRefs(text: string, figures: ReadonlyMap<string, Figure>): string {
  return text.replace(/\{fig:([A-Za-z0-9_.-]{1,64})\}/g, (_, key: string) => figures.get(key)?.display ?? '').trim();
}

/**
 * Lists of comparable figures in one sentence (“分别增长5.2%和7.4%”, three industries' output): groups of figures of one
 * source sentence that make a chart by the rules, in report order.
 */
export function figureLists<F extends Pick<Figure, 'key' | 'label' | 'unit' | 'direction' | 'source'>>(figures: readonly F[]): F[][] {
  const bySentence = new Map<string, F[]>();
  for (const f of figures) {
    if (!f.source) continue;
    const id = `${f.source.paragraph}\u0000${f.source.sentence}`;
    bySentence.set(id, [...(bySentence.get(id) ?? []), f]);
  }
  const lists: F[][] = [];
  for (const group of bySentence.values()) {
    // The figures of one unit in the sentence: a sentence may list 产值 in 亿元 beside growth in %.
    const byUnit = new Map<string, F[]>();
    for (const f of group) byUnit.set(unitKey(f.unit), [...(byUnit.get(unitKey(f.unit)) ?? []), f]);
    for (const list of byUnit.values()) {
      const labels = new Set(list.map((f) => f.label));
      // Figures without distinct labels cannot be told apart on an axis; a year's count beside a running total
      // (新增… / 累计…) is no comparison.
      const totals = list.filter((f) => f.label.includes('累计')).length;
      // One label inside another (营业收入 / 营业收入突破) is one measure said twice.
      const repeated = list.some((f) => list.some((g) => g !== f && g.label.length > 0 && f.label.includes(g.label)));
      if (labels.size === list.length && !repeated && (totals === 0 || totals === list.length) && chartRefusal(list) === null) lists.push(list);
    }
  }
  return lists;
}

/** Moves category `from` (its label and each series' point) to place `to`: the inspector's reorder. */
export function moveCategory(block: ChartBlock, from: number, to: number): ChartBlock {
  if (from === to || from < 0 || to < 0 || from >= block.categories.length || to >= block.categories.length) return block;
  const move = <T>(list: readonly T[]): T[] => {
    const copy = [...list];
    const [item] = copy.splice(from, 1);
    copy.splice(to, 0, item as T);
    return copy;
  };
  return { ...block, categories: move(block.categories), series: block.series.map((s) => ({ ...s, points: move(block.categories.map((_, i) => s.points[i] ?? null)) })) };
}

/** Removes category `index` (a figure taken off the chart); a chart keeps at least one category. */
export function removeCategory(block: ChartBlock, index: number): ChartBlock {
  if (block.categories.length <= 1 || index < 0 || index >= block.categories.length) return block;
  return {
    ...block,
    categories: block.categories.filter((_, i) => i !== index),
    series: block.series.map((s) => ({ ...s, points: block.categories.map((_, i) => s.points[i] ?? null).filter((_, i) => i !== index) })),
  };
}

/** Adds a figure as a new category of a one-series chart (or a point of each series: the figure for the first). */
export function addFigureToChart(block: ChartBlock, figure: Figure): ChartBlock {
  if (block.categories.length >= LIMITS.chartCategories) return block;
  return {
    ...block,
    categories: [...block.categories, (figure.label || figure.key).slice(0, LIMITS.labelChars)],
    series: block.series.map((s, i) => ({ ...s, points: [...block.categories.map((_, j) => s.points[j] ?? null), i === 0 ? { fig: figure.key } : null] })),
  };
}
