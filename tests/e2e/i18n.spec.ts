// The 中文 / English switch changes every UI string and is remembered.
import { expect, test } from './fixtures.ts';

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
