// Remembers the main window's size and position between launches. Written against a tiny window/screen
// interface (structurally what BrowserWindow and screen provide) so it is tested without Electron.
// A saved position on a monitor that has since been unplugged is moved back onto a visible display.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
}

/** What we need of a BrowserWindow. */
export interface StatefulWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isFullScreen(): boolean;
  isDestroyed(): boolean;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'enter-full-screen' | 'leave-full-screen' | 'close', listener: () => void): unknown;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;
/** How much of the window's top strip must be on a display for the person to grab and move it. */
const MIN_VISIBLE = { width: 120, height: 40 } as const;

export function windowStatePath(userDataDir: string): string {
  return join(userDataDir, 'window-state.json');
}

function isRect(v: unknown): v is Rect {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

function distance(r: Rect, area: Rect): number {
  const cx = r.x + r.width / 2;
  const cy = r.y + r.height / 2;
  const dx = Math.max(area.x - cx, 0, cx - (area.x + area.width));
  const dy = Math.max(area.y - cy, 0, cy - (area.y + area.height));
  return dx * dx + dy * dy;
}

/**
 * The bounds to open the window with, given what was saved (anything, possibly garbage) and the work
 * areas of the displays attached now (the first being the primary display).
 */
export function restoreWindowState(saved: unknown, workAreas: Rect[], defaults: { width: number; height: number } = DEFAULT_SIZE): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: defaults.width, height: defaults.height };
  const fresh: WindowState = { bounds: centred(defaults, primary), maximized: false, fullScreen: false };
  if (typeof saved !== 'object' || saved === null) return fresh;
  const s = saved as Record<string, unknown>;
  if (!isRect(s.bounds)) return fresh;
  const maximized = s.maximized === true;
  const fullScreen = s.fullScreen === true;
  const wanted: Rect = {
    x: Math.round(s.bounds.x),
    y: Math.round(s.bounds.y),
    width: Math.max(MIN_SIZE.width, Math.round(s.bounds.width)),
    height: Math.max(MIN_SIZE.height, Math.round(s.bounds.height)),
  };

  // Visible enough if the title strip overlaps some display by a grabbable amount.
  const titleStrip: Rect = { x: wanted.x, y: wanted.y, width: wanted.width, height: MIN_VISIBLE.height };
  const home = workAreas.find((area) => {
    const o = overlap(titleStrip, area);
    return o.width >= MIN_VISIBLE.width && o.height >= Math.min(MIN_VISIBLE.height, area.height);
  });
  if (home) {
    // Still fit it inside that display: a window taller than the screen hides its own title bar.
    const fits = wanted.width <= home.width && wanted.height <= home.height;
    if (fits) return { bounds: wanted, maximized, fullScreen };
    const width = Math.min(wanted.width, home.width);
    const height = Math.min(wanted.height, home.height);
    const x = Math.min(Math.max(wanted.x, home.x), home.x + home.width - width);
    const y = Math.min(Math.max(wanted.y, home.y), home.y + home.height - height);
    return { bounds: { x, y, width, height }, maximized, fullScreen };
  }
  // Its display is gone (or the layout changed): keep the size, centre it on the nearest display.
  const nearest = workAreas.reduce<Rect>((best, area) => (distance(wanted, area) < distance(wanted, best) ? area : best), primary);
  return { bounds: centred(wanted, nearest), maximized, fullScreen };
}

/**
 * The window's state to keep. `showsPresentation`: while the window shows a show (or its console), full screen is the
 * show's, not the person's choice, and is kept as “not full screen” — the next launch opens the library normally.
 */
export function captureWindowState(win: StatefulWindow, showsPresentation: () => boolean = () => false): WindowState {
  // Normal bounds, not the maximised ones, so un-maximising next time returns to the size the person chose.
  return { bounds: win.getNormalBounds(), maximized: win.isMaximized(), fullScreen: win.isFullScreen() && !showsPresentation() };
}

export function readWindowState(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null; // missing or damaged: open at the default size, never fail the launch over it
  }
}

export function writeWindowState(path: string, state: WindowState): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, path);
}

/**
 * Saves the window's state a moment after it stops moving, and once more when it closes.
 * `timers` is injectable so tests do not wait; `showsPresentation` as for captureWindowState.
 */
export function trackWindowState(
  win: StatefulWindow,
  save: (state: WindowState) => void,
  opts: {
    delayMs?: number;
    timers?: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
    showsPresentation?: () => boolean;
  } = {},
): void {
  const delay = opts.delayMs ?? 500;
  const timers = opts.timers ?? {
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  let pending: unknown = null;
  const saveNow = () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
    if (win.isDestroyed()) return;
    try {
      save(captureWindowState(win, opts.showsPresentation));
    } catch {
      // A read-only profile must not break the app; the window just opens at the default next time.
    }
  };
  const later = () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = timers.setTimeout(saveNow, delay);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) win.on(event, later);
  win.on('close', saveNow);
}
