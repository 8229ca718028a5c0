// A chart block on a slide, drawn the same way everywhere slides are (editor, thumbnails, show, console, exports) as
// SVG whose labels are text. The chart is resolved against the figures at each render, so a figure changed in the 数据
// panel redraws every chart that shows it. ECharts is loaded on the first chart shown (chartEngine.ts): a deck without
// charts never loads it.
import { createElement, useEffect, useMemo, useState, type ReactNode } from 'react';
import { resolveChart } from '../../../decks/common/charts.ts';
import type { ChartBlock, Theme } from '../../../decks/common/model.ts';
import { useSlideT } from '../i18n/I18nProvider.tsx';
import type { ChartNode } from './chartEngine.ts';
import { CHART_HEIGHT, CHART_WIDTH, chartOption } from './chartOption.ts';
import { loadPinnedModule } from './pinnedModule.ts';
import type { FigureMap } from './SlideView.tsx';

type Engine = typeof import('./chartEngine.ts');
let engine: Engine | null = null;
let loading: Promise<Engine> | null = null;

/** Loads the chart engine once; resolves at once when it is loaded already. */
export function loadChartEngine(): Promise<Engine> {
  loading ??= loadPinnedModule('chartEngine')
    .then(() => import('./chartEngine.ts'))
    .then((m) => (engine = m));
  return loading;
}

function useChartEngine(): Engine | null {
  const [loaded, setLoaded] = useState(engine);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    void loadChartEngine().then((m) => live && setLoaded(m));
    return () => {
      live = false;
    };
  }, [loaded]);
  return loaded;
}

/** `stroke-width` → `strokeWidth`: React's names for SVG attributes. */
const reactName = (name: string) => (name.startsWith('data-') || name.startsWith('aria-') ? name : name.replace(/[-:]([a-z])/g, (_, c: string) => c.toUpperCase()));

/** An inline style string of the drawn SVG as a style object (React sets it through the CSSOM, which the CSP allows). */
function styleObject(style: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const decl of style.split(';')) {
    const at = decl.indexOf(':');
    if (at <= 0) continue;
    const prop = decl.slice(0, at).trim();
    if (prop) out[prop.startsWith('--') ? prop : prop.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = decl.slice(at + 1).trim();
  }
  return out;
}

/** The drawn SVG as React elements: attributes as props, text as text nodes (never markup), no <style> from the library. */
export function chartElements(node: ChartNode, key: string | number = 0): ReactNode {
  if (node.tag === 'style' || node.tag === 'script' || node.tag === 'foreignObject') return null;
  const props: Record<string, unknown> = { key };
  for (const [name, value] of Object.entries(node.attrs)) {
    // Namespaces (React sets them), ECharts' own bookkeeping (ecmeta_*), and never an event handler or a link.
    if (value === undefined || value === false || name === 'xmlns' || name.startsWith('xmlns:') || name.startsWith('ecmeta_') || name.startsWith('on')) continue;
    if (name === 'style') props.style = styleObject(String(value));
    else if (name === 'class') props.className = String(value);
    else if (name === 'xlink:href' || name === 'href') continue;
    else props[reactName(name)] = value === true ? '' : value;
  }
  const children = node.text !== undefined ? node.text : node.children?.map((c, i) => chartElements(c, i));
  return createElement(node.tag, props, children);
}

export function ChartView({ block, figures, theme }: { block: ChartBlock; figures: FigureMap; theme: Theme }) {
  const t = useSlideT();
  const loaded = useChartEngine();
  const chart = useMemo(() => resolveChart(block, figures, theme), [block, figures, theme]);
  const svg = useMemo(() => (loaded ? chartElements(loaded.drawChart(chartOption(chart, theme), CHART_WIDTH, CHART_HEIGHT)) : null), [loaded, chart, theme]);
  // The values as text beside the drawing, for screen readers and for finding them (the drawing's labels say the same).
  const summary = chart.categories.map((c, i) => `${c} ${chart.series.map((s) => s.points[i]?.label ?? '').join(' ')}`).join('；');
  return (
    <figure className={`hb-chart kind-${chart.kind}`} data-chart-kind={chart.kind} aria-label={[chart.title, summary].filter(Boolean).join('：')}>
      {chart.title && <figcaption className="hb-chart-title">{chart.title}</figcaption>}
      <div className={svg ? 'hb-chart-plot' : 'hb-chart-plot is-loading'} aria-hidden="true">
        {svg}
      </div>
      {(chart.manual || chart.missing.length > 0) && (
        <p className="hb-chart-note">
          {chart.manual && t('slide.chartManual')}
          {chart.manual && chart.missing.length > 0 && '　'}
          {chart.missing.length > 0 && t('slide.chartMissing')}
        </p>
      )}
    </figure>
  );
}
