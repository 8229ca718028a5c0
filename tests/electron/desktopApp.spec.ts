// The desktop app end to end, in Electron itself (Playwright's _electron): it starts on an empty data folder and
// shows the library with the sample deck; File › Import Report brings in the sample report; a figure is changed in
// the 数据 panel; the console opens the audience window, which follows it and may go full screen; File › Export › PDF
// prints through Electron's printToPDF; the app quits, and the database is whole with the change in it.
// Native dialogs are stood in for in the main process (they are the operating system's, not the app's), as
// Playwright's documentation advises. Runs only where tests/electron/availability.mjs finds Electron.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { DB_FILE_NAME, userDataDir } from '../../decks/node/paths.ts';
import { createService } from '../../decks/node/service.ts';
import { electronForTests } from './availability.mjs';

const root = join(import.meta.dirname, '..', '..');
const SAMPLE = join(root, 'decks/samples/shangyu-youth-city.txt');
const SAMPLE_TITLE = '全面建设“青春之城” 奋力走好上虞高质量发展之路';

/** Clicks an item of the app's native menu by its id, as the person would (electron/main/menu.ts). */
async function clickMenu(app: ElectronApplication, id: string): Promise<void> {
  const found = await app.evaluate(({ Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    if (!item) return false;
    item.click();
    return true;
  }, id);
  expect(found, `menu item ${id}`).toBe(true);
}

/** What the checks read of a page (the test files are type-checked without the DOM lib). */
interface PageGlobals {
  require?: unknown;
  process?: unknown;
  huibao?: { call?: unknown };
  document: { fullscreenElement: unknown; querySelector(selector: string): { getAttribute(name: string): string | null } | null };
}
const inFullScreen = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).document.fullscreenElement !== null);

/** The error boxes the main process showed (dialog.showErrorBox is replaced by a recorder). */
const errorBoxes = (app: ElectronApplication) => app.evaluate(() => (globalThis as { huibaoErrorBoxes?: string[] }).huibaoErrorBoxes ?? []);

test('the desktop app: library, import, a figure changed, a show with its console, a PDF, and the database whole after quitting', async () => {
  const electron = electronForTests(root);
  if ('reason' in electron) throw new Error(`the Electron end-to-end suite cannot run here: ${electron.reason}`);
  const home = mkdtempSync(join(tmpdir(), 'huibao-electron-'));
  // The app's data folder follows the platform's variables (decks/node/paths.ts): point all of them at `home`.
  const env: Record<string, string> = { ...(process.env as Record<string, string>), XDG_CONFIG_HOME: home, APPDATA: home, HOME: home, HUIBAO_ELECTRON_ADDON: electron.addon };
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.HUIBAO_DB;
  const dbPath = join(userDataDir(env, process.platform, home), DB_FILE_NAME);
  const pdfPath = join(home, 'export.pdf');
  let running: ElectronApplication | null = null;
  try {
    // No executablePath: Playwright then starts the electron package's own binary (the one availability.mjs found,
    // ELECTRON_OVERRIDE_DIST_PATH included) with its loader, which holds `ready` until it is connected.
    const app = await _electron.launch({ args: [root], env, timeout: 120_000 });
    running = app;
    const main: Page = await app.firstWindow();
    await app.evaluate(({ dialog }) => {
      const boxes: string[] = [];
      (globalThis as { huibaoErrorBoxes?: string[] }).huibaoErrorBoxes = boxes;
      dialog.showErrorBox = (title: string, content: string) => void boxes.push(`${title}: ${content}`);
    });

    await test.step('the library, with the sample deck, from app:// in an isolated page with only the bridge', async () => {
      await expect(main.getByRole('heading', { name: '我的演示文稿' })).toBeVisible({ timeout: 60_000 });
      await expect(main.getByRole('link', { name: `打开“${SAMPLE_TITLE}”` }).first()).toBeVisible();
      expect(main.url()).toMatch(/^app:\/\/huibao\/index\.html#\//);
      const page = await main.evaluate(() => {
        const w = globalThis as unknown as PageGlobals;
        return {
          require: typeof w.require,
          process: typeof w.process,
          bridge: typeof w.huibao?.call,
          csp: w.document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
        };
      });
      expect(page).toMatchObject({ require: 'undefined', process: 'undefined', bridge: 'function' });
      expect(page.csp).toContain("object-src 'none'");
    });

    let deckId = '';
    await test.step('File › Import Report opens the report as a new deck in the editor', async () => {
      await app.evaluate(({ dialog }, file) => {
        dialog.showOpenDialog = (() => Promise.resolve({ canceled: false, filePaths: [file] })) as unknown as typeof dialog.showOpenDialog;
      }, SAMPLE);
      await clickMenu(app, 'import-report');
      await expect(main).toHaveURL(/#\/edit\/[0-9a-z]+$/, { timeout: 60_000 });
      deckId = /#\/edit\/([0-9a-z]+)$/.exec(main.url())![1]!;
      await expect(main.getByRole('listbox', { name: '幻灯片' })).toBeVisible();
    });

    await test.step('a figure changed in the 数据 panel shows on the slide and is saved', async () => {
      await main.getByRole('listbox', { name: '幻灯片' }).getByRole('option', { name: '第2张：主要指标' }).click();
      const canvasFigure = main.locator('.stage .hb-slide [data-fig="f1"]');
      await expect(canvasFigure).toContainText('5.5');
      await main.getByRole('tab', { name: '数据' }).click();
      const input = main.getByRole('textbox', { name: '“地区生产总值增长”的数值' });
      await input.fill('5.8');
      await input.press('Enter');
      await expect(canvasFigure).toContainText('5.8');
      await expect(main.locator('.save-status')).toHaveText('已保存');
    });

    await test.step('the console opens the audience window, which follows it and may go full screen', async () => {
      await clickMenu(app, 'present-console');
      // The sample's figures are not confirmed yet: the pre-flight check is offered first.
      await main.getByRole('dialog', { name: '放映前检查' }).getByRole('button', { name: '仍然放映' }).click();
      await expect(main).toHaveURL(new RegExp(`#/console/${deckId}$`));
      await expect(main.locator('.console-page')).toHaveAttribute('data-position', '0');
      const [audience] = await Promise.all([app.waitForEvent('window'), main.getByRole('button', { name: '打开观众窗口' }).click()]);
      await expect(audience.locator('.present-page')).toHaveAttribute('data-ready', 'true');
      expect(audience.url()).toContain(`#/present/${deckId}`);
      await main.bringToFront();
      await main.keyboard.press('ArrowRight');
      await expect(audience.locator('.present-page')).toHaveAttribute('data-position', '1');
      // The show's F key: the Fullscreen API goes through the permission handler, which allows the app's own page.
      await audience.bringToFront();
      await audience.keyboard.press('f');
      await expect.poll(() => inFullScreen(audience)).toBe(true);
      await audience.keyboard.press('f');
      await expect.poll(() => inFullScreen(audience)).toBe(false);
      expect(app.windows()).toHaveLength(2);
    });

    await test.step('File › Export › PDF prints the deck with printToPDF', async () => {
      await app.evaluate(({ dialog }, file) => {
        dialog.showSaveDialog = (() => Promise.resolve({ canceled: false, filePath: file })) as unknown as typeof dialog.showSaveDialog;
      }, pdfPath);
      await clickMenu(app, 'export-pdf');
      await main.getByRole('dialog', { name: '放映前检查' }).getByRole('button', { name: '仍然导出' }).click();
      await expect.poll(() => existsSync(pdfPath) && readFileSync(pdfPath).subarray(0, 5).toString('latin1'), { timeout: 180_000 }).toBe('%PDF-');
      expect(readFileSync(pdfPath).length).toBeGreaterThan(20_000);
      expect(await errorBoxes(app)).toEqual([]);
    });

    await test.step('leaving the show closes the audience window; quitting closes the database', async () => {
      await clickMenu(app, 'library');
      await expect(main.getByRole('heading', { name: '我的演示文稿' })).toBeVisible();
      await expect.poll(() => app.windows().length).toBe(1);
      expect(await errorBoxes(app)).toEqual([]);
      running = null;
      await app.close();
    });

    await test.step('the database is whole, with the imported deck and the changed figure', async () => {
      const db = new Database(dbPath, { readonly: true, fileMustExist: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
      const service = createService({ dbPath });
      try {
        expect((await service.listFigures({ deckId })).figures.find((f) => f.key === 'f1')?.display).toBe('5.8%');
        expect((await service.listDecks({})).decks.length).toBeGreaterThanOrEqual(2);
      } finally {
        service.close();
      }
    });
  } finally {
    await running?.close();
    rmSync(home, { recursive: true, force: true });
  }
});
