import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../decks/common/api.ts';
import { docxHtmlToLines } from '../../../decks/node/report/docxText.ts';
import { decodeReport, parseReport } from '../../../decks/node/report/index.ts';
import { wordDocument, type WordBlock, type WordStyle } from '../../fixtures/reports/wordDocument.ts';
import { paragraph, phrases } from './reportText.ts';

/** A Word paragraph block, as the fixture writer takes it. */
function p(text: string, style?: WordStyle, bold = false): WordBlock {
  return { text, ...(style ? { style } : {}), ...(bold ? { bold } : {}) };
}

describe('.docx reports', () => {
  it('reads Title and Heading 1 paragraphs as the title and the sections', async () => {
    const bytes = wordDocument([
      p('全面建设“青春之城” 奋力走好高质量发展之路', 'Title'),
      p('孙良 倪贤方'),
      p(paragraph(1)),
      ...[0, 1, 2].flatMap((i) => [p(`${phrases(i)[0]} ${phrases(i)[1]}`, 'Heading1'), p(paragraph(10 + i)), p(paragraph(20 + i))]),
    ]);
    const d = await decodeReport(bytes, '报告.docx');
    expect(d.encoding).toBe('docx');
    expect(d.format).toBe('docx');
    expect(d.text.split('\n')[0]).toBe('# 全面建设“青春之城” 奋力走好高质量发展之路');
    const doc = parseReport(d);
    expect(doc.title).toBe('全面建设“青春之城” 奋力走好高质量发展之路');
    expect(doc.bylines).toEqual(['孙良 倪贤方']);
    expect(doc.lead.map((x) => x.text)).toEqual([paragraph(1)]);
    expect(doc.sections.map((s) => [s.title, s.subtitle])).toEqual([0, 1, 2].map(phrases));
    expect(doc.sections.map((s) => s.paragraphs.map((x) => x.text))).toEqual([0, 1, 2].map((i) => [paragraph(10 + i), paragraph(20 + i)]));
    expect(doc.warnings).toEqual([]);
  });

  it('reads a Word file without heading styles by the shape of its lines (bold two-phrase headings), and keeps markup-like text as text', async () => {
    const bytes = wordDocument([
      p('年度工作报告'),
      p(`<b>不是标签</b> & ${paragraph(1)}`),
      p(`${phrases(0)[0]} ${phrases(0)[1]}`, undefined, true),
      p(paragraph(2)),
      p(`${phrases(1)[0]} ${phrases(1)[1]}`, undefined, true),
      p(paragraph(3)),
    ]);
    const doc = parseReport(await decodeReport(bytes, 'plain.docx'));
    expect(doc.title).toBe('年度工作报告');
    expect(doc.lead.map((x) => x.text)).toEqual([`<b>不是标签</b> & ${paragraph(1)}`]);
    expect(doc.sections.map((s) => s.title)).toEqual([phrases(0)[0], phrases(1)[0]]);
  });

  it('reads its structure: Heading 2 sub-parts, tables cell by cell, the Caption style for pictures and for tables', async () => {
    const bytes = wordDocument([
      { style: 'Title', text: 'XX区2023年科技工作总结' },
      { text: 'XX区科学技术局' },
      { text: paragraph(1) },
      { style: 'Heading1', text: '一、创新主体培育' },
      { style: 'Heading2', text: '（一）科技企业梯队壮大' },
      { text: paragraph(2) },
      { style: 'Heading2', text: '（二）创新平台能级提升' },
      { table: [['平台类别', '2022年', '2023年'], ['省级重点实验室', '5', '7'], ['省级企业研究院', '31', '40']] },
      { style: 'Caption', text: '表1 各类研发平台数量' },
      { style: 'Heading1', text: '二、成果转化' },
      { text: paragraph(3) },
      { style: 'Caption', text: '科创园二期全景' },
      { style: 'Caption', text: '图2 成果转化签约现场（区融媒体中心供图）' },
      { text: paragraph(4) },
    ]);
    const d = await decodeReport(bytes, 'keji.docx');
    expect(d.lines?.some((l) => l.kind === 'table')).toBe(true);
    const doc = parseReport(d);
    expect(doc.title).toBe('XX区2023年科技工作总结');
    expect(doc.bylines).toEqual(['XX区科学技术局']);
    expect(doc.sections.map((s) => s.title)).toEqual(['创新主体培育', '成果转化']);
    const first = doc.sections[0]!.paragraphs;
    expect(first.filter((p) => p.subheading).map((p) => p.text)).toEqual(['（一）科技企业梯队壮大', '（二）创新平台能级提升']);
    // The table's name, written under it in the Caption style, is read before it; the table is rows of cells.
    expect(first.slice(-2).map((p) => p.text.split('\n')[0])).toEqual(['表1 各类研发平台数量', '平台类别\t2022年\t2023年']);
    expect(first.at(-1)!.table).toEqual({ header: ['平台类别', '2022年', '2023年'], rows: [['省级重点实验室', '5', '7'], ['省级企业研究院', '31', '40']] });
    expect(doc.sections[0]!.captions).toEqual([]);
    // A Caption-style paragraph is a picture's caption, with its credit when it has one.
    expect(doc.sections[1]!.captions.map((c) => [c.text, c.credit])).toEqual([
      ['科创园二期全景', ''],
      ['成果转化签约现场', '区融媒体中心供图'],
    ]);
  });

  it('reads a picture and the short line beside it as one captioned picture, and nested tables into their cell', () => {
    const lines = docxHtmlToLines(
      '<p>正文第一段。</p><p><img src="" /></p><p>新落成的科技馆</p><table><tr><td><p>类别</p></td><td><p>数量</p></td></tr><tr><td><table><tr><td>内表</td></tr></table></td><td><p>3</p></td></tr></table><p>结束。</p>',
    );
    expect(lines.map((l) => [l.kind, l.text])).toEqual([
      ['text', '正文第一段。'],
      ['image', ''],
      ['text', '新落成的科技馆'],
      ['table', ''],
      ['text', '结束。'],
    ]);
    expect(lines[3]!.table).toEqual({ header: ['类别', '数量'], rows: [['内表', '3']] });
    const doc = parseReport({ text: '', format: 'docx', lines: [{ kind: 'text', text: '# 标题', gap: 0 }, { kind: 'text', text: '## 一、科普', gap: 1 }, ...lines, { kind: 'text', text: '## 二、其他', gap: 1 }, { kind: 'text', text: paragraph(2), gap: 1 }] });
    expect(doc.sections[0]!.captions.map((c) => c.text)).toEqual(['新落成的科技馆']);
  });

  it('is detected by its bytes even when named .txt', async () => {
    const d = await decodeReport(wordDocument([p('标题'), p(paragraph(1))]), 'misnamed.txt');
    expect(d.format).toBe('docx');
  });

  it('refuses a zip that holds no Word document, and an empty Word document', async () => {
    const zip = zipSync({ 'readme.txt': strToU8('hello') });
    const err = await decodeReport(zip, 'x.docx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('REPORT_FORMAT');
    expect((err as ApiError).en).toContain('word/document.xml');

    const empty = await decodeReport(wordDocument([p('')]), 'empty.docx').catch((e: unknown) => e);
    expect((empty as ApiError).code).toBe('REPORT_EMPTY');

    const damaged = wordDocument([p('标题')]);
    const cut = damaged.subarray(0, Math.floor(damaged.length / 2));
    expect(((await decodeReport(cut, 'cut.docx').catch((e: unknown) => e)) as ApiError).code).toBe('REPORT_FORMAT');
  });

  it('refuses a document body that is not XML with REPORT_FORMAT', async () => {
    const bad = zipSync({ ...unzipSync(wordDocument([p('标题')])), 'word/document.xml': strToU8('<w:document><w:body><w:p>') });
    const err = await decodeReport(bad, 'bad.docx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('REPORT_FORMAT');
  });
});
