// Screenshots of the editor with the sample deck, for the README: `node tests/bench/editor.screenshots.mjs` after a build.
// Starts `huibao serve` on a fresh database (which imports the sample), drives Chromium, writes docs/screenshots/*.png.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startHuibao } from './benchDecks.mjs';

const root = new URL('../../', import.meta.url).pathname;
const out = join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'huibao-shots-'));
const { child, url } = await startHuibao(join(dir, 'huibao.db'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: 'zh-CN' });
  await page.goto(url);
  await page.locator('.deck-card a').first().click();
  const list = page.getByRole('listbox', { name: '幻灯片' });
  await list.waitFor();
  // The editor: a content slide with a figure in its text, its notes in the inspector.
  await list.getByRole('option', { name: /^第12张/ }).click();
  await page.locator('.stage .hb-bullet').nth(1).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(out, 'editor.png') });
  // The figures panel.
  await list.getByRole('option', { name: /^第2张/ }).click();
  await page.getByRole('tab', { name: '数据' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '地区生产总值增长', exact: true }) });
  // A value changed (and so in its history), as after a last-minute correction.
  await row.getByRole('textbox').fill('5.8');
  await row.getByRole('textbox').press('Enter');
  await page.locator('.save-status', { hasText: '已保存' }).waitFor();
  await row.getByRole('button', { name: '历史' }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(out, 'editor-figures.png') });
  // The import warnings panel.
  await page.getByRole('tab', { name: /导入提示/ }).click();
  await page.locator('.warning-item').nth(2).getByRole('button', { name: /^转到第/ }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(out, 'editor-warnings.png') });
  console.log(`Screenshots written to ${out}`);
} finally {
  await browser.close();
  child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
