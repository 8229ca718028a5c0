// The main process (electron/main/index.ts) run in Node against a stand-in Electron (fakeElectron.ts): each test
// starts the app on a fresh data folder, fires what Electron and the person would, and checks what the app asked of
// Electron. The faults of issue 13 that live in this wiring are each pinned here.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_CHANNEL } from '../../../electron/preload/channels.ts';
import { createFakeElectron, type FakeDisplay, type FakeWindow } from './fakeElectron.ts';


const dirs: string[] = [];
const savedEnv = { XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME, HUIBAO_DB: process.env.HUIBAO_DB, HUIBAO_ELECTRON_ADDON: process.env.HUIBAO_ELECTRON_ADDON };
/** Node runs these tests, so the addon “built for Electron” is the checkout's Node build, named as a development launch names another. */
const NODE_ADDON = join(import.meta.dirname, '../../../node_modules/better-sqlite3/build/Release/better_sqlite3.node');
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

async function until(what: string, ok: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Starts the main process on a new, empty data folder (optionally with a saved window state) up to `ready`. */
async function importMain(opts: { displays?: FakeDisplay[]; windowState?: unknown; addon?: string | null } = {}) {
  const config = mkdtempSync(join(tmpdir(), 'huibao-main-'));
  dirs.push(config);
  process.env.XDG_CONFIG_HOME = config;
  delete process.env.HUIBAO_DB;
  if (opts.addon === null) delete process.env.HUIBAO_ELECTRON_ADDON;
  else process.env.HUIBAO_ELECTRON_ADDON = opts.addon ?? NODE_ADDON;
  const userData = join(config, 'Huibao');
  if (opts.windowState !== undefined) {
    mkdirSync(userData, { recursive: true });
    writeFileSync(join(userData, 'window-state.json'), JSON.stringify(opts.windowState));
  }
  // A new Electron and a new main process for each test (the main process keeps its state in its module).
  const fake = createFakeElectron(opts.displays ? { displays: opts.displays } : {});
  vi.resetModules();
  vi.doMock('electron', () => fake.electron);
  await import('../../../electron/main/index.ts');
  return { fake, userData };
}

async function launch(opts: Parameters<typeof importMain>[0] = {}) {
  const started = await importMain(opts);
  const { fake } = started;
  fake.ready();
  await until('the main window', () => fake.windows().length > 0 || fake.errorBoxes.length > 0);
  expect(fake.errorBoxes).toEqual([]);
  const main = fake.windows()[0]!;
  return { ...started, main };
}

const route = (hash: string) => `app://huibao/index.html${hash}`;
const fullScreenCalls = (win: FakeWindow) => win.log.filter((l) => l.startsWith('setFullScreen'));

describe('the main process', () => {
  it('allows full screen to the app’s own top-level page, and nothing else to anyone', async () => {
    const { fake } = await launch();
    const request = (permission: string, details: Record<string, unknown>) => {
      let granted: boolean | undefined;
      fake.permission.request!({}, permission, (g) => (granted = g), details);
      return granted;
    };
    const app = { isMainFrame: true, requestingUrl: route('#/present/d1') };
    expect(request('fullscreen', app)).toBe(true);
    expect(request('fullscreen', { ...app, isMainFrame: false })).toBe(false);
    expect(request('fullscreen', { isMainFrame: true, requestingUrl: 'https://evil.example/' })).toBe(false);
    for (const p of ['media', 'notifications', 'openExternal', 'geolocation', 'clipboard-read']) expect(request(p, app), p).toBe(false);

    const check = fake.permission.check!;
    expect(check(null, 'fullscreen', 'app://huibao', { isMainFrame: true, requestingUrl: route('#/console/d1') })).toBe(true);
    expect(check(null, 'fullscreen', 'app://huibao', { isMainFrame: false, requestingUrl: route('#/') })).toBe(false);
    expect(check(null, 'fullscreen', 'https://evil.example', { isMainFrame: true, requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(check(null, 'notifications', 'app://huibao', { isMainFrame: true, requestingUrl: route('#/') })).toBe(false);
  });

  it('gives the DeckApi bridge to the app’s own pages only, through their session, before the first window loads', async () => {
    const { fake, main } = await launch();
    expect(fake.preloads).toHaveLength(1);
    const [{ partition, script }] = fake.preloads as [(typeof fake.preloads)[number]];
    expect(partition).toBe(''); // the default session: the main and audience windows, not the PDF printer's
    expect(script).toMatchObject({ type: 'frame', matches: ['app://huibao/*'] });
    expect(String(script.filePath)).toMatch(/dist[\\/]electron[\\/]preload\.cjs$/);
    expect((main.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
  });

  it('opens the database with the addon built for Electron, and says what to run when there is none', async () => {
    // No HUIBAO_ELECTRON_ADDON: the development build for this Electron, in .electron-addon/, which is not built here.
    const { fake } = await importMain({ addon: null });
    fake.ready();
    await until('the error dialog', () => fake.errorBoxes.length > 0);
    const [box] = fake.errorBoxes as [{ title: string; content: string }];
    expect(box.title).toBe('汇报无法加载数据库组件 · Huibao cannot load its database component');
    expect(box.content).toContain('npm run electron-addon');
    expect(box.content).toMatch(/\.electron-addon[\\/]electron-/);
    expect(box.content).not.toContain('permissions');
    expect(fake.calls).toContain('exit 1');
  });

  it('loads the addon HUIBAO_ELECTRON_ADDON names in development, and never reads it in the packaged app', async () => {
    const missing = join(tmpdir(), 'no-such-dir', 'better_sqlite3.node');
    const dev = await importMain({ addon: missing });
    dev.fake.ready();
    await until('the error dialog', () => dev.fake.errorBoxes.length > 0);
    expect(dev.fake.errorBoxes[0]!.content).toContain(missing);

    const packaged = await importMain({ addon: missing });
    packaged.fake.electron.app.isPackaged = true;
    packaged.fake.ready();
    await until('the main window', () => packaged.fake.windows().length > 0 || packaged.fake.errorBoxes.length > 0);
    expect(packaged.fake.errorBoxes).toEqual([]);
  });

  it('shows a failure inside start-up in the error dialog and ends, instead of running on with no window', async () => {
    const { fake } = await importMain();
    fake.failures.protocolHandle = new Error('the app:// scheme is already handled');
    fake.ready();
    await until('the error dialog', () => fake.errorBoxes.length > 0);
    expect(fake.errorBoxes[0]!.content).toContain('the app:// scheme is already handled');
    expect(fake.calls).toContain('exit 1');
    expect(fake.windows()).toEqual([]);
  });

  it('attaches every main window it opens to the presentation controller, not only the first', async () => {
    const { fake, main } = await launch({ displays: twoDisplays });
    main.close();
    fake.clickMenu('library'); // macOS keeps running with no window; the menu opens a new one
    await until('a new main window', () => fake.windows().length === 1);
    const again = fake.windows()[0]!;
    expect(again).not.toBe(main);
    again.webContents.navigateInPage(route('#/edit/d1'));
    // The console asks for the audience window as it does with window.open; the controller must answer.
    again.webContents.open('app://huibao/present.html#/present/d1/2', 'huibao-audience-d1');
    await until('the audience window', () => fake.windows().length === 2);
    // On the show's own lean page.
    expect(fake.windows()[1]!.webContents.getURL()).toBe('app://huibao/present.html#/present/d1/2');
  });

  it('hands the menu commands the renderer runs to the page as ids, and does no work of its own for them', async () => {
    const { fake, main } = await launch();
    main.painted();
    main.webContents.navigateInPage(route('#/edit/d1'));
    const before = main.webContents.getURL();
    for (const id of ['delete', 'present-current', 'export-pptx', 'undo', 'library']) fake.clickMenu(id);
    expect(main.webContents.sent).toEqual(['delete', 'present-current', 'export-pptx', 'undo', 'library'].map((id) => [COMMAND_CHANNEL, id]));
    // No navigation, no dialog, no export made here: the page runs them as its toolbar and keys do.
    expect(main.webContents.getURL()).toBe(before);
    expect(fake.openDialogs).toEqual([]);
    expect(fake.errorBoxes).toEqual([]);
  });

  it('enters full screen once when a one-screen show starts and leaves it when the show ends, whatever the slides do', async () => {
    const { main } = await launch();
    main.painted();
    main.webContents.navigateInPage(route('#/')); // the library's own replaceState
    expect(fullScreenCalls(main)).toEqual([]);

    main.webContents.navigateInPage(route('#/present/d1'));
    expect(fullScreenCalls(main)).toEqual(['setFullScreen true']);
    // The presenter writes each slide into the address with history.replaceState.
    for (const i of [1, 2, 3]) main.webContents.navigateInPage(route(`#/present/d1/${i}`));
    expect(fullScreenCalls(main)).toEqual(['setFullScreen true']);

    main.webContents.navigateInPage(route('#/edit/d1'));
    expect(fullScreenCalls(main)).toEqual(['setFullScreen true', 'setFullScreen false']);
    main.webContents.navigateInPage(route('#/'));
    expect(fullScreenCalls(main)).toHaveLength(2);
  });

  it('leaves the person’s own choice alone: no full screen forced back after they left it, none taken away that the show did not give', async () => {
    const { main } = await launch();
    main.painted();
    main.webContents.navigateInPage(route('#/present/d1'));
    main.fullScreen = false; // the person pressed Esc / the window's own control
    main.emit('leave-full-screen');
    main.webContents.navigateInPage(route('#/present/d1/4'));
    main.webContents.navigateInPage(route('#/edit/d1'));
    expect(fullScreenCalls(main)).toEqual(['setFullScreen true']);

    main.setFullScreen(true); // View › Toggle Full Screen, in the editor
    main.webContents.navigateInPage(route('#/'));
    expect(main.isFullScreen()).toBe(true);
  });

  it('never saves the show’s full screen as the window’s state', async () => {
    const { main, userData } = await launch();
    main.painted();
    main.webContents.navigateInPage(route('#/present/d1/3'));
    expect(main.isFullScreen()).toBe(true);
    main.close(); // closing the app during a one-screen show
    const saved = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as { fullScreen: boolean };
    expect(saved.fullScreen).toBe(false);
  });

  it('opens a maximised window maximised at its first paint, not as a white window before it', async () => {
    const { main } = await launch({ windowState: { bounds: { x: 10, y: 10, width: 1000, height: 700 }, maximized: true, fullScreen: false } });
    expect(main.log.filter((l) => l === 'maximize' || l === 'show')).toEqual([]);
    expect(main.visible).toBe(false);
    main.painted();
    expect(main.maximized).toBe(true);
    expect(main.visible).toBe(true);
  });

  it('opens the file dialogs in the documents folder, attached to the window', async () => {
    const { fake, main } = await launch();
    fake.clickMenu('import-report');
    fake.clickMenu('open-bundle');
    await until('both dialogs', () => fake.openDialogs.length === 2);
    for (const d of fake.openDialogs) {
      expect(d.options.defaultPath).toBe(fake.electron.app.getPath('documents'));
      expect(d.window).toBe(main);
    }
  });
});

const twoDisplays: FakeDisplay[] = [
  { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, internal: true },
  { id: 2, bounds: { x: 1920, y: 0, width: 1024, height: 768 }, workArea: { x: 1920, y: 0, width: 1024, height: 768 } },
];
