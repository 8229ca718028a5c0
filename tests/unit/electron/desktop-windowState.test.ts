import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  readWindowState,
  restoreWindowState,
  trackWindowState,
  windowStatePath,
  writeWindowState,
  type Rect,
  type StatefulWindow,
  type WindowState,
} from '../../../electron/main/windowState.ts';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 }; // work area: the taskbar takes 40 px
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('restoreWindowState', () => {
  it('opens at the default size, centred on the primary display, when nothing was saved', () => {
    for (const saved of [null, undefined, 'garbage', {}, { bounds: { x: 1, y: 2 } }, { bounds: { x: NaN, y: 0, width: 9, height: 9 } }]) {
      const s = restoreWindowState(saved, [laptop, rightMonitor]);
      expect(s).toEqual({
        bounds: { x: (1920 - DEFAULT_SIZE.width) / 2, y: (1040 - DEFAULT_SIZE.height) / 2, ...DEFAULT_SIZE },
        maximized: false,
        fullScreen: false,
      });
    }
  });

  it('restores a saved window that is still on a display, exactly', () => {
    const saved: WindowState = { bounds: { x: 2100, y: 80, width: 1400, height: 900 }, maximized: true, fullScreen: false };
    expect(restoreWindowState(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('moves a window whose monitor was unplugged onto the nearest display that is left, keeping its size', () => {
    const saved = { bounds: { x: 2100, y: 80, width: 1400, height: 900 }, maximized: false, fullScreen: false };
    const s = restoreWindowState(saved, [laptop]);
    expect(s.bounds).toEqual({ x: (1920 - 1400) / 2, y: (1040 - 900) / 2, width: 1400, height: 900 });
  });

  it('shrinks a window bigger than the remaining display to fit it', () => {
    const saved = { bounds: { x: 1950, y: 0, width: 2500, height: 1380 }, maximized: false, fullScreen: false };
    const s = restoreWindowState(saved, [laptop]);
    expect(s.bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('fits a window larger than its (still attached) display into it, keeping it on that display', () => {
    // Saved on the big monitor, which is now a smaller one at the same place.
    const smaller: Rect = { x: 1920, y: 0, width: 1366, height: 728 };
    const s = restoreWindowState({ bounds: { x: 2000, y: 50, width: 2400, height: 1300 } }, [laptop, smaller]);
    expect(s.bounds).toEqual(smaller);
    // One that fits and whose title bar can be grabbed stays where the person put it, even if partly off-screen.
    const partly = restoreWindowState({ bounds: { x: 2500, y: 300, width: 1000, height: 600 } }, [laptop, smaller]);
    expect(partly.bounds).toEqual({ x: 2500, y: 300, width: 1000, height: 600 });
  });

  it('pulls a window whose title bar is above the screen back down', () => {
    const s = restoreWindowState({ bounds: { x: 100, y: -300, width: 1000, height: 700 } }, [laptop]);
    // The title strip is off-screen: it counts as lost and is centred.
    expect(s.bounds.y).toBeGreaterThanOrEqual(0);
    expect(s.bounds.y + s.bounds.height).toBeLessThanOrEqual(1040);
  });

  it('keeps a window partly off the right edge when enough of its title bar can be grabbed', () => {
    const saved = { bounds: { x: 1700, y: 100, width: 1000, height: 700 }, maximized: false, fullScreen: false };
    expect(restoreWindowState(saved, [laptop]).bounds).toEqual(saved.bounds);
    const lost = { bounds: { x: 1900, y: 100, width: 1000, height: 700 } };
    expect(restoreWindowState(lost, [laptop]).bounds.x).toBeLessThan(1900);
  });

  it('handles a display left of and above the primary (negative coordinates)', () => {
    const leftMonitor: Rect = { x: -1280, y: -200, width: 1280, height: 1024 };
    const saved = { bounds: { x: -1200, y: -150, width: 900, height: 700 }, maximized: false, fullScreen: true };
    expect(restoreWindowState(saved, [laptop, leftMonitor])).toEqual(saved);
    expect(restoreWindowState(saved, [laptop]).bounds.x).toBeGreaterThanOrEqual(0);
  });

  it('enforces the minimum size', () => {
    const s = restoreWindowState({ bounds: { x: 10, y: 10, width: 50, height: 20 } }, [laptop]);
    expect(s.bounds.width).toBe(MIN_SIZE.width);
    expect(s.bounds.height).toBe(MIN_SIZE.height);
  });
});

class FakeWindow implements StatefulWindow {
  bounds: Rect = { x: 10, y: 20, width: 1000, height: 700 };
  maximized = false;
  destroyed = false;
  listeners = new Map<string, (() => void)[]>();
  getNormalBounds() {
    return { ...this.bounds };
  }
  isMaximized() {
    return this.maximized;
  }
  fullScreen = false;
  isFullScreen() {
    return this.fullScreen;
  }
  isDestroyed() {
    return this.destroyed;
  }
  on(event: string, listener: () => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }
  emit(event: string) {
    for (const l of this.listeners.get(event) ?? []) l();
  }
}

function fakeTimers() {
  const queue = new Map<number, () => void>();
  let next = 1;
  return {
    queue,
    setTimeout: (fn: () => void) => {
      queue.set(next, fn);
      return next++;
    },
    clearTimeout: (h: unknown) => void queue.delete(h as number),
    flush: () => {
      for (const [k, fn] of [...queue]) {
        queue.delete(k);
        fn();
      }
    },
  };
}

describe('trackWindowState', () => {
  it('saves once after a burst of moves, and again on close', () => {
    const win = new FakeWindow();
    const timers = fakeTimers();
    const saved: WindowState[] = [];
    trackWindowState(win, (s) => saved.push(s), { timers });
    win.emit('move');
    win.bounds = { ...win.bounds, x: 300 };
    win.emit('move');
    win.emit('resize');
    expect(timers.queue.size).toBe(1);
    expect(saved).toEqual([]);
    timers.flush();
    expect(saved).toEqual([{ bounds: { x: 300, y: 20, width: 1000, height: 700 }, maximized: false, fullScreen: false }]);
    win.maximized = true;
    win.emit('maximize');
    win.emit('close');
    expect(saved).toHaveLength(2);
    expect(saved[1]!.maximized).toBe(true);
    expect(timers.queue.size).toBe(0);
  });

  it('keeps the person’s own full screen, never the show’s', () => {
    const win = new FakeWindow();
    const timers = fakeTimers();
    const saved: WindowState[] = [];
    let presenting = false;
    trackWindowState(win, (s) => saved.push(s), { timers, showsPresentation: () => presenting });
    win.fullScreen = true;
    win.emit('enter-full-screen');
    timers.flush();
    presenting = true; // the window now shows a presentation, full screen
    win.emit('close');
    expect(saved.map((s) => s.fullScreen)).toEqual([true, false]);
  });

  it('does not touch a destroyed window, and survives a failing save', () => {
    const win = new FakeWindow();
    const timers = fakeTimers();
    let calls = 0;
    trackWindowState(win, () => {
      calls++;
      throw new Error('read-only disk');
    }, { timers });
    win.emit('close');
    expect(calls).toBe(1);
    win.destroyed = true;
    win.emit('resize');
    timers.flush();
    expect(calls).toBe(1);
  });
});

describe('the state file', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips through the file and treats a damaged file as none', () => {
    dir = mkdtempSync(join(tmpdir(), 'huibao-winstate-'));
    const path = windowStatePath(join(dir, 'userData'));
    expect(readWindowState(path)).toBeNull();
    const state: WindowState = { bounds: { x: 5, y: 6, width: 900, height: 600 }, maximized: false, fullScreen: false };
    writeWindowState(path, state);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(state);
    expect(restoreWindowState(readWindowState(path), [laptop])).toEqual(state);
    writeFileSync(path, '{"bounds":');
    expect(readWindowState(path)).toBeNull();
  });
});
