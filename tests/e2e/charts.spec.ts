// Charts bound to figures, as staff use them: three figures ticked in the 数据 panel become a chart (生成图表); a value
// changed in the panel redraws the chart on the canvas, undo puts it back; the show, the PPTX's native chart and the
// PDF's text carry the current value. Figures that do not make a chart are refused with the reason. A label holding
// markup is drawn as text. The inspector changes the kind and the legend, one undo step each. A chart slide in each
// theme is photographed for docs/screenshots/.
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { THEMES } from '../../decks/common/model.ts';
import { expect, openSample, repoRoot, saved, test, type HuibaoServer } from './fixtures.ts';
import { slideEdits } from '../fixtures/slideEdits.ts';

const sorter = (page: Page) => page.getByRole('listbox', { name: '幻灯片' });
const canvasChart = (page: Page) => page.locator('.stage .hb-slide .hb-chart');
/** The text drawn in the chart on the canvas (SVG text nodes). */
const chartTexts = (page: Page) => canvasChart(page).locator('svg text');

const F1 = '地区生产总值增长';
const F2 = '城镇居民收入增长';
const F3 = '农村居民收入增长';

/** Ticks figures in the 数据 panel by their labels and presses 生成图表; the new chart slide is then current. */
async function makeChart(page: Page, labels: string[]): Promise<void> {
  await page.getByRole('tab', { name: '数据' }).click();
  for (const label of labels) await page.getByRole('checkbox', { name: `选择“${label}”用于图表` }).check();
  await page.getByRole('button', { name: `生成图表（${labels.length}）` }).click();
}

async function valueField(page: Page, label: string) {
  return page.getByRole('textbox', { name: `“${label}”的数值`, exact: true });
}

async function chartSlideIndex(server: HuibaoServer, deckId: string): Promise<{ index: number; id: string }> {
  const deck = await server.api.getDeck({ deckId });
  const index = deck.slides.findIndex((s) => !s.hidden && s.blocks.some((b) => b.kind === 'chart'));
  expect(index).toBeGreaterThanOrEqual(0);
  return { index, id: deck.slides[index]!.id };
}

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-e2e-charts-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('three figures become a chart; a value changed in the 数据 panel redraws it, undo puts it back; show, PPTX and PDF carry the new value', async ({ page, server }) => {
  test.setTimeout(120_000);
  const deckId = await openSample(page, server);
  const before = (await server.api.getDeck({ deckId })).slides.length;
  await makeChart(page, [F1, F2, F3]);

  // The new slide is current, and its chart draws the three figures' values as text, with the axis unit.
  await expect(chartTexts(page).filter({ hasText: /^5\.5%$/ })).toHaveCount(1);
  await expect(chartTexts(page).filter({ hasText: F1 })).toHaveCount(1);
  await expect(chartTexts(page).filter({ hasText: /^%$/ })).toHaveCount(1);
  await expect(canvasChart(page)).toHaveAttribute('data-chart-kind', 'column');
  await saved(page);
  expect((await server.api.getDeck({ deckId })).slides.length).toBe(before + 1);
  const { index, id } = await chartSlideIndex(server, deckId);
  // The thumbnail in the sorter draws it too.
  await expect(sorter(page).locator(`[aria-selected="true"] .hb-chart svg text`).filter({ hasText: /^5\.5%$/ })).toHaveCount(1);

  // A new value in the 数据 panel: the bar's label on the canvas changes at once.
  const f1 = await valueField(page, F1);
  await f1.fill('6.1');
  await f1.press('Enter');
  await expect(chartTexts(page).filter({ hasText: /^6\.1%$/ })).toHaveCount(1);
  await expect(chartTexts(page).filter({ hasText: /^5\.5%$/ })).toHaveCount(0);
  await saved(page);

  // Undo brings the old value back on the chart, redo the new one.
  await sorter(page).focus();
  await page.keyboard.press('Control+z');
  await expect(chartTexts(page).filter({ hasText: /^5\.5%$/ })).toHaveCount(1);
  await expect(f1).toHaveValue('5.5');
  await page.keyboard.press('Control+y');
  await expect(chartTexts(page).filter({ hasText: /^6\.1%$/ })).toHaveCount(1);
  await saved(page);
  await page.locator('.stage').screenshot({ path: 'test-results/e2e-artifacts/chart-canvas.png' });

  // The show draws the chart slide with the new value.
  const shown = (await server.api.getDeck({ deckId })).slides.filter((s) => !s.hidden);
  const position = shown.findIndex((s) => s.id === id);
  await page.goto(`${server.origin}/#/present/${deckId}/${index}`);
  await expect(page.locator('.present-page')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('.present-page')).toHaveAttribute('data-position', String(position));
  const showChart = page.locator('.reveal .slides > section.present .hb-chart');
  await expect(showChart.locator('svg text').filter({ hasText: /^6\.1%$/ })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/e2e-artifacts/chart-show.png' });

  // The PPTX holds a native chart whose values are the figures' current ones, its labels in the East Asian font.
  const pptx = await server.api.exportDeck({ deckId, format: 'pptx' });
  const files = unzipSync(new Uint8Array(Buffer.from(pptx.dataBase64, 'base64')));
  const charts = Object.keys(files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
  expect(charts.length).toBeGreaterThanOrEqual(1);
  const chartXmls = charts.map((n) => strFromU8(files[n]!));
  const ours = chartXmls.find((x) => x.includes(F1) && x.includes(F3));
  expect(ours).toBeDefined();
  expect(ours).toContain('<c:v>6.1</c:v>');
  expect(ours).not.toContain('<c:v>5.5</c:v>');
  expect(ours).toMatch(/<a:ea typeface="Microsoft YaHei"\/>/);
  writeFileSync(join(dir, 'deck.pptx'), Buffer.from(pptx.dataBase64, 'base64'));

  // The PDF's text holds the new value on the chart.
  const pdf = await server.api.exportDeck({ deckId, format: 'pdf' });
  writeFileSync(join(dir, 'deck.pdf'), Buffer.from(pdf.dataBase64, 'base64'));
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'deck.pdf'), '-'], { encoding: 'utf8' });
  expect(text).toContain('6.1%');
  expect(text).toContain(F3);
});

test('figures that do not make a chart are refused with the reason, and nothing changes', async ({ page, server }) => {
  const deckId = await openSample(page, server);
  const before = (await server.api.getDeck({ deckId })).slides.length;
  const figures = (await server.api.listFigures({ deckId })).figures;
  const percent = figures.find((f) => f.unit === '%')!;
  const other = figures.find((f) => f.unit !== '%' && f.unit !== '')!;
  await makeChart(page, [percent.label, other.label]);
  await expect(page.getByRole('alert')).toHaveText('所选数据的单位不同，不能画在同一张图表里：请选择单位相同的数据。');
  await page.getByRole('checkbox', { name: `选择“${other.label}”用于图表` }).uncheck();
  await page.getByRole('button', { name: '生成图表（1）' }).click();
  await expect(page.getByRole('alert')).toHaveText('图表至少需要两个数据：请在数据面板中选择两个或更多数据。');
  await saved(page);
  expect((await server.api.getDeck({ deckId })).slides.length).toBe(before);
});

test('a label holding markup is drawn as text on the chart, never as HTML', async ({ page, server }) => {
  const deckId = await openSample(page, server);
  const hostile = '<img src=x onerror=alert(1)>';
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.getByRole('tab', { name: '数据' }).click();
  const name = page.getByRole('textbox', { name: `“${F1}”的名称`, exact: true });
  await name.fill(hostile);
  await name.press('Enter');
  await makeChart(page, [hostile, F2]);
  await expect(canvasChart(page)).toBeVisible();
  await expect(chartTexts(page).filter({ hasText: '<img' })).not.toHaveCount(0);
  const drawn = (await chartTexts(page).allTextContents()).join('');
  expect(drawn).toContain('<img src=x');
  expect(await page.locator('.hb-chart img, .hb-chart foreignObject, .hb-chart script').count()).toBe(0);
  await saved(page);
  // The show and the exported page draw it the same way.
  const { index } = await chartSlideIndex(server, deckId);
  await page.goto(`${server.origin}/#/present/${deckId}/${index}`);
  await expect(page.locator('.reveal .slides > section.present .hb-chart svg text').filter({ hasText: '<img' })).not.toHaveCount(0);
  expect(await page.locator('.hb-chart img').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('the inspector changes the kind, the order and the legend, each one undo step', async ({ page, server }) => {
  await openSample(page, server);
  await makeChart(page, [F1, F2, F3]);
  await expect(canvasChart(page)).toHaveAttribute('data-chart-kind', 'column');
  await page.getByRole('tab', { name: '属性' }).click();
  const inspector = page.locator('.chart-inspector');
  // Three growth rates are no shares of a whole: no pie.
  await expect(inspector.getByRole('radio', { name: '饼图' })).toBeDisabled();
  await inspector.getByRole('radio', { name: '条形图' }).click();
  await expect(canvasChart(page)).toHaveAttribute('data-chart-kind', 'bar');
  await inspector.getByRole('button', { name: `下移“${F1}”` }).click();
  await expect(inspector.locator('.chart-point-name')).toHaveText([F2, F1, F3]);
  await inspector.getByRole('checkbox', { name: '显示图例' }).check();
  await inspector.getByRole('radio', { name: '主题色 2' }).click();
  await expect(inspector.getByRole('radio', { name: '主题色 2' })).toHaveAttribute('aria-checked', 'true');

  await sorter(page).focus();
  await page.keyboard.press('Control+z');
  await expect(inspector.getByRole('radio', { name: '主题色 1' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Control+z');
  await expect(inspector.getByRole('checkbox', { name: '显示图例' })).not.toBeChecked();
  await page.keyboard.press('Control+z');
  await expect(inspector.locator('.chart-point-name')).toHaveText([F1, F2, F3]);
  await page.keyboard.press('Control+z');
  await expect(canvasChart(page)).toHaveAttribute('data-chart-kind', 'column');
});

test('a chart slide in each theme (docs/screenshots/)', async ({ page, server }) => {
  // Grouped columns: last year's values typed by hand (marked), this year's the deck's figures; the legend on.
  const deckId = await openSample(page, server);
  const figures = (await server.api.listFigures({ deckId })).figures;
  const shown = [F1, F2, F3].map((label) => figures.find((f) => f.label === label)!);
  const slide = await slideEdits(server.api).addSlide({
    deckId,
    afterSlideId: null,
    layout: 'points',
    title: '主要经济指标增速对比',
    blocks: [
      {
        kind: 'chart',
        chart: 'column',
        title: '',
        categories: shown.map((f) => f.label),
        series: [
          { name: '2022年', points: [{ value: 4.1 }, { value: 5.2 }, { value: 6.6 }] },
          { name: '2023年', points: shown.map((f) => ({ fig: f.key })) },
        ],
        legend: true,
        color: 0,
      },
    ],
  });
  const index = (await server.api.getDeck({ deckId })).slides.findIndex((s) => s.id === slide.id);
  for (const theme of THEMES) {
    await server.api.setTheme({ deckId, theme });
    // A fresh load each time: the show reads the deck (and its theme) when it opens.
    await page.goto(`${server.origin}/#/present/${deckId}/${index}`);
    await page.reload();
    await page.setViewportSize({ width: 1280, height: 720 });
    const shownSlide = page.locator('.reveal .slides > section.present .hb-slide');
    await expect(shownSlide).toHaveClass(new RegExp(`theme-${theme}`));
    await expect(shownSlide.locator('.hb-chart svg text').filter({ hasText: /^5\.5%$/ })).toHaveCount(1);
    await expect(shownSlide.locator('.hb-chart svg text').filter({ hasText: /^4\.1%\*$/ })).toHaveCount(1);
    await expect(shownSlide.locator('.hb-chart-note')).toHaveText('* 为手动录入的数值');
    // The show's buttons and hints stay out of the picture.
    await page.locator('.present-toolbar, .present-hint, .present-steps, .present-status').evaluateAll((els) => els.forEach((el) => ((el as HTMLElement).style.visibility = 'hidden')));
    await shownSlide.screenshot({ path: join(repoRoot, `docs/screenshots/chart-${theme}.png`) });
    await page.setViewportSize({ width: 1440, height: 900 });
  }
});
