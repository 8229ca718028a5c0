// The part of Apache ECharts that Huibao draws with (bars, lines, pies; the SVG renderer), loaded only when a deck has
// a chart (ChartView imports this module lazily). ECharts draws off-screen (server-side mode) into a tree of SVG nodes,
// which ChartView turns into React elements: no markup string, no DOM that ECharts writes itself, so chart labels are
// text nodes like all slide text and the page's CSP (no inline styles, no eval) holds.
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, SVGRenderer]);

/** A node of the drawn SVG: its tag, attributes, children or text (zrender's SVGVNode, the fields Huibao reads). */
export interface ChartNode {
  tag: string;
  attrs: Record<string, string | number | boolean | undefined>;
  children?: ChartNode[];
  text?: string;
}

interface SvgPainter {
  renderToVNode(opts: { animation: boolean; willUpdate: boolean; compress: boolean; useViewBox: boolean; emphasis: boolean }): ChartNode;
}

/** Draws `option` at width × height and returns the SVG as a node tree. */
export function drawChart(option: Record<string, unknown>, width: number, height: number): ChartNode {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    const painter = chart.getZr().painter as unknown as SvgPainter;
    return painter.renderToVNode({ animation: false, willUpdate: false, compress: true, useViewBox: true, emphasis: false });
  } finally {
    chart.dispose();
  }
}
