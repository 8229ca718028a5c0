// Bytes → text for plain-text reports (.txt, .md): detects the encoding without being told, refuses binary
// files with a message that names what the file seems to be, and normalises line ends and invisible characters.
import chardet from 'chardet';
import { ApiError } from '../../common/api.ts';
import { halfWidthDigits } from '../../common/figures.ts';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/** How much of the file the binary and encoding sniffers look at: enough to decide, cheap on a 20 MB file. */
const SNIFF_BYTES = 64 * 1024;

/** Legacy encodings we accept when the bytes are not UTF-8 (chardet name → WHATWG label). GB18030 covers GBK and GB2312. */
const LEGACY: Record<string, 'gb18030' | 'big5'> = { GB18030: 'gb18030', Big5: 'big5' };

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Files that are plainly not a text report, recognised by their first bytes, with a message saying what they are. */
function refuseKnownNonText(bytes: Uint8Array): void {
  const ascii = String.fromCharCode(...bytes.subarray(0, 8));
  if (ascii.startsWith('%PDF')) {
    throw new ApiError('REPORT_FORMAT', '这是 PDF 文件，暂不支持；请另存为 .docx、.txt 或 .md 后再导入', 'This is a PDF file, which is not supported; save it as .docx, .txt or .md and import that');
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new ApiError('REPORT_FORMAT', '这是旧版 Word（.doc/.wps）文件，暂不支持；请在 Word 或 WPS 中另存为 .docx 后再导入', 'This is an old Word (.doc/.wps) file, which is not supported; save it as .docx in Word or WPS and import that');
  }
  const images: [number[], string][] = [
    [[0x89, 0x50, 0x4e, 0x47], 'PNG'],
    [[0xff, 0xd8, 0xff], 'JPEG'],
    [[0x47, 0x49, 0x46, 0x38], 'GIF'],
  ];
  for (const [sig, name] of images) {
    if (startsWith(bytes, sig)) {
      throw new ApiError('REPORT_BINARY', `这是一张 ${name} 图片，不是文字稿`, `This is a ${name} image, not a written report`);
    }
  }
}

function binaryError(): ApiError {
  return new ApiError('REPORT_BINARY', '文件不是文本（含有二进制数据），无法作为文字稿导入', 'The file is not text (it holds binary data) and cannot be imported as a report');
}

/**
 * UTF-16 without a byte-order mark: ASCII characters (newlines, digits, spaces) show up as a text byte paired with
 * a zero byte, always on the same side. Returns the byte order when such pairs are common and the zero side never
 * pairs with a non-text byte; the caller still checks that the decoded text is plausible.
 */
function sniffBomlessUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (sample.length < 4 || sample.length % 2 !== 0) return null;
  const isTextByte = (b: number): boolean => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f);
  let le = 0;
  let leBad = 0;
  let be = 0;
  let beBad = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    const a = sample[i]!;
    const b = sample[i + 1]!;
    if (b === 0) isTextByte(a) ? le++ : leBad++;
    if (a === 0) isTextByte(b) ? be++ : beBad++;
  }
  const enough = Math.max(2, sample.length / 2 * 0.01);
  if (le >= enough && leBad <= le * 0.01 && le > be) return 'utf-16le';
  if (be >= enough && beBad <= be * 0.01 && be > le) return 'utf-16be';
  return null;
}

/** NUL bytes never occur in UTF-8 or GB18030 text; other C0 controls (except tab, newlines, form feed, ESC) rarely do. */
function looksBinary(sample: Uint8Array): boolean {
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return controls > Math.max(4, sample.length * 0.01);
}

/** Share of characters a Chinese text plausibly holds: ASCII, CJK ideographs and punctuation, full-width forms. */
function plausibleChineseText(text: string): boolean {
  let odd = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    const cp = ch.codePointAt(0) ?? 0;
    const ok =
      (cp >= 0x20 && cp < 0x7f) ||
      cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x0c ||
      (cp >= 0x2000 && cp <= 0x206f) || // general punctuation “”‘’…—
      (cp >= 0x3000 && cp <= 0x303f) || // CJK punctuation
      (cp >= 0x3400 && cp <= 0x9fff) || // CJK ideographs
      (cp >= 0xff00 && cp <= 0xffef) || // full-width forms
      (cp >= 0x00a0 && cp <= 0x024f) || // Latin-1 and extended (×, ·, é)
      (cp >= 0x2100 && cp <= 0x27bf) || // letterlike, numbers, arrows, symbols (①, ℃, ※)
      (cp >= 0x3200 && cp <= 0x33ff) || // enclosed CJK, units
      (cp >= 0x0370 && cp <= 0x04ff) || // Greek, Cyrillic (in GB2312)
      (cp >= 0x3040 && cp <= 0x30ff) || // kana (in GB2312)
      (cp >= 0x20000 && cp <= 0x3134f); // CJK extensions (GB18030 four-byte)
    if (!ok) odd++;
  }
  return total === 0 || odd <= total * 0.02;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 text holds NUL bytes, so the byte-level binary check cannot apply: check the decoded characters instead. */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): { text: string; encoding: TextEncodingName } {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  const head = text.slice(0, SNIFF_BYTES);
  const controls = head.match(/[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/g)?.length ?? 0;
  if (controls > Math.max(4, head.length * 0.01) || !plausibleChineseText(head)) throw binaryError();
  return { text, encoding };
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/**
 * Decodes the bytes of a text report: BOM first (UTF-8, UTF-16 LE/BE), then UTF-8 if valid, then the legacy
 * Chinese encodings chardet points to (GB18030/GBK, Big5). A file that is UTF-8 apart from a few broken bytes
 * (e.g. cut mid-character) is kept, its broken bytes shown as U+FFFD (parseReport warns about them).
 */
export function decodeTextBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), 'utf-16be');

  refuseKnownNonText(bytes);
  const sample = bytes.subarray(0, SNIFF_BYTES);
  const utf16 = sniffBomlessUtf16(sample);
  if (utf16) return decodeUtf16(bytes, utf16);
  if (looksBinary(sample)) throw binaryError();

  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };

  const lossy = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const broken = countReplacements(lossy);
  const nearlyUtf8 = broken <= Math.max(2, lossy.length * 0.001);

  const ranked = chardet.analyse(sample);
  const top = ranked[0];
  if (top?.name === 'UTF-8' && nearlyUtf8) return { text: lossy, encoding: 'utf-8' };

  // chardet's order among the encodings we accept; GB18030 is always tried, it is what Chinese office PCs save.
  const candidates: ('gb18030' | 'big5')[] = [];
  for (const m of ranked) {
    const label = LEGACY[m.name];
    if (label && !candidates.includes(label)) candidates.push(label);
  }
  if (!candidates.includes('gb18030')) candidates.push('gb18030');
  for (const label of candidates) {
    const text = tryDecode(label, bytes);
    if (text !== null && plausibleChineseText(text.slice(0, SNIFF_BYTES))) return { text, encoding: label };
  }
  if (nearlyUtf8) return { text: lossy, encoding: 'utf-8' };

  const guess = top && !LEGACY[top.name] && top.name !== 'UTF-8' ? top.name : null;
  throw new ApiError(
    'REPORT_ENCODING',
    guess
      ? `无法识别文件的文字编码（看起来像 ${guess}，不受支持）；请另存为 UTF-8 或 GB18030 后再导入`
      : '无法识别文件的文字编码（不是 UTF-8、UTF-16、GB18030/GBK 或 Big5）；请另存为 UTF-8 后再导入',
    guess
      ? `Cannot read the file's text encoding (it looks like ${guess}, which is not supported); save it as UTF-8 or GB18030 and import that`
      : "Cannot read the file's text encoding (not UTF-8, UTF-16, GB18030/GBK or Big5); save it as UTF-8 and import that",
  );
}

// Characters that carry no text: zero-width spaces/joiners, word joiner, stray BOMs, soft hyphen.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Control characters other than tab and newline (C0, DEL, C1).
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;
// Space-like characters that are not ASCII space: NBSP, figure/narrow spaces, en/em spaces, ideographic space.
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]+/g;

/**
 * Normalises decoded text so parsing sees one shape: LF line ends (CRLF, CR, form feed, Unicode separators),
 * no invisible or control characters, no indentation or trailing blanks (full-width spaces included), and runs of
 * space-like characters inside a line reduced to one ASCII space, and digits and Latin letters half-width
 * (“１３６所” → “136所”, so figures read and show as every other number). Idempotent.
 */
export function normaliseReportText(text: string): string {
  return halfWidthDigits(text)
    .replace(/\r\n?|[\u2028\u2029\u000C\u0085]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(SPACES, ' ')
    .replace(/ {2,}/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n');
}
