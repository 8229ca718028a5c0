// 用新版报告更新 and 定稿, as staff use them: a revised report chosen from the toolbar, its review read side by side,
// part of it applied and undone; a deck signed off, a word edited, and the 需重新定稿 state in the editor and library.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { revisedSampleText } from '../fixtures/revisedSample.ts';
import { expect, openSample, repoRoot, saved, test, type HuibaoServer } from './fixtures.ts';

const SHOTS = join(repoRoot, process.env.HUIBAO_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-results/screenshots');
mkdirSync(SHOTS, { recursive: true });

const sorter = (page: Page) => page.getByRole('listbox', { name: '幻灯片' });

/** Shows the slide that carries figure `key` as a card; returns the card's value on the canvas. */
async function cardValue(page: Page, server: HuibaoServer, deckId: string, key: string) {
  const deck = await server.api.getDeck({ deckId });
  const at = deck.slides.findIndex((s) => s.blocks.some((b) => b.kind === 'figure' && b.key === key));
  expect(at).toBeGreaterThanOrEqual(0);
  await sorter(page).getByRole('option', { name: new RegExp(`^第${at + 1}张：`) }).click();
  return page.locator(`.stage .hb-slide .hb-callout[data-fig="${key}"] .hb-callout-value`);
}

test('a revised report: review side by side, apply part of it, undo it', async ({ page, server }) => {
  const deckId = await openSample(page, server);
  const growth = await cardValue(page, server, deckId, 'f1');
  await expect(growth).toHaveText('5.5%');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '新版报告' }).click();
  await (await chooser).setFiles({ name: '上虞-修订稿.txt', mimeType: 'text/plain', buffer: Buffer.from(revisedSampleText(), 'utf8') });

  const review = page.getByRole('region', { name: '用新版报告更新' });
  await expect(review).toBeVisible();
  await expect(review.getByText('原报告', { exact: true })).toBeVisible();
  await expect(review.getByText('新版报告', { exact: true })).toBeVisible();
  const changed = review.getByRole('region', { name: '数字有变化' });
  await expect(changed.locator('.refresh-item')).toHaveCount(3);
  const growthItem = changed.locator('.refresh-item', { has: page.getByRole('checkbox', { name: '采用此项：地区生产总值增长', exact: true }) });
  await expect(growthItem.locator('.refresh-old .refresh-value')).toHaveText('5.5%');
  await expect(growthItem.locator('.refresh-new .refresh-value')).toHaveText('5.8%');
  await expect(growthItem.locator('.refresh-new')).toContainText('预计全年地区生产总值增长5.8%');
  await expect(review.getByRole('region', { name: '新增的段落（写入备注）' })).toContainText('志愿服务品牌建设');
  await expect(review.getByRole('region', { name: '删除的图片说明' })).toContainText('南丰社区');
  await expect(review.getByRole('region', { name: '删除的图片说明' })).toContainText('需人工处理');
  await page.screenshot({ path: join(SHOTS, 'refresh-review.png') });

  // Part of it: the rank stays as it was.
  await review.getByRole('checkbox', { name: '采用此项：全国百强区排名' }).uncheck();
  await review.getByRole('button', { name: '应用所选（3）' }).click();
  await expect(review).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '已按新版报告更新 3 处' })).toBeVisible();
  await expect(growth).toHaveText('5.8%');
  await saved(page);
  const after = await server.api.getDeck({ deckId });
  expect(after.figures.find((f) => f.key === 'f1')!.value).toBe(5.8);
  expect(after.figures.find((f) => f.label === '全国百强区排名')!.value).toBe(33);
  expect(after.figures.find((f) => f.label === '经济总量')!.value).toBe(2600);
  expect((await server.api.listRevisions({ deckId })).revisions[0]!.label).toBe('用新版报告更新前（上虞-修订稿.txt）');

  // One undo takes the whole update back, on screen and in the store.
  await sorter(page).focus();
  await page.keyboard.press('Control+z');
  await expect(growth).toHaveText('5.5%');
  await saved(page);
  const undone = await server.api.getDeck({ deckId });
  expect(undone.figures.find((f) => f.key === 'f1')!.value).toBe(5.5);
  expect(undone.figures.find((f) => f.label === '经济总量')!.value).toBe(2500);
  expect(undone.slides.some((s) => s.notes.includes('志愿服务品牌建设'))).toBe(false);
});

test('sign a deck off, edit a word, and see 需重新定稿 in the editor and the library', async ({ page, server }) => {
  const deckId = await openSample(page, server);
  await page.getByRole('button', { name: '定稿', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '定稿' });
  await expect(dialog).toContainText('不是密码学意义上的数字签名');
  await dialog.getByRole('textbox', { name: '定稿人' }).fill('办公室 王主任');
  await page.screenshot({ path: 'test-results/e2e-artifacts/approve-dialog.png' });
  await dialog.getByRole('button', { name: '定稿' }).click();
  await expect(dialog).toBeHidden();
  const badge = page.locator('.deck-view-title .approval-badge');
  await expect(badge).toHaveText('✓ 已定稿 · 办公室 王主任');
  await expect(badge).toHaveAttribute('title', /办公室 王主任 于 .* 定稿（SHA-256 [0-9a-f]{12}…）/);
  const stored = (await server.api.getDeck({ deckId })).approval!;
  expect(stored).toMatchObject({ approver: '办公室 王主任', current: true });
  await page.screenshot({ path: join(SHOTS, 'approved-deck.png') });

  // A word of the cover's title.
  const title = page.locator('.stage [data-field$=":title"]').first();
  await title.click();
  await page.keyboard.press('End');
  await page.keyboard.type('（改）');
  await expect(badge).toHaveText('已修改，需重新定稿');
  await saved(page);
  expect((await server.api.getDeck({ deckId })).approval).toMatchObject({ sha256: stored.sha256, current: false });

  // Undoing the word makes it the approved deck again.
  await sorter(page).focus();
  await page.keyboard.press('Control+z');
  await expect(badge).toHaveText('✓ 已定稿 · 办公室 王主任');
  await page.keyboard.press('Control+y');
  await expect(badge).toHaveText('已修改，需重新定稿');
  await saved(page);

  await page.getByRole('link', { name: '返回演示文稿列表' }).click();
  const deck = await server.api.getDeck({ deckId });
  const card = page.locator(`.deck-card[data-deck-id="${deckId}"]`);
  await expect(card).toContainText(deck.title);
  await expect(card.locator('.approval-badge')).toHaveText('已修改，需重新定稿');
  await card.screenshot({ path: 'test-results/e2e-artifacts/approval-card-changed.png' });
});
