// The consistency check on reports written with its faults planted, and on the clean corpus (no false alarms).
import { describe, expect, it } from 'vitest';
import { checkConsistency, measureOf, unitScale, type ConsistencyKind } from '../../../decks/common/consistency.ts';
import { formatFigure } from '../../../decks/common/figures.ts';
import type { Figure, Slide } from '../../../decks/common/model.ts';
import { generateDeck } from '../../../decks/node/generate/index.ts';
import { decodeReport, parseReport } from '../../../decks/node/report/index.ts';
import { CORPUS } from '../../fixtures/reports/corpus.ts';

/** A report with one of each fault, each in its own sentence (the comments say which). */
const FAULTY_REPORT = `青溪区2025年工作总结

一、经济运行稳中有进
全年地区生产总值增长5.5%，增速居全市第2位。一般公共预算收入完成12.6亿元，同比增长4.1%。
全区固定资产投资完成86.5亿元，其中工业投资52.3亿元、基础设施投资40.1亿元。
城乡居民收入分别增长6.3%、8.1%和7.2%。
综合实力位居全省第0位。
服务业增加值占地区生产总值比重达到112.5%。

二、民生保障持续加强
地区生产总值增长5.8%，经济运行总体平稳。一般公共预算收入完成126000万元，民生支出占比超过七成。
城镇调查失业率下降0.3个百分点，全年新增城镇就业1.2万人。
年末城镇调查失业率比上年下降0.3%。
`;

/** The same report written right: the same sentences, every fault corrected. */
const CLEAN_REPORT = FAULTY_REPORT.replace('86.5亿元，其中', '96.5亿元，其中')
  .replace('分别增长6.3%、8.1%和7.2%', '分别增长6.3%和8.1%')
  .replace('全省第0位', '全省第9位')
  .replace('112.5%', '52.5%')
  .replace('增长5.8%', '增长5.5%')
  .replace('126000万元', '12.6亿元')
  .replace('下降0.3%', '下降0.3个百分点');

async function deckOf(text: string, fileName = 'report.txt'): Promise<{ slides: Slide[]; figures: Figure[] }> {
  return deckOfBytes(new TextEncoder().encode(text), fileName);
}

async function deckOfBytes(bytes: Uint8Array, fileName: string): Promise<{ slides: Slide[]; figures: Figure[] }> {
  const g = generateDeck(parseReport(await decodeReport(bytes, fileName)));
  return {
    slides: g.slides.map((s) => ({ ...s, section: null })),
    figures: g.figures.map((f) => ({ ...f, display: formatFigure(f), updatedAt: '2025-01-01T00:00:00.000Z' })),
  };
}

const labelOf = (deck: { figures: Figure[] }, key: string | null) => deck.figures.find((f) => f.key === key)?.label;

describe('the consistency check', () => {
  it('finds each planted fault, naming both places: the slide or figure, and the report sentence', async () => {
    const deck = await deckOf(FAULTY_REPORT);
    const found = checkConsistency(deck);
    const byKind = (kind: ConsistencyKind) => found.filter((f) => f.kind === kind);
    expect(found.map((f) => f.kind).sort()).toEqual(
      ['impossible-rank', 'impossible-share', 'list-count', 'parts-exceed-total', 'unit-mismatch', 'unit-mismatch', 'value-mismatch'].sort(),
    );
    const slideIds = new Set(deck.slides.map((s) => s.id));

    const [value] = byKind('value-mismatch');
    expect(value!.places.map((p) => p.sentence)).toEqual(['全年地区生产总值增长5.5%，增速居全市第2位。', '地区生产总值增长5.8%，经济运行总体平稳。']);
    expect(value!.places.every((p) => p.slideId !== null && slideIds.has(p.slideId))).toBe(true);
    expect(value!.message.zh).toContain('5.5%');
    expect(value!.message.zh).toContain('5.8%');

    const units = byKind('unit-mismatch');
    expect(units.map((u) => u.places.map((p) => deck.figures.find((f) => f.key === p.figureKey)!.display))).toEqual([
      ['12.6亿元', '126000万元'],
      ['0.3个百分点', '0.3%'],
    ]);
    expect(units[0]!.message.en).toContain('same amount in different units');
    expect(units[1]!.message.zh).toContain('百分点');

    const [rank] = byKind('impossible-rank');
    expect(labelOf(deck, rank!.places[0]!.figureKey)).toBe('综合实力全省排名');
    expect(rank!.places[0]!.sentence).toBe('综合实力位居全省第0位。');
    const [share] = byKind('impossible-share');
    expect(share!.places[0]!.sentence).toBe('服务业增加值占地区生产总值比重达到112.5%。');

    const [list] = byKind('list-count');
    expect(list!.message.zh).toContain('列了 2 项，却给出 3 个数值');
    expect(list!.places[1]!.sentence).toBe('城乡居民收入分别增长6.3%、8.1%和7.2%。');
    expect(slideIds.has(list!.places[0]!.slideId!)).toBe(true);

    const [parts] = byKind('parts-exceed-total');
    expect(parts!.message.zh).toContain('52.3亿元 + 40.1亿元');
    expect(parts!.message.zh).toContain('86.5亿元');
    expect(parts!.places[1]!.sentence).toBe('全区固定资产投资完成86.5亿元，其中工业投资52.3亿元、基础设施投资40.1亿元。');
  });

  it('finds nothing in the same report written right', async () => {
    expect(checkConsistency(await deckOf(CLEAN_REPORT))).toEqual([]);
  });

  it('finds nothing in the clean corpus and the sample (no false alarms)', async () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(10);
    for (const r of CORPUS) {
      const deck = await deckOfBytes(r.bytes(), r.fileName);
      expect(deck.figures.length, r.name).toBeGreaterThan(5);
      expect(checkConsistency(deck), r.name).toEqual([]);
    }
  });

  it('follows figure edits: a corrected value clears its finding, a wrong one raises it', async () => {
    const deck = await deckOf(CLEAN_REPORT);
    const edit = (label: string, value: number) => ({
      ...deck,
      figures: deck.figures.map((f) => (f.label.startsWith(label) ? { ...f, value, display: formatFigure({ ...f, value }) } : f)),
    });
    expect(checkConsistency(edit('固定资产投资', 90)).map((f) => f.kind)).toEqual(['parts-exceed-total']);
    expect(checkConsistency(edit('综合实力全省排名', 0)).map((f) => f.kind)).toEqual(['impossible-rank']);
    expect(checkConsistency(edit('服务业增加值占', 101)).map((f) => f.kind)).toEqual(['impossible-share']);
    expect(checkConsistency(edit('固定资产投资', 96.5))).toEqual([]);
  });

  it('reads units by base and scale, and measures without the labeller’s tells-apart', () => {
    expect(unitScale('亿元')).toEqual({ base: '元', scale: 1e8 });
    expect(unitScale('万人')).toEqual({ base: '人', scale: 1e4 });
    expect(unitScale('千米')).toEqual({ base: '千米', scale: 1 });
    expect(measureOf('一般公共预算收入完成（亿元）')).toBe('一般公共预算收入');
    expect(measureOf('年末城镇调查失业率比上年下降')).toBe('城镇调查失业率下降');
    expect(measureOf('2024年城镇新增就业')).toBe('2024年城镇新增就业');
  });

  it('counts a 分别 list that is short of values, and holds parts under a total as written in slide text', () => {
    const slide = (text: string): Slide => ({ id: 's1', layout: 'points', title: 't', blocks: [{ kind: 'bullet', text, level: 0 }], notes: '', hidden: false, section: null });
    const check = (text: string) => checkConsistency({ slides: [slide(text)], figures: [] }).map((f) => f.kind);
    expect(check('工业、农业和服务业分别增长5.1%和6.2%。')).toEqual(['list-count']);
    expect(check('工业、农业和服务业分别增长5.1%、4.0%和6.2%。')).toEqual([]);
    expect(check('全区共有学校45所，其中小学30所、初中20所。')).toEqual(['parts-exceed-total']);
    expect(check('全区共有学校45所，其中小学30所、初中10所。')).toEqual([]);
    // Rates after 其中 are not parts of an amount.
    expect(check('完成投资86.5亿元，其中工业投资增长52.3%、基础设施投资增长40.1%。')).toEqual([]);
    // No subjects before 分别 (they are the figures before it): nothing to count.
    expect(check('接待游客168万人次，旅游收入2.4亿元，分别增长21.5%和18.3%。')).toEqual([]);
  });
});

describe('a measure given for many parts', () => {
  it('is a series, not one number told differently', async () => {
    const parts = ['一', '二', '三', '四'].map((n, i) => `${n}、第${i + 1}片区\n第${i + 1}片区研发投入增长${4.5 + i}%。\n`).join('\n');
    expect(checkConsistency(await deckOf(`片区工作汇报\n\n${parts}`))).toEqual([]);
    // Told twice with two values, it is found.
    const twice = `片区工作汇报\n\n一、第1片区\n研发投入增长4.5%。\n\n二、第2片区\n研发投入增长5.5%。\n`;
    expect(checkConsistency(await deckOf(twice)).map((f) => f.kind)).toEqual(['value-mismatch']);
  });
});
