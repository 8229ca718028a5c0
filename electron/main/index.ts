// The Electron host: one window showing the renderer from app://, the DeckApi over IPC, and the security checklist:
// context isolation, sandbox, no node integration (windows.ts), CSP, no new windows, no navigation away, no
// permission but the show's full screen (windowGuards.ts), no webviews, IPC only from the app's own page.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session, shell, type BrowserWindowConstructorOptions } from 'electron';
import { join } from 'node:path';
import { errorMessage } from '../../decks/common/api.ts';
import type { Route } from '../../decks/common/routes.ts';
import { formatSettingsIssues, type Language } from '../../decks/common/settings.ts';
import { readReportFile } from '../../decks/node/report/index.ts';
import { loadSettings, writeUserSettings } from '../../decks/node/settings.ts';
import { DB_FILE_NAME, findAppRoot, rendererDir, sampleReportPath, userDataDir } from '../../decks/node/paths.ts';
import { readBundleFile } from '../../decks/node/export/bundleFile.ts';
import { createService, ensureSampleDeck, type DeckService } from '../../decks/node/service.ts';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './appProtocol.ts';
import { appPageUrl, appRouteOf } from './appRoutes.ts';
import { createElectronPdfPrinter } from './exportPdf.ts';
import { isAppFrame, registerIpcHost } from './ipcHost.ts';
import { hardenWebContents, limitPermissions } from './windowGuards.ts';
import { Presentation, runsOnWayland } from './presentation.ts';
import { buildMenuTemplate } from './menu.ts';
import { COMMANDS, type CommandId } from '../../decks/common/commands.ts';
import { COMMAND_CHANNEL } from '../preload/channels.ts';
import { focusWindow, setupSingleInstance } from './singleInstance.ts';
import { checkForUpdates } from './updates.ts';
import { readWindowState, restoreWindowState, trackWindowState, windowStatePath, writeWindowState } from './windowState.ts';
import { createAppWindow, registerBridge } from './windows.ts';
import { databaseFailure } from './startupErrors.ts';
import { electronAddonFile, installedVersion } from '../nativeAddon.mjs';

const appRoot = findAppRoot();
let service: DeckService | null = null;
let mainWindow: BrowserWindow | null = null;
/** PDF exports print in one hidden window kept for a run of exports (exportPdf.ts). */
const pdfPrinter = createElectronPdfPrinter();

// Before `ready`: app:// must be a standard, secure scheme for fetch and relative URLs to work.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
// The same folder the `huibao` command uses, whatever name Electron derived from how it was started.
app.setPath('userData', userDataDir());

// Department settings: machine-wide file, then the user's (decks/node/settings.ts). Never throws.
const loaded = loadSettings({ userDataDir: app.getPath('userData') });
let language: Language = loaded.settings.language;

// A second launch hands its .huibao file to this one and quits; macOS open-file may come before ready.
const single = setupSingleInstance(
  app,
  { openFile: (path) => void openBundleFile(path), focus: () => focusWindow(mainWindow) },
  { firstArgv: process.argv, workingDirectory: process.cwd() },
);

if (single.primary) {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (service && BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  app.on('will-quit', () => {
    service?.close();
    service = null;
  });
  // Whatever fails on the way to the first window is shown, never left as a process with no window.
  app.whenReady().then(start).catch(fail);
}

/** A window of the app's own pages: the renderer gets no Node, only window.huibao (registerBridge in start()). */
const createPageWindow = (options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>) => createAppWindow(options);

/** Puts the audience window on the projector and the console on the laptop (created once the screen API is ready). */
let presentation: Presentation | null = null;

/** The main window (there is one at a time), attached to the presentation controller like every main window. */
function createMainWindow(): BrowserWindow {
  if (!presentation) throw new Error('the main window was asked for before start-up');
  const statePath = windowStatePath(app.getPath('userData'));
  const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays().filter((d) => d.id !== screen.getPrimaryDisplay().id)];
  const state = restoreWindowState(readWindowState(statePath), displays.map((d) => d.workArea));
  const win = createPageWindow({ ...state.bounds, minWidth: 800, minHeight: 560, title: '汇报 Huibao', show: false, backgroundColor: '#ffffff' });
  // Shown at its first paint, already maximised or full screen: maximize() on a hidden window would show it blank.
  win.once('ready-to-show', () => {
    if (state.fullScreen) win.setFullScreen(true);
    else if (state.maximized) win.maximize();
    win.show();
  });
  trackWindowState(win, (s) => writeWindowState(statePath, s), {
    showsPresentation: () => {
      const route = appRouteOf(win.webContents.getURL());
      return route?.name === 'present' || route?.name === 'console';
    },
  });
  win.webContents.once('did-finish-load', () => single.ready()); // deliver queued .huibao files now
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
    // The kept print window is hidden: with the app's window gone it must not keep the app running.
    pdfPrinter.close();
  });
  presentation.attach(win);
  void win.loadURL(appPageUrl({ name: 'library' }));
  mainWindow = win;
  return win;
}

function navigate(route: Route): void {
  const win = mainWindow ?? createMainWindow();
  void win.loadURL(appPageUrl(route));
  focusWindow(win);
}

function installMenu(): void {
  const template = buildMenuTemplate({ language, platform: process.platform, appName: language === 'en' ? 'Huibao' : '汇报', dev: !app.isPackaged, onCommand: (c) => void runMenuCommand(c) });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/**
 * A menu command: the renderer runs it (the same code as its toolbar, keys and context menu: exports flush pending
 * edits first, “play from current slide” knows the current slide); only the few that need this process run here.
 */
async function runMenuCommand(command: CommandId): Promise<void> {
  if (COMMANDS[command].runsIn !== 'main') {
    const send = (win: BrowserWindow) => win.webContents.send(COMMAND_CHANNEL, command);
    if (mainWindow) send(mainWindow);
    else {
      // macOS keeps running with no window: a new one hears the command once its page listens.
      const win = createMainWindow();
      win.webContents.once('did-finish-load', () => send(win));
    }
    return;
  }
  const en = language === 'en';
  switch (command) {
    case 'import-report': {
      const r = await showOpenDialog({ name: en ? 'Reports' : '汇报材料', extensions: ['txt', 'md', 'docx'] });
      const path = r.filePaths[0];
      if (r.canceled || !path || !service) return;
      try {
        const result = await service.importDecodedReport(await readReportFile(path));
        navigate({ name: 'edit', deckId: result.deckId });
      } catch (err) {
        dialog.showErrorBox(en ? 'Cannot import the report' : '无法导入报告', errorMessage(err, en ? 'en' : 'zh'));
      }
      return;
    }
    case 'open-bundle': {
      const r = await showOpenDialog({ name: en ? 'Huibao deck' : '汇报演示文稿', extensions: ['huibao'] });
      if (!r.canceled && r.filePaths[0]) await openBundleFile(r.filePaths[0]);
      return;
    }
    case 'language-zh-CN':
    case 'language-en':
      language = command === 'language-en' ? 'en' : 'zh-CN';
      writeUserSettings(app.getPath('userData'), { language });
      installMenu();
      return;
    case 'open-data-folder':
      void shell.openPath(app.getPath('userData'));
      return;
    default:
      return;
  }
}

/** File › Open and Import: one file, starting in the documents folder, attached to the main window when there is one. */
function showOpenDialog(filter: { name: string; extensions: string[] }): Promise<Electron.OpenDialogReturnValue> {
  const options: Electron.OpenDialogOptions = { properties: ['openFile'], defaultPath: app.getPath('documents'), filters: [filter] };
  return mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options);
}

/** Opens a .huibao bundle as a new deck (double-click, second launch, Open menu) and shows it in the editor. */
async function openBundleFile(path: string): Promise<void> {
  focusWindow(mainWindow);
  if (!service) return;
  try {
    const result = await service.openBundle(readBundleFile(path));
    navigate({ name: 'edit', deckId: result.deckId });
  } catch (err) {
    const en = language === 'en';
    dialog.showErrorBox(en ? 'Cannot open the file' : '无法打开此文件', `${path}\n\n${errorMessage(err, en ? 'en' : 'zh')}`);
  }
}

/**
 * The SQLite addon built for this Electron (electron/nativeAddon.mjs): a development launch cannot use the checkout's
 * Node build. HUIBAO_ELECTRON_ADDON names another file (the Electron end-to-end tests, a build kept elsewhere). The
 * packaged app loads its own addon, which `npm run dist` built for Electron, and never reads the variable.
 */
function developmentAddon(): string | undefined {
  if (app.isPackaged) return undefined;
  if (process.env.HUIBAO_ELECTRON_ADDON) return process.env.HUIBAO_ELECTRON_ADDON;
  const target = { electron: process.versions.electron ?? '', betterSqlite3: installedVersion(appRoot, 'better-sqlite3'), platform: process.platform, arch: process.arch };
  return electronAddonFile(appRoot, target);
}

async function start(): Promise<void> {
  limitPermissions(session.defaultSession);
  registerBridge(session.defaultSession, join(appRoot, 'dist', 'electron', 'preload.cjs'));
  protocol.handle('app', createAppProtocolHandler(rendererDir(appRoot)));

  const dbPath = join(app.getPath('userData'), DB_FILE_NAME);
  const nativeBinding = developmentAddon();
  try {
    service = createService({ dbPath, pdfPrinter: pdfPrinter.print, pdfPrepare: pdfPrinter.prepare, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    const failure = databaseFailure(err, { dbPath, addonPath: nativeBinding, packaged: app.isPackaged });
    dialog.showErrorBox(failure.title, failure.detail);
    app.exit(1);
    return;
  }
  try {
    await ensureSampleDeck(service, sampleReportPath(appRoot));
  } catch (err) {
    // The app is useful without the sample deck; keep going.
    console.error('Huibao: could not import the sample report:', err);
  }
  registerIpcHost(ipcMain, service, isAppFrame);
  installMenu();
  presentation = new Presentation({
    screen,
    createWindow: createPageWindow,
    manualPlacement: runsOnWayland(process.platform, process.env, app.commandLine.getSwitchValue('ozone-platform')),
  });
  createMainWindow();
  if (loaded.issues.length > 0) {
    // A broken settings file never stops the app: say what was wrong, carry on with the defaults.
    void dialog.showMessageBox({
      type: 'warning',
      title: language === 'en' ? 'Settings file problems' : '设置文件有误',
      message: language === 'en' ? 'Huibao started with default values for these settings:' : '汇报已启动，以下设置项使用默认值：',
      detail: formatSettingsIssues(loaded.issues, language),
    });
  }
  // No request leaves the machine unless IT turned update checks on (checkForUpdates returns 'off' at once).
  void checkForUpdates({ settings: loaded.settings, currentVersion: app.getVersion(), fetch: (url, init) => net.fetch(url, init) }).then((r) => {
    if (r.status === 'available') {
      void dialog.showMessageBox({
        type: 'info',
        title: language === 'en' ? 'Update available' : '有新版本',
        message: language === 'en' ? `Huibao ${r.latest} is available.` : `汇报 ${r.latest} 已发布。`,
        detail: [r.notes, r.downloadUrl].filter(Boolean).join('\n\n'),
      });
    } else if (r.status === 'failed') console.warn(`Huibao: ${r.en}`);
  });
}

function fail(err: unknown): void {
  dialog.showErrorBox('汇报无法启动 · Huibao cannot start', String(err instanceof Error ? err.message : err));
  app.exit(1);
}
