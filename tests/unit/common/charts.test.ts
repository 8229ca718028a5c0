// The chart model: a chart's points resolve to its figures' current values and displays (a figure changed once changes
// every chart of it), values typed by hand are marked, a pie is drawn only for shares of a whole; and the rules that
// decide when figures make a chart (the import's proposals and the 数据 panel's 生成图表 follow them).
import { describe, expect, it } from 'vitest';
import {
  addFigureToChart,
  chartFigureKeys,
  chartKindsFor,
  chartOfFigures,
  chartOfTable,
  chartRefusal,
  drawOrder,
  figureLists,
  isShareOfWhole,
  MANUAL_MARK,
  moveCategory,
  removeCategory,
  resolveChart,
} from '../../../decks/common/charts.ts';
import { figuresOfSlide, setFigureValue } from '../../../decks/common/deckOps.ts';
import { formatFigure } from '../../../decks/common/figures.ts';
import { Block, type ChartBlock, type Figure } from '../../../decks/common/model.ts';
import { THEME_PALETTES } from '../../../decks/common/themes.ts';

function fig(key: string, label: string, value: number, unit = '%', extra: Partial<Figure> = {}): Figure {
  const base = { key, label, value, unit, pattern: unit === '位' ? '第{v}位' : `{v}${unit}`, decimals: String(value).split('.')[1]?.length ?? 0, grouped: false, qualifier: '' as const, direction: '增长' as const, asOf: null, source: null, updatedAt: '' };
  const f = { ...base, ...extra };
  return { ...f, display: formatFigure(f) };
}
const byKey = (figs: readonly Figure[]) => new Map(figs.map((f) => [f.key, f]));

const growth = [fig('f1', '地区生产总值增长', 5.5), fig('f2', '城镇居民收入增长', 6.3), fig('f3', '农村居民收入增长', 8)];
const chart = (extra: Partial<ChartBlock> = {}): ChartBlock => ({
  kind: 'chart',
  chart: 'column',
  title: '',
  categories: ['地区生产总值', '城镇居民收入', '农村居民收入'],
  series: [{ name: '增速', points: [{ fig: 'f1' }, { fig: 'f2' }, { fig: 'f3' }] }],
  legend: false,
  color: 0,
  ...extra,
});

describe('resolveChart', () => {
  it('resolves each reference to its figure: the value drawn, the display as the label, the unit for the axis, the theme’s colours', () => {
    const r = resolveChart(chart(), byKey(growth), 'official');
    expect(r.series[0]!.points.map((p) => p.value)).toEqual([5.5, 6.3, 8]);
    expect(r.series[0]!.points.map((p) => p.label)).toEqual(['5.5%', '6.3%', '8%']);
    expect(r.series[0]!.points.map((p) => p.figureKey)).toEqual(['f1', 'f2', 'f3']);
    expect(r.unit).toBe('%');
    expect(r.colors[0]).toBe(THEME_PALETTES.official.chart[0]);
    expect(resolveChart(chart({ color: 2 }), byKey(growth), 'light').colors[0]).toBe(THEME_PALETTES.light.chart[2]);
    expect(r.manual).toBe(false);
    expect(r.missing).toEqual([]);
  });

  it('follows a figure changed in the 数据 panel: the chart data changes, nothing in the chart block does', () => {
    const block = chart();
    const before = resolveChart(block, byKey(growth), 'official');
    const { figures } = setFigureValue(growth, 'f2', '7.1', '2026-11-30T20:00:00Z');
    const after = resolveChart(block, byKey(figures), 'official');
    expect(before.series[0]!.points[1]).toMatchObject({ value: 6.3, label: '6.3%' });
    expect(after.series[0]!.points[1]).toMatchObject({ value: 7.1, label: '7.1%' });
    expect(after.series[0]!.points.map((p) => p.value)).toEqual([5.5, 7.1, 8]);
  });

  it('marks a value typed by hand, written like the chart’s figures, and says a deleted figure is missing', () => {
    const block = chart({ categories: ['2022年', '2023年'], series: [{ name: '', points: [{ value: 4.2 }, { fig: 'f1' }] }] });
    const r = resolveChart(block, byKey(growth), 'official');
    expect(r.series[0]!.points[0]).toEqual({ value: 4.2, label: `4.2%${MANUAL_MARK}`, figureKey: null, manual: true });
    expect(r.manual).toBe(true);
    const gone = resolveChart(chart(), byKey(growth.slice(1)), 'official');
    expect(gone.missing).toEqual(['f1']);
    expect(gone.series[0]!.points[0]).toMatchObject({ value: null, label: '[?]' });
  });

  it('draws a pie only for shares of a whole summing to 100 %; otherwise the pie asked for is drawn as columns', () => {
    const shares = [fig('a', '第一产业', 5.2, '%', { direction: '' }), fig('b', '第二产业', 42.6, '%', { direction: '' }), fig('c', '第三产业', 52.2, '%', { direction: '' })];
    const pie = chart({ chart: 'pie', series: [{ name: '', points: [{ fig: 'a' }, { fig: 'b' }, { fig: 'c' }] }] });
    expect(resolveChart(pie, byKey(shares), 'official').kind).toBe('pie');
    expect(chartKindsFor(pie, byKey(shares))).toContain('pie');
    expect(resolveChart(chart({ chart: 'pie' }), byKey(growth), 'official').kind).toBe('column');
    expect(chartKindsFor(chart(), byKey(growth))).not.toContain('pie');
    expect(isShareOfWhole({ unit: '亿元', series: [{ name: '', points: [50, 50].map((value) => ({ value, label: '', figureKey: null, manual: false })) }] })).toBe(false);
  });

  it('draws a ranking best first: ranks ascending, other values largest first', () => {
    const ranks = [fig('r1', '甲区', 12, '位'), fig('r2', '乙区', 3, '位'), fig('r3', '丙区', 33, '位')];
    const block = chart({ chart: 'ranking', series: [{ name: '', points: [{ fig: 'r1' }, { fig: 'r2' }, { fig: 'r3' }] }] });
    expect(drawOrder(resolveChart(block, byKey(ranks), 'official'))).toEqual([1, 0, 2]);
    expect(drawOrder(resolveChart({ ...chart(), chart: 'ranking' }, byKey(growth), 'official'))).toEqual([2, 1, 0]);
    expect(drawOrder(resolveChart(chart(), byKey(growth), 'official'))).toEqual([0, 1, 2]);
  });

  it('is a block of the model: validated by its schema, its figures counted as the slide’s', () => {
    expect(Block.safeParse(chart()).success).toBe(true);
    expect(Block.safeParse({ ...chart(), series: [{ name: '', points: [{ fig: 'f1', value: 3 }] }] }).success).toBe(false);
    expect(Block.safeParse({ ...chart(), categories: [] }).success).toBe(false);
    expect(Block.safeParse({ ...chart(), series: [{ name: '', points: [{ value: Infinity }] }] }).success).toBe(false);
    expect(figuresOfSlide({ title: '', notes: '', blocks: [chart()] })).toEqual(['f1', 'f2', 'f3']);
    expect(chartFigureKeys(chart())).toEqual(['f1', 'f2', 'f3']);
  });
});

describe('the inspector’s edits', () => {
  it('moves a category with its points, removes one, adds a figure as a new category', () => {
    const moved = moveCategory(chart(), 0, 2);
    expect(moved.categories).toEqual(['城镇居民收入', '农村居民收入', '地区生产总值']);
    expect(moved.series[0]!.points).toEqual([{ fig: 'f2' }, { fig: 'f3' }, { fig: 'f1' }]);
    const removed = removeCategory(chart(), 1);
    expect(removed.categories).toEqual(['地区生产总值', '农村居民收入']);
    expect(removed.series[0]!.points).toEqual([{ fig: 'f1' }, { fig: 'f3' }]);
    expect(removeCategory(removeCategory(removed, 0), 0).categories).toHaveLength(1);
    const added = addFigureToChart(removed, growth[1]!);
    expect(added.categories).toEqual(['地区生产总值', '农村居民收入', '城镇居民收入增长']);
    expect(added.series[0]!.points).toEqual([{ fig: 'f1' }, { fig: 'f3' }, { fig: 'f2' }]);
  });
});

describe('when figures make a chart', () => {
  it('needs at least two points', () => {
    expect(chartRefusal([])).toBe('few-points');
    expect(chartRefusal([growth[0]!])).toBe('few-points');
    expect(chartRefusal(growth.slice(0, 2))).toBeNull();
  });

  it('needs one unit (％ and % are one)', () => {
    expect(chartRefusal([fig('a', '甲', 5), fig('b', '乙', 250, '亿元')])).toBe('mixed-units');
    expect(chartRefusal([fig('a', '甲', 5, '%'), fig('b', '乙', 6, '％')])).toBeNull();
    expect(chartRefusal([fig('a', '甲', 12, '亿元'), fig('b', '乙', 30, '亿元')])).toBeNull();
  });

  it('never mixes % with 个百分点', () => {
    expect(chartRefusal([fig('a', '研发投入强度', 3.2), fig('b', '研发投入强度提高', 0.4, '个百分点')])).toBe('percent-and-points');
    expect(chartRefusal([fig('a', '甲', 0.4, '个百分点'), fig('b', '乙', 0.6, '个百分点')])).toBeNull();
  });

  it('never mixes rises with falls, nor levels with changes', () => {
    expect(chartRefusal([fig('a', '能耗', 3, '%', { direction: '下降' }), fig('b', '产值', 6)])).toBe('mixed-directions');
    expect(chartRefusal([fig('a', '能耗', 3, '%', { direction: '下降' }), fig('b', '排放', 5, '%', { direction: '减少' })])).toBeNull();
    expect(chartRefusal([fig('a', '排名', 33, '位', { direction: '' }), fig('b', '排名上升', 2, '位', { direction: '上升' })])).toBe('level-and-change');
  });

  it('makes a one-series chart of the figures, labelled by them; ranks start as a ranking', () => {
    const made = chartOfFigures(growth, '增速');
    expect('chart' in made && made.chart).toMatchObject({ chart: 'column', categories: growth.map((f) => f.label), series: [{ points: [{ fig: 'f1' }, { fig: 'f2' }, { fig: 'f3' }] }] });
    const ranks = chartOfFigures([fig('r1', '甲', 3, '位', { direction: '' }), fig('r2', '乙', 9, '位', { direction: '' })]);
    expect('chart' in ranks && ranks.chart.chart).toBe('ranking');
    expect(chartOfFigures([growth[0]!])).toEqual({ refusal: 'few-points' });
  });

  it('charts a table of indicators: rows of one unit as categories, each year’s column a series, the 增幅 column left out', () => {
    const figures = byKey([
      fig('a22', '2022年规上工业总产值', 1200, '亿元', { direction: '' }),
      fig('a23', '2023年规上工业总产值', 1350, '亿元', { direction: '' }),
      fig('ag', '规上工业总产值增幅', 12.5),
      fig('b22', '2022年营业收入', 2100, '亿元', { direction: '' }),
      fig('b23', '2023年营业收入', 2380, '亿元', { direction: '' }),
      fig('bg', '营业收入增幅', 13.3),
      fig('c22', '2022年研发投入强度', 3.1, '%', { direction: '' }),
      fig('c23', '2023年研发投入强度', 3.4, '%', { direction: '' }),
    ]);
    const table = {
      header: ['指标', '2022年', '2023年', '增幅'],
      rows: [
        ['规上工业总产值（亿元）', '{fig:a22}', '{fig:a23}', '{fig:ag}'],
        ['营业收入（亿元）', '{fig:b22}', '{fig:b23}', '{fig:bg}'],
        ['研发投入强度（%）', '{fig:c22}', '{fig:c23}', '—'],
      ],
    };
    const c = chartOfTable(table, figures)!;
    expect(c.categories).toEqual(['规上工业总产值（亿元）', '营业收入（亿元）']);
    expect(c.series.map((s) => s.name)).toEqual(['2022年', '2023年']);
    expect(c.series[1]!.points).toEqual([{ fig: 'a23' }, { fig: 'b23' }]);
    expect(c.legend).toBe(true);
    expect(chartOfTable({ header: ['指标', '数值'], rows: [['甲', '增长{fig:ag}'], ['乙', '12']] }, figures)).toBeNull();
  });

  it('finds lists of comparable figures in one sentence, one unit each, distinct labels, no running totals beside a year’s', () => {
    const src = (sentence: string) => ({ paragraph: 3, start: 0, end: 1, sentence });
    const s1 = '城镇、农村居民人均可支配收入分别增长5.2%和7.4%，实现地区生产总值480亿元。';
    const s2 = '新增高新技术企业12家，累计达到86家。';
    const lists = figureLists([
      fig('u', '城镇居民收入增长', 5.2, '%', { source: src(s1) }),
      fig('r', '农村居民收入增长', 7.4, '%', { source: src(s1) }),
      fig('g', '地区生产总值', 480, '亿元', { source: src(s1), direction: '' }),
      fig('n', '新增高新技术企业', 12, '家', { source: src(s2), direction: '' }),
      fig('t', '累计高新技术企业', 86, '家', { source: src(s2), direction: '' }),
    ]);
    expect(lists.map((l) => l.map((f) => f.key))).toEqual([['u', 'r']]);
  });
});
