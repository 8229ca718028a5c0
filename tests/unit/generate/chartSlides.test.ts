// Charts proposed at import: a table of indicators and a list of comparable figures in one sentence each become a
// chart slide, hidden, right after the slide that shows those figures; figures that make no chart by the rules (units
// that differ, a rank beside its change) are not proposed.
import { describe, expect, it } from 'vitest';
import type { ChartBlock, ReportDoc, ReportParagraph } from '../../../decks/common/model.ts';
import { generateDeck } from '../../../decks/node/generate/index.ts';
import { CHART_PROPOSALS_MAX } from '../../../decks/node/generate/chartSlides.ts';
import { sampleDoc } from './sampleDoc.ts';

const charts = (slides: ReturnType<typeof generateDeck>['slides']) =>
  slides.flatMap((s, i) => s.blocks.filter((b): b is ChartBlock => b.kind === 'chart').map((chart) => ({ slide: s, before: slides[i - 1]!, chart })));

function doc(paragraphs: Omit<ReportParagraph, 'index' | 'truncated'>[]): ReportDoc {
  return {
    title: '2023年工作总结',
    subtitle: '',
    bylines: [],
    salutation: '',
    lead: [],
    sections: [{ title: '经济发展', subtitle: '', paragraphs: paragraphs.map((p, index) => ({ ...p, index, truncated: false })), captions: [] }],
    closing: [],
    closingTitle: '',
    captions: [],
    warnings: [],
  };
}

describe('charts proposed at import', () => {
  it('proposes the sample’s three growth rates as a hidden column chart right after its 主要指标 slide, and not its rank beside its rise', () => {
    const deck = generateDeck(sampleDoc());
    const found = charts(deck.slides);
    expect(found.length).toBeGreaterThanOrEqual(1);
    const first = found[0]!;
    expect(first.slide.hidden).toBe(true);
    expect(first.before.layout).toBe('figures');
    expect(first.before.title).toBe('主要指标');
    expect(first.chart.chart).toBe('column');
    const keys = first.chart.series[0]!.points.map((p) => (p && 'fig' in p ? p.fig : null));
    const figs = keys.map((k) => deck.figures.find((f) => f.key === k)!);
    expect(new Set(figs.map((f) => f.unit))).toEqual(new Set(['%']));
    expect(figs.length).toBeGreaterThanOrEqual(2);
    for (const { chart } of found) {
      const units = new Set(chart.series.flatMap((s) => s.points.map((p) => deck.figures.find((f) => p && 'fig' in p && f.key === p.fig)?.unit)));
      expect(units.size).toBe(1);
    }
    expect(found.every((c) => c.slide.hidden)).toBe(true);
    expect(found.length).toBeLessThanOrEqual(CHART_PROPOSALS_MAX);
  });

  it('proposes a table of indicators as grouped columns after the table’s slide', () => {
    const table = {
      header: ['指标', '2022年', '2023年', '增幅'],
      rows: [
        ['地区生产总值（亿元）', '1200亿元', '1350亿元', '12.5%'],
        ['一般公共预算收入（亿元）', '96亿元', '104亿元', '8.3%'],
      ],
    };
    const text = [table.header, ...table.rows].map((r) => r.join('\t')).join('\n');
    const deck = generateDeck(doc([{ text: '全区经济持续向好，主要指标如下。' }, { text, table }]));
    const found = charts(deck.slides);
    expect(found).toHaveLength(1);
    const { slide, before, chart } = found[0]!;
    expect(slide.hidden).toBe(true);
    expect(before.blocks.some((b) => b.kind === 'table')).toBe(true);
    expect(chart.categories).toEqual(['地区生产总值（亿元）', '一般公共预算收入（亿元）']);
    expect(chart.series.map((s) => s.name)).toEqual(['2022年', '2023年']);
    const value = (p: ChartBlock['series'][number]['points'][number]) => deck.figures.find((f) => p && 'fig' in p && f.key === p.fig)?.value;
    expect(chart.series.map((s) => s.points.map(value))).toEqual([
      [1200, 96],
      [1350, 104],
    ]);
  });

  it('proposes nothing for figures of different units in one sentence', () => {
    const deck = generateDeck(doc([{ text: '全年实现地区生产总值480亿元，增长6.5%，新增就业1.2万人。' }]));
    expect(charts(deck.slides)).toEqual([]);
  });
});
