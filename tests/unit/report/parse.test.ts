import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReportDoc, ReportParagraph } from '../../../decks/common/model.ts';
import { decodeReport, parseReport } from '../../../decks/node/report/index.ts';
import { paragraph, phrases } from './reportText.ts';

const SAMPLE_PATH = new URL('../../../decks/samples/shangyu-youth-city.txt', import.meta.url);
const sampleText = readFileSync(SAMPLE_PATH, 'utf8');
const sourceLines = sampleText.split('\n').map((l) => l.trim()).filter((l) => l !== '');

function allParagraphs(doc: ReportDoc): ReportParagraph[] {
  return [...doc.lead, ...doc.sections.flatMap((s) => s.paragraphs), ...doc.closing];
}

function expectStableIndexes(doc: ReportDoc): void {
  const paras = allParagraphs(doc);
  expect(paras.map((p) => p.index)).toEqual(paras.map((_, i) => i));
  for (const w of doc.warnings) {
    expect(w.paragraph).toBeGreaterThanOrEqual(-1);
    expect(w.paragraph).toBeLessThan(paras.length);
    expect(w.message.zh.length).toBeGreaterThan(0);
    expect(w.message.en.length).toBeGreaterThan(0);
  }
  const captions = [...doc.captions, ...doc.sections.flatMap((s) => s.captions)];
  for (const c of captions) expect(c.after).toBeLessThan(paras.length);
}

describe('the sample report (Shangyu)', async () => {
  const decoded = await decodeReport(Buffer.from(sampleText), 'shangyu-youth-city.txt');
  const doc = parseReport(decoded);
  const paras = allParagraphs(doc);
  // The page-break damage, located in the source rather than written out here.
  const brokenHead = sourceLines.find((l) => l.endsWith('以网络大城市理'))!;
  const tailLine = sourceLines[sourceLines.indexOf(brokenHead) + 1]!;
  const tailCount = sourceLines.filter((l) => l === tailLine).length;

  it('finds the title, the byline and the lead', () => {
    expect(doc.title).toBe('全面建设“青春之城” 奋力走好上虞高质量发展之路');
    expect(doc.bylines).toEqual(['孙良 倪贤方 袁伟江']);
    expect(doc.lead.map((p) => p.text)).toEqual([sourceLines[2], sourceLines[3]]);
  });

  it('finds the four pillars with their titles and subtitles', () => {
    const headingLines = sourceLines.filter((l) => /^\S{6} \S{10}$/.test(l) && !l.includes('“'));
    expect(headingLines).toHaveLength(4);
    expect(doc.sections.map((s) => `${s.title} ${s.subtitle}`)).toEqual(headingLines);
    expect(doc.sections[0]).toMatchObject({ title: '兴产业强平台', subtitle: '打造创新创业创造高地' });
    for (const s of doc.sections) expect(s.paragraphs.length).toBeGreaterThan(0);
  });

  it('joins the sentence broken across the page break into one paragraph', () => {
    const joined = paras.filter((p) => p.text.includes('以网络大城市理念优化区域生产力空间布局'));
    expect(joined).toHaveLength(1);
    expect(joined[0]!.text).toBe(brokenHead + tailLine);
    expect(joined[0]!.truncated).toBe(false);
    const w = doc.warnings.filter((x) => x.kind === 'lines-joined');
    expect(w).toHaveLength(1);
    expect(w[0]!.paragraph).toBe(joined[0]!.index);
  });

  it('removes every repeat of the broken tail, and says how many', () => {
    expect(tailCount).toBeGreaterThanOrEqual(13);
    expect(paras.filter((p) => p.text.includes(tailLine))).toHaveLength(1);
    const dup = doc.warnings.filter((w) => w.kind === 'duplicate-removed');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.message.zh).toContain(String(tailCount - 1));
    expect(dup[0]!.message.en).toContain(String(tailCount - 1));
    expect(dup[0]!.paragraph).toBe(paras.find((p) => p.text.includes(tailLine))!.index);
  });

  it('keeps no paragraph twice, nor one inside another, and loses no body text', () => {
    const texts = paras.map((p) => p.text);
    expect(new Set(texts).size).toBe(texts.length);
    for (const a of texts) for (const b of texts) if (a !== b) expect(b.includes(a)).toBe(false);
    const everything = texts.join('\n');
    for (const l of sourceLines.filter((x) => x.length > 40)) expect(everything).toContain(l);
  });

  it('flags the paragraphs cut off mid-sentence', () => {
    const cut = paras.filter((p) => p.truncated);
    expect(cut).toHaveLength(2);
    expect(cut.some((p) => p.text.endsWith('以科技'))).toBe(true);
    expect(cut.some((p) => p.text.endsWith('“14+X”重点片区规划'))).toBe(true);
    const flagged = doc.warnings.filter((w) => w.kind === 'truncated').map((w) => w.paragraph);
    expect(flagged.sort()).toEqual(cut.map((p) => p.index).sort());
  });

  it('attaches the captions to their section, with the credit on the picture it follows', () => {
    expect(doc.sections[0]!.captions.map((c) => c.text)).toEqual(['上虞e游小镇', '上虞产业协同创新中心']);
    expect(doc.sections[0]!.captions[1]!.credit).toBe('本张图片由上虞区委宣传部提供');
    expect(doc.sections[0]!.captions[0]!.credit).toBe('');
    expect(doc.sections[1]!.captions.map((c) => c.text)).toEqual(['南丰社区']);
    const lastOfFirst = doc.sections[0]!.paragraphs.at(-1)!.index;
    expect(doc.sections[0]!.captions[0]!.after).toBe(lastOfFirst);
    expect(doc.warnings.filter((w) => w.kind === 'caption')).toHaveLength(4);
  });

  it('takes the forward-looking last paragraph as the closing, with a warning', () => {
    expect(doc.closing).toHaveLength(1);
    expect(doc.closing[0]!.text.startsWith('图更强、争一流、敢首创')).toBe(true);
    expect(doc.sections[3]!.paragraphs.some((p) => p.text.startsWith('图更强'))).toBe(false);
    expect(doc.closing[0]!.index).toBe(paras.length - 1);
    const guess = doc.warnings.filter((w) => w.kind === 'heading-guessed');
    expect(guess.map((w) => w.paragraph)).toEqual([doc.closing[0]!.index]);
    // The photo after the closing is outside every section.
    expect(doc.captions.map((c) => c.text)).toEqual(['樱花谷']);
  });

  it('keeps indexes global and stable', () => {
    expectStableIndexes(doc);
    expect(parseReport(decoded)).toEqual(doc);
  });
});

/** A report built in the test: title, byline, lead, sections with headings in a chosen form, a closing. */
function numberedReport(sectionCount: number, subPoints: number): { text: string; bodyCount: number } {
  const cn = '一二三四五六七八九十';
  const lines = ['关于2023年全区经济社会发展情况的报告', '本报记者 张三 通讯员 李四', paragraph(1), paragraph(2)];
  let seed = 10;
  let bodyCount = 2;
  for (let s = 0; s < sectionCount; s++) {
    const [a, b] = phrases(s);
    lines.push(`${cn[s]}、${a}，${b}`);
    for (let k = 0; k < subPoints; k++) {
      lines.push(`（${cn[k]}）${phrases(s + k + 1)[0]}`);
      lines.push(paragraph(seed++), paragraph(seed++));
      bodyCount += 2;
    }
  }
  lines.push('结语', paragraph(99));
  return { text: lines.join('\n\n'), bodyCount };
}

describe('reports in other shapes', () => {
  it('reads numbered headings 一、… with （一） sub-headings kept as sub-heading paragraphs', () => {
    const { text, bodyCount } = numberedReport(5, 2);
    const doc = parseReport({ text, format: 'txt' });
    expect(doc.title).toBe('关于2023年全区经济社会发展情况的报告');
    expect(doc.bylines).toEqual(['本报记者 张三 通讯员 李四']);
    expect(doc.lead.map((p) => p.text)).toEqual([paragraph(1), paragraph(2)]);
    expect(doc.sections).toHaveLength(5);
    doc.sections.forEach((s, i) => {
      expect([s.title, s.subtitle]).toEqual(phrases(i));
      const subs = s.paragraphs.filter((p) => p.subheading);
      expect(subs.map((p) => p.text)).toEqual([`（一）${phrases(i + 1)[0]}`, `（二）${phrases(i + 2)[0]}`]);
      expect(subs.every((p) => !p.truncated)).toBe(true);
    });
    expect(doc.closing.map((p) => p.text)).toEqual([paragraph(99)]);
    expect(allParagraphs(doc).filter((p) => !p.subheading)).toHaveLength(bodyCount + 1);
    expect(doc.warnings).toEqual([]);
    expectStableIndexes(doc);
  });

  it('uses 第一部分 as sections when both 第…部分 and 一、 appear', () => {
    const text = ['年度报告', '第一部分 发展成就', '一、经济运行', paragraph(1), '二、社会民生', paragraph(2), '第二部分 工作安排', '一、稳增长', paragraph(3)].join('\n\n');
    const doc = parseReport({ text, format: 'txt' });
    expect(doc.sections.map((s) => s.title)).toEqual(['发展成就', '工作安排']);
    expect(doc.sections[0]!.paragraphs.map((p) => [p.text, !!p.subheading])).toEqual([
      ['一、经济运行', true],
      [paragraph(1), false],
      ['二、社会民生', true],
      [paragraph(2), false],
    ]);
  });

  it('splits a numbered heading that carries its first sentence and body on one line', () => {
    const body = paragraph(5);
    const text = ['报告', `一、着力稳增长，经济运行总体平稳。${body}`, '二、着力惠民生', paragraph(6)].join('\n');
    const doc = parseReport({ text, format: 'txt' });
    expect(doc.sections.map((s) => s.title)).toEqual(['着力稳增长', '着力惠民生']);
    expect(doc.sections[0]!.subtitle).toBe('经济运行总体平稳');
    expect(doc.sections[0]!.paragraphs.map((p) => p.text)).toEqual([body]);
  });

  it('reads Markdown: # title, ## sections, emphasis, lists, image captions', () => {
    const text = [
      '# 奋进新征程 建功新时代',
      '',
      '**记者** 王五',
      '',
      `导语：${paragraph(1)}`,
      '',
      '## 兴产业 强平台',
      '',
      `这是**重点**内容，${paragraph(2)}`,
      '',
      '- 第一条措施落实到位。',
      '- 第二条措施稳步推进。',
      '',
      '![产业园区全景](images/park.jpg)',
      '',
      '## 惠民生 增福祉',
      '',
      paragraph(3),
      '',
      '---',
      '',
      paragraph(4),
    ].join('\n');
    const doc = parseReport({ text, format: 'md' });
    expect(doc.title).toBe('奋进新征程 建功新时代');
    expect(doc.bylines).toEqual(['记者 王五']);
    expect(doc.lead).toHaveLength(1);
    expect(doc.sections.map((s) => [s.title, s.subtitle])).toEqual([
      ['兴产业', '强平台'],
      ['惠民生', '增福祉'],
    ]);
    expect(doc.sections[0]!.paragraphs.map((p) => p.text)).toEqual([`这是重点内容，${paragraph(2)}`, '第一条措施落实到位。', '第二条措施稳步推进。']);
    expect(doc.sections[0]!.captions).toEqual([{ text: '产业园区全景', credit: '', after: doc.sections[0]!.paragraphs[2]!.index }]);
    expect(doc.sections[1]!.paragraphs.map((p) => p.text)).toEqual([paragraph(3), paragraph(4)]);
    expectStableIndexes(doc);
  });

  it('treats Markdown headings of one repeated level as sections, with no title', () => {
    const text = ['# 第一篇', paragraph(1), '# 第二篇', paragraph(2)].join('\n\n');
    const doc = parseReport({ text, format: 'md' });
    expect(doc.title).toBe('');
    expect(doc.sections).toHaveLength(2);
    expect(doc.warnings.some((w) => w.kind === 'heading-guessed' && w.paragraph === -1)).toBe(true);
  });

  it('joins hard-wrapped lines silently, and reads one-paragraph-per-line text', () => {
    const paras = [paragraph(1, 8), paragraph(2, 8), paragraph(3, 8)];
    const wrap = (p: string): string => [...p].reduce((acc, ch, i) => acc + (i > 0 && i % 30 === 0 ? '\n' : '') + ch, '');
    const [a, b] = phrases(0);
    const wrapped = ['标题', `${a} ${b}`, ...paras.map(wrap)].join('\n\n');
    const doc = parseReport({ text: wrapped, format: 'txt' });
    expect(doc.sections[0]!.paragraphs.map((p) => p.text)).toEqual(paras);
    expect(doc.warnings.filter((w) => w.kind === 'lines-joined')).toEqual([]);

    const perLine = ['标题', `${a} ${b}`, ...paras].join('\r\n');
    const doc2 = parseReport({ text: perLine, format: 'txt' });
    expect(doc2.sections[0]!.paragraphs.map((p) => p.text)).toEqual(paras);
  });

  it('joins a sentence broken around a picture caption, keeping the caption', () => {
    const p = paragraph(7);
    const cut = 25;
    const text = ['标题', `${phrases(0)[0]} ${phrases(0)[1]}`, p.slice(0, cut), '樱花谷', '（图/张三 摄）', p.slice(cut)].join('\n\n');
    const doc = parseReport({ text, format: 'txt' });
    expect(doc.sections[0]!.paragraphs.map((x) => x.text)).toEqual([p]);
    expect(doc.sections[0]!.captions).toEqual([{ text: '樱花谷', credit: '图/张三 摄', after: doc.sections[0]!.paragraphs[0]!.index }]);
    expect(doc.warnings.map((w) => w.kind).sort()).toEqual(['caption', 'lines-joined']);
  });

  it('removes an exact repeat anywhere, and a repeated fragment of a kept paragraph', () => {
    const [a, b] = phrases(0);
    const [c, d] = phrases(1);
    const p1 = paragraph(1);
    const p2 = paragraph(2);
    const text = ['标题', `${a} ${b}`, p1, p2, `${c} ${d}`, paragraph(3), p1, p2.slice(10)].join('\n\n');
    const doc = parseReport({ text, format: 'txt' });
    expect(doc.sections[1]!.paragraphs.map((x) => x.text)).toEqual([paragraph(3)]);
    const dup = doc.warnings.filter((w) => w.kind === 'duplicate-removed');
    expect(dup.map((w) => w.paragraph)).toEqual([0, 1]);
  });

  it('takes a 结语 heading as the closing, and guesses no closing when the end does not look ahead', () => {
    const [a, b] = phrases(0);
    const withHeading = parseReport({ text: ['标题', `${a} ${b}`, paragraph(1), '结语', paragraph(2)].join('\n\n'), format: 'txt' });
    expect(withHeading.closing.map((p) => p.text)).toEqual([paragraph(2)]);
    expect(withHeading.sections).toHaveLength(1);
    expect(withHeading.warnings).toEqual([]);

    const plain = parseReport({ text: ['标题', `${a} ${b}`, paragraph(1), paragraph(2)].join('\n\n'), format: 'txt' });
    expect(plain.closing).toEqual([]);
    expect(plain.sections[0]!.paragraphs).toHaveLength(2);

    const outlook = '展望新的一年，全区将以更大力度推进改革发展，为全省大局贡献更多力量。';
    const guessed = parseReport({ text: ['标题', `${a} ${b}`, paragraph(1), outlook].join('\n\n'), format: 'txt' });
    expect(guessed.closing.map((p) => p.text)).toEqual([outlook]);
    expect(guessed.warnings.map((w) => w.kind)).toEqual(['heading-guessed']);
  });

  it('guesses short standalone lines as section titles when no heading form is used, and says so', () => {
    const text = ['年度工作回顾', paragraph(1), '产业发展', paragraph(2), paragraph(3), '城市建设', paragraph(4)].join('\n\n');
    const doc = parseReport({ text, format: 'txt' });
    expect(doc.sections.map((s) => s.title)).toEqual(['产业发展', '城市建设']);
    expect(doc.lead.map((p) => p.text)).toEqual([paragraph(1)]);
    expect(doc.warnings.filter((w) => w.kind === 'heading-guessed')).toHaveLength(2);
  });

  it('says so when there are no sections at all, and keeps text as text', () => {
    const evil = '<script>alert(1)</script>这一段包含尖括号，但它只是文字。';
    const doc = parseReport({ text: ['标题', evil, paragraph(2)].join('\n\n'), format: 'txt' });
    expect(doc.sections).toEqual([]);
    expect(doc.lead.map((p) => p.text)).toEqual([evil, paragraph(2)]);
    expect(doc.warnings.some((w) => w.kind === 'heading-guessed' && w.paragraph === -1)).toBe(true);
  });

  it('warns about characters that could not be decoded, and about empty sections', () => {
    const [a, b] = phrases(0);
    const [c, d] = phrases(1);
    const doc = parseReport({ text: ['标题', `${a} ${b}`, `${c} ${d}`, `坏字符\uFFFD在这里。`].join('\n\n'), format: 'txt' });
    expect(doc.warnings.map((w) => w.kind).sort()).toEqual(['empty-section', 'encoding']);
  });
});

describe('line forms that are not headings', () => {
  it('keeps topic tags, figures with decimals and dated sentences as body text (a short line alone is no caption)', () => {
    const [a, b] = phrases(0);
    const lines = ['#青春之城#', '1.5亿元的项目全部开工建设，带动就业。', '2022年底，上虞区正式对外发布了新时代上虞精神。'];
    const doc = parseReport({ text: ['标题', `${a} ${b}`, ...lines].join('\n\n'), format: 'md' });
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]!.paragraphs.map((p) => p.text)).toEqual(lines);
    expect(doc.sections[0]!.captions).toEqual([]);
  });

  it('reads the level under 一、 as sub-headings and deeper numbers as body text', () => {
    const text = ['标题', '一、产业发展', '1. 产业升级', paragraph(1), '（1）园区建设', paragraph(2), '2. 平台建设', paragraph(4), '二、城市建设', paragraph(3)].join('\n\n');
    const doc = parseReport({ text, format: 'txt' });
    expect(doc.sections.map((s) => s.title)).toEqual(['产业发展', '城市建设']);
    expect(doc.sections[0]!.paragraphs.filter((p) => p.subheading).map((p) => p.text)).toEqual(['1. 产业升级', '2. 平台建设']);
    expect(doc.sections[0]!.paragraphs.map((p) => p.text)).toContain('（1）园区建设');
    expect(doc.warnings).toEqual([]);
  });
});
