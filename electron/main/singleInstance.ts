// One Huibao per person: a second launch hands its `.huibao` file (if any) to the first and quits.
// Files arrive three ways — the first launch's own argv (Windows/Linux double-click), a second
// launch's argv (`second-instance`), and macOS `open-file`, which may fire before the app is ready —
// and all end up in one queue delivered once the window can take them.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUNDLE_EXTENSION = '.huibao';

/** What we need of Electron's `app`. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
}

/** What we need of a BrowserWindow to bring it to the front. */
export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * The `.huibao` files named on a command line, as absolute paths. Skips the executable (and, in
 * development, the app folder that follows it) and any switch Chromium or the OS adds. A file may come as a
 * `file:` URL: the Linux desktop entry electron-builder writes passes `%U`, so a file manager hands over
 * `file:///home/li/%E6%B1%87%E6%8A%A5.huibao`.
 */
export function bundlePathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  const out: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    const path = /^file:/i.test(arg) ? pathOfFileUrl(arg) : arg;
    if (path === null || !path.toLowerCase().endsWith(BUNDLE_EXTENSION)) continue;
    const abs = isAbsolute(path) ? path : resolve(workingDirectory, path);
    if (!out.includes(abs)) out.push(abs);
  }
  return out;
}

/** The local path of a `file:` URL; null for one that names no local file (a remote host, bad escapes). */
function pathOfFileUrl(url: string): string | null {
  try {
    return fileURLToPath(url);
  } catch {
    return null;
  }
}

export function focusWindow(win: FocusableWindow | null | undefined): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

export interface SingleInstance {
  /** False in a second instance: it has already asked to quit and must not open a window. */
  primary: boolean;
  /** Call once the window can open files: delivers everything queued so far, then delivers directly. */
  ready(): void;
}

/**
 * Takes the single-instance lock and routes every file-open request to `openFile`.
 * `firstArgv`/`workingDirectory` are this process's own (`process.argv`, `process.cwd()`).
 */
export function setupSingleInstance(
  app: SingleInstanceApp,
  handlers: { openFile(path: string): void; focus(): void },
  opts: { firstArgv: readonly string[]; workingDirectory: string },
): SingleInstance {
  const queue: string[] = [];
  let isReady = false;
  const deliver = (path: string) => {
    if (isReady) handlers.openFile(path);
    else if (!queue.includes(path)) queue.push(path);
  };

  // macOS sends `open-file` to whichever process is running, including before `ready`: listen first.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (path.toLowerCase().endsWith(BUNDLE_EXTENSION)) deliver(path);
    if (isReady) handlers.focus();
  });

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { primary: false, ready: () => {} };
  }

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (isReady) handlers.focus();
    for (const path of bundlePathsFromArgv(argv, workingDirectory)) deliver(path);
  });
  for (const path of bundlePathsFromArgv(opts.firstArgv, opts.workingDirectory)) deliver(path);

  return {
    primary: true,
    ready() {
      if (isReady) return;
      isReady = true;
      for (const path of queue.splice(0)) handlers.openFile(path);
    },
  };
}
