// The deck library, driven like a person: decks made through the API show up and open; new, rename,
// delete with undo and the trash work through the UI.
import { expect, test, uniqueTitle } from './fixtures.ts';

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
  await expect(page.getByRole('link', { name: `打开“${first}”` })).toBeVisible();

  // Rename.
  await page.getByRole('button', { name: `重命名“${first}”` }).click();
  const renameDialog = page.getByRole('dialog', { name: '重命名演示文稿' });
  await expect(renameDialog.getByLabel('新标题')).toHaveValue(first);
  await renameDialog.getByLabel('新标题').fill(renamed);
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
  const link = page.getByRole('link', { name: `打开“${title}”` });
  await expect(link).toBeVisible();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox', { name: '幻灯片' })).toBeVisible();
  expect((await server.api.listDecks({})).decks.some((d) => d.title === title)).toBe(true);
});
