// .docx → Markdown-like text (headings as `#` lines, one paragraph per block) so parseReport reads a Word
// report exactly as it reads a .md one. mammoth does the Word part; we only flatten its (well-formed) HTML.
import { unzipSync } from 'fflate';
import { ApiError } from '../../common/api.ts';

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

/** Flattens mammoth's HTML: headings → `#` lines, block elements → blank-line-separated blocks, all other tags dropped. */
export function docxHtmlToText(html: string): string {
  const text = html
    .replace(/<h([1-6])\b[^>]*>/gi, (_, n: string) => `\n\n${'#'.repeat(Number(n))} `)
    .replace(/<\/h[1-6]>/gi, '\n\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|li|ul|ol|table|thead|tbody|tr|td|th|blockquote|div)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export async function docxToText(bytes: Uint8Array): Promise<string> {
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
        // Pictures are not imported from .docx yet: never inflate them.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (err) {
    const detail = err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200);
    throw formatError(`文档内容损坏（${detail}）`, `its content is damaged (${detail})`);
  }
  return docxHtmlToText(html);
}
