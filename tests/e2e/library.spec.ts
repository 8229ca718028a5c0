// The deck library, driven like a person: decks made through the API show up and open; new (which opens the deck),
// rename (the old name selected), duplicate, delete with undo and the trash work through the UI; search and sort; a
// .huibao file through the import picker, and “（副本）” for a second copy of a name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, repoRoot, test, uniqueTitle } from './fixtures.ts';
import { slideEdits } from '../fixtures/slideEdits.ts';

test('a deck created through the API appears in the library and opens on its title slide', async ({ page, server }) => {
  const title = uniqueTitle('接口创建的汇报');
  const deck = await server.api.createDeck({ title });
  await page.goto(server.url);
  // The token leaves the address bar at once.
  await expect(page).toHaveURL(/#\/$/);
  const card = page.locator('.deck-card', { has: page.getByRole('link', { name: `打开“${title}”` }) });
  await expect(card).toBeVisible();
  await expect(card).toContainText('1 张幻灯片');
  await card.getByRole('link', { name: `打开“${title}”` }).click();
  await expect(page).toHaveURL(new RegExp(`#/edit/${deck.id}$`));
  await expect(page.getByRole('option', { name: `第1张：${title}` })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.stage .hb-slide.layout-title .hb-title')).toHaveText(title);
  await page.getByRole('link', { name: '返回演示文稿列表' }).click();
  await expect(page.getByRole('heading', { name: '我的演示文稿' })).toBeVisible();
});

test('new, rename, delete with undo, and restore from the trash through the UI', async ({ page, server }) => {
  const first = uniqueTitle('季度工作汇报');
  const renamed = `${first}（修订）`;
  await page.goto(server.url);
  const deckList = page.getByRole('list', { name: '演示文稿列表' }).or(page.getByText('还没有演示文稿'));
  await expect(deckList.first()).toBeVisible();

  // New deck: the dialog asks for a title; an empty one is refused with a message.
  await page.getByRole('button', { name: '新建演示文稿' }).click();
  const newDialog = page.getByRole('dialog', { name: '新建演示文稿' });
  await expect(newDialog).toBeVisible();
  await newDialog.getByRole('button', { name: '创建' }).click();
  await expect(newDialog.getByRole('alert')).toHaveText('请输入标题');
  await newDialog.getByLabel('标题').fill(first);
  await newDialog.getByRole('button', { name: '创建' }).click();
  await expect(newDialog).toBeHidden();
  // The new deck opens at once, on its cover.
  await expect(page).toHaveURL(/#\/edit\//);
  await expect(page.locator('.stage .hb-slide.layout-title .hb-title')).toHaveText(first);
  await page.getByRole('link', { name: '返回演示文稿列表' }).click();
  await expect(page.getByRole('link', { name: `打开“${first}”` })).toBeVisible();

  // Rename: the old name is selected, so typing replaces it.
  await page.getByRole('button', { name: `重命名“${first}”` }).click();
  const renameDialog = page.getByRole('dialog', { name: '重命名演示文稿' });
  await expect(renameDialog.getByLabel('新标题')).toHaveValue(first);
  await expect(renameDialog.getByLabel('新标题')).toBeFocused();
  expect(await renameDialog.getByLabel('新标题').evaluate((el) => {
    const input = el as unknown as { selectionStart: number; selectionEnd: number; value: string };
    return [input.selectionStart, input.selectionEnd, input.value.length];
  })).toEqual([0, first.length, first.length]);
  await page.keyboard.type(renamed);
  await expect(renameDialog.getByLabel('新标题')).toHaveValue(renamed);
  await renameDialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('link', { name: `打开“${renamed}”` })).toBeVisible();
  await expect(page.getByRole('link', { name: `打开“${first}”` })).toHaveCount(0);
  const stored = (await server.api.listDecks({})).decks.find((d) => d.title === renamed);
  expect(stored).toBeDefined();

  // Delete → toast with undo → back again.
  await page.getByRole('button', { name: `删除“${renamed}”` }).click();
  const toast = page.getByRole('status').filter({ hasText: '已移至回收站' });
  await expect(toast).toBeVisible();
  await expect(page.getByRole('link', { name: `打开“${renamed}”` })).toHaveCount(0);
  await toast.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByRole('link', { name: `打开“${renamed}”` })).toBeVisible();
  expect((await server.api.listDecks({ trash: true })).decks.some((d) => d.id === stored!.id)).toBe(false);

  // Delete again, then restore it from the trash view.
  await page.getByRole('button', { name: `删除“${renamed}”` }).click();
  await expect(page.getByRole('link', { name: `打开“${renamed}”` })).toHaveCount(0);
  await page.getByRole('button', { name: '回收站' }).click();
  await expect(page.getByRole('heading', { name: '回收站' })).toBeVisible();
  await page.getByRole('button', { name: `还原“${renamed}”` }).click();
  await expect(page.getByRole('status').filter({ hasText: `已还原“${renamed}”` })).toBeVisible();
  await page.getByRole('button', { name: '返回我的演示文稿' }).click();
  await expect(page.getByRole('link', { name: `打开“${renamed}”` })).toBeVisible();

  // Delete forever: only after confirming.
  await page.getByRole('button', { name: `删除“${renamed}”` }).click();
  await page.getByRole('button', { name: '回收站' }).click();
  await page.getByRole('button', { name: `彻底删除“${renamed}”` }).click();
  const confirm = page.getByRole('alertdialog', { name: '彻底删除演示文稿？' });
  await expect(confirm).toContainText(renamed);
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('button', { name: `还原“${renamed}”` })).toBeVisible();
  await page.getByRole('button', { name: `彻底删除“${renamed}”` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '彻底删除' }).click();
  await expect(page.getByRole('button', { name: `还原“${renamed}”` })).toHaveCount(0);
  const all = [...(await server.api.listDecks({})).decks, ...(await server.api.listDecks({ trash: true })).decks];
  expect(all.some((d) => d.id === stored!.id)).toBe(false);
});

test('the library can be worked with the keyboard alone', async ({ page, server }) => {
  const title = uniqueTitle('键盘操作');
  await page.goto(server.url);
  await page.getByRole('button', { name: '新建演示文稿' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type(title);
  await page.keyboard.press('Enter');
  // Created and opened.
  await expect(page.getByRole('listbox', { name: '幻灯片' })).toBeVisible();
  expect((await server.api.listDecks({})).decks.some((d) => d.title === title)).toBe(true);
  await page.getByRole('link', { name: '返回演示文稿列表' }).click();
  const link = page.getByRole('link', { name: `打开“${title}”` });
  await expect(link).toBeVisible();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox', { name: '幻灯片' })).toBeVisible();
});

test('search by title and sort by name, creation or last change', async ({ page, server }) => {
  const tag = uniqueTitle('排序');
  // Created in this order; then the first is edited, so it is the most recently changed.
  const names = [`${tag} 中期报告`, `${tag} 北区简报`, `${tag} 上虞汇报`];
  const made = [];
  for (const title of names) made.push(await server.api.createDeck({ title }));
  await slideEdits(server.api).updateSlide({ deckId: made[0]!.id, slideId: made[0]!.slides[0]!.id, patch: { notes: '改过' } });
  await page.goto(server.url);
  const search = page.getByRole('searchbox', { name: '搜索演示文稿' });
  await search.fill(tag);
  const titles = page.getByRole('list', { name: '演示文稿列表' }).locator('.deck-title');
  await expect(titles).toHaveText([names[0]!, names[2]!, names[1]!]);
  const sort = page.getByRole('combobox', { name: '排序' });
  await sort.selectOption({ label: '名称' });
  // By name, as Chinese readers order them (pinyin): 北 bei, 上 shang, 中 zhong.
  await expect(titles).toHaveText([names[1]!, names[2]!, names[0]!]);
  await sort.selectOption({ label: '创建时间' });
  await expect(titles).toHaveText([names[2]!, names[1]!, names[0]!]);
  // Words in any order; a search with no match says so.
  await search.fill(`上虞 ${tag.split(' ')[1]}`);
  await expect(titles).toHaveText([names[2]!]);
  await search.fill(`${tag} 不存在的词`);
  await expect(page.getByText(`没有标题含“${tag} 不存在的词”的演示文稿。`)).toBeVisible();
  // The chosen order is kept for the next visit.
  await page.reload();
  await expect(page.getByRole('combobox', { name: '排序' })).toHaveValue('created');
});

test('the import picker takes a .huibao file; opening it twice, and duplicating, give “（副本）” names', async ({ page, server }) => {
  const title = uniqueTitle('带去开会');
  const { deckId } = await server.api.importReport({ fileName: 'sample.txt', dataBase64: readFileSync(join(repoRoot, 'decks/samples/shangyu-youth-city.txt')).toString('base64'), title });
  const bundle = await server.api.exportDeck({ deckId, format: 'huibao' });
  const file = { name: `${title}.huibao`, mimeType: 'application/octet-stream', buffer: Buffer.from(bundle.dataBase64, 'base64') };
  await page.goto(server.url);
  await expect(page.getByTestId('import-input')).toHaveAttribute('accept', /\.huibao/);

  // Through the import button (whose hint names .huibao): the bundle opens as a new deck, in the editor.
  for (const expected of [`${title}（副本）`, `${title}（副本 2）`]) {
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入报告' }).click();
    const chooser = await choosing;
    expect(chooser.isMultiple()).toBe(false);
    await chooser.setFiles(file);
    await expect(page).toHaveURL(/#\/edit\//);
    await expect(page.locator('.deck-view-title h1')).toHaveText(expected);
    await page.getByRole('link', { name: '返回演示文稿列表' }).click();
  }

  // Duplicating the original: the next free copy name.
  const card = page.locator('.deck-card', { has: page.getByRole('link', { name: `打开“${title}”` }) });
  await card.hover();
  await card.getByRole('button', { name: `为“${title}”创建副本` }).click();
  await expect(page.getByRole('status').filter({ hasText: `已创建“${title}（副本 3）”` })).toBeVisible();
  await expect(page.getByRole('link', { name: `打开“${title}（副本 3）”` })).toBeVisible();
  const names = (await server.api.listDecks({})).decks.map((d) => d.title).filter((n) => n.startsWith(title));
  expect(names.sort()).toEqual([title, `${title}（副本 2）`, `${title}（副本 3）`, `${title}（副本）`].sort());
});
