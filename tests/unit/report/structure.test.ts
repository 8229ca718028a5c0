// The structure rules of report import, each on a small report of its own: front matter, sections and their sub-parts,
// the closing, page furniture, repeats, captions and tables. General rules: the inputs vary the forms, not one report.
import { describe, expect, it } from 'vitest';
import type { ReportDoc, ReportParagraph } from '../../../decks/common/model.ts';
import { parseReport } from '../../../decks/node/report/index.ts';
import { paragraph } from './reportText.ts';

const txt = (...lines: string[]) => parseReport({ text: lines.join('\n\n'), format: 'txt' });
const md = (...lines: string[]) => parseReport({ text: lines.join('\n\n'), format: 'md' });

function paragraphs(doc: ReportDoc): ReportParagraph[] {
  return [...doc.lead, ...doc.sections.flatMap((s) => s.paragraphs), ...doc.closing];
}

const BODY = [paragraph(1), paragraph(2), paragraph(3), paragraph(4), paragraph(5), paragraph(6)];

describe('front matter', () => {
  it('a dateline, an official with a name and a salutation go to the cover, never a section', () => {
    const doc = txt('2024年政府工作报告', '——2024年1月10日在区第十八届人民代表大会第四次会议上', '区长 王XX', '各位代表：', BODY[0]!, '一、过去一年的工作', BODY[1]!, '二、今年的主要任务', BODY[2]!);
    expect(doc.title).toBe('2024年政府工作报告');
    expect(doc.subtitle).toBe('——2024年1月10日在区第十八届人民代表大会第四次会议上');
    expect(doc.bylines).toEqual(['区长 王XX']);
    expect(doc.salutation).toBe('各位代表：');
    expect(doc.sections.map((s) => s.title)).toEqual(['过去一年的工作', '今年的主要任务']);
    expect(doc.lead.map((p) => p.text)).toEqual([BODY[0]]);
    const w = doc.warnings.find((x) => x.kind === 'front-matter')!;
    expect(w.place).toEqual({ cover: true });
    expect(w.message.zh).toContain('封面');
    expect(w.message.zh).toContain('“区长 王XX”');
  });

  it('a byline of two offices is no two-phrase heading: the real pillars keep their numbers', () => {
    const doc = txt('2023年经济运行分析', 'XX区发展和改革局 XX区统计局', BODY[0]!, '稳增长促发展 经济总量迈上新台阶', BODY[1]!, '抓改革添活力 市场主体活力迸发', BODY[2]!);
    expect(doc.bylines).toEqual(['XX区发展和改革局 XX区统计局']);
    expect(doc.sections.map((s) => [s.title, s.subtitle])).toEqual([
      ['稳增长促发展', '经济总量迈上新台阶'],
      ['抓改革添活力', '市场主体活力迸发'],
    ]);
  });

  it('a signature and date at the very end join the bylines, not the closing', () => {
    const doc = txt('街道工作总结', '一、主要工作', BODY[0]!, '二、下步打算', BODY[1]!, '新的一年，街道将继续努力，奋力谱写高质量发展新篇章。', 'XX街道办事处', '2024年1月5日');
    expect(doc.bylines).toEqual(['XX街道办事处', '2024年1月5日']);
    expect(doc.closing.map((p) => p.text)).toEqual(['新的一年，街道将继续努力，奋力谱写高质量发展新篇章。']);
    expect(paragraphs(doc).map((p) => p.text)).not.toContain('XX街道办事处');
  });
});

describe('sections and their sub-parts', () => {
  it('keeps a heading’s second phrase as the section’s subtitle', () => {
    const doc = txt('报告', '一、坚持创新驱动，产业能级持续提升', BODY[0]!, '二、坚持民生优先，群众福祉不断增进', BODY[1]!);
    expect(doc.sections.map((s) => [s.title, s.subtitle])).toEqual([
      ['坚持创新驱动', '产业能级持续提升'],
      ['坚持民生优先', '群众福祉不断增进'],
    ]);
  });

  it('reads （一）, run-in heads and Markdown ### as sub-parts of their pillar, never as sections', () => {
    const plain = txt('报告', '一、产业发展', '（一）工业提质', BODY[0]!, `（二）服务业扩容。${BODY[1]}`, '二、城市建设', BODY[2]!);
    expect(plain.sections.map((s) => s.title)).toEqual(['产业发展', '城市建设']);
    expect(plain.sections[0]!.paragraphs.map((p) => [p.text, !!p.subheading])).toEqual([
      ['（一）工业提质', true],
      [BODY[0], false],
      ['（二）服务业扩容。', true],
      [BODY[1], false],
    ]);
    const markdown = md('# 报告', '## 一、产业发展', '### 工业提质', BODY[0]!, '### 服务业扩容', BODY[1]!, '## 二、城市建设', BODY[2]!);
    expect(markdown.sections.map((s) => s.title)).toEqual(['产业发展', '城市建设']);
    expect(markdown.sections[0]!.paragraphs.filter((p) => p.subheading).map((p) => p.text)).toEqual(['工业提质', '服务业扩容']);
  });

  it('a section with only a heading is said to be empty, on its own section slide', () => {
    const doc = txt('报告', '一、产业发展', BODY[0]!, '二、城市建设', '三、社会事业', BODY[1]!);
    const w = doc.warnings.find((x) => x.kind === 'empty-section')!;
    expect(w.place).toEqual({ section: 1 });
  });
});

describe('the closing', () => {
  it('is its own part under a 结语 or 展望 heading, with the heading’s words', () => {
    const doc = md('# 报告', '## 一、产业发展', BODY[0]!, '## 二、城市建设', BODY[1]!, '## 三、展望', '新的一年，全区将以更大力度推进改革，力争地区生产总值增长6%左右。');
    expect(doc.sections.map((s) => s.title)).toEqual(['产业发展', '城市建设']);
    expect(doc.closingTitle).toBe('展望');
    expect(doc.closing.map((p) => p.text)).toEqual(['新的一年，全区将以更大力度推进改革，力争地区生产总值增长6%左右。']);
  });

  it('is the outlook paragraph at the end of the last pillar (新的一年…/让我们…), with a closing formula after it', () => {
    const outlook = '各位代表！新的一年，让我们团结一心、实干争先，为奋力谱写现代化建设新篇章而不懈奋斗！';
    const doc = txt('报告', '一、产业发展', BODY[0]!, '二、城市建设', BODY[1]!, BODY[2]!, outlook, '以上报告，请予审议。');
    expect(doc.closing.map((p) => p.text)).toEqual([outlook, '以上报告，请予审议。']);
    expect(doc.sections[1]!.paragraphs.map((p) => p.text)).toEqual([BODY[1], BODY[2]]);
    expect(doc.warnings.find((w) => w.kind === 'heading-guessed')!.message.zh).toContain('结束语');
  });

  it('keeps “各位代表！” alone on a line with the words it opens', () => {
    const doc = txt('报告', '一、产业发展', BODY[0]!, BODY[1]!, '各位代表！', '新的一年，让我们团结奋斗，奋力谱写新篇章！');
    expect(doc.closing.map((p) => p.text)).toEqual(['各位代表！新的一年，让我们团结奋斗，奋力谱写新篇章！']);
  });
});

describe('page furniture', () => {
  it('removes page numbers and a running header, and joins the sentence they cut, saying so plainly', () => {
    const header = 'XX街道2023年工作总结';
    const doc = txt(
      'XX街道2023年工作总结和2024年工作思路',
      '一、主要工作',
      '完成辖区12个老旧小区的综合改造，惠及',
      '- 1 -',
      header,
      '居民3180户，新增停车泊位820个。',
      BODY[0]!,
      '- 2 -',
      header,
      '二、下步打算',
      BODY[1]!,
      '- 3 -',
      header,
      BODY[2]!,
    );
    const texts = paragraphs(doc).map((p) => p.text);
    expect(texts).toContain('完成辖区12个老旧小区的综合改造，惠及居民3180户，新增停车泊位820个。');
    for (const t of texts) expect(t).not.toMatch(/- \d -|XX街道2023年工作总结$/);
    expect(doc.sections.map((s) => s.title)).toEqual(['主要工作', '下步打算']);
    const furniture = doc.warnings.find((w) => w.kind === 'page-furniture')!;
    expect(furniture.message.zh).toContain('3 个页码');
    expect(furniture.message.zh).toContain(header);
    const joined = doc.warnings.find((w) => w.kind === 'lines-joined')!;
    expect(joined.message.zh).toContain('页码或页眉');
    expect(joined.message.zh).not.toContain('本段');
  });

  it('keeps a short line that repeats but is no running header (a label under each pillar)', () => {
    const doc = txt('报告', '一、产业发展', '主要做法', BODY[0]!, '二、城市建设', '主要做法', BODY[1]!);
    expect(paragraphs(doc).filter((p) => p.text === '主要做法')).toHaveLength(1);
    expect(doc.warnings.some((w) => w.kind === 'page-furniture')).toBe(false);
  });
});

describe('repeats', () => {
  it('keeps a paragraph repeated anywhere once, and the warning says it in plain words', () => {
    const doc = txt('报告', '一、产业发展', BODY[0]!, BODY[1]!, '二、城市建设', BODY[2]!, BODY[0]!, BODY[3]!, BODY[0]!);
    expect(paragraphs(doc).filter((p) => p.text === BODY[0])).toHaveLength(1);
    const w = doc.warnings.find((x) => x.kind === 'duplicate-removed')!;
    expect(w.message.zh).toBe('原文中这段话（或其中一部分）又重复出现了 2 次，已删去重复的 2 处，只保留这一段');
  });
});

describe('captions', () => {
  const section = (...lines: string[]) => txt('报告', '一、产业发展', BODY[0]!, ...lines, '二、城市建设', BODY[1]!);

  it('a short line alone is no caption', () => {
    const doc = section('科创走廊', BODY[2]!);
    expect(doc.sections[0]!.captions).toEqual([]);
    expect(doc.sections[0]!.paragraphs.map((p) => p.text)).toContain('科创走廊');
  });

  it('“图为…” lines, a caption and credit on one line, credits after or before the caption', () => {
    expect(section('图为XX产业园一期厂房', BODY[2]!).sections[0]!.captions.map((c) => [c.text, c.credit])).toEqual([['XX产业园一期厂房', '']]);
    expect(section('（图为XX产业园 XX中心供图）').sections[0]!.captions.map((c) => [c.text, c.credit])).toEqual([['XX产业园', 'XX中心供图']]);
    expect(section('樱花谷', '（摄影 张三）').sections[0]!.captions.map((c) => [c.text, c.credit])).toEqual([['樱花谷', '摄影 张三']]);
    expect(section('（摄影 张三）', '樱花谷', BODY[2]!).sections[0]!.captions.map((c) => [c.text, c.credit])).toEqual([['樱花谷', '摄影 张三']]);
    expect(section('XX产业园', '本张图片由区委宣传部提供').sections[0]!.captions.map((c) => [c.text, c.credit])).toEqual([['XX产业园', '本张图片由区委宣传部提供']]);
  });

  it('a credit with no caption beside it makes no picture: a warning says what it was', () => {
    const doc = section(BODY[2]!, '（摄影 张三）', BODY[3]!);
    expect(doc.sections[0]!.captions).toEqual([]);
    const w = doc.warnings.find((x) => x.kind === 'caption')!;
    expect(w.message.zh).toBe('“摄影 张三”是照片的署名，但它前后都没有照片说明，所以没有做成图片页；如需要，请在编辑器中添加图片页');
  });

  it('in plain text, a picture’s empty place (two blank lines) before a short line makes it a caption', () => {
    const doc = parseReport({ text: ['报告', '一、产业发展', BODY[0]!, '\n\n樱花谷', '二、城市建设', BODY[1]!].join('\n\n'), format: 'txt' });
    expect(doc.sections[0]!.captions.map((c) => c.text)).toEqual(['樱花谷']);
  });

  it('Markdown: an image’s alt text, or the short line beside an image without one; never a bold label or a table row', () => {
    const doc = md('# 报告', '## 一、产业发展', BODY[0]!, '![图为XX产业园](park.jpg)', '（XX中心供图）', '**主要做法**', BODY[1]!, '![](site.png)', '建设中的XX大桥', '| 指标 | 数值 |\n| --- | --- |\n| 地区生产总值 | 5.5% |', '## 二、城市建设', BODY[2]!);
    expect(doc.sections[0]!.captions.map((c) => [c.text, c.credit])).toEqual([
      ['XX产业园', 'XX中心供图'],
      ['建设中的XX大桥', ''],
    ]);
    expect(doc.sections[0]!.paragraphs.map((p) => p.text)).toContain('主要做法');
    expect(doc.sections[0]!.paragraphs.at(-1)!.table).toEqual({ header: ['指标', '数值'], rows: [['地区生产总值', '5.5%']] });
  });
});

describe('tables', () => {
  it('a Markdown table is a paragraph of its own, read as a header and rows of cells, never as lines', () => {
    const doc = md('# 报告', '## 一、主要指标', BODY[0]!, ['| 指标 | 2022年 | 2023年 |', '| --- | ---: | ---: |', '| 规上工业总产值（亿元） | 812.4 | 903.6 |', '| 营业收入（亿元） | 1,126.0 | 1,248.7 |'].join('\n'), BODY[1]!, '## 二、城市建设', BODY[2]!);
    const table = doc.sections[0]!.paragraphs[1]!;
    expect(table.table).toEqual({
      header: ['指标', '2022年', '2023年'],
      rows: [
        ['规上工业总产值（亿元）', '812.4', '903.6'],
        ['营业收入（亿元）', '1,126.0', '1,248.7'],
      ],
    });
    expect(table.text).toBe('指标\t2022年\t2023年\n规上工业总产值（亿元）\t812.4\t903.6\n营业收入（亿元）\t1,126.0\t1,248.7');
    expect(doc.sections[0]!.paragraphs.map((p) => p.text)).toEqual([BODY[0], table.text, BODY[1]]);
    expect(doc.sections[0]!.captions).toEqual([]);
  });
});
