import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Figure, tableText, type ReportDoc } from '../../../decks/common/model.ts';
import { formatFigure, resolveFigureRefs } from '../../../decks/common/figures.ts';
import { distinctLabels, extractFigures, paragraphWithRefs, reportParagraphs, type ExtractedFigure } from '../../../decks/node/report/figureExtract.ts';
import { decodeReport, parseReport } from '../../../decks/node/report/index.ts';
import { CORPUS } from '../../fixtures/reports/corpus.ts';
import { sampleDoc, SAMPLE_PATH } from '../generate/sampleDoc.ts';

const parsedSample = (): ReportDoc => parseReport({ text: readFileSync(SAMPLE_PATH, 'utf8'), format: 'txt' });

const SAMPLE_MUST_HAVE = ['5.5%', '6.3%', '8%', '第33位', '上升2位', '2500亿元', '前10', '20家', '2.3万人', '24名', '全省第3', '约4.38亿元', '78.9万平方米', '800平方公里'];

function smallDoc(): ReportDoc {
  return {
    title: '测试报告',
    subtitle: '',
    bylines: ['作者'],
    salutation: '',
    lead: [{ index: 0, text: '预计全年地区生产总值增长5.5%。2022年成绩喜人。', truncated: false }],
    sections: [
      {
        title: '兴产业',
        subtitle: '打造高地',
        paragraphs: [{ index: 1, text: '眼下，企业累计已达20家，新增就业大学生2.3万人。', truncated: false }],
        captions: [],
      },
    ],
    closing: [{ index: 2, text: '实现地区生产总值1,286.4亿元左右。', truncated: false }],
    closingTitle: '',
    captions: [],
    warnings: [],
  };
}

/** Replacing each figure's range by a reference and resolving it gives back the paragraph and the sentence. */
function expectInvariant(doc: ReportDoc) {
  const figures = extractFigures(doc);
  const displays = new Map(figures.map((f) => [f.key, { display: formatFigure(f) }]));
  for (const p of reportParagraphs(doc)) {
    const own = figures.filter((f) => f.source!.paragraph === p.index);
    for (const f of own) {
      expect(formatFigure(f)).toBe(p.text.slice(f.source!.start, f.source!.end));
      expect(f.source!.sentence).toContain(formatFigure(f));
      expect(p.text).toContain(f.source!.sentence);
    }
    const withRefs = paragraphWithRefs(p, figures);
    expect(withRefs.match(/\{fig:/g)?.length ?? 0).toBe(own.length);
    expect(resolveFigureRefs(withRefs, displays)).toBe(p.text);
  }
  return figures;
}

describe('extractFigures', () => {
  it('walks lead, sections and closing in order, keys f1…, sources filled', () => {
    const figures = expectInvariant(smallDoc());
    expect(figures.map((f) => [f.key, formatFigure(f), f.source!.paragraph])).toEqual([
      ['f1', '5.5%', 0],
      ['f2', '20家', 1],
      ['f3', '2.3万人', 1],
      ['f4', '1,286.4亿元左右', 2],
    ]);
    expect(figures[0]!.source!.sentence).toBe('预计全年地区生产总值增长5.5%。');
    expect(figures[3]).toMatchObject({ grouped: true, decimals: 1, qualifier: '左右', unit: '亿元' });
  });

  it('produces figures that are valid Figures once displayed', () => {
    for (const f of extractFigures(smallDoc())) {
      expect(() => Figure.parse({ ...f, display: formatFigure(f), updatedAt: '2024-01-01T00:00:00.000Z' })).not.toThrow();
    }
  });

  for (const [name, make] of [['hand-built sample', sampleDoc], ['parsed sample', parsedSample]] as const) {
    describe(name, () => {
      it('finds every figure the sample must have, with exact source ranges', () => {
        const figures = expectInvariant(make());
        const displays = figures.map((f) => formatFigure(f));
        for (const d of SAMPLE_MUST_HAVE) expect(displays).toContain(d);
        expect(new Set(figures.map((f) => f.key)).size).toBe(figures.length);
        // Years, versions and programme names are not figures.
        for (const d of displays) expect(d).not.toMatch(/^(2022|4\.0|1215|3|2|14)$/);
      });

      it('labels the figures by what they measure', () => {
        const byDisplay = new Map(extractFigures(make()).map((f) => [formatFigure(f), f]));
        expect(byDisplay.get('5.5%')).toMatchObject({ label: '地区生产总值增长', direction: '增长', unit: '%' });
        expect(byDisplay.get('6.3%')!.label).toBe('城镇居民收入增长');
        expect(byDisplay.get('8%')!.label).toBe('农村居民收入增长');
        expect(byDisplay.get('第33位')).toMatchObject({ label: '全国百强区排名', pattern: '第{v}位', unit: '位' });
        expect(byDisplay.get('上升2位')).toMatchObject({ pattern: '上升{v}位', direction: '上升' });
        expect(byDisplay.get('20家')!.label).toBe('国家级专精特新“小巨人”企业');
        expect(byDisplay.get('2.3万人')!.label).toBe('新增就业大学生');
        expect(byDisplay.get('约4.38亿元')).toMatchObject({ qualifier: '约', value: 4.38, decimals: 2 });
        expect(byDisplay.get('全省第3')).toMatchObject({ pattern: '全省第{v}', value: 3 });
      });

      it('is deterministic', () => {
        expect(extractFigures(make())).toEqual(extractFigures(make()));
      });
    });
  }
});

describe('labels of a whole report', () => {
  const figure = (label: string, unit: string, sentence: string, paragraph: number): ExtractedFigure => ({
    key: `k${paragraph}${unit}${sentence.length}`,
    label,
    value: 1,
    unit,
    pattern: `{v}${unit}`,
    decimals: 0,
    grouped: false,
    qualifier: '',
    direction: '',
    asOf: null,
    source: { paragraph, start: 0, end: 1, sentence },
  });
  const none = () => ({ part: '', leadIn: '' });

  it('tells a target from what was done', () => {
    const done = figure('地区生产总值增长', '%', '全年地区生产总值增长6.2%。', 0);
    const aim = figure('地区生产总值增长', '%', '力争地区生产总值增长6%左右。', 5);
    distinctLabels([done, aim], none);
    expect([done.label, aim.label]).toEqual(['地区生产总值增长', '地区生产总值增长目标']);
  });

  it('tells figures apart by unit, then by the year of their part, never by a number in brackets', () => {
    const kinds = figure('报告法定传染病', '类', '报告法定传染病5类1264例。', 1);
    const cases = figure('报告法定传染病', '例', '报告法定传染病5类1264例。', 1);
    const before = figure('新增学位', '个', '新增学位6300个。', 2);
    const after = figure('新增学位', '个', '新增学位3600个。', 9);
    const parts = new Map([[2, '2023年工作回顾'], [9, '2024年重点工作']]);
    distinctLabels([kinds, cases, before, after], (f) => ({ part: parts.get(f.source!.paragraph) ?? '', leadIn: '' }));
    expect([kinds.label, cases.label, before.label, after.label]).toEqual(['报告法定传染病（类）', '报告法定传染病（例）', '2023年新增学位', '2024年新增学位']);
  });

  it('takes a list of targets introduced by its lead-in (“主要预期目标是：”) as targets', () => {
    const done = figure('城镇新增就业', '万人', '城镇新增就业1.8万人。', 0);
    const aim = figure('城镇新增就业', '万人', '城镇新增就业1.5万人以上；', 3);
    distinctLabels([done, aim], (f) => ({ part: '', leadIn: f.source!.paragraph === 3 ? '全区经济社会发展的主要预期目标是：' : '' }));
    expect(aim.label).toBe('城镇新增就业目标');
  });

  for (const r of CORPUS) {
    it(`${r.name}: every figure written back exactly, every label its own and naming its subject`, async () => {
      const doc = parseReport(await decodeReport(r.bytes(), r.fileName));
      const figures = expectInvariant(doc);
      const labels = figures.map((f) => f.label);
      expect(new Set(labels).size).toBe(labels.length);
      for (const label of labels) {
        expect(label).not.toMatch(/^(?:增长|提高|下降|增加|减少|总数|数据|全区|全市|占比|比重|投资)?$/);
        expect(label).not.toMatch(/[（(]\d+[）)]$/);
      }
    });
  }
});

describe('tables, cell by cell', () => {
  const table = {
    header: ['指标', '2022年', '2023年', '增幅'],
    rows: [
      ['规上工业总产值（亿元）', '812.4', '1,903.6', '11.2%'],
      ['研发投入强度（%）', '4.1', '4.6', '提高0.5个百分点'],
      ['入选项目', '12', '15', '—'],
    ],
  };
  const doc = (): ReportDoc => ({
    title: '表格',
    subtitle: '',
    bylines: [],
    salutation: '',
    closingTitle: '',
    lead: [{ index: 0, text: tableText(table), truncated: false, table }],
    sections: [],
    closing: [],
    captions: [],
    warnings: [],
  });

  it('reads each body cell; header years are no figures; a bare number takes its unit from its header', () => {
    const figures = expectInvariant(doc());
    expect(figures.map((f) => [formatFigure(f), f.unit, f.label])).toEqual([
      ['812.4', '亿元', '2022年规上工业总产值'],
      ['1,903.6', '亿元', '2023年规上工业总产值'],
      ['11.2%', '%', '规上工业总产值增幅'],
      ['4.1', '%', '2022年研发投入强度'],
      ['4.6', '%', '2023年研发投入强度'],
      ['0.5个百分点', '个百分点', '研发投入强度增幅'],
    ]);
    expect(figures.find((f) => f.unit === '个百分点')).toMatchObject({ direction: '提高' });
    // Its sentence is its row, as the paragraph holds it.
    expect(figures[0]!.source!.sentence).toBe('规上工业总产值（亿元）\t812.4\t1,903.6\t11.2%');
  });

  it('a bare number with no unit in its row or column is no figure (the row “入选项目” has none)', () => {
    expect(extractFigures(doc()).some((f) => f.label.includes('入选项目'))).toBe(false);
  });
});
