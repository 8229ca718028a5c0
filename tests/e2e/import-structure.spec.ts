// Reports in other shapes, imported as a person would: a 街道 summary with page numbers, running headers and photo
// captions (each repair a warning that jumps to its slide), and a Markdown report whose table becomes a table slide —
// in the editor and on the presenter's screen.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openImportedDeck, repoRoot, test } from './fixtures.ts';

const STREET = join(repoRoot, 'tests/fixtures/reports/03-donghu-street-summary.txt');
const MARKDOWN = join(repoRoot, 'tests/fixtures/reports/02-binjiang-hightech-zone.md');
const SHOTS = join(repoRoot, 'test-results/screenshots');

test('a summary with page furniture and captions: each warning says what was done and jumps to its slide', async ({ page, server }) => {
  test.setTimeout(120_000);
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: '我的演示文稿' })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(STREET);
  const dialog = page.getByRole('dialog', { name: '报告已导入' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByText('页码页眉').first()).toBeVisible();
  await expect(dialog).toContainText('删去了 4 个页码');
  const { deckId, list } = await openImportedDeck(page, dialog);
  const deck = await server.api.getDeck({ deckId });
  // No page number, running header or byline became a slide.
  for (const title of ['- 1 -', '东湖街道2023年工作总结', '东湖街道办事处']) await expect(list.getByRole('option', { name: new RegExp(`^第\\d+张：${title}$`) })).toHaveCount(0);

  await page.getByRole('tab', { name: /导入提示/ }).click();
  const picture = deck.slides.findIndex((s) => s.layout === 'image');
  await list.getByRole('option').nth(3).click();
  const furniture = page.locator('.warning-item').filter({ hasText: '页码' }).first();
  await expect(furniture).toContainText('它们是打印页面上的内容，不是正文');
  await furniture.getByRole('button', { name: '转到第1张' }).click();
  await expect(page.locator('.stage .hb-slide')).toHaveAttribute('data-slide-id', deck.slides[0]!.id);
  await expect(list.getByRole('option', { name: /^第1张：/ })).toHaveAttribute('aria-selected', 'true');

  const caption = page.locator('.warning-item').filter({ hasText: '东湖街道新建的邻里中心' }).first();
  await caption.getByRole('button', { name: `转到第${picture + 1}张` }).click();
  const stage = page.locator('.stage .hb-slide');
  await expect(stage).toHaveAttribute('data-slide-id', deck.slides[picture]!.id);
  await expect(stage.locator('.hb-image-title')).toHaveText('东湖街道新建的邻里中心');
  await expect(stage.locator('.hb-image-credit')).toHaveText('摄影 王晓东');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'import-structure-warnings.png') });
});

test('a Markdown table becomes a table slide, themed, with figures in its cells, in the editor and when presenting', async ({ page, server }) => {
  const { deckId } = await server.api.importReport({ fileName: '02-binjiang-hightech-zone.md', dataBase64: readFileSync(MARKDOWN).toString('base64') });
  const deck = await server.api.getDeck({ deckId });
  const at = deck.slides.findIndex((s) => s.blocks.some((b) => b.kind === 'table'));
  expect(at).toBeGreaterThan(0);
  await page.goto(server.url);
  await expect(page).toHaveURL(/#\/$/);
  await page.goto(`${server.origin}/#/edit/${deckId}`);
  const list = page.getByRole('listbox', { name: '幻灯片' });
  await list.getByRole('option').nth(at).click();
  const table = page.locator('.stage .hb-slide table.hb-table');
  await expect(table).toBeVisible();
  await expect(table.locator('thead th')).toHaveText(['指标', '2022年', '2023年', '增幅']);
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await expect(table.locator('tbody tr').first().locator('td').first()).toHaveText('规上工业总产值（亿元）');
  // Text never overflows the slide: the table fits its body.
  const fits = await page.locator('.stage .hb-slide .hb-body').evaluate((el) => {
    const body = el as unknown as { scrollHeight: number; clientHeight: number };
    return body.scrollHeight <= body.clientHeight + 6;
  });
  expect(fits).toBe(true);
  mkdirSync(SHOTS, { recursive: true });
  await page.locator('.stage .hb-slide').screenshot({ path: join(SHOTS, 'import-structure-table.png') });

  await page.evaluate((h) => {
    window.location.hash = h;
  }, `#/present/${deckId}/${at}`);
  await expect(page.locator('.present-page')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('.reveal .slides > section.present table.hb-table thead th').first()).toHaveText('指标');
});
