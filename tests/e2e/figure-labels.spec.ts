// A figure's label, edited as a person would: in the 数据 panel and on a figure card on the canvas. The new name shows
// on every card of the figure at once, is stored, and Ctrl+Z brings the old name back (stored too). A blank name is
// refused with a plain message and changes nothing.
import type { Page } from '@playwright/test';
import { expect, openSample, saved, test, type HuibaoServer } from './fixtures.ts';

const sorter = (page: Page) => page.getByRole('listbox', { name: '幻灯片' });
const OLD = '地区生产总值增长';
const NEW = '全区地区生产总值增速';

/** Opens the slide that shows figure f1 as a card, and returns that card on the canvas. */
async function cardOfF1(page: Page, server: HuibaoServer, deckId: string) {
  const deck = await server.api.getDeck({ deckId });
  const at = deck.slides.findIndex((s) => s.blocks.some((b) => b.kind === 'figure' && b.key === 'f1'));
  expect(at).toBeGreaterThanOrEqual(0);
  await sorter(page).getByRole('option', { name: new RegExp(`^第${at + 1}张：`) }).click();
  return page.locator('.stage .hb-slide .hb-callout[data-fig="f1"] .hb-callout-label');
}

test('a label renamed in the 数据 panel shows on the figure card at once and is stored; Ctrl+Z brings the old name back', async ({ page, server }) => {
  const deckId = await openSample(page, server);
  const card = await cardOfF1(page, server, deckId);
  await expect(card).toHaveText(OLD);

  await page.getByRole('tab', { name: '数据' }).click();
  const name = page.getByRole('textbox', { name: `“${OLD}”的名称`, exact: true });
  await expect(name).toHaveValue(OLD);
  await name.fill(NEW);
  await name.press('Enter');
  await expect(card).toHaveText(NEW);
  // The value's field is named by the new label too, and the thumbnail in the sorter shows it.
  await expect(page.getByRole('textbox', { name: `“${NEW}”的数值`, exact: true })).toHaveValue('5.5');
  await expect(sorter(page).locator('[aria-selected="true"] .hb-callout[data-fig="f1"] .hb-callout-label')).toHaveText(NEW);
  await saved(page);
  expect((await server.api.listFigures({ deckId })).figures.find((f) => f.key === 'f1')!.label).toBe(NEW);
  await page.screenshot({ path: 'test-results/e2e-artifacts/figure-label-renamed.png' });

  await sorter(page).focus();
  await page.keyboard.press('Control+z');
  await expect(card).toHaveText(OLD);
  await expect(page.getByRole('textbox', { name: `“${OLD}”的名称`, exact: true })).toHaveValue(OLD);
  await saved(page);
  expect((await server.api.listFigures({ deckId })).figures.find((f) => f.key === 'f1')!.label).toBe(OLD);
  await page.reload();
  await expect(await cardOfF1(page, server, deckId)).toHaveText(OLD);
});

test('a label typed on the figure card is the figure’s: the 数据 panel follows, and undo puts it back', async ({ page, server }) => {
  const deckId = await openSample(page, server);
  const card = await cardOfF1(page, server, deckId);
  await card.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(NEW);
  await page.keyboard.press('Enter');
  await expect(card).toHaveText(NEW);
  await expect(card).not.toBeFocused();
  await page.getByRole('tab', { name: '数据' }).click();
  await expect(page.getByRole('textbox', { name: `“${NEW}”的名称`, exact: true })).toHaveValue(NEW);
  await saved(page);
  expect((await server.api.listFigures({ deckId })).figures.find((f) => f.key === 'f1')!.label).toBe(NEW);
  await page.locator('.stage').screenshot({ path: 'test-results/e2e-artifacts/figure-label-card.png' });

  await sorter(page).focus();
  await page.keyboard.press('Control+z');
  await expect(card).toHaveText(OLD);
  await saved(page);
  expect((await server.api.listFigures({ deckId })).figures.find((f) => f.key === 'f1')!.label).toBe(OLD);
});

test('a blank label is refused with a plain message and changes nothing', async ({ page, server }) => {
  const deckId = await openSample(page, server);
  const card = await cardOfF1(page, server, deckId);
  await page.getByRole('tab', { name: '数据' }).click();
  const name = page.getByRole('textbox', { name: `“${OLD}”的名称`, exact: true });
  await name.fill('   ');
  await name.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('数据名称不能为空。请写明它统计的是什么，例如“地区生产总值增长”。');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(card).toHaveText(OLD);
  await name.press('Escape');
  await expect(name).toHaveValue(OLD);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect((await server.api.listFigures({ deckId })).figures.find((f) => f.key === 'f1')!.label).toBe(OLD);
});
