// A report as a list of source lines, whatever file it came from: text lines with the blank lines before them,
// tables (rows of cells), pictures and captions. Plain text and Markdown are read here; Word is read by docxText.ts
// into the same lines, so one parser (parse.ts) reads every format the same way.
import type { ReportTable } from '../../common/model.ts';
import { LIMITS } from '../../common/model.ts';

export interface SourceLine {
  kind: 'text' | 'image' | 'table';
  /** The line's text (Markdown headings keep their `#`); an image's alt text; '' for a table. */
  text: string;
  /** Blank lines before this line (a picture's empty place shows as two or more). */
  gap: number;
  /** The whole line was bold (a label, never a caption). */
  bold?: boolean;
  /** A paragraph in Word's Caption style. */
  caption?: boolean;
  table?: ReportTable;
}

/** Markdown inline marks that are not text. Headings stay (`#`), the structure reader needs them. */
function markdownInline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1$2')
    .trim();
}

const IMAGE_LINE = /^!\[([^\]]*)\]\(([^)]*)\)$/;
const DELIMITER_ROW = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;

function isTableRow(line: string): boolean {
  return /^\|.*\|$/.test(line) && line.length > 2;
}

/** The cells of a Markdown table row: split at unescaped pipes, inline marks removed. */
function tableCells(row: string): string[] {
  const inner = row.replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => markdownInline(c.replace(/\\\|/g, '｜')).replace(/\s+/g, ' '));
}

/** Rows → a table: the first row is the header (as wide as the widest row); every row is padded to its width. */
export function tableOf(rows: string[][]): ReportTable | null {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (width === 0 || rows.length < 2) return null;
  const cap = (c: string) => c.slice(0, LIMITS.labelChars * 2);
  const [header, ...body] = rows.map((r) => Array.from({ length: width }, (_, i) => cap(r[i] ?? '')));
  return { header: header!, rows: body };
}

/** Splits normalised text into source lines. Markdown (and Markdown-like Word text) has its marks read. */
export function readSourceLines(text: string, markdown: boolean): SourceLine[] {
  const out: SourceLine[] = [];
  const raw = text.split('\n');
  let gap = 0;
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    if (line === '') {
      gap++;
      continue;
    }
    if (markdown) {
      if (/^(```|~~~)/.test(line) || /^([-*_]\s*){3,}$/.test(line) || /^<!--.*-->$/.test(line)) {
        gap++;
        continue;
      }
      if (isTableRow(line) || (line.includes('|') && DELIMITER_ROW.test(raw[i + 1] ?? '') && (raw[i + 1] ?? '').includes('-'))) {
        const rows: string[][] = [];
        let j = i;
        for (; j < raw.length; j++) {
          const r = raw[j]!;
          if (DELIMITER_ROW.test(r) && r.includes('-')) continue;
          if (!(isTableRow(r) || (j === i && r.includes('|')))) break;
          rows.push(tableCells(r));
        }
        const table = tableOf(rows);
        if (table) {
          out.push({ kind: 'table', text: '', gap, table });
          gap = 0;
          i = j - 1;
          continue;
        }
      }
      const image = IMAGE_LINE.exec(line);
      if (image) {
        out.push({ kind: 'image', text: markdownInline(image[1] ?? ''), gap });
        gap = 0;
        continue;
      }
      const bold = /^(\*\*|__)[^*_]+\1[：:]?$/.test(line);
      const inline = markdownInline(line.replace(/^>\s?/, '').replace(/^(?:[-*+]|\d+[.)])\s+/, ''));
      if (inline === '') {
        gap++;
        continue;
      }
      out.push({ kind: 'text', text: inline, gap, ...(bold ? { bold } : {}) });
      gap = 0;
      continue;
    }
    out.push({ kind: 'text', text: line, gap });
    gap = 0;
  }
  return out;
}
