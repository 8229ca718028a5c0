// A resolved chart (decks/common/charts.ts) as an Apache ECharts option: the theme's colours and font, labels large
// enough for a projector, category names wrapped rather than overlapping. Plain data, no ECharts code: the engine that
// draws it is loaded only for decks that have charts (chartEngine.ts).
import { drawOrder, type ResolvedChart } from '../../../decks/common/charts.ts';
import { THEME_PALETTES } from '../../../decks/common/themes.ts';
import type { Theme } from '../../../decks/common/model.ts';

/** The chart's logical size on a slide (the body is 1120 px wide); the SVG scales with its box. */
export const CHART_WIDTH = 1120;
export const CHART_HEIGHT = 470;
/** The slide's own typeface stack (assets/themes/base.css --hb-font), so chart text matches the slide's. */
const FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif';

const hex = (c: string) => `#${c}`;

export function chartOption(chart: ResolvedChart, theme: Theme, width = CHART_WIDTH, height = CHART_HEIGHT): Record<string, unknown> {
  const palette = THEME_PALETTES[theme];
  const ink = hex(palette.ink);
  const ink2 = hex(palette.ink2);
  const grid = theme === 'contrast' ? '#555555' : 'rgba(128,128,128,0.25)';
  const text = { fontFamily: FONT, color: ink };
  const base = { animation: false, color: chart.colors.map(hex), textStyle: text, backgroundColor: 'transparent' };
  const legend = chart.legend ? { show: true, top: 0, left: 'center', itemWidth: 22, itemHeight: 16, textStyle: { ...text, fontSize: 22 } } : { show: false };
  const top = chart.legend ? 56 : 24;

  if (chart.kind === 'pie') {
    const points = chart.series[0]?.points ?? [];
    return {
      ...base,
      legend,
      series: [
        {
          type: 'pie',
          radius: ['0%', '68%'],
          center: ['50%', chart.legend ? '56%' : '52%'],
          data: chart.categories.map((name, i) => ({ name, value: points[i]?.value ?? 0, label: { formatter: `${name}\n${points[i]?.label ?? ''}` } })),
          label: { ...text, fontSize: 22, lineHeight: 30 },
          labelLine: { length: 16, length2: 18, lineStyle: { width: 2 } },
          itemStyle: { borderColor: hex(palette.background), borderWidth: 3 },
        },
      ],
    };
  }

  const horizontal = chart.kind === 'bar' || chart.kind === 'ranking';
  const order = drawOrder(chart);
  const categories = order.map((i) => chart.categories[i]!);
  const longest = Math.max(...categories.map((c) => c.length));
  // Category names wrap inside their share of the axis (vertical bars) or in a column of their own (horizontal bars).
  const labelColumn = Math.min(300, Math.max(120, longest * 22 + 16));
  const categoryAxis = {
    type: 'category',
    data: categories,
    inverse: horizontal,
    axisTick: { show: false },
    axisLine: { lineStyle: { color: ink2, width: 2 } },
    axisLabel: {
      ...text,
      fontSize: categories.length > 8 ? 18 : 22,
      interval: 0,
      lineHeight: 28,
      overflow: 'break',
      width: horizontal ? labelColumn - 16 : Math.max(60, (width - 120) / Math.max(1, categories.length) - 12),
    },
  };
  const progress = chart.kind === 'ranking' && (chart.unit === '%' || chart.unit === '％') && chart.series.every((s) => s.points.every((p) => p.value === null || (p.value >= 0 && p.value <= 100)));
  const valueAxis = {
    type: 'value',
    name: chart.unit,
    nameTextStyle: { ...text, color: ink2, fontSize: 20, align: horizontal ? 'left' : 'right' },
    max: progress ? 100 : undefined,
    axisLabel: { ...text, color: ink2, fontSize: 18 },
    splitLine: { lineStyle: { color: grid } },
    show: !horizontal,
  };
  const barCount = chart.series.length;
  const series = chart.series.map((s) => ({
    type: chart.kind === 'line' ? 'line' : 'bar',
    name: s.name,
    data: order.map((i) => s.points[i]?.value ?? null),
    barMaxWidth: horizontal ? 48 : Math.max(28, 120 / barCount),
    barGap: '20%',
    showBackground: progress,
    backgroundStyle: { color: grid },
    symbolSize: 14,
    lineStyle: { width: 5 },
    label: {
      show: true,
      position: horizontal ? 'right' : 'top',
      ...text,
      fontSize: barCount > 2 || categories.length > 8 ? 18 : 24,
      fontWeight: 'bold',
      formatter: (p: { dataIndex: number }) => s.points[order[p.dataIndex]!]?.label ?? '',
    },
  }));
  return {
    ...base,
    legend,
    grid: horizontal
      ? { left: labelColumn, right: 150, top, bottom: 16 }
      : { left: 80, right: 24, top: top + 36, bottom: 72 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  };
}
