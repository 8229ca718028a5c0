import { mkdtempSync, readFileSync, rmSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../decks/common/api.ts';
import { LIMITS } from '../../../decks/common/model.ts';
import { decodeReport, normaliseReportText, readReportFile } from '../../../decks/node/report/index.ts';
import { encodeGb18030, utf16be, utf16le } from './reportText.ts';

const SAMPLE_PATH = new URL('../../../decks/samples/shangyu-youth-city.txt', import.meta.url);
const sampleBytes = readFileSync(SAMPLE_PATH);
const sample = new TextDecoder('utf-8', { fatal: true }).decode(sampleBytes);
const expected = normaliseReportText(sample);
const dir = mkdtempSync(join(tmpdir(), 'huibao-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  const api = err as ApiError;
  expect(api.zh.length).toBeGreaterThan(4);
  expect(api.en.length).toBeGreaterThan(10);
  return api;
}

describe('decodeReport: encodings detected without being told', () => {
  it('reads UTF-8 without a BOM', async () => {
    const d = await decodeReport(sampleBytes, 'shangyu.txt');
    expect(d.encoding).toBe('utf-8');
    expect(d.format).toBe('txt');
    expect(d.text).toBe(expected);
    expect(d.text).toContain('全面建设“青春之城”');
    expect(d.bytes).toBe(sampleBytes.length);
    expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads UTF-8 with a BOM, and the BOM is not part of the text', async () => {
    const d = await decodeReport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sampleBytes]), 'a.txt');
    expect(d.encoding).toBe('utf-8-bom');
    expect(d.text).toBe(expected);
    expect(d.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('reads UTF-16 LE and BE with a BOM', async () => {
    const le = await decodeReport(utf16le(sample), 'le.txt');
    expect(le.encoding).toBe('utf-16le');
    expect(le.text).toBe(expected);
    const be = await decodeReport(utf16be(sample), 'be.txt');
    expect(be.encoding).toBe('utf-16be');
    expect(be.text).toBe(expected);
  });

  it('reads UTF-16 LE without a BOM (NUL bytes in every other place are not binary)', async () => {
    const d = await decodeReport(utf16le(sample, false), 'le.txt');
    expect(d.encoding).toBe('utf-16le');
    expect(d.text).toBe(expected);
  });

  it('reads GB18030/GBK, the whole sample and a short excerpt', async () => {
    const gb = encodeGb18030(sample);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow();
    const d = await decodeReport(gb, 'gbk.txt');
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(expected);
    const short = '兴产业强平台 打造创新创业创造高地\n\n上虞区还迭代升级人才新政4.0版，新增就业大学生2.3万人。';
    const s = await decodeReport(encodeGb18030(short), 'short.txt');
    expect(s.encoding).toBe('gb18030');
    expect(s.text).toBe(short);
  });

  it('gives the same text whatever the encoding, and hashes the bytes', async () => {
    const a = await decodeReport(sampleBytes, 'a.txt');
    const b = await decodeReport(encodeGb18030(sample), 'a.txt');
    expect(b.text).toBe(a.text);
    expect(b.sha256).not.toBe(a.sha256);
  });

  it('keeps a UTF-8 file cut off mid-character, marking the broken end', async () => {
    const cut = sampleBytes.subarray(0, sampleBytes.length - 1);
    const d = await decodeReport(cut, 'cut.txt');
    expect(d.encoding).toBe('utf-8');
    expect(d.text.endsWith('\uFFFD')).toBe(true);
  });

  it('refuses text in an encoding it cannot read (Latin-1 French) with REPORT_ENCODING', async () => {
    const latin1 = Buffer.from('Déjà été, où ça? À côté du théâtre, l élève préféré. '.repeat(20), 'latin1');
    const err = await refusal(decodeReport(latin1, 'fr.txt'));
    expect(err.code).toBe('REPORT_ENCODING');
    expect(err.en).toMatch(/encoding/i);
  });
});

describe('normalisation: line ends, spaces, invisible characters', () => {
  it('turns CRLF and CR into LF', async () => {
    const lf = '标题\n\n第一段。\n第二段。';
    const crlf = await decodeReport(Buffer.from(lf.replace(/\n/g, '\r\n')), 'a.txt');
    const cr = await decodeReport(Buffer.from(lf.replace(/\n/g, '\r')), 'b.txt');
    expect(crlf.text).toBe(lf);
    expect(cr.text).toBe(lf);
  });

  it('drops full-width indentation, NBSP, zero-width and control characters; keeps inner spacing as one space', async () => {
    const raw = '\u3000\u3000全面建设\u3000\u3000奋力走好\u3000\n\u00A0一江春色\u200B送潮生。\u0007\n孙良\u00A0倪贤方\t袁伟江 \n\uFEFF尾\u0000声';
    const d = await decodeReport(Buffer.from(raw.replace('\u0000', '')), 'a.txt');
    expect(d.text).toBe('全面建设 奋力走好\n一江春色送潮生。\n孙良 倪贤方 袁伟江\n尾声');
    expect(normaliseReportText(raw)).toBe('全面建设 奋力走好\n一江春色送潮生。\n孙良 倪贤方 袁伟江\n尾声');
    expect(normaliseReportText(d.text)).toBe(d.text);
  });

  it('reads full-width digits and letters half-width, so “１３６所” and “ＰＭ２．５” read as every other number', () => {
    const raw = '新建学校１３６所，占比５．８％，ＰＭ２．５下降，全文，。';
    expect(normaliseReportText(raw)).toBe('新建学校136所，占比5.8％，PM2.5下降，全文，。');
    expect(normaliseReportText(normaliseReportText(raw))).toBe(normaliseReportText(raw));
  });

  it('treats .md as Markdown and other names as plain text, and keeps only the base name', async () => {
    expect((await decodeReport(Buffer.from('# 标题'), 'C:\\报告\\r.MD')).format).toBe('md');
    const t = await decodeReport(Buffer.from('# 标题'), '/tmp/x/report');
    expect(t.format).toBe('txt');
    expect(t.fileName).toBe('report');
    expect((await decodeReport(Buffer.from('x'), 'C:\\报告\\r.MD')).fileName).toBe('r.MD');
  });
});

describe('refusals name the problem', () => {
  it('refuses an empty file, and one holding only blanks', async () => {
    expect((await refusal(decodeReport(new Uint8Array(0), 'e.txt'))).code).toBe('REPORT_EMPTY');
    expect((await refusal(decodeReport(Buffer.from('\r\n\u3000\u3000\n \t\n'), 'e.txt'))).code).toBe('REPORT_EMPTY');
    expect((await refusal(decodeReport(Buffer.from([0xef, 0xbb, 0xbf]), 'bom.txt'))).code).toBe('REPORT_EMPTY');
  });

  it('refuses binary files: an image, random bytes, a PDF, an old .doc', async () => {
    let x = 42;
    const random = Uint8Array.from({ length: 4096 }, () => (x = (x * 1103515245 + 12345) % 2147483648) & 0xff);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), random]);
    const img = await refusal(decodeReport(png, 'photo.txt'));
    expect(img.code).toBe('REPORT_BINARY');
    expect(img.en).toContain('PNG');
    expect((await refusal(decodeReport(random, 'noise.txt'))).code).toBe('REPORT_BINARY');
    const pdf = await refusal(decodeReport(Buffer.concat([Buffer.from('%PDF-1.7\n'), random]), 'r.pdf'));
    expect(pdf.code).toBe('REPORT_FORMAT');
    expect(pdf.en).toContain('PDF');
    const doc = await refusal(decodeReport(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), random]), 'r.doc'));
    expect(doc.code).toBe('REPORT_FORMAT');
    expect(doc.zh).toContain('.docx');
  });

  it('refuses a file over the size limit before looking at it', async () => {
    const big = new Uint8Array(LIMITS.reportBytes + 1);
    const err = await refusal(decodeReport(big, 'big.txt'));
    expect(err.code).toBe('REPORT_TOO_LARGE');
    expect(err.en).toContain('20.0 MB');
    // Exactly at the limit is not “too large” (these zero bytes are binary instead).
    expect((await refusal(decodeReport(new Uint8Array(LIMITS.reportBytes), 'edge.txt'))).code).toBe('REPORT_BINARY');
  });

  it('refuses a .docx that is not a Word file', async () => {
    expect((await refusal(decodeReport(Buffer.from('纯文本。'), 'fake.docx'))).code).toBe('REPORT_FORMAT');
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]);
    expect((await refusal(decodeReport(brokenZip, 'broken.docx'))).code).toBe('REPORT_FORMAT');
  });
});

describe('readReportFile', () => {
  it('reads and decodes a file from disk', async () => {
    const p = join(dir, '报告.txt');
    writeFileSync(p, encodeGb18030(sample));
    const d = await readReportFile(p);
    expect(d.encoding).toBe('gb18030');
    expect(d.fileName).toBe('报告.txt');
    expect(d.text).toBe(expected);
  });

  it('refuses a missing file and a folder with REPORT_UNREADABLE', async () => {
    const missing = await refusal(readReportFile(join(dir, 'nope.txt')));
    expect(missing.code).toBe('REPORT_UNREADABLE');
    expect(missing.en).toContain('nope.txt');
    const folder = join(dir, 'folder.txt');
    mkdirSync(folder);
    const err = await refusal(readReportFile(folder));
    expect(err.code).toBe('REPORT_UNREADABLE');
    expect(err.en).toMatch(/folder/);
  });

  it('refuses a file over the limit from its size alone (a sparse file, nothing written)', async () => {
    const p = join(dir, 'huge.txt');
    writeFileSync(p, '');
    truncateSync(p, LIMITS.reportBytes + 1);
    expect((await refusal(readReportFile(p))).code).toBe('REPORT_TOO_LARGE');
  });

  it('refuses an empty file on disk', async () => {
    const p = join(dir, 'empty.txt');
    writeFileSync(p, '');
    expect((await refusal(readReportFile(p))).code).toBe('REPORT_EMPTY');
  });
});
