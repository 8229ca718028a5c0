// The deck as ONE self-contained HTML file: the export page of the renderer (renderer/export.html, built by
// `vite --mode export` into one script and one stylesheet) inlined with the deck as JSON and its images as data:
// URLs. It opens from file:// in any current browser with no network and no server; PDF export prints the same file.
//
// Safety: the deck travels as JSON inside <script type="application/json"> with `<`, `>`, `&`, U+2028/9 escaped,
// so no text can close the element; the page renders it with React as text. A CSP in the file allows only the
// inlined script and stylesheet (by hash), data: images and fonts, and no connections at all.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ApiError } from '../../common/api.ts';
import { EXPORT_PAYLOAD_ELEMENT_ID, EXPORT_PAYLOAD_VERSION } from '../../common/exportPage.ts';
import type { ExportPayload } from '../../common/exportPayload.ts';
import { audienceSlides, picturesShown } from '../../common/audience.ts';
import { holdsCharts } from '../../common/charts.ts';
import type { Deck } from '../../common/model.ts';
import type { ImageMime } from '../../common/imageFormat.ts';

export const HTML_MIME = 'text/html';
export const HTML_EXTENSION = '.html';
/**
 * The built pages a file is made from, in the renderer's build folder (vite.config.ts): `export`, the HTML export
 * (a reveal.js player, and print layouts for a person printing the file); `print`, the page the PDF export prints
 * (the print layouts alone). Each also in the `charts/` folder, built with the chart engine.
 */
export type HtmlPage = 'export' | 'print';
const pageFile = (page: HtmlPage, charts: boolean) => `${charts ? 'charts/' : ''}${page}.html`;

export interface HtmlImage {
  mime: ImageMime;
  bytes: Uint8Array;
}

interface PageAssets {
  script: string;
  style: string;
}

function notBuilt(rendererDir: string, why: string): ApiError {
  return new ApiError(
    'EXPORT_FAILED',
    `无法导出网页：程序的导出页面缺失或不完整（${why}）。请重新构建（npm run build）或重新安装汇报。`,
    `Cannot export HTML: the app's export page is missing or incomplete (${why}) in ${rendererDir}. Rebuild (npm run build) or reinstall Huibao.`,
  );
}

/** Reads the built export page's one script and one stylesheet, refusing anything else it would load. */
function readPageAssets(rendererDir: string, pageName: string): PageAssets {
  const pagePath = join(rendererDir, pageName);
  if (!existsSync(pagePath)) throw notBuilt(rendererDir, `${pageName} not found`);
  const page = readFileSync(pagePath, 'utf8');
  const scripts = [...page.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].map((m) => m[1]!);
  const styles = [...page.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"[^>]*>/g)].map((m) => m[1]!);
  const others = [...page.matchAll(/<link\b[^>]*\brel="(?!stylesheet")([^"]*)"/g)].map((m) => m[1]!);
  if (scripts.length !== 1 || styles.length > 1 || others.length > 0) {
    throw notBuilt(rendererDir, `expected one script and one stylesheet, found ${scripts.length} scripts, ${styles.length} stylesheets, links: ${others.join(', ') || 'none'}`);
  }
  const read = (ref: string): string => {
    const path = resolve(dirname(pagePath), ref);
    const rel = relative(resolve(rendererDir), path);
    if (rel.startsWith('..') || rel.startsWith(sep) || !existsSync(path)) throw notBuilt(rendererDir, `${ref} not found`);
    return readFileSync(path, 'utf8');
  };
  const script = read(scripts[0]!);
  // A chunk the page would load at run time cannot be inlined: the build must hold everything in the one script.
  if (/\bimport\s*\(\s*["'`]\.{1,2}\//.test(script) || /^\s*import\s*["'{*]/m.test(script)) throw notBuilt(rendererDir, 'the export script loads other files');
  return { script, style: styles[0] ? read(styles[0]) : '' };
}

const escapeHtmlText = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON that cannot end the <script> element holding it, nor start a comment in it, nor break a JS parser. */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Code that cannot end its inline <script> (or <style>): `</script` and `<!--` become `\x3C/script` and `\x3C!--`,
 * which mean the same inside JavaScript strings, templates and regular expressions (and CSS has them nowhere else).
 */
function inlineSafe(code: string, tag: 'script' | 'style'): string {
  const closing = new RegExp(`</(${tag})`, 'gi');
  return tag === 'script' ? code.replace(closing, '\\x3C/$1').replace(/<!--/g, '\\x3C!--') : code.replace(closing, '\\3C/$1');
}

const sha256Base64 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/**
 * The deck as the page needs it: visible slides as the audience sees them (no picture placeholders), no report text
 * (sources, warnings), only the images shown (`images`: each picture's shown bytes by asset id), and the speaker notes
 * only when asked for (`notes`): a file sent without them cannot show them.
 */
export function exportPayload(deck: Deck, images: ReadonlyMap<string, HtmlImage>, opts: { notes: boolean }): ExportPayload {
  const slides = audienceSlides(
    deck.slides.filter((s) => !s.hidden),
    new Set(images.keys()),
  ).map((s) => (opts.notes ? s : { ...s, notes: '' }));
  const used = picturesShown(slides);
  const assets: Record<string, string> = {};
  for (const id of used) {
    const image = images.get(id);
    if (image) assets[id] = `data:${image.mime};base64,${Buffer.from(image.bytes).toString('base64')}`;
  }
  const sectionIds = new Set(slides.filter((s) => s.layout === 'section').map((s) => s.id));
  return {
    version: EXPORT_PAYLOAD_VERSION,
    notes: opts.notes,
    deck: {
      ...deck,
      reportId: null,
      slides: slides.map((s) => ({ ...s, section: s.section !== null && sectionIds.has(s.section) ? s.section : null })),
      sections: deck.sections.filter((s) => sectionIds.has(s.id)),
      figures: deck.figures.map((f) => ({ ...f, source: null })),
      // The pictures shown, each standing for the bytes the file carries (its display copy when it has one).
      assets: deck.assets.filter((a) => used.has(a.id)).map((a) => ({ ...a, displayId: null })),
      warnings: [],
      // A sign-off goes with the file only while the deck is as it was approved.
      approval: deck.approval?.current ? deck.approval : null,
    },
    assets,
  };
}

/** The whole file. `rendererDir` is the renderer's build folder (paths.ts rendererDir). */
export function writeHtml(deck: Deck, images: ReadonlyMap<string, HtmlImage>, rendererDir: string, opts: { notes: boolean; page?: HtmlPage }): string {
  const payload = exportPayload(deck, images, opts);
  const { script, style } = readPageAssets(rendererDir, pageFile(opts.page ?? 'export', holdsCharts(payload.deck.slides)));
  const code = inlineSafe(script, 'script');
  const css = inlineSafe(style, 'style');
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256Base64(code)}'`,
    `style-src 'sha256-${sha256Base64(css)}'`,
    'img-src data:',
    'font-src data:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="generator" content="Huibao">',
    `<title>${escapeHtmlText(deck.title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<div id="root"></div>',
    `<script type="application/json" id="${EXPORT_PAYLOAD_ELEMENT_ID}">${jsonForScriptElement(payload)}</script>`,
    `<script type="module">${code}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
