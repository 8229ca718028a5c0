// PDF export in the desktop app: Electron's own Chromium prints the single-file HTML export (decks/node/export/pdf.ts
// writes it to a private temp file) with webContents.printToPDF — no other browser needed. The page is loaded in a
// hidden, sandboxed window (windows.ts), kept for a run of exports and closed after a minute without one, in a session without the bridge (so no DeckApi), in its own in-memory session where every request that
// is not for the file itself or a data: URL is cancelled and every permission denied.
import { session, type Session } from 'electron';
import { ApiError } from '../../decks/common/api.ts';
import { READY_ATTRIBUTE } from '../../decks/common/exportPage.ts';
import { KEEP_BROWSER_MS, printUrl, type PdfLayout, type PdfPrinter } from '../../decks/node/export/pdf.ts';
import { createAppWindow } from './windows.ts';

const PARTITION = 'huibao-pdf-export';
/** An isolated world: our polling script never runs in (nor is limited by) the page's own context and CSP. */
const PROBE_WORLD = 1001;
const READY_TIMEOUT_MS = 180_000;

let configured: Session | null = null;

function printSession(): Session {
  if (configured) return configured;
  const ses = session.fromPartition(PARTITION, { cache: false });
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !/^(file|data):/i.test(details.url) }));
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  configured = ses;
  return ses;
}

/** What the printer needs of a hidden window (a BrowserWindow; a stand-in in tests/unit/electron). */
export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  destroy(): void;
  webContents: {
    executeJavaScriptInIsolatedWorld(worldId: number, scripts: { code: string }[]): Promise<unknown>;
    printToPDF(options: { printBackground: boolean; preferCSSPageSize: boolean }): Promise<Uint8Array>;
  };
}

async function waitForReady(win: PrintWindowLike): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const probe = `document.documentElement.getAttribute(${JSON.stringify(READY_ATTRIBUTE)})`;
  while (Date.now() < deadline) {
    if (win.isDestroyed()) throw new Error('the print window was closed');
    const state: unknown = await win.webContents.executeJavaScriptInIsolatedWorld(PROBE_WORLD, [{ code: probe }]);
    if (state === 'true') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the page did not finish laying out');
}

export interface KeptWindowPrinter {
  print: PdfPrinter;
  /** Makes the hidden window ahead of an export (the export menu is open); destroyed after `idleMs` if none follows. */
  prepare(): void;
  /** Destroys the kept window now (the app's last window closed: it must not keep the app running). */
  close(): void;
}

/**
 * One hidden print window for a run of exports: made by the first, reused by the next (one print at a time, in
 * order), destroyed once `idleMs` pass with no export, so only the first of a run pays for making the window.
 */
export function keptWindowPrinter(openWindow: () => PrintWindowLike, idleMs = KEEP_BROWSER_MS): KeptWindowPrinter {
  let win: PrintWindowLike | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  let idle: ReturnType<typeof setTimeout> | null = null;
  const close = () => {
    if (idle) clearTimeout(idle);
    idle = null;
    if (win && !win.isDestroyed()) win.destroy();
    win = null;
  };
  const printOne = async (htmlPath: string, layout: PdfLayout): Promise<Uint8Array> => {
    if (!win || win.isDestroyed()) win = openWindow();
    const current = win;
    try {
      await current.loadURL(printUrl(htmlPath, layout));
      await waitForReady(current);
      // Page size and margins come from the page's @page rules (1280×720 slides, or A4 for the handout).
      return new Uint8Array(await current.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true }));
    } catch (err) {
      // A window that failed is not reused.
      if (win === current) close();
      if (err instanceof ApiError) throw err;
      const why = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);
      throw new ApiError('EXPORT_FAILED', `无法导出 PDF：${why}`, `Cannot export PDF: ${why}`);
    }
  };
  const print: PdfPrinter = (htmlPath, layout) => {
    waiting++;
    if (idle) clearTimeout(idle);
    idle = null;
    const done = queue.then(() => printOne(htmlPath, layout));
    queue = done.catch(() => undefined);
    void queue.then(() => {
      if (--waiting === 0) idle = setTimeout(close, idleMs);
    });
    return done;
  };
  const prepare = () => {
    if (!win || win.isDestroyed()) win = openWindow();
    if (waiting === 0) {
      if (idle) clearTimeout(idle);
      idle = setTimeout(close, idleMs);
    }
  };
  return { print, prepare, close };
}

/** The host's printer (createService({ pdfPrinter: printer.print })): Electron's own Chromium, one window kept. */
export function createElectronPdfPrinter(): KeptWindowPrinter {
  return keptWindowPrinter(() => {
    const win = createAppWindow({ show: false, width: 1280, height: 720 }, { partition: PARTITION, backgroundThrottling: false });
    printSession();
    return win;
  });
}
