// The evaluation corpus (tests/fixtures/reports) must be what it says: each report in its shape, 2,000–6,000
// characters, and every expectation (figures, titles, captions, closing) written in the report's own words.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeReport } from '../../../decks/node/report/index.ts';
import { CORPUS } from '../../fixtures/reports/corpus.ts';
import { comparable } from '../../eval/measures.ts';

const own = CORPUS.filter((r) => !r.expected.file.includes('samples/'));
const byName = (prefix: string) => own.find((r) => r.name.startsWith(prefix))!;

describe('the evaluation corpus', () => {
  it('has at least 8 reports of its own, plus the sample', () => {
    expect(own.length).toBeGreaterThanOrEqual(8);
    expect(CORPUS.some((r) => r.expected.file.endsWith('decks/samples/shangyu-youth-city.txt'))).toBe(true);
  });

  for (const r of CORPUS) {
    describe(r.name, () => {
      it('holds every expectation in its own words', async () => {
        const text = (await decodeReport(r.bytes(), r.fileName)).text;
        const plain = comparable(text);
        if (!r.expected.file.includes('samples/')) {
          const n = [...text].length;
          expect(n).toBeGreaterThanOrEqual(2000);
          expect(n).toBeLessThanOrEqual(6000);
          expect(r.expected.figures.length).toBeGreaterThanOrEqual(30);
        }
        expect(plain).toContain(comparable(r.expected.title));
        for (const [shown, value, unit] of r.expected.figures) {
          expect(plain).toContain(comparable(shown));
          expect(shown.replace(/,/g, '')).toContain(String(value).replace(/^-/, ''));
          expect(unit).not.toBe('');
        }
        for (const s of r.expected.sections) {
          expect(plain).toContain(comparable(s.title));
          for (const sub of s.subsections) expect(plain).toContain(comparable(sub));
        }
        for (const c of r.expected.captions) {
          expect(plain).toContain(comparable(c.text));
          expect(plain).toContain(comparable(c.credit));
        }
        for (const line of r.expected.frontMatter) expect(plain).toContain(comparable(line));
        expect(plain).toContain(comparable(r.expected.closing));
      });
    });
  }

  it('has a 政府工作报告 with a dateline, a salutation and 一、/（一） parts, some run in', async () => {
    const text = (await decodeReport(byName('01').bytes(), byName('01').fileName)).text;
    expect(text).toMatch(/^——.+会议上$/m);
    expect(text).toMatch(/^各位代表：$/m);
    expect(text).toMatch(/^（一）[^。\n]+$/m);
    expect(text).toMatch(/^（一）[^。\n]+。.+$/m);
  });

  it('has a Markdown report with tables and an image', () => {
    const text = new TextDecoder().decode(byName('02').bytes());
    expect(byName('02').fileName).toMatch(/\.md$/);
    expect(text.match(/^\| --- \|/gm)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/^!\[[^\]]+\]\([^)]+\)$/m);
  });

  it('has a 街道 summary with running headers, page-number lines, a sentence split across them and repeated paragraphs', () => {
    const text = new TextDecoder().decode(byName('03').bytes());
    expect(text.match(/^- \d+ -$/gm)?.length).toBeGreaterThanOrEqual(3);
    expect(text.match(/^东湖街道2023年工作总结$/gm)?.length).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/惠及\n\n- 1 -\n\n东湖街道2023年工作总结\n\n居民/);
    const paragraphs = text.split(/\n\n/).filter((p) => p.length > 60);
    expect(new Set(paragraphs).size).toBeLessThan(paragraphs.length);
  });

  it('has a GBK file with CRLF line ends and full-width digits', async () => {
    const bytes = byName('04').bytes();
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const decoded = await decodeReport(bytes, byName('04').fileName);
    expect(decoded.encoding).toBe('gb18030');
    const raw = new TextDecoder('gb18030').decode(bytes);
    expect(raw).toContain('\r\n');
    expect(raw).toMatch(/[０-９]+．[０-９]+‰/);
    // The import reads the digits half-width, so figures show as every other number.
    expect(decoded.text).toContain('婴儿死亡率2.1‰');
    expect(decoded.text).not.toMatch(/[０-９]/);
  });

  it('has a Word file with Title, Heading 1/2, a table and a Caption paragraph', () => {
    const xml = strFromU8(unzipSync(byName('05').bytes())['word/document.xml']!);
    for (const style of ['Title', 'Heading1', 'Heading2', 'Caption']) expect(xml).toContain(`<w:pStyle w:val="${style}"/>`);
    expect(xml).toContain('<w:tbl>');
  });

  it('has a report with a byline of two offices, a 述职报告 and a short note without headings', async () => {
    expect(byName('06').expected.frontMatter[0]).toMatch(/^区\S+局　区\S+局$/);
    expect(byName('07').expected.title).toContain('述职');
    expect(byName('08').expected.sections).toEqual([]);
  });
});
