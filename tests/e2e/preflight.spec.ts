// 放映前检查 as staff meet it: F5 offers the check when something is found; they open it, add the missing photo from
// the finding, and present. On a report with numbers that disagree, the check names both places, a figure is confirmed
// from its finding, a finding is dismissed (and stays so), and an export offers the check too.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openEditor, openImportedDeck, repoRoot, saved, test, uniqueTitle, type HuibaoServer } from './fixtures.ts';
import { paintPhoto } from './photos.ts';

const SHOTS = join(repoRoot, process.env.HUIBAO_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-results/screenshots');

test('F5 offers the check; staff add the missing photo from its finding, and present', async ({ page, server }) => {
  test.setTimeout(120_000);
  const deck = await server.api.createDeck({ title: uniqueTitle('城市更新汇报') });
  const cover = deck.slides[0]!;
  await server.api.saveEdits({
    deckId: deck.id,
    slides: [
      { id: 'points1', layout: 'points', title: '主要成效', blocks: [{ kind: 'bullet', text: '城市更新全面提速', level: 0 }], notes: '先讲成效。', hidden: false },
      { id: 'photo1', layout: 'image', title: '新城全景', blocks: [{ kind: 'image', assetId: null, caption: '新城鸟瞰（待补）', credit: '' }], notes: '请大家看新城全景。', hidden: false },
    ],
    order: [cover.id, 'points1', 'photo1'],
  });
  await openEditor(page, server, deck.id);

  // F5: one thing to look at, so the check is offered before the show.
  await page.keyboard.press('F5');
  const offer = page.getByRole('dialog', { name: '放映前检查' });
  await expect(offer).toBeVisible();
  await expect(offer).toContainText('发现 1 项需要注意的问题，其中 0 项须处理');
  await offer.getByRole('button', { name: '检查' }).click();
  await expect(offer).toBeHidden();
  await expect(page).toHaveURL(/#\/edit\//);

  // The check, open in the side panel: the missing photo, on slide 3, with its caption.
  await expect(page.getByRole('tab', { name: '放映前检查' })).toHaveAttribute('aria-selected', 'true');
  const panel = page.locator('.preflight-panel');
  await expect(panel.getByRole('status')).toHaveText('0 项须处理，共 1 项待看');
  const finding = panel.locator('[data-finding="missing-photo"]');
  await expect(finding).toContainText('缺少照片');
  await expect(finding).toContainText('缺少 1 张照片（新城鸟瞰（待补））');
  await expect(finding.getByRole('button', { name: '转到第3张' })).toBeVisible();

  // Its fix: the picture chooser, for that frame.
  const photo = await paintPhoto(page, { width: 1600, height: 900 });
  const choosing = page.waitForEvent('filechooser');
  await finding.getByRole('button', { name: '添加照片' }).click();
  await (await choosing).setFiles({ name: '新城全景.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(page.locator('.stage .hb-image-img')).toBeVisible();
  await saved(page);
  await expect(panel.getByRole('status')).toHaveText('没有发现问题，可以放映。');
  await expect(panel.locator('[data-finding]')).toHaveCount(0);

  // Now F5 presents at once, and the photo is in the show.
  await page.keyboard.press('F5');
  await expect(page.locator('.present-page')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByRole('dialog', { name: '放映前检查' })).toHaveCount(0);
  await expect(page.locator('.reveal .slides > section')).toHaveCount(3);
  await page.keyboard.press('End');
  await expect(page.locator('.reveal .slides > section.present .hb-image-img')).toBeVisible();
  const stored = await server.api.getDeck({ deckId: deck.id });
  expect(stored.slides[2]!.blocks[0]).toMatchObject({ kind: 'image', caption: '新城鸟瞰（待补）' });
  expect((stored.slides[2]!.blocks[0] as { assetId: string | null }).assetId).not.toBeNull();
});

const FAULTY_REPORT = `青溪区2025年工作总结

一、经济运行稳中有进
全年地区生产总值增长5.5%，增速居全市第2位。一般公共预算收入完成12.6亿元，同比增长4.1%。
全区固定资产投资完成86.5亿元，其中工业投资52.3亿元、基础设施投资40.1亿元。
城乡居民收入分别增长6.3%和8.1%。

二、民生保障持续加强
地区生产总值增长5.8%，经济运行总体平稳。全年新增城镇就业1.2万人，城镇调查失业率下降0.3个百分点。
`;

test('numbers that disagree: both places named, a figure confirmed and a finding dismissed from the check, export offers it too', async ({ page, server }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(server.url);
  await page.getByTestId('import-input').setInputFiles({ name: '青溪区工作总结.txt', mimeType: 'text/plain', buffer: Buffer.from(FAULTY_REPORT) });
  const imported = page.getByRole('dialog', { name: '报告已导入' });
  // The consistency check ran at import.
  await expect(imported).toContainText('数据一致性检查发现以下数字可能有误');
  await expect(imported).toContainText('“地区生产总值增长”一处是 5.5%，另一处是 5.8%');
  await expect(imported).toContainText('“其中”所列 52.3亿元 + 40.1亿元 合计超过总数 86.5亿元');
  const { deckId } = await openImportedDeck(page, imported);

  await page.getByRole('tab', { name: '放映前检查' }).click();
  const panel = page.locator('.preflight-panel');
  const block = panel.getByRole('region', { name: '须处理' });
  await expect(block.locator('[data-finding="consistency"]')).toHaveCount(2);
  const mismatch = block.locator('[data-finding="consistency"]').filter({ hasText: '5.8%' });
  // Both places: each report sentence, with the slide that shows it.
  await expect(mismatch.locator('.finding-source')).toHaveCount(2);
  await expect(mismatch.locator('.finding-source').first()).toContainText('全年地区生产总值增长5.5%，增速居全市第2位。');
  await expect(mismatch.locator('.finding-source').nth(1)).toContainText('地区生产总值增长5.8%，经济运行总体平稳。');

  // The panel as staff see it (docs/screenshots/preflight.png), on the slide of the first finding.
  const jump = mismatch.getByRole('button', { name: /^转到第\d+张$/ });
  const n = /第(\d+)张/.exec((await jump.textContent())!)![1];
  await jump.click();
  await expect(page.locator('.stage-counter')).toHaveText(new RegExp(`^第 ${n} / \\d+ 张$`));
  await panel.evaluate((el) => el.closest('.side-body')?.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, 'preflight.png') });

  // Confirm one figure from its finding: it leaves the list and shows as confirmed in 数据.
  const unconfirmed = panel.locator('[data-finding="unconfirmed"]');
  const before = await unconfirmed.count();
  expect(before).toBeGreaterThan(3);
  const first = unconfirmed.first();
  const label = (await first.locator('.warning-message').textContent())!.replace(/^“(.+?)”.*$/s, '$1');
  await first.getByRole('button', { name: '确认无误' }).click();
  await expect(unconfirmed).toHaveCount(before - 1);
  const figure = (await server.api.getDeck({ deckId })).figures.find((f) => f.label === label)!;
  expect(typeof figure.confirmedAt).toBe('string');

  // A finding dismissed leaves the list, and stays dismissed after a reload.
  const summary = await panel.getByRole('status').textContent();
  const dismissable = unconfirmed.nth(1);
  const dismissedLabel = (await dismissable.locator('.warning-message').textContent())!;
  await dismissable.getByRole('button', { name: '忽略' }).click();
  await expect(panel.locator('[data-finding="unconfirmed"]').filter({ hasText: dismissedLabel })).toHaveCount(0);
  await expect(panel.getByRole('status')).not.toHaveText(summary!);
  await page.reload();
  await page.getByRole('tab', { name: '放映前检查' }).click();
  await expect(panel.getByRole('status')).toBeVisible();
  await expect(panel.locator('[data-finding="unconfirmed"]').filter({ hasText: dismissedLabel })).toHaveCount(0);
  await panel.getByRole('checkbox', { name: '显示已忽略' }).check();
  await expect(panel.locator('[data-finding="unconfirmed"].is-dismissed').filter({ hasText: dismissedLabel })).toHaveCount(1);

  // Export: the check is offered; 仍然导出 exports.
  await page.getByRole('toolbar', { name: '编辑工具栏' }).getByRole('button', { name: '导出', exact: true }).click();
  await page.getByRole('menu', { name: '导出' }).getByRole('menuitem', { name: 'PowerPoint (.pptx)' }).click();
  const offer = page.getByRole('dialog', { name: '放映前检查' });
  await expect(offer).toContainText('其中 2 项须处理');
  const downloading = page.waitForEvent('download');
  await offer.getByRole('button', { name: '仍然导出' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/\.pptx$/);
});

test('the check lists a slide whose text does not fit, as the editor measured it, and its fix hides the slide', async ({ page, server }) => {
  test.setTimeout(90_000);
  const deck = await server.api.createDeck({ title: uniqueTitle('超长要点') });
  const long = Array.from({ length: 40 }, (_, i) => ({ kind: 'bullet' as const, text: `第${i + 1}条：全面推进青年发展型城市建设，持续优化青年就业创业、住房保障和公共服务供给体系。`, level: 0 }));
  await server.api.saveEdits({ deckId: deck.id, slides: [{ id: 'long1', layout: 'points', title: '重点工作', blocks: long, notes: '逐条讲。', hidden: false }] });
  await openEditor(page, server, deck.id);
  await expect(page.getByRole('listbox', { name: '幻灯片' }).getByRole('option', { name: /^第2张/ }).locator('.flag-overflow')).toHaveText('超出');

  await page.getByRole('tab', { name: '放映前检查' }).click();
  const panel = page.locator('.preflight-panel');
  await expect(panel.getByRole('status')).toHaveText('1 项须处理，共 1 项待看');
  const finding = panel.locator('[data-finding="overflow"]');
  await expect(finding).toContainText('文字放不下这张幻灯片');
  await expect(finding.getByRole('button', { name: '转到第2张' })).toBeVisible();
  await finding.getByRole('button', { name: '隐藏此页' }).click();
  // Hidden, it no longer overflows the show: what is left is the note that it is hidden.
  await expect(panel.locator('[data-finding="hidden"]')).toHaveCount(1);
  await expect(panel.locator('[data-finding="overflow"]')).toHaveCount(0);
  await expect(panel.getByRole('status')).toHaveText('0 项须处理，共 1 项待看');
  await expect.poll(async () => (await server.api.getDeck({ deckId: deck.id })).slides[1]!.hidden).toBe(true);
});
