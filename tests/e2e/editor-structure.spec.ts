// The editor's structure edits, driven as a person would: several slides dragged together across sections, a whole
// section moved by its header, insert / duplicate / delete / hide with undo and redo, versions saved and restored
// (and the restore undone), a 300-slide deck in the windowed sorter, and the English interface.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { SlideContent } from '../../decks/common/api.ts';
import { expect, repoRoot, saved, test, withoutProposedCharts, type HuibaoServer } from './fixtures.ts';

const SAMPLE = join(repoRoot, 'decks/samples/shangyu-youth-city.txt');

async function openDeck(page: Page, server: HuibaoServer, deckId: string): Promise<void> {
  await page.goto(server.url);
  await expect(page).toHaveURL(/#\/$/);
  await page.goto(`${server.origin}/#/edit/${deckId}`);
  await expect(page.getByRole('listbox', { name: /幻灯片|Slides/ })).toBeVisible();
}

async function importSample(server: HuibaoServer): Promise<string> {
  return withoutProposedCharts(server.api, (await server.api.importReport({ fileName: 'shangyu.txt', dataBase64: readFileSync(SAMPLE).toString('base64') })).deckId);
}

const list = (page: Page) => page.getByRole('listbox', { name: '幻灯片' });
const titles = async (server: HuibaoServer, deckId: string) => (await server.api.getDeck({ deckId })).slides.map((s) => s.title);

async function dragTo(page: Page, from: { x: number; y: number; width: number; height: number }, to: { x: number; y: number; width: number; height: number }, at: number) {
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 10, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height * at, { steps: 10 });
  await page.mouse.up();
}

test('several selected slides dragged together land in another section, in their order', async ({ page, server }) => {
  const deckId = await importSample(server);
  const before = await titles(server, deckId);
  await openDeck(page, server, deckId);
  await list(page).getByRole('option', { name: '第3张：新征程催人奋进' }).click();
  await list(page).getByRole('option', { name: '第4张：汇报提纲' }).click({ modifiers: ['Control'] });
  await expect(list(page).getByRole('option', { selected: true })).toHaveCount(2);
  const from = (await list(page).getByRole('option', { name: '第4张：汇报提纲' }).boundingBox())!;
  // Below the first pillar's section slide: they join that pillar, at its start.
  const to = (await list(page).getByRole('option', { name: '第5张：兴产业强平台' }).boundingBox())!;
  await dragTo(page, from, to, 0.75);
  await saved(page);
  const after = await titles(server, deckId);
  const expected = [...before];
  expected.splice(2, 2);
  expected.splice(expected.indexOf('兴产业强平台') + 1, 0, '新征程催人奋进', '汇报提纲');
  expect(after).toEqual(expected);
  const deck = await server.api.getDeck({ deckId });
  const moved = deck.slides.find((s) => s.title === '汇报提纲')!;
  expect(deck.slides.find((s) => s.id === moved.section)!.title).toBe('兴产业强平台');
  // Undo puts both back.
  await list(page).focus();
  await page.keyboard.press('Control+z');
  await saved(page);
  expect(await titles(server, deckId)).toEqual(before);
});

test('dragging a section header moves the whole section; Alt+↑ on a section slide moves it past the whole previous section', async ({ page, server }) => {
  const deckId = await importSample(server);
  const deck = await server.api.getDeck({ deckId });
  const original = deck.slides.map((s) => s.title);
  const pillarId = deck.slides.find((s) => s.title === '兴产业强平台')!.id;
  const first = deck.slides.filter((s) => s.section === pillarId).map((s) => s.title);
  await openDeck(page, server, deckId);
  // Drag the first pillar's header above slide 3.
  const header = page.locator('.sorter-header', { hasText: '一、兴产业强平台' });
  const target = list(page).getByRole('option', { name: '第3张：新征程催人奋进' });
  await dragTo(page, (await header.boundingBox())!, (await target.boundingBox())!, 0.25);
  await saved(page);
  const now = await titles(server, deckId);
  expect(now.slice(0, 2)).toEqual(original.slice(0, 2));
  expect(now.slice(2, 2 + first.length)).toEqual(first);
  expect(now.slice(2 + first.length, 4 + first.length)).toEqual(['新征程催人奋进', '汇报提纲']);
  // Sections follow the order: the two slides after the moved pillar now belong to it.
  const moved = await server.api.getDeck({ deckId });
  const pillar = moved.slides.filter((s) => s.section === pillarId).map((s) => s.title);
  expect(pillar).toEqual([...first, '新征程催人奋进', '汇报提纲']);
  // With the keyboard: the second pillar's section slide, Alt+↑, goes before the whole first pillar.
  const second = moved.slides.filter((s) => s.section === moved.slides.find((x) => x.title === '促融合提能级')!.id).map((s) => s.title);
  await list(page).getByRole('option', { name: /：促融合提能级$/ }).click();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(list(page).getByRole('option', { name: '第3张：促融合提能级' })).toHaveAttribute('aria-selected', 'true');
  await saved(page);
  const after = await titles(server, deckId);
  expect(after.slice(2, 2 + second.length)).toEqual(second);
  expect(after.slice(2 + second.length, 2 + second.length + pillar.length)).toEqual(pillar);
});

test('insert a slide of a chosen layout, duplicate, hide and delete — each undone and redone', async ({ page, server }) => {
  const deckId = await importSample(server);
  const before = await titles(server, deckId);
  await openDeck(page, server, deckId);
  await list(page).getByRole('option', { name: '第3张：新征程催人奋进' }).click();

  await page.getByRole('button', { name: '新建幻灯片' }).click();
  await page.getByRole('menuitem', { name: '引言' }).click();
  await expect(list(page).getByRole('option', { name: '第4张：（无标题）' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.stage .hb-slide')).toHaveClass(/layout-quote/);
  // The new slide's title has the focus: type it.
  await page.keyboard.type('会议引言');
  await expect(list(page).getByRole('option', { name: '第4张：会议引言' })).toBeVisible();
  await saved(page);
  expect((await server.api.getDeck({ deckId })).slides[3]).toMatchObject({ layout: 'quote', title: '会议引言' });

  await list(page).focus();
  await page.keyboard.press('Control+d');
  await expect(list(page).getByRole('option', { name: '第5张：会议引言' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: '隐藏' }).click();
  await expect(list(page).getByRole('option', { name: '第5张：会议引言' })).toHaveClass(/is-hidden/);
  await saved(page);
  expect((await server.api.getDeck({ deckId })).slides[4]).toMatchObject({ title: '会议引言', hidden: true });

  await list(page).focus();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('status').filter({ hasText: '已删除 1 张幻灯片' })).toBeVisible();
  await expect(list(page).getByRole('option')).toHaveCount(before.length + 1);
  await page.keyboard.press('Control+z');
  await expect(list(page).getByRole('option')).toHaveCount(before.length + 2);
  await page.keyboard.press('Control+z'); // unhide
  await page.keyboard.press('Control+z'); // un-duplicate
  await page.keyboard.press('Control+z'); // the title typed
  await page.keyboard.press('Control+z'); // un-insert
  await expect(list(page).getByRole('option')).toHaveCount(before.length);
  await saved(page);
  expect(await titles(server, deckId)).toEqual(before);
  await page.keyboard.press('Control+y');
  await expect(list(page).getByRole('option')).toHaveCount(before.length + 1);
  await saved(page);
  expect((await server.api.getDeck({ deckId })).slides).toHaveLength(before.length + 1);
});

test('autosave: what is typed is in the database within a second', async ({ page, server }) => {
  const deckId = await importSample(server);
  await openDeck(page, server, deckId);
  await list(page).getByRole('option', { name: '第3张：新征程催人奋进' }).click();
  const notes = page.getByRole('textbox', { name: '演讲备注' });
  await notes.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('补充说明');
  const typedAt = Date.now();
  await expect.poll(async () => (await server.api.getDeck({ deckId })).slides[2]!.notes, { timeout: 1000, intervals: [100] }).toContain('补充说明');
  expect(Date.now() - typedAt).toBeLessThan(1000);
});

test('a named version is saved, restored, and the restore undone', async ({ page, server }) => {
  const deckId = await importSample(server);
  await openDeck(page, server, deckId);
  await page.getByRole('tab', { name: '版本' }).click();
  await page.getByLabel('版本名称').fill('会前定稿');
  await page.getByRole('button', { name: '保存版本' }).click();
  await expect(page.locator('.history-item', { hasText: '会前定稿' })).toBeVisible();

  // Change the deck after the version: delete slide 3.
  await list(page).getByRole('option', { name: '第3张：新征程催人奋进' }).click();
  await page.keyboard.press('Delete');
  await saved(page);
  const count = (await server.api.getDeck({ deckId })).slides.length;

  await page.locator('.history-item', { hasText: '会前定稿' }).getByRole('button', { name: '恢复' }).click();
  await page.getByRole('button', { name: '确定恢复' }).click();
  await expect(list(page).getByRole('option', { name: '第3张：新征程催人奋进' })).toBeVisible();
  expect((await server.api.getDeck({ deckId })).slides.length).toBe(count + 1);
  // The state before the restore was kept as a version.
  await expect(page.locator('.history-item', { hasText: '恢复前自动保存' })).toBeVisible();
  // And the restore is undoable.
  await list(page).focus();
  await page.keyboard.press('Control+z');
  await expect(list(page).getByRole('option', { name: '第3张：新征程催人奋进' })).toHaveCount(0);
  await saved(page);
  expect((await server.api.getDeck({ deckId })).slides.length).toBe(count);
});

test('a 300-slide deck: the sorter draws only what is in view, and the keyboard reaches every slide', async ({ page, server }) => {
  const deck = await server.api.createDeck({ title: '三百张' });
  const slides: SlideContent[] = Array.from({ length: 300 }, (_, i) => ({
    id: `big${i}`,
    layout: i % 25 === 1 ? 'section' : 'points',
    title: `第${i + 1}页标题`,
    blocks: [{ kind: 'bullet', text: `要点 ${i + 1}`, level: 0 }],
    notes: '',
    hidden: false,
  }));
  await server.api.saveEdits({ deckId: deck.id, slides, removed: [deck.slides[0]!.id], order: slides.map((s) => s.id) });
  await openDeck(page, server, deck.id);
  const options = list(page).getByRole('option');
  await expect(options.first()).toBeVisible();
  expect(await options.count()).toBeLessThan(60);
  await list(page).focus();
  await page.keyboard.press('End');
  await expect(list(page).getByRole('option', { name: '第300张：第300页标题' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.stage .hb-slide .hb-title')).toHaveText('第300页标题');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(list(page).getByRole('option', { name: '第299张：第300页标题' })).toHaveAttribute('aria-selected', 'true');
  await saved(page);
  expect((await server.api.getDeck({ deckId: deck.id })).slides[298]!.title).toBe('第300页标题');
});

test('in English, slides are named “Slide 3: …” and the editor speaks English', async ({ page, server }) => {
  const deckId = await importSample(server);
  await openDeck(page, server, deckId);
  await page.getByRole('button', { name: 'English' }).click();
  const slides = page.getByRole('listbox', { name: 'Slides' });
  await expect(slides.getByRole('option', { name: 'Slide 3: 新征程催人奋进' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Figures' })).toBeVisible();
  await expect(page.locator('.save-status')).toHaveText('Saved');
  await page.getByRole('tab', { name: 'Figures' }).click();
  const input = page.getByRole('textbox', { name: 'Value of “地区生产总值增长”' });
  await input.fill('x1');
  await input.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('“x1” is not a number. Type a value such as 5.8 or 1,286.4.');
  await page.getByRole('button', { name: '中文' }).click();
});
