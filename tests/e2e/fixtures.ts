// One `huibao serve` per worker, on a free port with its own database in a temp folder; killed at the end.
// Tests get its `url` (with the token fragment), the `token`, and a typed `api` over HTTP for setting up data.
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type DeckApi } from '../../decks/common/api.ts';
import { createHttpTransport } from '../../decks/common/httpTransport.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface HuibaoServer {
  /** `http://127.0.0.1:PORT/#token=TOKEN`, as printed by `huibao serve`. */
  url: string;
  origin: string;
  token: string;
  api: DeckApi;
}

function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`huibao serve printed no URL within ${timeoutMs} ms.\nstdout: ${out}\nstderr: ${err}`)), timeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const m = /^Huibao: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`huibao serve exited early (code ${code}).\nstdout: ${out}\nstderr: ${err}`));
    });
  });
}

export const test = base.extend<{ server: HuibaoServer }, { workerServer: HuibaoServer }>({
  workerServer: [
    // Playwright requires the destructuring form `{}` for a fixture that uses no other fixture.
    async ({}, use) => {
      for (const built of ['dist/cli.mjs', 'dist/renderer/index.html']) {
        if (!existsSync(join(repoRoot, built))) throw new Error(`${built} is missing: run \`node build.mjs\` before the end-to-end tests`);
      }
      const dir = mkdtempSync(join(tmpdir(), 'huibao-e2e-'));
      const child = spawn(process.execPath, [join(repoRoot, 'bin/huibao.mjs'), 'serve', '--port', '0', '--no-open', '--db', join(dir, 'huibao.db')], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        const url = await waitForUrl(child, 30_000);
        const parsed = new URL(url);
        const token = parsed.hash.replace(/^#token=/, '');
        const api = createClient(createHttpTransport({ baseUrl: parsed.origin, token, fetch: (u, init) => fetch(u, init) }));
        await use({ url, origin: parsed.origin, token, api });
      } finally {
        const exited = new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  server: async ({ workerServer }, use) => {
    await use(workerServer);
  },
});

export { expect };

/**
 * Removes the chart slides an import proposed (hidden, right after the key-figures slide; charts.spec.ts tests them).
 * For tests that name the sample's slides by their place (第3张 …): they keep the deck they were written for.
 */
export async function withoutProposedCharts(api: DeckApi, deckId: string): Promise<string> {
  const deck = await api.getDeck({ deckId });
  const charts = deck.slides.filter((s) => s.hidden && s.layout === 'chart').map((s) => s.id);
  if (charts.length > 0) await api.saveEdits({ deckId, removed: charts });
  return deckId;
}

/** A fresh copy of the sample deck for one test (without the charts the import proposes), opened in the editor; returns its id. */
export async function openSample(page: Page, server: HuibaoServer): Promise<string> {
  const sample = join(repoRoot, 'decks/samples/shangyu-youth-city.txt');
  const { deckId } = await server.api.importReport({ fileName: 'shangyu.txt', dataBase64: readFileSync(sample).toString('base64') });
  await withoutProposedCharts(server.api, deckId);
  await page.goto(server.url);
  await expect(page).toHaveURL(/#\/$/);
  await page.goto(`${server.origin}/#/edit/${deckId}`);
  await expect(page.getByRole('listbox', { name: '幻灯片' })).toBeVisible();
  return deckId;
}

/**
 * A show or an export of a deck with something to look at first offers the pre-flight check (放映前检查); this goes on
 * without it, as staff do with 仍然放映 / 仍然导出.
 */
export async function goOnAnyway(page: Page, action: '放映' | '导出' = '放映'): Promise<void> {
  await page.getByRole('dialog', { name: '放映前检查' }).getByRole('button', { name: `仍然${action}` }).click();
}

/** Waits until the editor says everything is stored. */
export const saved = (page: Page) => expect(page.locator('.save-status')).toHaveText('已保存');

/** After an import: opens the new deck from the “报告已导入” dialog; returns its id and the slide list. */
export async function openImportedDeck(page: Page, dialog: Locator): Promise<{ deckId: string; list: Locator }> {
  await dialog.getByRole('button', { name: '打开演示文稿' }).click();
  await expect(page).toHaveURL(/#\/edit\/[^/]+$/);
  const deckId = decodeURIComponent(page.url().split('#/edit/')[1]!);
  const list = page.getByRole('listbox', { name: '幻灯片' });
  await expect(list).toBeVisible();
  return { deckId, list };
}

/** A title no other test uses, so tests sharing one server never see each other's decks by mistake. */
export function uniqueTitle(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/** Opens the editor on a deck, from the library page (as the app itself navigates). */
export async function openEditor(page: Page, server: HuibaoServer, deckId: string): Promise<void> {
  await page.goto(server.url);
  await expect(page).toHaveURL(/#\/$/);
  await page.evaluate((id) => (window.location.hash = `#/edit/${id}`), deckId);
  await expect(page.getByRole('listbox', { name: '幻灯片' })).toBeVisible();
}
