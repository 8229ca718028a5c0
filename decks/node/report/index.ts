// Report import, first half: a file's bytes → normalised text (decodeReport, readReportFile), and that text →
// a ReportDoc (parseReport). Every refusal is an ApiError whose message names the problem.
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ApiError } from '../../common/api.ts';
import { LIMITS } from '../../common/model.ts';
import { decodeTextBytes, normaliseReportText } from './decode.ts';
import { docxToLines } from './docxText.ts';
import type { SourceLine } from './sourceLines.ts';

export { parseReport } from './parse.ts';
export { normaliseReportText } from './decode.ts';

export type ReportFormat = 'txt' | 'md' | 'docx';

export interface DecodedReport {
  text: string;
  /** What was detected: 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', 'big5' or 'docx'. */
  encoding: string;
  format: ReportFormat;
  fileName: string;
  /** sha256 of the file's bytes, hex. */
  sha256: string;
  bytes: number;
  /** Word's lines, read from the document's structure (styles, tables, pictures); absent for text files. */
  lines?: SourceLine[];
}

function megabytes(n: number): string {
  return (n / (1024 * 1024)).toFixed(1);
}

function tooLarge(size: number): ApiError {
  const limit = megabytes(LIMITS.reportBytes);
  return new ApiError(
    'REPORT_TOO_LARGE',
    `文件太大（${megabytes(size)} MB），文字稿最大 ${limit} MB`,
    `The file is too large (${megabytes(size)} MB); a report may be at most ${limit} MB`,
  );
}

/**
 * More lines than this cannot make a deck, even a condensed one (each line a paragraph, a heading or a caption; 20 000
 * lines is some 3 MB of text, ten times the longest annual report). Counted before the report is read into parts.
 */
export const REPORT_LINES_MAX = 20_000;

/** Refuses, at once, a report too long for any deck: the decision is taken on its line count, before it is read into parts. */
export function checkReportLength(text: string): void {
  let lines = 0;
  let from = 0;
  for (;;) {
    const at = text.indexOf('\n', from);
    const end = at < 0 ? text.length : at;
    if (end > from && text.slice(from, end).trim() !== '') lines++;
    if (at < 0) break;
    from = at + 1;
  }
  if (lines > REPORT_LINES_MAX) {
    throw new ApiError(
      'REPORT_TOO_LARGE',
      `报告太长：有 ${lines} 段文字，一份演示稿最多处理 ${REPORT_LINES_MAX} 段。请按章节拆分后分别导入。`,
      `The report is too long: it has ${lines} lines of text, and a deck can take at most ${REPORT_LINES_MAX}. Split it by section and import the parts.`,
    );
  }
}

function emptyReport(): ApiError {
  return new ApiError('REPORT_EMPTY', '文件是空的，没有可导入的文字', 'The file is empty: there is no text to import');
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return m?.[1]?.toLowerCase() ?? '';
}

/** Turns a report file's bytes into normalised text. The file name only hints at the format; the bytes decide. */
export async function decodeReport(bytes: Uint8Array, fileName: string): Promise<DecodedReport> {
  if (bytes.byteLength > LIMITS.reportBytes) throw tooLarge(bytes.byteLength);
  if (bytes.byteLength === 0) throw emptyReport();
  const name = basename(fileName.replace(/\\/g, '/')).slice(0, 255) || 'report.txt';
  const ext = extensionOf(name);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const isZip = ZIP_SIGNATURE.every((b, i) => bytes[i] === b);

  let text: string;
  let encoding: string;
  let format: ReportFormat;
  let lines: SourceLine[] | undefined;
  if (isZip) {
    // A Word file is a zip, whatever its name says; any other zip is refused by docxToLines with a clear message.
    ({ text, lines } = await docxToLines(bytes));
    checkReportLength(text);
    encoding = 'docx';
    format = 'docx';
  } else if (ext === 'docx') {
    throw new ApiError('REPORT_FORMAT', '文件扩展名是 .docx，但内容不是 Word 文档', 'The file is named .docx but its content is not a Word document');
  } else {
    const decoded = decodeTextBytes(bytes);
    // Too long for any deck: refused before the text is normalised or parsed (a long report is condensed instead).
    checkReportLength(decoded.text);
    text = decoded.text;
    encoding = decoded.encoding;
    format = ext === 'md' || ext === 'markdown' ? 'md' : 'txt';
  }
  text = normaliseReportText(text);
  if (text.trim() === '') throw emptyReport();
  return { text, encoding, format, fileName: name, sha256, bytes: bytes.byteLength, ...(lines ? { lines } : {}) };
}

function unreadable(zh: string, en: string): ApiError {
  return new ApiError('REPORT_UNREADABLE', zh, en);
}

/** Reads and decodes a report from disk; the size is checked before anything is read. */
export async function readReportFile(path: string): Promise<DecodedReport> {
  const shown = basename(path);
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw unreadable(`找不到文件：${shown}`, `File not found: ${shown}`);
    if (code === 'EACCES' || code === 'EPERM') throw unreadable(`没有权限读取文件：${shown}`, `No permission to read the file: ${shown}`);
    throw unreadable(`无法读取文件：${shown}（${code ?? '未知错误'}）`, `Cannot read the file: ${shown} (${code ?? 'unknown error'})`);
  }
  if (info.isDirectory()) throw unreadable(`这是一个文件夹，不是文件：${shown}`, `This is a folder, not a file: ${shown}`);
  // Devices and pipes could block or never end: only regular files are read.
  if (!info.isFile()) throw unreadable(`这不是普通文件：${shown}`, `This is not a regular file: ${shown}`);
  if (info.size > LIMITS.reportBytes) throw tooLarge(info.size);

  let bytes: Uint8Array;
  try {
    const handle = await open(path, 'r');
    try {
      // Read at most one byte past the limit: a file that grew since stat is still refused without reading it all.
      const buf = Buffer.alloc(Math.min(info.size, LIMITS.reportBytes) + 1);
      let filled = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buf, filled, buf.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
        if (filled === buf.length) break;
      }
      bytes = buf.subarray(0, filled);
    } finally {
      await handle.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw unreadable(`没有权限读取文件：${shown}`, `No permission to read the file: ${shown}`);
    throw unreadable(`无法读取文件：${shown}（${code ?? '未知错误'}）`, `Cannot read the file: ${shown} (${code ?? 'unknown error'})`);
  }
  if (bytes.byteLength > LIMITS.reportBytes) throw tooLarge(bytes.byteLength);
  return decodeReport(bytes, path);
}
