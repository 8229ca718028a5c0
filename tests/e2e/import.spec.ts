// Importing the sample report through the file picker: the warnings dialog, the new deck with its four pillars,
// a screenshot of every slide (test-results/screenshots/) and a check that no slide's text overflows its box.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openImportedDeck, repoRoot, test } from './fixtures.ts';

const SAMPLE = join(repoRoot, 'decks/samples/shangyu-youth-city.txt');
const PILLARS = ['兴产业强平台', '促融合提能级', '扬精神兴文化', '惠民生增福祉'];
const SHOTS = join(repoRoot, 'test-results/screenshots');

/** The DOM of an element as far as the overflow check reads it (the test files are type-checked without the DOM lib). */
interface Measured {
  className: string;
  scrollWidth: number;
  scrollHeight: number;
  clientWidth: number;
  clientHeight: number;
  getBoundingClientRect(): { left: number; top: number; right: number; bottom: number };
  querySelectorAll(selector: string): ArrayLike<Measured>;
}

test('importing the sample report shows its warnings, then opens a deck with the four pillars', async ({ page, server }) => {
  test.setTimeout(120_000);
  const before = (await server.api.listDecks({})).decks.length;
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: '我的演示文稿' })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(SAMPLE);

  const dialog = page.getByRole('dialog', { name: '报告已导入' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toContainText(/生成了 \d+ 张幻灯片/);
  const warnings = dialog.locator('.warning');
  expect(await warnings.count()).toBeGreaterThan(0);
  // Every warning shows its kind, its message in Chinese, and an excerpt of the report.
  await expect(dialog.locator('.warning-kind').first()).not.toHaveText('');
  await expect(dialog.locator('.warning-message').first()).toHaveText(/[\u4e00-\u9fff]/);
  await expect(dialog.getByText('图片说明').first()).toBeVisible();
  expect((await server.api.listDecks({})).decks.length).toBe(before + 1);

  const { deckId, list } = await openImportedDeck(page, dialog);
  const deck = await server.api.getDeck({ deckId });
  for (const pillar of PILLARS) {
    await expect(list.getByRole('option', { name: new RegExp(`^第\\d+张：${pillar}$`) })).toBeVisible();
    await expect(list.getByRole('group', { name: new RegExp(`、${pillar}$`) })).toBeVisible();
  }
  const options = list.getByRole('option');
  await expect(options).toHaveCount(deck.slides.length);

  // Every slide, large: screenshot it and check that no text box overflows.
  mkdirSync(SHOTS, { recursive: true });
  const overflows: string[] = [];
  for (let i = 0; i < deck.slides.length; i += 1) {
    const slide = deck.slides[i]!;
    await options.nth(i).click();
    await expect(options.nth(i)).toHaveAttribute('aria-selected', 'true');
    const view = page.locator('.stage .hb-slide');
    await expect(view).toHaveAttribute('data-slide-id', slide.id);
    const problems = await view.evaluate((node) => {
      const root = node as unknown as Measured;
      const found: string[] = [];
      const box = root.getBoundingClientRect();
      for (const el of Array.from(root.querySelectorAll('.hb-title, .hb-body, .hb-bullet, .hb-callout, .hb-subtitle, .hb-cover, .hb-text, .hb-quote'))) {
        const r = el.getBoundingClientRect();
        // Allow a couple of logical pixels for CJK glyph ascent beyond the line box.
        if (el.scrollHeight > el.clientHeight + 6 || el.scrollWidth > el.clientWidth + 2) found.push(`${el.className}: content ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
        if (r.right > box.right + 1 || r.bottom > box.bottom + 1 || r.left < box.left - 1 || r.top < box.top - 1) found.push(`${el.className}: outside the slide`);
      }
      return found;
    });
    overflows.push(...problems.map((p) => `slide ${i + 1} (${slide.layout}): ${p}`));
    await view.screenshot({ path: join(SHOTS, `sample-${String(i + 1).padStart(2, '0')}-${slide.layout}.png`) });
  }
  expect(overflows).toEqual([]);
  // Figures inside text show their current value, never the raw reference.
  await expect(page.locator('.hb-slide').getByText(/\{fig:/)).toHaveCount(0);
});

test('a file that is not a report is refused with a clear message, and nothing changes', async ({ page, server }) => {
  const before = (await server.api.listDecks({})).decks.map((d) => d.id).sort();
  await page.goto(server.url);
  await page.locator('input[type="file"]').setInputFiles({
    name: 'photo.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3, 0, 0, 0, 0, 0xff, 0xfe, 0, 0]),
  });
  const alert = page.getByRole('alertdialog', { name: '无法导入这份报告' });
  await expect(alert).toBeVisible();
  await expect(alert.locator('.import-error-message')).toHaveText(/[\u4e00-\u9fff]/);
  await expect(alert).toContainText('photo.txt');
  await alert.getByRole('button', { name: '关闭' }).click();
  await expect(alert).toBeHidden();
  expect((await server.api.listDecks({})).decks.map((d) => d.id).sort()).toEqual(before);
});

test('dropping a report on the library highlights the drop zone and imports it', async ({ page, server }) => {
  const before = (await server.api.listDecks({})).decks.length;
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: '我的演示文稿' })).toBeVisible();
  const text = readFileSync(SAMPLE, 'utf8');
  // A DataTransfer holding the file, built in the page (the test files are type-checked without the DOM lib).
  const dataTransfer = await page.evaluateHandle(
    `(() => { const dt = new DataTransfer(); dt.items.add(new File([${JSON.stringify(text)}], '上虞报告.txt', { type: 'text/plain' })); return dt; })()`,
  );
  const zone = page.locator('.page.library');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await expect(page.locator('.drop-overlay')).toContainText('松开鼠标，导入这份报告');
  await expect(zone).toHaveClass(/is-dragging/);
  await page.locator('.library-heading').dispatchEvent('dragover', { dataTransfer });
  await page.locator('.library-heading').dispatchEvent('drop', { dataTransfer });
  await expect(page.locator('.drop-overlay')).toHaveCount(0);
  await expect(page.getByRole('dialog', { name: '报告已导入' })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: join(SHOTS, 'library-import-dialog.png') });
  expect((await server.api.listDecks({})).decks.length).toBe(before + 1);
});
