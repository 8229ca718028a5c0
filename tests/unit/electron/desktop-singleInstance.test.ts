import { describe, expect, it } from 'vitest';
import { bundlePathsFromArgv, focusWindow, setupSingleInstance, type SingleInstanceApp } from '../../../electron/main/singleInstance.ts';

/** Stands in for Electron's `app`: records listeners so the test can fire the events the OS would. */
class FakeApp implements SingleInstanceApp {
  quitCalls = 0;
  listeners: Record<string, ((...args: never[]) => void)[]> = {};
  constructor(private readonly gotLock: boolean) {}
  requestSingleInstanceLock() {
    return this.gotLock;
  }
  quit() {
    this.quitCalls++;
  }
  on(event: string, listener: (...args: never[]) => void) {
    (this.listeners[event] ??= []).push(listener);
  }
  secondInstance(argv: string[], cwd: string) {
    for (const l of this.listeners['second-instance'] ?? []) (l as (e: unknown, a: string[], c: string) => void)({}, argv, cwd);
  }
  openFile(path: string) {
    let prevented = false;
    for (const l of this.listeners['open-file'] ?? []) (l as (e: { preventDefault(): void }, p: string) => void)({ preventDefault: () => (prevented = true) }, path);
    return prevented;
  }
}

function harness(gotLock = true, firstArgv: string[] = ['/opt/Huibao/huibao']) {
  const app = new FakeApp(gotLock);
  const opened: string[] = [];
  let focused = 0;
  const single = setupSingleInstance(app, { openFile: (p) => opened.push(p), focus: () => focused++ }, { firstArgv, workingDirectory: '/home/li' });
  return { app, single, opened, focused: () => focused };
}

describe('bundlePathsFromArgv', () => {
  it('keeps only .huibao files, made absolute, skipping the executable and switches', () => {
    expect(
      bundlePathsFromArgv(['/opt/Huibao/huibao', '--no-sandbox', 'decks/季度汇报.HUIBAO', '/tmp/a.huibao', 'notes.txt', '--x=y.huibao', '/tmp/a.huibao'], '/home/li'),
    ).toEqual(['/home/li/decks/季度汇报.HUIBAO', '/tmp/a.huibao']);
    expect(bundlePathsFromArgv(['x.huibao'], '/home/li')).toEqual([]); // argv[0] is the executable
    expect(bundlePathsFromArgv(['electron', '.', 'report.huibao'], '/w')).toEqual(['/w/report.huibao']);
  });

  it('accepts the file: URLs a Linux file manager passes for %U, decoding them to the real path', () => {
    expect(bundlePathsFromArgv(['/opt/Huibao/huibao', 'file:///home/li/%E6%B1%87%E6%8A%A5%202024.huibao'], '/tmp')).toEqual(['/home/li/汇报 2024.huibao']);
    // The same file named twice, once as a path and once as a URL, opens once.
    expect(bundlePathsFromArgv(['huibao', '/home/li/a.huibao', 'file:///home/li/a.huibao'], '/tmp')).toEqual(['/home/li/a.huibao']);
    // Not a local file, or not a bundle: ignored.
    expect(bundlePathsFromArgv(['huibao', 'file://server/share/a.huibao', 'file:///home/li/report.txt', 'file:///bad%ZZ.huibao'], '/tmp')).toEqual([]);
  });
});

describe('setupSingleInstance', () => {
  it('a second launch quits at once and opens nothing', () => {
    const h = harness(false, ['/opt/Huibao/huibao', '/tmp/x.huibao']);
    expect(h.single.primary).toBe(false);
    expect(h.app.quitCalls).toBe(1);
    expect(h.app.listeners['second-instance']).toBeUndefined();
    h.single.ready();
    expect(h.opened).toEqual([]);
  });

  it('the first instance holds files from its own command line until the window is ready', () => {
    const h = harness(true, ['C:/Huibao/Huibao.exe', '/data/汇报.huibao']);
    expect(h.single.primary).toBe(true);
    expect(h.app.quitCalls).toBe(0);
    expect(h.opened).toEqual([]);
    h.single.ready();
    expect(h.opened).toEqual(['/data/汇报.huibao']);
    h.single.ready(); // a second ready() delivers nothing twice
    expect(h.opened).toEqual(['/data/汇报.huibao']);
  });

  it('a second launch with a .huibao file focuses the first window and hands the file over', () => {
    const h = harness();
    h.single.ready();
    h.app.secondInstance(['/opt/Huibao/huibao', 'q3.huibao'], '/home/wang/Desktop');
    expect(h.focused()).toBe(1);
    expect(h.opened).toEqual(['/home/wang/Desktop/q3.huibao']);
    h.app.secondInstance(['/opt/Huibao/huibao'], '/'); // launched from the Start menu: focus only
    expect(h.focused()).toBe(2);
    expect(h.opened).toHaveLength(1);
  });

  it('queues macOS open-file events that arrive before ready, in order, without duplicates', () => {
    const h = harness();
    expect(h.app.openFile('/Users/li/a.huibao')).toBe(true);
    expect(h.app.openFile('/Users/li/b.huibao')).toBe(true);
    h.app.openFile('/Users/li/a.huibao');
    h.app.openFile('/Users/li/picture.png'); // not ours: ignored
    expect(h.opened).toEqual([]);
    expect(h.focused()).toBe(0);
    h.single.ready();
    expect(h.opened).toEqual(['/Users/li/a.huibao', '/Users/li/b.huibao']);
    h.app.openFile('/Users/li/c.huibao');
    expect(h.opened).toEqual(['/Users/li/a.huibao', '/Users/li/b.huibao', '/Users/li/c.huibao']);
    expect(h.focused()).toBe(1);
  });

  it('registers open-file before taking the lock, so an early event is never lost', () => {
    const order: string[] = [];
    const app = new FakeApp(true);
    const on = app.on.bind(app);
    app.on = (event: string, l: (...args: never[]) => void) => {
      order.push(event);
      on(event, l);
    };
    const request = app.requestSingleInstanceLock.bind(app);
    app.requestSingleInstanceLock = () => {
      order.push('lock');
      return request();
    };
    setupSingleInstance(app, { openFile: () => {}, focus: () => {} }, { firstArgv: [], workingDirectory: '/' });
    expect(order).toEqual(['open-file', 'lock', 'second-instance']);
  });
});

describe('focusWindow', () => {
  it('restores a minimised window before focusing it', () => {
    const calls: string[] = [];
    const win = (minimized: boolean) => ({
      isMinimized: () => minimized,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    });
    focusWindow(win(true));
    expect(calls).toEqual(['restore', 'show', 'focus']);
    calls.length = 0;
    focusWindow(win(false));
    expect(calls).toEqual(['show', 'focus']);
    focusWindow(null);
    expect(calls).toEqual(['show', 'focus']);
  });
});
