// Text is always text: a deck title that looks like markup is shown literally and never runs.
import { expect, test } from './fixtures.ts';

test('a title holding markup is shown as those characters and no script runs', async ({ page, server }) => {
  const title = '<img src=x onerror=alert(1)>';
  const deck = await server.api.createDeck({ title });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(server.url);
  const link = page.getByRole('link', { name: `打开“${title}”` });
  await expect(link).toHaveText(title);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#/edit/${deck.id}$`));
  await expect(page.locator('.stage .hb-slide .hb-title')).toHaveText(title);
  await expect(page.getByRole('option', { name: `第1张：${title}` })).toBeVisible();
  await expect(page.locator('.deck-view-title h1')).toHaveText(title);
  await expect(page.getByRole('main').getByRole('heading', { name: title })).toBeVisible();
  // No element was made from the title anywhere on the page.
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});
