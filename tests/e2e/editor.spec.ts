// The editor, driven as a person would: rearranging slides with the mouse and the keyboard, editing figures in the
// 数据 panel (with undo), typing on the canvas, hostile text, and the import warnings panel — each checked after a reload.
import type { Page } from '@playwright/test';
import { expect, openSample, saved, test } from './fixtures.ts';
const option = (page: Page, name: string | RegExp) => page.getByRole('listbox', { name: '幻灯片' }).getByRole('option', { name });

test('a slide dragged with the mouse, and one moved with Alt+↓, stay where they were put after a reload', async ({ page, server }) => {
  const deckId = await openSample(page, server);
  const moved = option(page, '第3张：新征程催人奋进');
  const target = option(page, '第4张：汇报提纲');
  const from = (await moved.boundingBox())!;
  const to = (await target.boundingBox())!;
  // dnd-kit's pointer sensor: press, move past its activation distance in steps, release below the target's middle.
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 12, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height * 0.8, { steps: 12 });
  await expect(page.locator('.sorter-row.drop-after, .sorter-row.drop-before')).toHaveCount(1);
  await page.mouse.up();
  await expect(option(page, '第4张：新征程催人奋进')).toHaveAttribute('aria-selected', 'true');
  await expect(option(page, '第3张：汇报提纲')).toBeVisible();
  await saved(page);

  // Keyboard: the selection (slide 4) moves one down with Alt+↓.
  await page.getByRole('listbox', { name: '幻灯片' }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(option(page, '第5张：新征程催人奋进')).toHaveAttribute('aria-selected', 'true');
  await saved(page);

  const stored = await server.api.getDeck({ deckId });
  expect(stored.slides.slice(2, 5).map((s) => s.title)).toEqual(['汇报提纲', '兴产业强平台', '新征程催人奋进']);
  // Moved across a section boundary: the slide now belongs to the first pillar.
  expect(stored.slides[4]!.section).toBe(stored.slides[3]!.id);
  await page.reload();
  await expect(option(page, '第5张：新征程催人奋进')).toBeVisible();
  await expect(option(page, '第3张：汇报提纲')).toBeVisible();
});

test('changing a figure in the 数据 panel updates every slide and note at once; undo brings the old value back', async ({ page, server }) => {
  const deckId = await openSample(page, server);
  await option(page, '第2张：主要指标').click();
  const canvasFigure = page.locator('.stage .hb-slide [data-fig="f1"]');
  const notesFigure = page.locator('.notes-editor [data-fig="f1"]');
  await expect(canvasFigure).toContainText('5.5');
  await expect(notesFigure).toHaveText('5.5%');

  await page.getByRole('tab', { name: '数据' }).click();
  const input = page.getByRole('textbox', { name: '“地区生产总值增长”的数值' });
  await expect(input).toHaveValue('5.5');
  await input.fill('5.8');
  await input.press('Enter');
  await expect(canvasFigure).toContainText('5.8');
  await expect(option(page, '第2张：主要指标').locator('[data-fig="f1"]')).toContainText('5.8');
  await saved(page);
  expect((await server.api.listFigures({ deckId })).figures.find((f) => f.key === 'f1')!.display).toBe('5.8%');
  // The notes show it too (the inspector's notes editor, and the slide 's notes as stored refer to it).
  await page.getByRole('tab', { name: '属性' }).click();
  await expect(notesFigure).toHaveText('5.8%');
  // Its change history lists the change.
  await page.getByRole('tab', { name: '数据' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '地区生产总值增长', exact: true }) });
  await row.getByRole('button', { name: '历史' }).click();
  await expect(page.getByRole('list', { name: '“地区生产总值增长”的修改记录' })).toContainText('5.5 → 5.8');

  await page.getByRole('listbox', { name: '幻灯片' }).focus();
  await page.keyboard.press('Control+z');
  await expect(canvasFigure).toContainText('5.5');
  await expect(input).toHaveValue('5.5');
  await saved(page);
  expect((await server.api.listFigures({ deckId })).figures.find((f) => f.key === 'f1')!.value).toBe(5.5);
  await page.keyboard.press('Control+Shift+z');
  await expect(canvasFigure).toContainText('5.8');
});

test('a value that is not a number gets a clear message and changes nothing', async ({ page, server }) => {
  const deckId = await openSample(page, server);
  await option(page, '第2张：主要指标').click();
  await page.getByRole('tab', { name: '数据' }).click();
  const input = page.getByRole('textbox', { name: '“地区生产总值增长”的数值' });
  await input.fill('abc');
  await input.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('“abc”不是有效的数字。请输入数值，例如 5.8 或 1,286.4。');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.stage .hb-slide [data-fig="f1"]')).toContainText('5.5');
  expect((await server.api.listFigures({ deckId })).figures.find((f) => f.key === 'f1')!.value).toBe(5.5);
  await input.press('Escape');
  await expect(input).toHaveValue('5.5');
});

test('text typed into a bullet on the canvas is saved; Enter adds a bullet and Tab indents it', async ({ page, server }) => {
  const deckId = await openSample(page, server);
  await option(page, '第3张：新征程催人奋进').click();
  const first = page.locator('.stage .hb-bullet').first();
  await first.click();
  await page.keyboard.press('End');
  await page.keyboard.type('（已核实）');
  await expect(first).toContainText('（已核实）');
  await page.keyboard.press('Enter');
  await page.keyboard.type('新的要点');
  await page.keyboard.press('Tab');
  await expect(page.locator('.stage .hb-bullet').nth(1)).toHaveText('新的要点');
  await expect(page.locator('.stage .hb-bullet').nth(1)).toHaveClass(/level-1/);
  await saved(page);
  await page.reload();
  await option(page, '第3张：新征程催人奋进').click();
  await expect(page.locator('.stage .hb-bullet').first()).toContainText('（已核实）');
  const slide = (await server.api.getDeck({ deckId })).slides[2]!;
  expect(slide.blocks[1]).toEqual({ kind: 'bullet', text: '新的要点', level: 1 });
});

test('markup typed into a bullet shows as those characters and runs nothing', async ({ page, server }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openSample(page, server);
  await option(page, '第3张：新征程催人奋进').click();
  const bullet = page.locator('.stage .hb-bullet').first();
  await bullet.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('<img src=x onerror=alert(1)>');
  await expect(bullet).toHaveText('<img src=x onerror=alert(1)>');
  await saved(page);
  await page.reload();
  await option(page, '第3张：新征程催人奋进').click();
  await expect(page.locator('.stage .hb-bullet').first()).toHaveText('<img src=x onerror=alert(1)>');
  await expect(page.locator('img')).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});

test('the import warnings panel jumps to the slide concerned, and a dismissed warning stays dismissed', async ({ page, server }) => {
  const deckId = await openSample(page, server);
  const deck = await server.api.getDeck({ deckId });
  const warning = deck.warnings.find((w) => w.slideId !== null && w.slideId !== deck.slides[0]!.id)!;
  const at = deck.slides.findIndex((s) => s.id === warning.slideId);
  const open = deck.warnings.filter((w) => !w.dismissed).length;
  await page.getByRole('tab', { name: /导入提示/ }).click();
  const item = page.locator('.warning-item').filter({ hasText: warning.excerpt }).first();
  await item.getByRole('button', { name: `转到第${at + 1}张` }).click();
  await expect(page.locator('.stage .hb-slide')).toHaveAttribute('data-slide-id', warning.slideId!);
  await expect(page.getByRole('option', { name: new RegExp(`^第${at + 1}张：`) })).toHaveAttribute('aria-selected', 'true');
  await item.getByRole('button', { name: '标记为已处理' }).click();
  await expect(page.locator('.warning-item')).toHaveCount(open - 1);
  await expect.poll(async () => (await server.api.getDeck({ deckId })).warnings.find((w) => w.id === warning.id)!.dismissed).toBe(true);
  await page.reload();
  await page.getByRole('tab', { name: /导入提示/ }).click();
  await expect(page.locator('.warning-item')).toHaveCount(open - 1);
});
