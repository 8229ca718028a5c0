// The one place the app makes a window. Every window — main, audience, the hidden PDF printer — runs with these web
// preferences, written out here as a literal so a reader (and Electronegativity) sees them where the window is made:
// the page gets no Node, only what the preload exposes (window.huibao), in a sandboxed, isolated renderer.
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';

export interface PageOptions {
  /** The preload script (the DeckApi bridge), or null for a page that gets no API at all. */
  preload: string | null;
  /** A session of its own (`session.fromPartition`), else the default session of the app's pages. */
  partition?: string;
  /** False for a hidden window that must keep running timers (the PDF printer waits for its layout). */
  backgroundThrottling?: boolean;
}

export type WindowOptions = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;

export function createAppWindow(options: WindowOptions, page: PageOptions): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      preload: page.preload ?? undefined,
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
