// Reading the PDFs Chromium (Skia) writes, enough to test them without poppler: the pages, their sizes, and their
// text. Skia writes each font as Type0/Identity-H with a ToUnicode CMap and compresses the content streams with
// FlateDecode, so the text of a page is: inflate its content stream, follow `/Fx size Tf` to the font in effect, and
// map each 2-byte glyph code of the `<…> Tj` / `[<…> …] TJ` strings through that font's CMap. Images are found by
// following the graphics state (q, Q, cm) to each image XObject drawn, which gives its size on the page.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Uint8Array): Map<number, PdfObject> {
  const buf = Buffer.from(pdf);
  const text = buf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const head = /(\d+) 0 obj\b/g;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const at = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (at >= 0 && /^\s*<</.test(body)) {
      dict = body.slice(0, at);
      let from = start + at + 'stream'.length;
      if (text[from] === '\r') from++;
      if (text[from] === '\n') from++;
      const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
      const to = length ? from + Number(length[1]) : text.lastIndexOf('endstream', end);
      const raw = buf.subarray(from, to);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    }
    objects.set(Number(m[1]), { dict, stream });
    head.lastIndex = end;
  }
  return objects;
}

interface CMap {
  /** Bytes per glyph code (Skia writes fonts of up to 256 glyphs with 1-byte codes). */
  bytes: number;
  map: Map<number, string>;
}

/** Glyph code → text, from a ToUnicode CMap (codespacerange, bfchar and bfrange entries). */
function parseCMap(cmap: string): CMap {
  const map = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(cmap);
  const bytes = space ? space[1]!.length / 2 : 2;
  const hexText = (hex: string) => {
    let s = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return s;
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const e of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(e[1]!, 16), hexText(e[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const e of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(e[1]!, 16);
      const hi = parseInt(e[2]!, 16);
      if (e[3]!.startsWith('[')) {
        [...e[3]!.matchAll(/<([0-9A-Fa-f]+)>/g)].forEach((d, i) => map.set(lo + i, hexText(d[1]!)));
      } else {
        const base = hexText(e[3]!.slice(1, -1));
        for (let c = lo; c <= hi; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - lo)));
      }
    }
  }
  return { bytes, map };
}

const EMPTY_CMAP: CMap = { bytes: 2, map: new Map() };

/** A UTF-16BE hex string (`<FEFF…>`) as text. */
function utf16Hex(hex: string): string {
  let s = '';
  for (let i = hex.toUpperCase().startsWith('FEFF') ? 4 : 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return s;
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

export interface PdfPage {
  width: number;
  height: number;
  text: string;
  /** The images drawn on the page (image XObjects, also inside forms), with their drawn size in points. */
  images: { width: number; height: number }[];
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** `m` then `n` (PDF's row-vector convention: a point is transformed by m first). */
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** Name → object number, from a resource sub-dictionary such as `/Font <</F1 5 0 R>>` in `dict`. */
function namedRefs(dict: string, kind: 'Font' | 'XObject'): Map<string, number> {
  const body = new RegExp(`/${kind}\\s*<<([^<>]*)>>`).exec(dict)?.[1] ?? '';
  return new Map([...body.matchAll(/\/([A-Za-z0-9_.+-]+)\s+(\d+) 0 R/g)].map((m) => [m[1]!, Number(m[2])]));
}

/**
 * The pages of a PDF, in file order (Skia writes them in page order), with their size in points and their text:
 * the text operators of the page's content stream and of the form XObjects it draws (`/Xn Do`), in drawing order.
 */
export function readPdf(pdf: Uint8Array): PdfPage[] {
  const objects = readObjects(pdf);
  const cmaps = new Map<number, CMap>();
  const cmapOfFont = (fontId: number): CMap => {
    let cmap = cmaps.get(fontId);
    if (!cmap) {
      const stream = objects.get(ref(objects.get(fontId)?.dict ?? '', 'ToUnicode') ?? -1)?.stream;
      cmap = stream ? parseCMap(stream.toString('latin1')) : EMPTY_CMAP;
      cmaps.set(fontId, cmap);
    }
    return cmap;
  };
  const resourcesOf = (dict: string): string => {
    const id = ref(dict, 'Resources');
    return id === null ? dict : (objects.get(id)?.dict ?? '');
  };
  const textOf = (content: string, resources: string, depth: number): string => {
    const fonts = namedRefs(resources, 'Font');
    const forms = namedRefs(resources, 'XObject');
    let cmap = EMPTY_CMAP;
    let text = '';
    // Inside a marked span with /ActualText, that text stands for the glyphs drawn (Skia uses it where a glyph has
    // no single Unicode value in the font's CMap).
    let actual: string | null = null;
    const ops = /\/([A-Za-z0-9_.+-]+)\s+[\d.]+\s+Tf|\/([A-Za-z0-9_.+-]+)\s+Do\b|(\[[^\]]*\]\s*TJ|<[0-9A-Fa-f]*>\s*Tj)|\/ActualText\s*<([0-9A-Fa-f]*)>[^B]*BDC|\b(EMC)\b/g;
    for (const op of content.matchAll(ops)) {
      if (op[4] !== undefined) {
        actual = utf16Hex(op[4]);
        text += actual;
      } else if (op[5]) {
        actual = null;
      } else if (op[1]) {
        const font = fonts.get(op[1]);
        cmap = font === undefined ? EMPTY_CMAP : cmapOfFont(font);
      } else if (op[2]) {
        const form = objects.get(forms.get(op[2]) ?? -1);
        if (form?.stream && depth < 8 && /\/Subtype\s*\/Form/.test(form.dict)) text += textOf(form.stream.toString('latin1'), resourcesOf(form.dict), depth + 1);
      } else if (actual === null) {
        const width = cmap.bytes * 2;
        for (const hex of op[3]!.matchAll(/<([0-9A-Fa-f]*)>/g)) {
          for (let i = 0; i + width <= hex[1]!.length; i += width) text += cmap.map.get(parseInt(hex[1]!.slice(i, i + width), 16)) ?? '';
        }
      }
    }
    return text;
  };
  /** Images drawn by a content stream: `q`/`Q` save and restore the matrix, `cm` concatenates, `/Name Do` draws. */
  const imagesOf = (content: string, resources: string, ctm: Matrix, depth: number): { width: number; height: number }[] => {
    const forms = namedRefs(resources, 'XObject');
    const found: { width: number; height: number }[] = [];
    const stack: Matrix[] = [];
    let m = ctm;
    const num = '(-?[\\d.]+)';
    const ops = new RegExp(`\\bq\\b|\\bQ\\b|${num}\\s+${num}\\s+${num}\\s+${num}\\s+${num}\\s+${num}\\s+cm\\b|/([A-Za-z0-9_.+-]+)\\s+Do\\b`, 'g');
    for (const op of content.matchAll(ops)) {
      if (op[0] === 'q') stack.push(m);
      else if (op[0] === 'Q') m = stack.pop() ?? m;
      else if (op[7] === undefined) m = multiply(op.slice(1, 7).map(Number) as Matrix, m);
      else {
        const object = objects.get(forms.get(op[7]) ?? -1);
        if (!object) continue;
        if (/\/Subtype\s*\/Image/.test(object.dict)) found.push({ width: Math.hypot(m[0], m[1]), height: Math.hypot(m[2], m[3]) });
        else if (object.stream && depth < 8 && /\/Subtype\s*\/Form/.test(object.dict)) {
          const matrix = /\/Matrix\s*\[([^\]]*)\]/.exec(object.dict)?.[1]?.trim().split(/\s+/).map(Number) as Matrix | undefined;
          found.push(...imagesOf(object.stream.toString('latin1'), resourcesOf(object.dict), matrix?.length === 6 ? multiply(matrix, m) : m, depth + 1));
        }
      }
    }
    return found;
  };
  const pages: PdfPage[] = [];
  for (const [, obj] of [...objects].sort((a, b) => a[0] - b[0])) {
    if (!/\/Type\s*\/Page\b(?!s)/.test(obj.dict)) continue;
    const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(obj.dict);
    const contentIds = /\/Contents\s*\[([^\]]*)\]/.exec(obj.dict)?.[1]?.match(/\d+(?= 0 R)/g)?.map(Number) ?? [ref(obj.dict, 'Contents') ?? -1];
    const resources = resourcesOf(obj.dict);
    const contents = contentIds.map((id) => objects.get(id)?.stream?.toString('latin1') ?? '');
    const text = contents.map((c) => textOf(c, resources, 0)).join('');
    const images = imagesOf(contents.join('\n'), resources, IDENTITY, 0);
    pages.push({ width: box ? Number(box[3]) - Number(box[1]) : 0, height: box ? Number(box[4]) - Number(box[2]) : 0, text, images });
  }
  return pages;
}
