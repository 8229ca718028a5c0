// A stand-in for the `electron` module, enough to run the main process (electron/main/index.ts) in Node: it records
// what the app asks of Electron (windows, their addresses and full-screen state, dialogs, handlers) and lets a test
// fire the events Electron would (ready, navigation, close). It models only what Electron's documentation promises,
// e.g. that creating a window emits `web-contents-created`, and that loadURL of the same page with another fragment
// is an in-page navigation.
import { EventEmitter } from 'node:events';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface FakeDisplay {
  id: number;
  bounds: Rect;
  workArea: Rect;
  internal?: boolean;
}

type OpenHandler = (details: { url: string; frameName: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  url = '';
  /** What the main process sent the page (`webContents.send`): channel, then arguments. */
  sent: unknown[][] = [];
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  openHandlers: OpenHandler[] = [];
  destroyed = false;
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandlers.push(handler);
  }
  /** What the last handler set answers, as Electron consults only the last one. */
  open(url: string, frameName = ''): { action: 'allow' | 'deny' } | undefined {
    return this.openHandlers.at(-1)?.({ url, frameName });
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** What the page's isolated-world probes answer (the PDF printer asks whether the page is laid out). */
  probeAnswer: unknown = 'true';
  executeJavaScriptInIsolatedWorld(_worldId: number, _scripts: { code: string }[]): Promise<unknown> {
    return Promise.resolve(this.probeAnswer);
  }
  /** Each printToPDF: the address printed. The PDF is a few bytes that start as a PDF does. */
  printed: string[] = [];
  printToPDF(_options: { printBackground?: boolean; preferCSSPageSize?: boolean }): Promise<Uint8Array> {
    this.printed.push(this.url);
    return Promise.resolve(new TextEncoder().encode(`%PDF-1.7 ${this.url}`));
  }
  /** The page changes its own fragment (history.replaceState, a link to `#/…`): an in-page navigation. */
  navigateInPage(url: string): void {
    this.url = url;
    this.emit('did-navigate-in-page', { preventDefault() {} }, url, true, 1, 1);
  }
}

export function createFakeElectron(opts: { displays?: FakeDisplay[]; platform?: NodeJS.Platform; switches?: Record<string, string> } = {}) {
  const calls: string[] = [];
  const errorBoxes: { title: string; content: string }[] = [];
  const openDialogs: { window: unknown; options: Record<string, unknown> }[] = [];
  const paths = new Map<string, string>();
  let readyResolve: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => (readyResolve = resolve));
  const failures: { protocolHandle?: Error } = {};

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    exitCode: null as number | null,
    commandLine: {
      getSwitchValue: (name: string) => opts.switches?.[name] ?? '',
      hasSwitch: (name: string) => opts.switches?.[name] !== undefined,
    },
    whenReady: () => readyPromise,
    setPath: (name: string, value: string) => void paths.set(name, value),
    getPath: (name: string) => paths.get(name) ?? `/fake/${name}`,
    enableSandbox: () => void calls.push('enableSandbox'),
    requestSingleInstanceLock: () => true,
    quit: () => void calls.push('quit'),
    exit: (code = 0) => {
      app.exitCode = code;
      calls.push(`exit ${code}`);
    },
    getVersion: () => '0.1.0',
  });

  const allWindows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    static getAllWindows(): FakeBrowserWindow[] {
      return allWindows.filter((w) => !w.destroyed);
    }
    webContents = new FakeWebContents();
    destroyed = false;
    visible = false;
    fullScreen = false;
    maximized = false;
    bounds: Rect;
    /** Every call the app made on this window, in order (`show`, `maximize`, `setFullScreen true`, `setBounds …`). */
    log: string[] = [];
    constructor(public options: Record<string, unknown> = {}) {
      super();
      const o = options as Partial<Rect>;
      this.bounds = { x: o.x ?? 0, y: o.y ?? 0, width: o.width ?? 800, height: o.height ?? 600 };
      this.visible = options.show !== false;
      allWindows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.log.push(`loadURL ${url}`);
      const samePage = this.webContents.url !== '' && this.webContents.url.split('#')[0] === url.split('#')[0];
      this.webContents.url = url;
      if (samePage) this.webContents.emit('did-navigate-in-page', { preventDefault() {} }, url, true, 1, 1);
      else this.webContents.emit('did-navigate', { preventDefault() {} }, url, 200, 'OK');
      return Promise.resolve();
    }
    /** Electron's `ready-to-show`: the first paint is done. */
    painted(): void {
      this.emit('ready-to-show');
    }
    show(): void {
      this.log.push('show');
      this.visible = true;
    }
    focus(): void {
      this.log.push('focus');
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    maximize(): void {
      this.log.push('maximize');
      this.maximized = true;
      this.visible = true; // Electron: maximize() also shows a hidden window
      this.emit('maximize');
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    setFullScreen(flag: boolean): void {
      this.log.push(`setFullScreen ${flag}`);
      if (this.fullScreen === flag) return;
      this.fullScreen = flag;
      this.visible = this.visible || flag;
      this.emit(flag ? 'enter-full-screen' : 'leave-full-screen');
    }
    isFullScreen(): boolean {
      return this.fullScreen;
    }
    setBounds(b: Partial<Rect>): void {
      this.log.push(`setBounds ${JSON.stringify(b)}`);
      this.bounds = { ...this.bounds, ...b };
    }
    getBounds(): Rect {
      return this.bounds;
    }
    getNormalBounds(): Rect {
      return this.bounds;
    }
    setProgressBar(): void {}
    isDestroyed(): boolean {
      return this.destroyed;
    }
    close(): void {
      if (this.destroyed) return;
      this.emit('close', { preventDefault() {} });
      this.destroy();
    }
    destroy(): void {
      if (this.destroyed) return;
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
      if (FakeBrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
    }
  }

  const displays = opts.displays ?? [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, internal: true }];
  const screen = Object.assign(new EventEmitter(), {
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => displays[0]!,
  });

  const permission = {
    request: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: Record<string, unknown>) => void),
    check: null as null | ((contents: unknown, permission: string, requestingOrigin: string, details: Record<string, unknown>) => boolean),
  };
  const preloads: { partition: string; script: Record<string, unknown> }[] = [];
  const makeSession = (partition = '') => ({
    registerPreloadScript: (script: Record<string, unknown>) => (preloads.push({ partition, script }), String(script.id)),
    setPermissionRequestHandler: (h: typeof permission.request) => void (permission.request = h),
    setPermissionCheckHandler: (h: typeof permission.check) => void (permission.check = h),
    webRequest: { onBeforeRequest: () => {} },
  });

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const ipcHandlers = new Map<string, unknown>();
  let menuTemplate: unknown[] = [];
  let openDialogAnswer: { canceled: boolean; filePaths: string[] } = { canceled: true, filePaths: [] };

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    screen,
    session: { defaultSession: makeSession(), fromPartition: (partition: string) => makeSession(partition) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void calls.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        if (failures.protocolHandle) throw failures.protocolHandle;
        protocolHandlers.set(scheme, handler);
      },
    },
    ipcMain: { handle: (channel: string, h: unknown) => void ipcHandlers.set(channel, h), removeHandler: (channel: string) => void ipcHandlers.delete(channel) },
    Menu: { buildFromTemplate: (t: unknown[]) => ((menuTemplate = t), { template: t }), setApplicationMenu: () => {} },
    dialog: {
      showErrorBox: (title: string, content: string) => void errorBoxes.push({ title, content }),
      showMessageBox: () => Promise.resolve({ response: 0, checkboxChecked: false }),
      showOpenDialog: (a: unknown, b?: unknown) => {
        const [window, options] = b === undefined ? [null, a] : [a, b];
        openDialogs.push({ window, options: options as Record<string, unknown> });
        return Promise.resolve(openDialogAnswer);
      },
      showSaveDialog: () => Promise.resolve({ canceled: true }),
    },
    net: { fetch: () => Promise.reject(new Error('offline')) },
    shell: { openPath: () => Promise.resolve('') },
  };

  return {
    electron,
    calls,
    errorBoxes,
    openDialogs,
    permission,
    preloads,
    protocolHandlers,
    failures,
    windows: () => FakeBrowserWindow.getAllWindows(),
    allWindowsEver: () => [...allWindows],
    ready: () => readyResolve(),
    setOpenDialogAnswer: (answer: { canceled: boolean; filePaths: string[] }) => void (openDialogAnswer = answer),
    /** Clicks the native menu item with this id, as the person would. */
    clickMenu(id: string): void {
      const find = (items: unknown[]): { click?: () => void } | undefined => {
        for (const item of items as { id?: string; submenu?: unknown[]; click?: () => void }[]) {
          if (item.id === id) return item;
          const inner = item.submenu ? find(item.submenu) : undefined;
          if (inner) return inner;
        }
        return undefined;
      };
      const item = find(menuTemplate);
      if (!item?.click) throw new Error(`no menu item ${id}`);
      item.click();
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
export type FakeWindow = InstanceType<FakeElectron['electron']['BrowserWindow']>;
