// Themes, chosen by looking at them: in the editor (one undoable step, saved), in the new-deck dialog (the cover with
// the title typed so far) and on a library card; a deck's cover follows its rename unless edited by hand.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, goOnAnyway, openEditor, repoRoot, saved, test, uniqueTitle, type HuibaoServer } from './fixtures.ts';
import { slideEdits } from '../fixtures/slideEdits.ts';

const SAMPLE = join(repoRoot, 'decks/samples/shangyu-youth-city.txt');
const SHOTS = join(repoRoot, process.env.HUIBAO_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-results/screenshots');

test('the theme is changed in the editor from live thumbnails, saved, and undone in one step', async ({ page, server }) => {
  const { deckId } = await server.api.importReport({ fileName: 'sample.txt', dataBase64: readFileSync(SAMPLE).toString('base64') });
  await openEditor(page, server, deckId);
  await page.getByRole('listbox', { name: '幻灯片' }).getByRole('option', { name: /^第2张/ }).click();
  const canvas = page.locator('.stage .hb-slide');
  await expect(canvas).toHaveClass(/theme-official/);

  await page.getByRole('toolbar', { name: '编辑工具栏' }).getByRole('button', { name: '主题' }).click();
  const panel = page.getByRole('dialog', { name: '选择主题' });
  const choices = panel.getByRole('radio');
  await expect(choices).toHaveText([/庄重红/, /简洁蓝/, /高对比/]);
  await expect(panel.getByRole('radio', { name: /庄重红/ })).toHaveAttribute('aria-checked', 'true');
  // Each thumbnail is the slide being edited, drawn in its theme.
  for (const [name, theme] of [
    ['庄重红', 'official'],
    ['简洁蓝', 'light'],
    ['高对比', 'contrast'],
  ] as const) {
    const thumb = panel.getByRole('radio', { name: new RegExp(name) }).locator('.hb-slide');
    await expect(thumb).toHaveClass(new RegExp(`theme-${theme}`));
    await expect(thumb.locator('.hb-title')).toHaveText('主要指标');
  }
  mkdirSync(SHOTS, { recursive: true });
  await page.mouse.move(1300, 860);
  await page.screenshot({ path: join(SHOTS, 'theme-picker.png') });

  await panel.getByRole('radio', { name: /高对比/ }).click();
  await expect(canvas).toHaveClass(/theme-contrast/);
  await expect(page.locator('.sorter-pane .hb-slide.theme-contrast').first()).toBeVisible();
  await expect(page.locator('.sorter-pane .hb-slide.theme-official')).toHaveCount(0);
  await saved(page);
  expect((await server.api.getDeck({ deckId })).theme).toBe('contrast');

  // Arrow keys move between themes too, each one more step.
  await panel.getByRole('radio', { name: /高对比/ }).press('ArrowLeft');
  await expect(canvas).toHaveClass(/theme-light/);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await saved(page);

  // Undo: back to 高对比, then to 庄重红 — each choice one step, and saved.
  await page.locator('.stage .canvas-slide').focus();
  await page.keyboard.press('Control+z');
  await expect(canvas).toHaveClass(/theme-contrast/);
  await page.keyboard.press('Control+z');
  await expect(canvas).toHaveClass(/theme-official/);
  await saved(page);
  expect((await server.api.getDeck({ deckId })).theme).toBe('official');
  await page.keyboard.press('Control+y');
  await expect(canvas).toHaveClass(/theme-contrast/);
  await saved(page);
  expect((await server.api.getDeck({ deckId })).theme).toBe('contrast');
  // The show uses it.
  await page.keyboard.press('F5');
  await goOnAnyway(page);
  await expect(page.locator('.present-page')).toHaveClass(/theme-contrast/);
});

test('a new deck gets its theme in the dialog, from its own cover, and opens in the editor', async ({ page, server }) => {
  const title = uniqueTitle('年度汇报');
  await page.goto(server.url);
  await page.getByRole('button', { name: '新建演示文稿' }).click();
  const dialog = page.getByRole('dialog', { name: '新建演示文稿' });
  await dialog.getByLabel('标题').fill(title);
  const picker = dialog.getByRole('radiogroup', { name: '主题' });
  // The thumbnails show the cover with the title typed so far.
  await expect(picker.getByRole('radio', { name: /简洁蓝/ }).locator('.hb-title')).toHaveText(title);
  await picker.getByRole('radio', { name: /简洁蓝/ }).click();
  await expect(picker.getByRole('radio', { name: /简洁蓝/ })).toHaveAttribute('aria-checked', 'true');
  await dialog.getByRole('button', { name: '创建' }).click();
  // Straight into the editor, on the new deck's cover.
  await expect(page).toHaveURL(/#\/edit\//);
  await expect(page.locator('.stage .hb-slide.layout-title.theme-light .hb-title')).toHaveText(title);
  const deck = (await server.api.listDecks({})).decks.find((d) => d.title === title)!;
  expect(deck.theme).toBe('light');
});

test('a library card changes its deck’s theme; renaming a deck renames its cover unless the cover was edited', async ({ page, server }) => {
  const title = uniqueTitle('卡片主题');
  const deck = await server.api.createDeck({ title });
  await page.goto(server.url);
  const card = page.locator('.deck-card', { has: page.getByRole('link', { name: `打开“${title}”` }) });
  await card.hover();
  await card.getByRole('button', { name: `更改“${title}”的主题` }).click();
  const panel = page.getByRole('dialog', { name: `更改“${title}”的主题` });
  await expect(panel.getByRole('radio', { name: /高对比/ }).locator('.hb-title')).toHaveText(title);
  await panel.getByRole('radio', { name: /高对比/ }).click();
  await expect(page.getByRole('status').filter({ hasText: `“${title}”已改用高对比主题` })).toBeVisible();
  await expect(card.locator('.deck-miniature .hb-slide')).toHaveClass(/theme-contrast/);
  expect((await server.api.getDeck({ deckId: deck.id })).theme).toBe('contrast');

  // Rename: the cover follows.
  const renamed = `${title}（终稿）`;
  await card.hover();
  await card.getByRole('button', { name: `重命名“${title}”` }).click();
  const rename = page.getByRole('dialog', { name: '重命名演示文稿' });
  await rename.getByLabel('新标题').fill(renamed);
  await rename.getByRole('button', { name: '保存' }).click();
  const renamedCard = page.locator('.deck-card', { has: page.getByRole('link', { name: `打开“${renamed}”` }) });
  await expect(renamedCard.locator('.deck-miniature .hb-title')).toHaveText(renamed);
  expect((await server.api.getDeck({ deckId: deck.id })).slides[0]!.title).toBe(renamed);

  // A cover edited by hand keeps its words.
  await slideEdits(server.api).updateSlide({ deckId: deck.id, slideId: deck.slides[0]!.id, patch: { title: '向区委常委会汇报' } });
  await page.reload();
  await renamedCard.hover();
  await renamedCard.getByRole('button', { name: `重命名“${renamed}”` }).click();
  await rename.getByLabel('新标题').fill(title);
  await rename.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('link', { name: `打开“${title}”` })).toBeVisible();
  expect((await server.api.getDeck({ deckId: deck.id })).slides[0]!.title).toBe('向区委常委会汇报');
});
