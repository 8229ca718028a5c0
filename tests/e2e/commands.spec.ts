// The editor's commands as a PowerPoint or WPS user reaches for them: F5 and Shift+F5, Ctrl+C / Ctrl+V of slides
// into another deck (their figures come along), Delete with the focus on the slide canvas, Ctrl+B, the sorter's
// context menu, and the editor as it was left after a show.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readPdf } from '../unit/export/pdfText.ts';
import { makePng } from '../unit/export/testFiles.ts';
import { expect, goOnAnyway, repoRoot, saved, test, uniqueTitle, withoutProposedCharts, type HuibaoServer } from './fixtures.ts';
import { slideEdits } from '../fixtures/slideEdits.ts';

const SAMPLE = join(repoRoot, 'decks/samples/shangyu-youth-city.txt');
const SHOTS = join(repoRoot, process.env.HUIBAO_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-results/screenshots');

async function importSample(server: HuibaoServer, title = uniqueTitle('命令')): Promise<string> {
  return withoutProposedCharts(server.api, (await server.api.importReport({ fileName: 'shangyu.txt', dataBase64: readFileSync(SAMPLE).toString('base64'), title })).deckId);
}

/** Opens the editor of a deck (the token is adopted on the first load, then kept by the tab). */
async function openDeck(page: Page, server: HuibaoServer, deckId: string): Promise<void> {
  if (!page.url().startsWith(server.origin)) {
    await page.goto(server.url);
    await expect(page).toHaveURL(/#\/$/);
  }
  await page.evaluate((h) => {
    window.location.hash = h;
  }, `#/edit/${deckId}`);
  await expect(page.getByRole('listbox', { name: '幻灯片' })).toBeVisible();
}

const list = (page: Page) => page.getByRole('listbox', { name: '幻灯片' });
const option = (page: Page, n: number) => list(page).getByRole('option', { name: new RegExp(`^第${n}张：`) });
test('F5 starts the show at the first slide, Shift+F5 at the current one — also from a slide text, and the page never reloads', async ({ page, server }) => {
  const deckId = await importSample(server);
  const deck = await server.api.getDeck({ deckId });
  await openDeck(page, server, deckId);
  // A page reload would lose this marker.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  await option(page, 5).click();
  await page.keyboard.press('F5');
  // The sample's figures are not confirmed yet: the pre-flight check is offered first.
  await goOnAnyway(page);
  await expect(page).toHaveURL(new RegExp(`#/present/${deckId}$`));
  await expect(page.locator('.present-page')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('.reveal .slides > section.present .hb-slide')).toHaveAttribute('data-slide-id', deck.slides[0]!.id);
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`#/edit/${deckId}$`));

  // The show ended on slide 1, so the editor is there. From the title of slide 5, Shift+F5 starts the show at slide 5.
  await expect(option(page, 1)).toHaveAttribute('aria-selected', 'true');
  await option(page, 5).click();
  await page.locator('.stage .hb-title').click();
  await expect(page.locator('.stage .hb-title')).toBeFocused();
  await page.keyboard.press('Shift+F5');
  await goOnAnyway(page);
  await expect(page).toHaveURL(new RegExp(`#/present/${deckId}/4$`));
  await expect(page.locator('.present-page')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('.reveal .slides > section.present .hb-slide')).toHaveAttribute('data-slide-id', deck.slides[4]!.id);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});

test('a show is left on the slide where it ended, and the edit made before it can still be undone', async ({ page, server }) => {
  const deckId = await importSample(server);
  const before = await server.api.getDeck({ deckId });
  await openDeck(page, server, deckId);
  await option(page, 3).click();
  await page.keyboard.press('Control+d');
  await expect(list(page).getByRole('option')).toHaveCount(before.slides.length + 1);
  await saved(page);

  // Present from slide 2, move on three slides with clicks and the wheel, end with Esc.
  await option(page, 2).click();
  await page.getByRole('button', { name: '从当前页放映' }).click();
  await goOnAnyway(page);
  await expect(page.locator('.present-page')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('.present-page')).toHaveAttribute('data-position', '1');
  await page.mouse.click(700, 400);
  await page.mouse.click(700, 400);
  await expect(page.locator('.present-page')).toHaveAttribute('data-position', '3');
  await page.mouse.move(700, 400);
  await page.mouse.wheel(0, 120);
  await expect(page.locator('.present-page')).toHaveAttribute('data-position', '4');
  await page.keyboard.press('Escape');

  // Slide 5 of the deck (the copy made above is slide 4) is selected in the editor; undo still removes the copy.
  await expect(page).toHaveURL(new RegExp(`#/edit/${deckId}$`));
  await expect(option(page, 5)).toHaveAttribute('aria-selected', 'true');
  const undo = page.getByRole('button', { name: '撤销' }).first();
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(list(page).getByRole('option')).toHaveCount(before.slides.length);
  await saved(page);
  expect((await server.api.getDeck({ deckId })).slides.map((s) => s.id)).toEqual(before.slides.map((s) => s.id));
});

test('two slides copied with Ctrl+C are pasted into another deck with Ctrl+V, their figures with them', async ({ context, page, server }) => {
  const fromId = await importSample(server);
  const from = await server.api.getDeck({ deckId: fromId });
  // A slide whose text shows figures, and the slide after it.
  const at = from.slides.findIndex((s, i) => i > 0 && i + 1 < from.slides.length && JSON.stringify(s.blocks).includes('{fig:'));
  expect(at).toBeGreaterThan(0);
  const copiedSlides = from.slides.slice(at, at + 2);
  const target = await server.api.createDeck({ title: uniqueTitle('粘贴目标') });

  await openDeck(page, server, fromId);
  await option(page, at + 1).click();
  await option(page, at + 2).click({ modifiers: ['Shift'] });
  await expect(list(page).getByRole('option', { selected: true })).toHaveCount(2);
  await page.keyboard.press('Control+c');

  // Another window of the app, another deck.
  const other = await context.newPage();
  await openDeck(other, server, target.id);
  await list(other).focus();
  await other.keyboard.press('Control+v');
  await expect(list(other).getByRole('option')).toHaveCount(target.slides.length + 2);
  await expect(other.getByRole('status').filter({ hasText: '已粘贴 2 张幻灯片' })).toBeVisible();
  await saved(other);

  const pasted = await server.api.getDeck({ deckId: target.id });
  const titles = pasted.slides.map((s) => s.title);
  expect(titles.slice(1, 3)).toEqual(copiedSlides.map((s) => s.title));
  const keys = [...new Set(copiedSlides.flatMap((s) => [...JSON.stringify(s.blocks).matchAll(/\{fig:([^}]+)\}/g)].map((m) => m[1]!)))];
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) {
    const was = from.figures.find((f) => f.key === key)!;
    expect(pasted.figures.find((f) => f.key === key), key).toMatchObject({ label: was.label, value: was.value, display: was.display });
  }
  // The slide shows the numbers (not “[?]”) on the canvas.
  await expect(other.locator('.stage .fig').first()).toHaveText(/\d/);
  await expect(other.locator('.stage .fig-missing')).toHaveCount(0);

  // Pasted again: the same figures are shared, not doubled.
  await other.keyboard.press('Control+v');
  await expect(list(other).getByRole('option')).toHaveCount(target.slides.length + 4);
  await saved(other);
  expect((await server.api.getDeck({ deckId: target.id })).figures).toHaveLength(pasted.figures.length);
});

test('a pasted slide brings its picture into the other deck', async ({ page, server }) => {
  const fromId = await importSample(server);
  const from = await server.api.getDeck({ deckId: fromId });
  const asset = await server.api.addAsset({ deckId: fromId, dataBase64: Buffer.from(makePng(64, 36, [180, 40, 40])).toString('base64'), mime: 'image/png', caption: '新城', credit: '摄影' });
  const at = from.slides.findIndex((s) => s.layout === 'image');
  const image = from.slides[at]!;
  await slideEdits(server.api).updateSlide({ deckId: fromId, slideId: image.id, patch: { blocks: image.blocks.map((b) => (b.kind === 'image' ? { ...b, assetId: asset.id } : b)) } });
  const target = await server.api.createDeck({ title: uniqueTitle('图片目标') });
  await expect(server.api.getAsset({ deckId: target.id, assetId: asset.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

  await openDeck(page, server, fromId);
  await option(page, at + 1).click();
  await page.keyboard.press('Control+c');
  await openDeck(page, server, target.id);
  await list(page).focus();
  await page.keyboard.press('Control+v');
  await expect(list(page).getByRole('option')).toHaveCount(target.slides.length + 1);
  await saved(page);
  const pasted = (await server.api.getDeck({ deckId: target.id })).slides[1]!;
  expect(pasted.blocks.find((b) => b.kind === 'image')).toMatchObject({ assetId: asset.id });
  expect((await server.api.getAsset({ deckId: target.id, assetId: asset.id })).asset.bytes).toBe(asset.bytes);
});

test('a figure of the same key but another number is pasted under a new key, and the slide shows its own number', async ({ page, server }) => {
  const fromId = await importSample(server);
  const from = await server.api.getDeck({ deckId: fromId });
  const slide = from.slides.find((s) => s.blocks.some((b) => b.kind === 'figure'))!;
  const key = slide.blocks.find((b) => b.kind === 'figure')!.kind === 'figure' ? (slide.blocks.find((b) => b.kind === 'figure') as { key: string }).key : '';
  const figure = from.figures.find((f) => f.key === key)!;
  // A second deck from the same report, whose figure under that key now has another value.
  const toId = await importSample(server);
  await server.api.updateFigure({ deckId: toId, key, value: String(figure.value + 1000) });
  const to = await server.api.getDeck({ deckId: toId });

  await openDeck(page, server, fromId);
  await list(page).getByRole('option', { name: new RegExp(`：${slide.title}$`) }).first().click();
  await page.keyboard.press('Control+c');
  await openDeck(page, server, toId);
  await list(page).focus();
  await page.keyboard.press('Control+v');
  await saved(page);
  const after = await server.api.getDeck({ deckId: toId });
  expect(after.slides).toHaveLength(to.slides.length + 1);
  const pasted = after.slides[1]!;
  const newKey = (pasted.blocks.find((b) => b.kind === 'figure') as { key: string }).key;
  expect(newKey).not.toBe(key);
  expect(after.figures.find((f) => f.key === newKey)).toMatchObject({ value: figure.value, label: figure.label });
  expect(after.figures.find((f) => f.key === key)!.value).toBe(figure.value + 1000);
});

test('Delete works with the focus on the canvas frame; in a slide text it deletes a character', async ({ page, server }) => {
  const deckId = await importSample(server);
  const before = await server.api.getDeck({ deckId });
  await openDeck(page, server, deckId);
  await option(page, 3).click();
  const title = page.locator('.stage .hb-title');
  const text = (await title.textContent())!;

  // In the title, Delete and Backspace edit the text.
  await title.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await expect(title).toHaveText(text.slice(0, -1));
  await page.keyboard.press('Control+z');
  await expect(title).toHaveText(text);

  // A click on the slide outside its texts puts the focus on the frame: Delete deletes the slide.
  const frame = page.getByRole('group', { name: '幻灯片画布' });
  const box = (await frame.boundingBox())!;
  await page.mouse.click(box.x + box.width - 12, box.y + box.height - 12);
  await expect(frame).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(list(page).getByRole('option')).toHaveCount(before.slides.length - 1);
  await expect(page.getByRole('status').filter({ hasText: '已删除 1 张幻灯片' })).toBeVisible();
  await saved(page);
  expect((await server.api.getDeck({ deckId })).slides.map((s) => s.id)).not.toContain(before.slides[2]!.id);
});

test('the sorter context menu lists the slide commands with their shortcuts and runs them on the selection', async ({ page, server }) => {
  // The sample's own title: the screenshot goes into the README's folder.
  const deckId = await importSample(server, '全面建设“青春之城” 奋力走好上虞高质量发展之路');
  const before = await server.api.getDeck({ deckId });
  await page.setViewportSize({ width: 1280, height: 800 });
  await openDeck(page, server, deckId);
  await option(page, 4).click();
  await option(page, 5).click({ modifiers: ['Control'] });
  await option(page, 5).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: '幻灯片操作' });
  await expect(menu).toBeVisible();
  // Both stay selected (the right-click was on a selected slide).
  await expect(list(page).getByRole('option', { selected: true })).toHaveCount(2);
  await expect(menu.getByRole('menuitem', { name: /复制幻灯片/ })).toContainText('Ctrl+D');
  await expect(menu.getByRole('menuitem', { name: /^上移/ })).toContainText('Alt+↑');
  await expect(menu.getByRole('menuitemcheckbox', { name: /隐藏幻灯片/ })).toHaveAttribute('aria-checked', 'false');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'editor-context-menu.png') });

  // Hide both from the menu.
  await menu.getByRole('menuitemcheckbox', { name: /隐藏幻灯片/ }).click();
  await expect(menu).toBeHidden();
  await expect(option(page, 4)).toHaveClass(/is-hidden/);
  await expect(option(page, 5)).toHaveClass(/is-hidden/);
  await saved(page);
  const hidden = (await server.api.getDeck({ deckId })).slides.filter((s) => s.hidden).map((s) => s.id);
  expect(hidden).toEqual([before.slides[3]!.id, before.slides[4]!.id]);

  // From the keyboard: Shift+F10 opens it on the current slide; the arrows and Enter run an item; Esc closes it.
  await list(page).focus();
  await page.keyboard.press('Shift+F10');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(list(page)).toBeFocused();
  await option(page, 6).click({ button: 'right' });
  await expect(list(page).getByRole('option', { selected: true })).toHaveCount(1);
  await menu.getByRole('menuitem', { name: /^复制幻灯片/ }).click();
  await expect(list(page).getByRole('option')).toHaveCount(before.slides.length + 1);
  await expect(option(page, 7)).toHaveAttribute('aria-selected', 'true');
  // Copy and Paste from the menu: the copy lands after the current slide.
  await option(page, 2).click({ button: 'right' });
  await menu.getByRole('menuitem', { name: /^复制\s/ }).click();
  await option(page, 2).click({ button: 'right' });
  await menu.getByRole('menuitem', { name: /^粘贴/ }).click();
  await expect(list(page).getByRole('option')).toHaveCount(before.slides.length + 2);
  await saved(page);
  const now = await server.api.getDeck({ deckId });
  expect(now.slides[2]!.title).toBe(before.slides[1]!.title);
});

test('Ctrl+B emphasises the selected words: stored as markers, shown bold, undone with Ctrl+Z', async ({ page, server }) => {
  const deckId = await importSample(server);
  const deck = await server.api.getDeck({ deckId });
  const at = deck.slides.findIndex((s) => s.layout === 'points');
  const slide = deck.slides[at]!;
  const first = slide.blocks.findIndex((b) => b.kind === 'bullet');
  await slideEdits(server.api).updateSlide({ deckId, slideId: slide.id, patch: { blocks: [{ kind: 'bullet', text: '全年接待游客<b>增长</b>', level: 0 }, ...slide.blocks.slice(first + 1)] } });
  await openDeck(page, server, deckId);
  await option(page, at + 1).click();
  const bullet = page.locator('.stage .hb-bullet').first();
  await bullet.click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Control+b');
  await expect(bullet.locator('strong.hb-em')).toHaveText('全年');
  await saved(page);
  const stored = (await server.api.getDeck({ deckId })).slides[at]!.blocks[0];
  expect(stored).toMatchObject({ text: '{em}全年{/em}接待游客<b>增长</b>' });
  // The words typed as markup stay text; the selection is kept, so typing replaces the emphasised words.
  await expect(bullet).toHaveText('全年接待游客<b>增长</b>');
  await page.keyboard.type('今年');
  await expect(bullet.locator('strong.hb-em')).toHaveText('今年');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(bullet.locator('strong.hb-em')).toHaveCount(0);
  await expect(bullet).toHaveText('全年接待游客<b>增长</b>');
});

test('a slide whose text does not fit even at the smallest size is marked on the canvas and in the sorter, saying what to do', async ({ page, server }) => {
  const deckId = await importSample(server);
  const deck = await server.api.getDeck({ deckId });
  const at = deck.slides.findIndex((s) => s.layout === 'points');
  const long = Array.from({ length: 40 }, (_, i) => ({ kind: 'bullet' as const, text: `第${i + 1}条：全面推进青年发展型城市建设，持续优化青年就业创业、住房保障和公共服务供给体系。`, level: 0 }));
  await slideEdits(server.api).updateSlide({ deckId, slideId: deck.slides[at]!.id, patch: { blocks: long } });
  await openDeck(page, server, deckId);
  await option(page, at + 1).click();
  const note = page.locator('.stage').getByRole('note');
  await expect(note).toContainText('文字超出幻灯片');
  await expect(note).toContainText('请删减文字');
  await expect(page.locator('.canvas-slide')).toHaveClass(/is-overflowing/);
  await expect(option(page, at + 1)).toHaveAttribute('aria-description', /文字超出幻灯片：.*请删减文字/);
  await expect(option(page, at + 1).locator('.flag-overflow')).toHaveText('超出');
  // A slide that fits has no mark.
  await option(page, 1).click();
  await expect(page.locator('.stage').getByRole('note')).toHaveCount(0);
  await expect(option(page, 1)).not.toHaveAttribute('aria-description', /超出/);
});

test('Ctrl+M adds a slide from the title being typed, Ctrl+X and Ctrl+V move slides, Ctrl+S saves a named version', async ({ page, server }) => {
  const deckId = await importSample(server);
  const before = await server.api.getDeck({ deckId });
  await openDeck(page, server, deckId);
  await option(page, 2).click();
  await page.locator('.stage .hb-title').click();
  // Ctrl+M has no meaning in a text: it adds a slide after the current one and puts the caret in its title.
  await page.keyboard.press('Control+m');
  await expect(list(page).getByRole('option')).toHaveCount(before.slides.length + 1);
  await expect(option(page, 3)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.type('新的一页');
  await expect(option(page, 3)).toHaveAccessibleName('第3张：新的一页');

  // Cut slides 4 and 5 (the old 3 and 4), paste them after slide 1.
  await option(page, 4).click();
  await option(page, 5).click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+x');
  await expect(list(page).getByRole('option')).toHaveCount(before.slides.length - 1);
  await expect(page.getByRole('status').filter({ hasText: '已剪切 2 张幻灯片' })).toBeVisible();
  await option(page, 1).click();
  await page.keyboard.press('Control+v');
  await expect(list(page).getByRole('option')).toHaveCount(before.slides.length + 1);
  await expect(option(page, 2)).toHaveAccessibleName(`第2张：${before.slides[2]!.title}`);
  await expect(option(page, 3)).toHaveAccessibleName(`第3张：${before.slides[3]!.title}`);
  await saved(page);
  const titles = (await server.api.getDeck({ deckId })).slides.map((s) => s.title);
  expect(titles.slice(0, 6)).toEqual([before.slides[0]!.title, before.slides[2]!.title, before.slides[3]!.title, before.slides[1]!.title, '新的一页', before.slides[4]!.title]);

  // Ctrl+S saves a version with a name (there is nothing else to save: autosave keeps the deck saved).
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: /已保存版本“手动保存 \d\d:\d\d”/ })).toBeVisible();
  const { revisions } = await server.api.listRevisions({ deckId });
  expect(revisions.filter((r) => !r.auto).map((r) => r.label)).toEqual([expect.stringMatching(/^手动保存 \d\d:\d\d$/)]);
});

test('an export asked for by its command (Ctrl+P) saves what was just typed first', async ({ page, server }) => {
  test.setTimeout(120_000);
  const deckId = await importSample(server);
  const deck = await server.api.getDeck({ deckId });
  const at = deck.slides.findIndex((s) => s.layout === 'points');
  await openDeck(page, server, deckId);
  await option(page, at + 1).click();
  const bullet = page.locator('.stage .hb-bullet').first();
  await bullet.click();
  await page.keyboard.press('End');
  const downloading = page.waitForEvent('download', { timeout: 90_000 });
  // Typed and exported at once, before the autosave's pause has passed.
  await page.keyboard.type('导出前刚输入');
  await page.keyboard.press('Control+p');
  await goOnAnyway(page, '导出');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pages = readPdf(readFileSync((await download.path())!));
  expect(pages.some((p) => p.text.replace(/\s/g, '').includes('导出前刚输入'))).toBe(true);
});
