// The deck as PDF: a single file like the HTML export (html.ts) but made from the print page — the slides laid out for
// paper, no reveal.js — printed by Chromium in one of its layouts —
// `slides` (one 1280×720 page per shown slide, exactly as presented) or `handout` (A4, each slide with its notes).
// Chromium embeds the fonts it used and keeps the text as text, so Chinese stays selectable and searchable.
//
// The printer is replaceable: the CLI drives the system's Chromium through playwright-core for its one export
// (chromiumPrinter), the loopback host keeps one running for a run of exports (keptChromiumPrinter); the Electron
// host prints with its own Chromium (electron/main/exportPdf.ts, webContents.printToPDF).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApiError } from '../../common/api.ts';
import { PRINT_HASH, READY_ATTRIBUTE } from '../../common/exportPage.ts';

export const PDF_MIME = 'application/pdf';
export const PDF_EXTENSION = '.pdf';
export type PdfLayout = 'slides' | 'handout';
/** Prints an exported HTML file on disk to PDF in the given layout. */
export type PdfPrinter = (htmlPath: string, layout: PdfLayout) => Promise<Uint8Array>;

export const CHROMIUM_ENV = 'HUIBAO_CHROMIUM';
/** How long a page may take to lay out before printing (a 1,000-slide deck takes a few seconds). */
const READY_TIMEOUT_MS = 180_000;
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The address the printer opens: the file, with the fragment that selects the print layout. */
export function printUrl(htmlPath: string, layout: PdfLayout): string {
  return pathToFileURL(htmlPath).href + (layout === 'handout' ? PRINT_HASH['print-notes'] : PRINT_HASH.print);
}

/** Where Chromium-family browsers are installed, by platform (Edge is on every Windows machine). */
export function chromiumCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES || 'C:\\Program Files', env['PROGRAMFILES(X86)'] || 'C:\\Program Files (x86)', env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return roots.flatMap((r) => [
      `${r}\\Google\\Chrome\\Application\\chrome.exe`,
      `${r}\\Chromium\\Application\\chrome.exe`,
      `${r}\\Microsoft\\Edge\\Application\\msedge.exe`,
    ]);
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/usr/bin/microsoft-edge'];
}

/** The browser to print with: $HUIBAO_CHROMIUM, else the first one installed; a clear EXPORT_FAILED when none is. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, exists: (path: string) => boolean = existsSync): string {
  const chosen = env[CHROMIUM_ENV];
  if (chosen) {
    if (exists(chosen)) return chosen;
    throw new ApiError(
      'EXPORT_FAILED',
      `无法导出 PDF：环境变量 ${CHROMIUM_ENV} 指向的浏览器不存在：${chosen}`,
      `Cannot export PDF: the browser that ${CHROMIUM_ENV} names does not exist: ${chosen}`,
    );
  }
  const found = chromiumCandidates(platform, env).find((p) => exists(p));
  if (found) return found;
  throw new ApiError(
    'EXPORT_FAILED',
    `无法导出 PDF：未找到 Chromium、Chrome 或 Edge 浏览器。请安装其中之一，或将环境变量 ${CHROMIUM_ENV} 设为浏览器程序的路径。`,
    `Cannot export PDF: no Chromium, Chrome or Edge browser was found. Install one, or set ${CHROMIUM_ENV} to the path of the browser's executable.`,
  );
}

function printFailed(why: string): ApiError {
  return new ApiError('EXPORT_FAILED', `无法导出 PDF：${why}`, `Cannot export PDF: ${why}`);
}

type Chromium = (typeof import('playwright-core'))['chromium'];
type Browser = Awaited<ReturnType<Chromium['launch']>>;
/** The part of a playwright-core Browser a printer uses (a stand-in in the unit tests). */
export type PrintBrowser = Pick<Browser, 'newContext' | 'close' | 'isConnected'>;

/** Starts the system's Chromium through playwright-core: headless, offline. */
export async function launchChromium(): Promise<PrintBrowser> {
  const executablePath = findChromium();
  // Loaded on demand: only a PDF export needs it.
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  } catch (err) {
    throw printFailed(`the browser ${executablePath} did not start (${firstLine(err)}); set ${CHROMIUM_ENV} to another one`);
  }
}

/** Prints in a fresh context of a running browser, offline, every non-file request aborted; the context is closed after. */
async function printInBrowser(browser: PrintBrowser, htmlPath: string, layout: PdfLayout): Promise<Uint8Array> {
  const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 720 }, locale: 'zh-CN' });
  try {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      return url.startsWith('file:') || url.startsWith('data:') ? route.continue() : route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(printUrl(htmlPath, layout), { waitUntil: 'load' });
    try {
      await page.waitForFunction((name) => document.documentElement.getAttribute(name) === 'true', READY_ATTRIBUTE, { timeout: READY_TIMEOUT_MS, polling: 50 });
    } catch (err) {
      throw printFailed(`the page did not finish laying out (${errors[0] ?? firstLine(err)})`);
    }
    return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw printFailed(firstLine(err));
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** Prints with the system's Chromium, started for this one export and closed after it (the CLI's printer). */
export async function chromiumPrinter(htmlPath: string, layout: PdfLayout): Promise<Uint8Array> {
  const browser = await launchChromium();
  try {
    return await printInBrowser(browser, htmlPath, layout);
  } finally {
    await browser.close().catch(() => undefined);
  }
}

/** How long a kept browser waits for the next export before it is closed. */
export const KEEP_BROWSER_MS = 60_000;

export interface KeptPrinter {
  print: PdfPrinter;
  /**
   * Starts the browser ahead of an export (the user has opened the export menu), so that the export does not wait
   * for it; closed after `idleMs` like any idle browser if no export follows.
   */
  prepare(): void;
  /** Closes the browser now, if one is running (the host stopping). */
  close(): Promise<void>;
}

/**
 * A printer for a host that exports again and again (the loopback host): one Chromium for a run of exports, started on
 * the first and closed once `idleMs` pass with no export, so only the first of a run pays for the browser's start.
 */
export function keptChromiumPrinter(opts: { idleMs?: number; launch?: () => Promise<PrintBrowser> } = {}): KeptPrinter {
  const idleMs = opts.idleMs ?? KEEP_BROWSER_MS;
  const launch = opts.launch ?? launchChromium;
  let browser: Promise<PrintBrowser> | null = null;
  let busy = 0;
  let idle: ReturnType<typeof setTimeout> | null = null;

  const shut = async () => {
    if (idle) clearTimeout(idle);
    idle = null;
    const running = browser;
    browser = null;
    if (running) await (await running.catch(() => null))?.close().catch(() => undefined);
  };
  const running = async (): Promise<PrintBrowser> => {
    const current = browser ? await browser.catch(() => null) : null;
    if (current?.isConnected()) return current;
    browser = launch();
    // A browser that failed to start is not kept: the next export tries again.
    browser.catch(() => (browser = null));
    return browser;
  };
  const armIdle = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => void shut(), idleMs);
    // The idle browser never keeps the process alive by itself.
    idle.unref?.();
  };
  return {
    async print(htmlPath, layout) {
      busy++;
      if (idle) clearTimeout(idle);
      idle = null;
      try {
        return await printInBrowser(await running(), htmlPath, layout);
      } finally {
        if (--busy === 0) armIdle();
      }
    },
    prepare() {
      // A start that fails is reported by the export that follows, which tries again.
      void running().catch(() => undefined);
      if (busy === 0) armIdle();
    },
    close: shut,
  };
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);
}

/** Writes the HTML to a private temporary folder, prints it, and removes the folder whatever happens. */
export async function printHtmlToPdf(html: string, layout: PdfLayout, printer: PdfPrinter = chromiumPrinter): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'huibao-pdf-'));
  try {
    const path = join(dir, 'deck.html');
    writeFileSync(path, html, { mode: 0o600 });
    const pdf = await printer(path, layout);
    if (pdf.length < 5 || Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') throw printFailed('the printer returned no PDF');
    return pdf;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A PDF text string that holds any Unicode: UTF-16BE with its byte-order mark, in hex. */
function pdfText(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/**
 * The PDF with its document properties (title, subject, keywords) set, by an incremental update: a new Info
 * dictionary and a cross-reference section for it appended after the file, the printed bytes left as they are. A PDF
 * whose trailer this does not recognise (a cross-reference stream) is returned unchanged.
 */
export function withPdfInfo(pdf: Uint8Array, info: { title: string; subject: string; keywords: string }): Uint8Array {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 4096))).toString('latin1');
  const at = tail.lastIndexOf('trailer');
  const trailer = at < 0 ? '' : tail.slice(at);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer);
  const prev = /startxref\s+(\d+)/.exec(trailer);
  if (!size || !root || !prev) return pdf;
  const id = Number(size[1]);
  const head = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const offset = pdf.length + head.length;
  const object = `${id} 0 obj\n<< /Title ${pdfText(info.title)} /Subject ${pdfText(info.subject)} /Keywords ${pdfText(info.keywords)} /Creator (Huibao) /Producer (Huibao) >>\nendobj\n`;
  const xref = offset + object.length;
  const update =
    `${head}${object}xref\n0 1\n0000000000 65535 f \n${id} 1\n${String(offset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${id + 1} /Root ${root[1]} /Info ${id} 0 R /Prev ${prev[1]} >>\nstartxref\n${xref}\n%%EOF\n`;
  const out = new Uint8Array(pdf.length + update.length);
  out.set(pdf);
  out.set(Buffer.from(update, 'latin1'), pdf.length);
  return out;
}
