// A chart on a slide: ECharts' SVG, drawn off-screen, becomes React elements whose labels are text nodes — a label
// holding markup is escaped, never parsed; no script, handler or ECharts bookkeeping reaches the page. The slide names
// the values as text, current figures included.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { resolveChart } from '../../../../decks/common/charts.ts';
import { formatFigure } from '../../../../decks/common/figures.ts';
import type { ChartBlock, Figure } from '../../../../decks/common/model.ts';
import { drawChart } from '../../../../renderer/src/slides/chartEngine.ts';
import { chartOption, CHART_HEIGHT, CHART_WIDTH } from '../../../../renderer/src/slides/chartOption.ts';
import { chartElements } from '../../../../renderer/src/slides/ChartView.tsx';
import { figureMap, SlideView } from '../../../../renderer/src/slides/SlideView.tsx';

const HOSTILE = '<img src=x onerror=alert(1)>';
function fig(key: string, label: string, value: number): Figure {
  const f = { key, label, value, unit: '%', pattern: '{v}%', decimals: 1, grouped: false, qualifier: '' as const, direction: '增长' as const, asOf: null, source: null, updatedAt: '' };
  return { ...f, display: formatFigure(f) };
}
const figures = figureMap([fig('a', HOSTILE, 5.5), fig('b', '规上工业增加值增长', 7.4)]);
const block: ChartBlock = { kind: 'chart', chart: 'column', title: '', categories: [HOSTILE, '规上工业增加值增长'], series: [{ name: '', points: [{ fig: 'a' }, { fig: 'b' }] }], legend: false, color: 0 };

describe('ChartView', () => {
  it('draws labels as text: markup in a label is escaped, no element, handler or bookkeeping attribute comes through', () => {
    const svg = drawChart(chartOption(resolveChart(block, figures, 'official'), 'official'), CHART_WIDTH, CHART_HEIGHT);
    const html = renderToStaticMarkup(createElement('div', null, chartElements(svg)));
    expect(html).toContain('&lt;img src=x');
    expect(html).not.toMatch(/<img|<script|<style|<foreignObject|ecmeta_|xlink:href/);
    // No tag carries an event handler (the label's “onerror=” is text inside <text>, escaped).
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/);
    expect(html).toContain('>5.5%</text>');
    expect(html).toContain('>7.4%</text>');
    expect(html).toMatch(/<svg[^>]*viewBox="0 0 1120 470"/);
    expect(html).toContain('stroke-width=');
  });

  it('leaves out script, foreignObject and event handlers even if a drawing held them', () => {
    const node = {
      tag: 'g',
      attrs: { onclick: 'alert(1)', 'stroke-width': 2, ecmeta_x: 1 },
      children: [
        { tag: 'script', attrs: {}, text: 'alert(1)' },
        { tag: 'foreignObject', attrs: {}, children: [] },
        { tag: 'text', attrs: { style: 'font-size:20px;font-family:"Noto Sans CJK SC"' }, text: '</text><script>alert(1)</script>' },
      ],
    };
    const html = renderToStaticMarkup(createElement('svg', null, chartElements(node)));
    expect(html).toBe('<svg><g stroke-width="2"><text style="font-size:20px;font-family:&quot;Noto Sans CJK SC&quot;">&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;</text></g></svg>');
  });

  it('names the chart’s values as text on the slide, from the figures as they are now', () => {
    const slide = { id: 's1', layout: 'points' as const, title: '增速', blocks: [block], notes: '', hidden: false, section: null };
    const html = renderToStaticMarkup(createElement(SlideView, { slide, figures, theme: 'light' }));
    expect(html).toContain('data-chart-kind="column"');
    expect(html).toContain('规上工业增加值增长 7.4%');
    const changed = figureMap([fig('a', HOSTILE, 5.5), fig('b', '规上工业增加值增长', 8.2)]);
    expect(renderToStaticMarkup(createElement(SlideView, { slide, figures: changed, theme: 'light' }))).toContain('规上工业增加值增长 8.2%');
  });
});
