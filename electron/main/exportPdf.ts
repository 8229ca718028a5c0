// PDF export in the desktop app: Electron's own Chromium prints the single-file HTML export (decks/node/export/pdf.ts
// writes it to a private temp file) with webContents.printToPDF — no other browser needed. The page is loaded in a
// hidden, sandboxed window (windows.ts) in a session without the bridge (so no DeckApi), in its own in-memory session where every request that
// is not for the file itself or a data: URL is cancelled and every permission denied.
import { session, type BrowserWindow, type Session } from 'electron';
import { ApiError } from '../../decks/common/api.ts';
import { READY_ATTRIBUTE } from '../../decks/common/exportPayload.ts';
import { printUrl, type PdfLayout, type PdfPrinter } from '../../decks/node/export/pdf.ts';
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

async function waitForReady(win: BrowserWindow): Promise<void> {
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

/** The host's PdfPrinter (createService({ pdfPrinter })). */
export function createElectronPdfPrinter(): PdfPrinter {
  return async (htmlPath: string, layout: PdfLayout) => {
    const win = createAppWindow({ show: false, width: 1280, height: 720 }, { partition: PARTITION, backgroundThrottling: false });
    printSession();
    try {
      await win.loadURL(printUrl(htmlPath, layout));
      await waitForReady(win);
      // Page size and margins come from the page's @page rules (1280×720 slides, or A4 for the handout).
      const pdf = await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
      return new Uint8Array(pdf);
    } catch (err) {
      if (err instanceof ApiError) throw err;
      const why = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);
      throw new ApiError('EXPORT_FAILED', `无法导出 PDF：${why}`, `Cannot export PDF: ${why}`);
    } finally {
      if (!win.isDestroyed()) win.destroy();
    }
  };
}
