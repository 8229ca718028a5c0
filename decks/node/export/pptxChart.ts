// A chart block as a native PowerPoint chart (pptxgenjs addChart): editable in PowerPoint, WPS and LibreOffice, with
// the figures' current values (resolved as the screen resolves them, decks/common/charts.ts), the theme's colours, the
// values' unit on the axis and in the data labels, and the East Asian font on every label (finishChartXml).
import type PptxGenJS from 'pptxgenjs';
import { drawOrder, MANUAL_MARK, resolveChart } from '../../common/charts.ts';
import type { ChartBlock, Figure, Theme } from '../../common/model.ts';
import { EXPORT_FONT, THEME_PALETTES } from '../../common/themes.ts';

type Box = { x: number; y: number; w: number; h: number };

/** Excel's number format for the chart's values: its figures' decimals, the unit as literal text (so % is not ×100). */
function formatCode(decimals: number, unit: string): string {
  const number = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  return unit ? `${number}"${unit.replace(/"/g, '')}"` : number;
}

export function addChart(slide: PptxGenJS.Slide, pptx: PptxGenJS, block: ChartBlock, box: Box, figures: ReadonlyMap<string, Figure>, theme: Theme): void {
  const chart = resolveChart(block, figures, theme);
  const palette = THEME_PALETTES[theme];
  const order = drawOrder(chart);
  const labels = order.map((i) => chart.categories[i]!);
  const data = chart.series.map((s) => ({ name: s.name || chart.title || chart.unit, labels, values: order.map((i) => s.points[i]?.value ?? null) }));
  const decimals = Math.max(0, ...chart.series.flatMap((s) => s.points.flatMap((p) => (p.figureKey ? [figures.get(p.figureKey)?.decimals ?? 0] : []))));
  const horizontal = chart.kind === 'bar' || chart.kind === 'ranking';
  const type = chart.kind === 'line' ? pptx.ChartType.line : chart.kind === 'pie' ? pptx.ChartType.pie : pptx.ChartType.bar;
  const font = { fontFace: EXPORT_FONT };
  const options: PptxGenJS.IChartOpts = {
    ...box,
    altText: [chart.title, ...labels].filter(Boolean).join('，'),
    chartColors: chart.kind === 'pie' ? labels.map((_, i) => chart.colors[i % chart.colors.length]!) : chart.colors.slice(0, Math.max(1, data.length)),
    barDir: horizontal ? 'bar' : 'col',
    barGrouping: 'clustered',
    barGapWidthPct: 60,
    // Horizontal bars read from the top, as on the screen.
    // (pptxgenjs writes maxMin as given; its types list only minMax.)
    catAxisOrientation: (horizontal ? 'maxMin' : 'minMax') as 'minMax',
    catAxisLabelFontFace: font.fontFace,
    catAxisLabelFontSize: 14,
    catAxisLabelColor: palette.ink,
    valAxisLabelFontFace: font.fontFace,
    valAxisLabelFontSize: 12,
    valAxisLabelColor: palette.ink2,
    valAxisLabelFormatCode: formatCode(0, ''),
    valAxisHidden: horizontal,
    valGridLine: horizontal ? { style: 'none' } : { color: 'D9D9D9', size: 0.75 },
    showValAxisTitle: !horizontal && chart.kind !== 'pie' && chart.unit !== '',
    valAxisTitle: chart.unit,
    valAxisTitleFontFace: font.fontFace,
    valAxisTitleFontSize: 12,
    valAxisTitleColor: palette.ink2,
    showValue: true,
    showLabel: chart.kind === 'pie',
    showPercent: false,
    dataLabelFontFace: font.fontFace,
    dataLabelFontSize: 14,
    dataLabelFontBold: true,
    dataLabelColor: palette.ink,
    dataLabelFormatCode: formatCode(decimals, chart.unit),
    dataLabelPosition: chart.kind === 'pie' ? 'bestFit' : chart.kind === 'line' ? 't' : 'outEnd',
    lineSize: 3,
    lineDataSymbolSize: 9,
    showLegend: chart.legend,
    legendPos: 'b',
    legendFontFace: font.fontFace,
    legendFontSize: 14,
    legendColor: palette.ink,
    showTitle: chart.title !== '',
    title: chart.title,
    titleFontFace: font.fontFace,
    titleFontSize: 16,
    titleColor: palette.ink,
  };
  // Values typed by hand are said under the chart (PowerPoint cannot mark single data labels): whole series by name.
  const manual = chart.series.flatMap((s) => {
    const points = s.points.filter((p) => p.value !== null);
    if (points.length > 0 && points.every((p) => p.manual)) return [s.name || chart.unit];
    return s.points.flatMap((p, i) => (p.manual ? [chart.categories[i]!] : []));
  });
  const noteH = manual.length > 0 ? 0.35 : 0;
  slide.addChart(type, data, { ...options, h: box.h - noteH });
  if (noteH > 0) {
    slide.addText(`${MANUAL_MARK} 手动录入的数值：${manual.join('、')}`, {
      x: box.x,
      y: box.y + box.h - noteH,
      w: box.w,
      h: noteH,
      fontFace: EXPORT_FONT,
      lang: 'zh-CN',
      fontSize: 11,
      color: palette.ink2,
      align: 'right',
      margin: 0,
    });
  }
}

/**
 * pptxgenjs names only a Latin typeface on chart text (axes, data labels, legend, title): add the East Asian one next
 * to each, so WPS, PowerPoint and LibreOffice set Chinese labels in the deck's font rather than a fallback.
 */
export function finishChartXml(xml: string): string {
  return xml.replace(/<a:latin typeface="([^"]*)"[^>]*\/>(?!\s*<a:ea\b)/g, (latin: string, face: string) => `${latin}<a:ea typeface="${face}"/>`);
}
