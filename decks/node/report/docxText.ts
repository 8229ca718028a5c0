// .docx → the report's source lines, read from the document's structure: Word's Title and Heading 1/2/… styles become
// Markdown-like heading lines (`#`, `##` …, so parseReport reads a Word report as it reads a .md one), the Caption style
// marks captions, tables are read row by row and cell by cell, and a picture is a line of its own (its words come from
// the caption beside it). mammoth does the Word part; its HTML is well formed and flat, read here tag by tag.
import { unzipSync } from 'fflate';
import { ApiError } from '../../common/api.ts';
import { normaliseReportText } from './decode.ts';
import { tableOf, type SourceLine } from './sourceLines.ts';

/** Uncompressed size allowed for the parts mammoth reads (images are never read): guards against zip bombs. */
const MAX_UNZIPPED_TEXT_BYTES = 200 * 1024 * 1024;

/**
 * Word's “Title” style is the report title (h1); Heading 1…5 become h2…h6, so the title and the pillars never share
 * a level. Style ids (Heading1) and style names ('heading 1', as Chinese Word stores them) are both matched.
 */
const STYLE_MAP = [
  'p.Title => h1:fresh',
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='title'] => h1:fresh",
  'p.Subtitle => p:fresh',
  'p.Caption => p.caption:fresh',
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='caption'] => p.caption:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => {
    const h = `h${Math.min(n + 1, 6)}`;
    return [`p.Heading${n} => ${h}:fresh`, `p[style-name='Heading ${n}'] => ${h}:fresh`, `p[style-name='heading ${n}'] => ${h}:fresh`];
  }),
];

function formatError(zh: string, en: string): ApiError {
  return new ApiError('REPORT_FORMAT', `无法读取这个 .docx 文件：${zh}`, `Cannot read this .docx file: ${en}`);
}

/** Checks the zip's directory (without inflating anything) before mammoth inflates the document. */
function checkDocxContainer(bytes: Uint8Array): void {
  let hasDocument = false;
  let textBytes = 0;
  try {
    unzipSync(bytes, {
      filter(file) {
        if (file.name === 'word/document.xml') hasDocument = true;
        if (!file.name.startsWith('word/media/')) textBytes += file.originalSize;
        return false;
      },
    });
  } catch {
    throw formatError('不是有效的 Word 文档（压缩包已损坏）', 'it is not a valid Word document (damaged archive)');
  }
  if (!hasDocument) throw formatError('压缩包里没有 Word 正文（word/document.xml），它可能是别的 Office 文件', 'the archive has no Word body (word/document.xml); it may be another kind of Office file');
  if (textBytes > MAX_UNZIPPED_TEXT_BYTES) throw formatError('解压后的正文过大', 'its unpacked text is too large');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      // A surrogate code point alone is not a character (UTF-8 storage cannot hold it): the replacement character.
      if (cp >= 0xd800 && cp <= 0xdfff) return '\uFFFD';
      return Number.isFinite(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Text of the HTML between tags, entities decoded, whitespace folded. */
function inlineText(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A table's rows of cell text; a table inside a cell is read into that cell's text. */
function tableRows(body: string): string[][] {
  const rows: string[][] = [];
  let depth = 0;
  let cell: string | null = null;
  for (const m of body.matchAll(/<(\/?)(table|tr|td|th)\b[^>]*>|[^<]+|<[^>]*>/gi)) {
    const [token, closing, tag] = m;
    const name = tag?.toLowerCase();
    if (name === 'table') depth += closing ? -1 : 1;
    else if (depth === 0 && name === 'tr' && !closing) rows.push([]);
    else if (depth === 0 && (name === 'td' || name === 'th')) {
      if (!closing) cell = '';
      else if (cell !== null) {
        rows[rows.length - 1]?.push(inlineText(cell));
        cell = null;
      }
    } else if (cell !== null) cell += name ? ' ' : token;
  }
  return rows;
}

/**
 * Reads mammoth's HTML into source lines: headings (`#` lines), paragraphs, Caption-style paragraphs, tables (rows of
 * cells, the first row the header), and pictures. A table inside a table cell is read into that cell's text.
 */
export function docxHtmlToLines(html: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const push = (line: SourceLine) => {
    if (line.kind === 'text' && line.text === '') return;
    lines.push(line);
  };
  const blocks = /<(h[1-6]|p|li|table)\b([^>]*)>([\s\S]*?)<\/\1>|<img\b[^>]*>/gi;
  let m: RegExpExecArray | null;
  while ((m = blocks.exec(html)) !== null) {
    const [whole, tag = '', attrs = '', inner = ''] = m;
    if (!tag) {
      push({ kind: 'image', text: inlineText(/\balt="([^"]*)"/i.exec(whole)?.[1] ?? ''), gap: 1 });
      continue;
    }
    const name = tag.toLowerCase();
    if (name === 'table') {
      // The table's own closing tag: nested tables close first, so extend to the matching </table>.
      let body = inner;
      let end = blocks.lastIndex;
      while ((body.match(/<table\b/gi)?.length ?? 0) > (body.match(/<\/table>/gi)?.length ?? 0)) {
        const next = html.indexOf('</table>', end);
        if (next < 0) break;
        body = html.slice(m.index + whole.indexOf('>') + 1, next);
        end = next + '</table>'.length;
      }
      blocks.lastIndex = end;
      const rows = tableRows(body);
      const table = tableOf(rows.filter((r) => r.some((c) => c !== '')));
      if (table) push({ kind: 'table', text: '', gap: 1, table });
      else for (const r of rows) push({ kind: 'text', text: r.filter(Boolean).join(' '), gap: 1 });
      continue;
    }
    // Pictures inside a paragraph stand on their own line, before the paragraph's words.
    for (const img of inner.match(/<img\b[^>]*>/gi) ?? []) push({ kind: 'image', text: inlineText(/\balt="([^"]*)"/i.exec(img)?.[1] ?? ''), gap: 1 });
    const text = inlineText(inner);
    if (name.startsWith('h')) push({ kind: 'text', text: `${'#'.repeat(Number(name[1]))} ${text}`, gap: 1 });
    else push({ kind: 'text', text, gap: 1, ...(/\bclass="caption"/.test(attrs) ? { caption: true } : {}) });
  }
  return lines;
}

/** The lines as the text kept with the report: headings as `#` lines, tables as Markdown rows, a blank line between. */
export function linesToText(lines: readonly SourceLine[]): string {
  return lines
    .map((l) => {
      if (l.kind === 'table' && l.table) return [l.table.header, ...l.table.rows].map((r) => `| ${r.map((c) => c.replace(/\|/g, '｜')).join(' | ')} |`).join('\n');
      if (l.kind === 'image') return `![${l.text}]()`;
      return l.text;
    })
    .join('\n\n');
}

export async function docxToLines(bytes: Uint8Array): Promise<{ text: string; lines: SourceLine[] }> {
  checkDocxContainer(bytes);
  // Loaded on demand: mammoth is the largest module of the core, and most reports are plain text.
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        // Pictures are not imported from .docx yet: never inflate them (the line says where one stood).
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (err) {
    const detail = err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200);
    throw formatError(`文档内容损坏（${detail}）`, `its content is damaged (${detail})`);
  }
  const lines = docxHtmlToLines(html).map((l) => (l.kind === 'text' ? { ...l, text: normaliseReportText(l.text).replace(/\n+/g, ' ') } : l));
  return { text: linesToText(lines), lines };
}
