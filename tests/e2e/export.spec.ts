// Exports and bundles through the UI: the editor's Export menu downloads a PPTX, a deck card's menu shows the
// progress while a PDF is made and then downloads it, and a .huibao file opened through the library's file picker
// becomes a new deck that opens in the editor; a file that is not a bundle is refused with the reason, in Chinese; a
// slide hidden in the editor stays in the PPTX, marked hidden.
import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audienceSlides } from '../../decks/common/audience.ts';
import { expect, goOnAnyway, repoRoot, test, uniqueTitle, withoutProposedCharts } from './fixtures.ts';

const SAMPLE = join(repoRoot, 'decks/samples/shangyu-youth-city.txt');

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-e2e-export-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function importSample(server: { api: import('../../decks/common/api.ts').DeckApi }, title: string): Promise<string> {
  const r = await server.api.importReport({ fileName: 'sample.txt', dataBase64: readFileSync(SAMPLE).toString('base64'), title });
  // The tests name the sample's slides by place: without the chart slide the import proposes (hidden).
  return withoutProposedCharts(server.api, r.deckId);
}

test('the editor’s Export menu downloads an editable PPTX', async ({ page, server }) => {
  const title = uniqueTitle('导出测试');
  const deckId = await importSample(server, title);
  await page.goto(server.url);
  await page.evaluate((id) => (window.location.hash = `#/edit/${id}`), deckId);
  await expect(page.locator('.stage .hb-slide')).toBeVisible();

  await page.getByRole('toolbar', { name: '编辑工具栏' }).getByRole('button', { name: '导出', exact: true }).click();
  const menu = page.getByRole('menu', { name: '导出' });
  await expect(menu.getByRole('menuitem')).toHaveText(['PDF', 'PDF 讲义（含备注）', 'PowerPoint (.pptx)', '网页 (.html)，用于发送，不含备注', '网页 (.html)，含演讲备注', '汇报文件 (.huibao)']);
  const downloading = page.waitForEvent('download');
  await menu.getByRole('menuitem', { name: 'PowerPoint (.pptx)' }).click();
  await goOnAnyway(page, '导出');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${title}.pptx`);
  const saved = join(dir, download.suggestedFilename());
  await download.saveAs(saved);
  expect(statSync(saved).size).toBeGreaterThan(10_000);
  expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(page.getByRole('status').filter({ hasText: `已导出“${title}.pptx”` })).toBeVisible();
});

test('a deck card’s Export menu shows the progress of a PDF, then downloads it', async ({ page, server }) => {
  test.setTimeout(90_000);
  const title = uniqueTitle('讲义导出');
  await server.api.createDeck({ title });
  await page.goto(server.url);
  const card = page.locator('.deck-card', { has: page.getByRole('link', { name: `打开“${title}”` }) });
  await card.hover();
  // Opening the menu gets the host's browser started while the person chooses.
  const prepared = page.waitForResponse((r) => r.url().endsWith('/api/prepareExport'));
  await card.getByRole('button', { name: '导出', exact: true }).click();
  expect(await (await prepared).json()).toEqual({ ok: true, result: { prepared: true } });
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'PDF 讲义（含备注）' }).click();
  // While the core prints, the pill names the format over an indeterminate bar.
  await expect(page.getByRole('status').filter({ hasText: '正在导出 PDF 讲义（含备注）…' })).toBeVisible();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${title}（讲义）.pdf`);
  const saved = join(dir, 'handout.pdf');
  await download.saveAs(saved);
  expect(readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('a .huibao file opened through the library’s file picker opens as a new deck; a broken one is refused', async ({ page, server }) => {
  const title = uniqueTitle('交换文件');
  const deckId = await importSample(server, title);
  const bundle = await server.api.exportDeck({ deckId, format: 'huibao' });
  const path = join(dir, bundle.fileName);
  writeFileSync(path, Buffer.from(bundle.dataBase64, 'base64'));
  const before = (await server.api.listDecks({})).decks.length;

  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: '我的演示文稿' })).toBeVisible();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '打开 .huibao 文件' }).click();
  const chooser = await choosing;
  expect(await chooser.element().getAttribute('accept')).toBe('.huibao');
  await chooser.setFiles(path);

  await expect(page).toHaveURL(/#\/edit\/[^/]+$/, { timeout: 30_000 });
  const newId = decodeURIComponent(new URL(page.url()).hash.replace('#/edit/', ''));
  expect(newId).not.toBe(deckId);
  // The deck it came from is in this library too: the copy says so in its name.
  await expect(page.locator('.deck-view-title h1')).toHaveText(`${title}（副本）`);
  const decks = (await server.api.listDecks({})).decks;
  expect(decks.length).toBe(before + 1);
  expect((await server.api.getDeck({ deckId: newId })).slides.length).toBe((await server.api.getDeck({ deckId })).slides.length);

  // Not a bundle: refused with the reason, nothing added.
  const fake = join(dir, '坏文件.huibao');
  writeFileSync(fake, 'this is not a zip');
  await page.getByRole('link', { name: '返回演示文稿列表' }).click();
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '打开 .huibao 文件' }).click();
  await (await again).setFiles(fake);
  const dialog = page.getByRole('alertdialog', { name: '无法打开这个文件' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('坏文件.huibao');
  await expect(dialog.locator('.import-error-message')).toHaveText(/[\u4e00-\u9fff]/);
  expect((await server.api.listDecks({})).decks.length).toBe(before + 1);
});

test('a slide hidden in the editor is in the PPTX, marked hidden (show="0"), with its title in the title placeholder', async ({ page, server }) => {
  const title = uniqueTitle('备用页');
  const deckId = await importSample(server, title);
  const deck = await server.api.getDeck({ deckId });
  await page.goto(server.url);
  await page.evaluate((id) => (window.location.hash = `#/edit/${id}`), deckId);
  const backup = deck.slides[2]!;
  await page.getByRole('listbox', { name: '幻灯片' }).getByRole('option', { name: `第3张：${backup.title}` }).click();
  await page.getByRole('toolbar', { name: '编辑工具栏' }).getByRole('button', { name: '隐藏', exact: true }).click();
  await expect(page.locator('.stage-bar')).toContainText('已隐藏');

  await page.getByRole('toolbar', { name: '编辑工具栏' }).getByRole('button', { name: '导出', exact: true }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menu', { name: '导出' }).getByRole('menuitem', { name: 'PowerPoint (.pptx)' }).click();
  await goOnAnyway(page, '导出');
  const files = unzipSync(new Uint8Array(readFileSync(await (await downloading).path())));
  const slides = Object.keys(files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]))
    .map((n) => strFromU8(files[n]!));
  // Every slide the audience could see is there, the hidden one too (third, as in the deck), marked hidden.
  expect(slides).toHaveLength(audienceSlides(deck.slides).length);
  const hidden = slides.filter((x) => /<p:sld [^>]*show="0"/.test(x));
  expect(hidden).toHaveLength(1);
  expect(hidden[0]).toBe(slides[2]);
  expect(hidden[0]).toMatch(new RegExp(`<p:ph[^>]*type="title"[\\s\\S]*?<a:t>${backup.title}</a:t>`));
});
