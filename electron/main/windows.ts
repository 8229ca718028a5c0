// The one place the app makes a window. Every window — main, audience, the hidden PDF printer — runs with these web
// preferences, written out here as a literal so a reader (and Electronegativity) sees them where the window is made:
// a sandboxed, isolated renderer with no Node. The app's own pages get the DeckApi bridge (the preload) from their
// session, for app://huibao pages only (registerBridge); no window names a preload of its own.
import { BrowserWindow, type BrowserWindowConstructorOptions, type Session } from 'electron';
import { APP_ORIGIN } from './ipcHost.ts';

export interface PageOptions {
  /** A session of its own (`session.fromPartition`), else the default session of the app's pages. */
  partition?: string;
  /** False for a hidden window that must keep running timers (the PDF printer waits for its layout). */
  backgroundThrottling?: boolean;
}

export type WindowOptions = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;

export function createAppWindow(options: WindowOptions, page: PageOptions = {}): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      partition: page.partition,
      backgroundThrottling: page.backgroundThrottling ?? true,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click on a link would ask for a new window; the window-open handlers deny it, and this turns it off.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

export const BRIDGE_PRELOAD_ID = 'huibao-bridge';

/**
 * Gives the pages of `session` the DeckApi bridge (window.huibao, electron/preload): only top-level app://huibao
 * pages, as the IPC host only answers those. Before the first window loads.
 */
export function registerBridge(session: Pick<Session, 'registerPreloadScript'>, preloadPath: string): void {
  session.registerPreloadScript({ type: 'frame', id: BRIDGE_PRELOAD_ID, filePath: preloadPath, matches: [`${APP_ORIGIN}/*`] });
}
