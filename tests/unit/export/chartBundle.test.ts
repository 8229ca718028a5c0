// The .huibao bundle carries a chart as its definition — references to figures, values typed by hand — never as a
// picture or copied numbers: opened elsewhere, the chart still follows its figures.
import { describe, expect, it } from 'vitest';
import type { ChartBlock } from '../../../decks/common/model.ts';
import { useSampleService } from './sampleService.ts';
import { slideEdits } from '../../fixtures/slideEdits.ts';

const t = useSampleService('huibao-chart-bundle-');

describe('charts in the .huibao bundle', () => {
  it('round-trips the chart definition with its figure references, and the opened deck’s chart follows its figures', async () => {
    const deckId = await t.importSample();
    const figures = (await t.service.listFigures({ deckId })).figures.filter((f) => f.unit === '%').slice(0, 2);
    const chart: ChartBlock = {
      kind: 'chart',
      chart: 'line',
      title: '增速',
      categories: ['上年', ...figures.map((f) => f.label)],
      series: [{ name: '增速', points: [{ value: 3.9 }, ...figures.map((f) => ({ fig: f.key }))] }],
      legend: false,
      color: 3,
    };
    const added = await slideEdits(t.service).addSlide({ deckId, layout: 'points', title: '图表', blocks: [chart] });
    const bundle = await t.service.exportDeck({ deckId, format: 'huibao' });
    const opened = await t.service.openBundle({ fileName: bundle.fileName, dataBase64: bundle.dataBase64 });
    const copy = await t.service.getDeck({ deckId: opened.deckId });
    const slide = copy.slides.find((s) => s.title === '图表' && s.blocks.some((b) => b.kind === 'chart'));
    expect(slide).toBeDefined();
    expect(slide!.blocks).toEqual([chart]);
    expect(added.blocks).toEqual([chart]);
    // The copy's figures are the ones referred to: changing one there changes what its chart draws.
    const key = figures[0]!.key;
    expect(copy.figures.find((f) => f.key === key)?.value).toBe(figures[0]!.value);
  });
});
