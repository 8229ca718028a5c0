// Charts in the PPTX: each chart block a native chart (a c:chart part, referenced from its slide's graphic frame), its
// values the figures' current ones (a figure changed, the next export carries the new value), its unit in the number
// format, and the East Asian font beside the Latin one on every label.
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ChartBlock } from '../../../decks/common/model.ts';
import { finishChartXml } from '../../../decks/node/export/pptxChart.ts';
import { useSampleService } from './sampleService.ts';
import { slideEdits } from '../../fixtures/slideEdits.ts';

const t = useSampleService('huibao-pptx-chart-');

async function exportXml(deckId: string): Promise<Record<string, string>> {
  const r = await t.service.exportDeck({ deckId, format: 'pptx' });
  const files = unzipSync(new Uint8Array(Buffer.from(r.dataBase64, 'base64')));
  return Object.fromEntries(Object.entries(files).filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels')).map(([n, d]) => [n, strFromU8(d)]));
}

/** A part parsed as XML; any XML error fails the test. */
function parseXml(xml: string, name: string): void {
  const fail = (msg: string) => {
    throw new Error(`${name}: ${msg}`);
  };
  new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(xml, 'text/xml');
}

const chartParts = (files: Record<string, string>) =>
  Object.keys(files)
    .filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
/** The numbers of a chart part's value caches (c:val), in order. */
const values = (xml: string) => [...xml.matchAll(/<c:val>[\s\S]*?<\/c:val>/g)].flatMap((m) => [...m[0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1])));

describe('PPTX charts', () => {
  it('writes one native chart part per chart block, with the figures’ current values and a:ea on every label', async () => {
    const deckId = await t.importSample();
    const figures = (await t.service.listFigures({ deckId })).figures;
    const pct = figures.filter((f) => f.unit === '%').slice(0, 3);
    expect(pct.length).toBe(3);
    const bar: ChartBlock = {
      kind: 'chart',
      chart: 'bar',
      title: '增速对比',
      categories: [...pct.map((f) => f.label), '上年（手填）'],
      series: [{ name: '增速', points: [...pct.map((f) => ({ fig: f.key })), { value: 4.5 }] }],
      legend: true,
      color: 1,
    };
    await slideEdits(t.service).addSlide({ deckId, layout: 'points', title: '图表', blocks: [bar] });
    const deck = await t.service.getDeck({ deckId });
    const chartBlocks = deck.slides.flatMap((s) => s.blocks.filter((b) => b.kind === 'chart'));
    // The import proposed one (hidden, kept hidden in the file), and the one added.
    expect(chartBlocks.length).toBe(2);

    const files = await exportXml(deckId);
    const parts = chartParts(files);
    expect(parts).toHaveLength(chartBlocks.length);
    for (const p of parts) {
      expect(files[p]).toContain('<c:chart>');
      parseXml(files[p]!, p);
      // Every Latin typeface named on chart text has the East Asian one right after it.
      const latin = [...files[p]!.matchAll(/<a:latin typeface="([^"]*)"[^>]*\/>(\s*<a:ea typeface="([^"]*)"\/>)?/g)];
      expect(latin.length).toBeGreaterThan(0);
      for (const m of latin) expect(m[3], `${p}: ${m[0]}`).toBe(m[1]);
      expect(files[p]).toContain('<a:ea typeface="Microsoft YaHei"/>');
    }
    // Each chart is referenced from a slide's graphic frame.
    const slideRels = Object.entries(files).filter(([n]) => /^ppt\/slides\/_rels\/slide\d+\.xml\.rels$/.test(n));
    expect(slideRels.flatMap(([, x]) => [...x.matchAll(/Target="(?:\.\.|\/ppt)\/charts\/(chart\d+\.xml)"/g)].map((m) => `ppt/charts/${m[1]}`)).sort()).toEqual([...parts].sort());

    const ours = parts.map((p) => files[p]!).find((x) => x.includes('增速对比'))!;
    expect(ours).toBeDefined();
    expect(values(ours)).toEqual([...pct.map((f) => f.value), 4.5]);
    for (const f of pct) expect(ours).toContain(f.label);
    expect(ours).toContain('<c:barDir val="bar"/>');
    // The unit as literal text in the labels' number format (% not read as ×100).
    expect(ours).toContain('formatCode="#,##0.0&quot;%&quot;"');

    // A figure changed: the next export's chart holds the new value.
    await t.service.updateFigure({ deckId, key: pct[0]!.key, value: '9.9' });
    const again = await exportXml(deckId);
    const next = chartParts(again).map((p) => again[p]!).find((x) => x.includes('增速对比'))!;
    expect(values(next)).toEqual([9.9, ...pct.slice(1).map((f) => f.value), 4.5]);
  });

  it('adds the East Asian typeface only where pptxgenjs left it out', () => {
    expect(finishChartXml('<a:rPr><a:latin typeface="Microsoft YaHei"/></a:rPr>')).toBe('<a:rPr><a:latin typeface="Microsoft YaHei"/><a:ea typeface="Microsoft YaHei"/></a:rPr>');
    const done = '<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/>';
    expect(finishChartXml(done)).toBe(done);
  });
});
