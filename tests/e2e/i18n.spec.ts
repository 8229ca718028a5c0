// The 中文 / English switch changes every UI string and is remembered.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, repoRoot, test } from './fixtures.ts';

test('switching to English changes the UI, survives a reload, and switching back restores Chinese', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: '我的演示文稿' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'My decks' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New deck' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import report' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Trash' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('我的演示文稿')).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'My decks' })).toBeVisible();
  await page.getByRole('button', { name: 'New deck' }).click();
  await expect(page.getByRole('dialog', { name: 'New deck' }).getByRole('button', { name: 'Create' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '我的演示文稿' })).toBeVisible();
  await expect(page.getByRole('button', { name: '新建演示文稿' })).toBeVisible();
});

test('in English the editor speaks English: commands and their shortcuts, drag announcements, slide placeholders', async ({ page, server }) => {
  const sample = readFileSync(join(repoRoot, 'decks/samples/shangyu-youth-city.txt')).toString('base64');
  const { deckId } = await server.api.importReport({ fileName: 'shangyu.txt', dataBase64: sample });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'English' }).click();
  await page.evaluate((h) => (window.location.hash = h), `#/edit/${deckId}`);
  const list = page.getByRole('listbox', { name: 'Slides' });
  await expect(list).toBeVisible();

  // Toolbar labels and tooltips come from the command table.
  await expect(page.getByRole('button', { name: 'Duplicate Slide' })).toHaveAttribute('title', 'Duplicate Slide (Ctrl+D)');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo (Ctrl+Z)');
  await list.getByRole('option', { name: /^Slide 3:/ }).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Slide actions' });
  await expect(menu.getByRole('menuitem', { name: /^Cut/ })).toContainText('Ctrl+X');
  await expect(menu.getByRole('menuitem', { name: /^Play from Current Slide/ })).toContainText('Shift+F5');
  await page.keyboard.press('Escape');

  // dnd-kit's words for screen readers: the instructions, then what a drag did.
  await expect(page.locator('[id^="DndDescribedBy"]')).toHaveText(/^Press Alt\+↑ or Alt\+↓ to move the selected slides/);
  const from = (await list.getByRole('option', { name: /^Slide 3:/ }).boundingBox())!;
  const to = (await list.getByRole('option', { name: /^Slide 4:/ }).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 12, { steps: 3 });
  await expect(page.locator('[id^="DndLiveRegion"]')).toHaveText('Picked up 1 slide(s) (slide 3). Release the mouse where they should go.');
  await page.mouse.move(to.x + to.width / 2, to.y + to.height * 0.8, { steps: 8 });
  await page.mouse.up();
  await expect(page.locator('[id^="DndLiveRegion"]')).toHaveText('Dropped after slide 4.');
  await expect(page.locator('body')).not.toContainText('draggable');

  // The picture placeholder on the canvas.
  await list.getByRole('option', { name: /上虞e游小镇$/ }).click();
  await expect(page.locator('.stage .hb-image-note')).toHaveText('Picture to come');
});

test('every side-panel tab is in view and whole, in Chinese and in English, at the panel’s narrowest', async ({ page, server }) => {
  const sample = readFileSync(join(repoRoot, 'decks/samples/shangyu-youth-city.txt')).toString('base64');
  const { deckId } = await server.api.importReport({ fileName: 'shangyu.txt', dataBase64: sample });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(server.url);
  for (const [lang, panel] of [['中文', '侧边栏'], ['English', 'Side panel']] as const) {
    await page.getByRole('button', { name: lang }).click();
    await page.evaluate((h) => (window.location.hash = h), `#/edit/${deckId}`);
    const tabs = page.getByRole('tablist', { name: panel }).getByRole('tab');
    await expect(tabs).toHaveCount(5);
    const list = (await page.getByRole('tablist', { name: panel }).boundingBox())!;
    for (const tab of await tabs.all()) {
      const box = (await tab.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(list.x - 0.5);
      expect(box.x + box.width).toBeLessThanOrEqual(list.x + list.width + 0.5);
      // Its label is not cut off.
      expect(await tab.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    }
    await page.getByRole('tablist', { name: panel }).screenshot({ path: `test-results/e2e-artifacts/side-tabs-${lang === '中文' ? 'zh' : 'en'}.png` });
    await page.evaluate(() => (window.location.hash = '#/'));
  }
});
