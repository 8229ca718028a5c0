// Presenting the sample deck: keys (arrows, Space, PageDown, Home/End, a number then Enter, B/W), the overview and
// leaving, the console and the audience window in step, no request leaving the machine, no slide overflowing, and
// screenshots of the audience view and the console.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { audienceSlides } from '../../decks/common/audience.ts';
import type { Deck } from '../../decks/common/model.ts';
import { expect, goOnAnyway, repoRoot, test, withoutProposedCharts, type HuibaoServer } from './fixtures.ts';
import { slideEdits } from '../fixtures/slideEdits.ts';

const SAMPLE = join(repoRoot, 'decks/samples/shangyu-youth-city.txt');
// Into test-results/ on every run (a test run must not change tracked files); HUIBAO_SCREENSHOTS=docs refreshes the README's.
const SHOTS = join(repoRoot, process.env.HUIBAO_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-results/screenshots');

/** The DOM of an element as far as the overflow check reads it (the test files are type-checked without the DOM lib). */
interface Measured {
  className: string;
  scrollWidth: number;
  scrollHeight: number;
  clientWidth: number;
  clientHeight: number;
  querySelectorAll(selector: string): ArrayLike<Measured>;
}

/**
 * The sample deck, without the photo slides still waiting for their photo: those are left out of a show (see
 * pictures.spec.ts), and these tests count the slides a show presents; nor the chart the import proposes (hidden).
 */
async function importSample(server: HuibaoServer, title: string): Promise<Deck> {
  const dataBase64 = readFileSync(SAMPLE).toString('base64');
  const { deckId } = await server.api.importReport({ fileName: 'shangyu-youth-city.txt', dataBase64, title });
  await withoutProposedCharts(server.api, deckId);
  const deck = await server.api.getDeck({ deckId });
  const shown = new Set(audienceSlides(deck.slides).map((s) => s.id));
  const waiting = deck.slides.filter((s) => !shown.has(s.id)).map((s) => s.id);
  if (waiting.length > 0) await slideEdits(server.api).deleteSlides({ deckId, slideIds: waiting });
  return server.api.getDeck({ deckId });
}

/** Opens a route of the app in `page` (the token is adopted on the first load, then kept by the tab). */
async function open(page: Page, server: HuibaoServer, hash: string): Promise<void> {
  await page.goto(server.url);
  await expect(page).toHaveURL(/#\/$/);
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

async function openShow(page: Page, server: HuibaoServer, deckId: string, index = 0): Promise<void> {
  await open(page, server, `#/present/${deckId}${index > 0 ? `/${index}` : ''}`);
  await expect(page.locator('.present-page')).toHaveAttribute('data-ready', 'true');
}

/** Opens a show on the show's own page, as an audience window or a copied address does. */
async function openShowPage(page: Page, server: HuibaoServer, deckId: string, index = 0): Promise<void> {
  await open(page, server, '#/');
  await page.goto(`${server.origin}/present.html#/present/${deckId}${index > 0 ? `/${index}` : ''}`);
  await expect(page.locator('.present-page')).toHaveAttribute('data-ready', 'true');
}

/** The shown slide: its position among shown slides and the id of the slide reveal.js presents. */
async function expectAt(page: Page, position: number, slideId: string): Promise<void> {
  await expect(page.locator('.present-page')).toHaveAttribute('data-position', String(position));
  await expect(page.locator('.reveal .slides > section.present .hb-slide')).toHaveAttribute('data-slide-id', slideId);
}

test('the sample deck is driven by keys: arrows, Space, PageDown, Home/End, a number then Enter, black and white out', async ({ page, server }) => {
  const deck = await importSample(server, '放映键盘测试');
  // Hide one slide: the show skips it and counts one fewer.
  const hidden = deck.slides[2]!;
  await slideEdits(server.api).updateSlide({ deckId: deck.id, slideId: hidden.id, patch: { hidden: true } });
  const shown = audienceSlides(deck.slides).filter((s) => s.id !== hidden.id);
  const at = (n: number) => shown[n]!.id;

  await openShow(page, server, deck.id);
  // The show counts its slides itself (reveal.js holds only a window of them).
  await expect(page.getByRole('progressbar', { name: '放映进度' })).toHaveAttribute('aria-valuemax', String(shown.length));
  await expect(page.locator(`.reveal [data-slide-id="${hidden.id}"]`)).toHaveCount(0);
  await expectAt(page, 0, at(0));
  // The audience view never shows notes (reveal.js's own notes box stays empty).
  await expect(page.locator('.console-notes-text')).toHaveCount(0);
  await expect(page.locator('.speaker-notes')).toHaveText('');
  const notes = deck.slides.map((s) => s.notes.trim().slice(0, 12)).filter((n) => n.length >= 8);
  expect(notes.length).toBeGreaterThan(0);
  for (const n of notes) await expect(page.locator('body')).not.toContainText(n);

  await page.keyboard.press('ArrowRight');
  await expectAt(page, 1, at(1));
  await page.keyboard.press('Space');
  await expectAt(page, 2, at(2));
  await page.keyboard.press('PageDown');
  await expectAt(page, 3, at(3));
  await page.keyboard.press('ArrowLeft');
  await expectAt(page, 2, at(2));
  await page.keyboard.press('PageUp');
  await expectAt(page, 1, at(1));
  await page.keyboard.press('End');
  await expectAt(page, shown.length - 1, at(shown.length - 1));
  await page.keyboard.press('ArrowRight'); // past the end: stays
  await expectAt(page, shown.length - 1, at(shown.length - 1));
  await page.keyboard.press('Home');
  await expectAt(page, 0, at(0));
  // The fragment follows the slide (its index in the deck, counting the hidden one).
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(new RegExp(`#/present/${deck.id}/1$`));

  // A number then Enter: slide 12 as the audience counts.
  await page.keyboard.press('1');
  await page.keyboard.press('2');
  await expect(page.locator('.present-jump')).toContainText('12');
  await page.keyboard.press('Enter');
  await expectAt(page, 11, at(11));
  await expect(page.locator('.present-jump')).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`#/present/${deck.id}/${deck.slides.findIndex((s) => s.id === at(11))}$`));
  // A number beyond the end goes to the last slide.
  await page.keyboard.type('999');
  await page.keyboard.press('Enter');
  await expectAt(page, shown.length - 1, at(shown.length - 1));
  await page.keyboard.press('Home');

  // B blacks out and B brings the slide back; W whites out; a clicker's next also brings it back.
  await page.keyboard.press('b');
  await expect(page.locator('.present-blank-black')).toBeVisible();
  await expect(page.locator('.present-page')).toHaveAttribute('data-blank', 'black');
  await page.keyboard.press('b');
  await expect(page.locator('.present-blank')).toHaveCount(0);
  await page.keyboard.press('.');
  await expect(page.locator('.present-blank-black')).toBeVisible();
  await page.keyboard.press('w');
  await expect(page.locator('.present-blank-white')).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(page.locator('.present-blank')).toHaveCount(0);
  await expectAt(page, 1, at(1));

  // G opens the grid of all slides; the arrows move through it and Enter opens one. O opens it too; Esc closes it,
  // and Esc again ends the show.
  const grid = page.getByRole('dialog', { name: '所有幻灯片' });
  await page.keyboard.press('g');
  await expect(grid).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expectAt(page, 2, at(2));
  await expect(grid.locator('[aria-current="true"]')).toHaveAccessibleName(`第 3 / ${shown.length} 张`);
  await page.keyboard.press('Enter');
  await expect(grid).toHaveCount(0);
  await expectAt(page, 2, at(2));
  await page.keyboard.press('o');
  await expect(grid).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(grid).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`#/present/${deck.id}`));
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`#/edit/${deck.id}$`));
});

test('opening at a slide index starts there; figures show their current values', async ({ page, server }) => {
  const deck = await importSample(server, '放映起始页测试');
  const figureSlide = deck.slides.findIndex((s) => s.blocks.some((b) => b.kind === 'figure'));
  const figureKey = deck.slides[figureSlide]!.blocks.flatMap((b) => (b.kind === 'figure' ? [b.key] : []))[0]!;
  await server.api.updateFigure({ deckId: deck.id, key: figureKey, value: '8.8' });
  await openShow(page, server, deck.id, figureSlide);
  await expectAt(page, figureSlide, deck.slides[figureSlide]!.id);
  await expect(page.locator(`.reveal section.present [data-fig="${figureKey}"] .hb-callout-number`)).toHaveText('8.8');
  await expect(page.locator('.reveal').getByText(/\{fig:/)).toHaveCount(0);
});

test('an audience window the desktop app could not place asks to be moved, and F makes it full screen', async ({ page, server }) => {
  const deck = await importSample(server, '手动放置观众窗口');
  await page.goto(server.url);
  await expect(page).toHaveURL(/#\/$/);
  // What the Electron host opens under Wayland: the show with ?place=manual.
  await page.evaluate((id) => {
    window.history.replaceState(null, '', `?place=manual#/`);
    window.location.hash = `#/present/${id}`;
  }, deck.id);
  await expect(page.locator('.present-page')).toHaveAttribute('data-ready', 'true');
  const hint = page.getByRole('status').filter({ hasText: '请把这个窗口拖到投影仪' });
  await expect(hint).toBeVisible();
  await expect(page.locator('.present-hint')).toHaveCount(0);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'present-place-manually.png') });
  await page.keyboard.press('f');
  await expect(hint).toHaveCount(0);
  await page.keyboard.press('f');
  await expect(hint).toBeVisible();
});

test('a long show on its own page: a window of slides in reveal.js, every slide in the grid, Esc back to the editor on the last one shown', async ({ page, server }) => {
  const sample = await importSample(server, '长篇放映测试');
  // Three times the sample's slides (57 shown).
  await slideEdits(server.api).duplicateSlides({ deckId: sample.id, slideIds: sample.slides.map((s) => s.id) });
  await slideEdits(server.api).duplicateSlides({ deckId: sample.id, slideIds: sample.slides.map((s) => s.id) });
  const deck = await server.api.getDeck({ deckId: sample.id });
  const shown = audienceSlides(deck.slides);
  const n = shown.length;
  expect(n).toBeGreaterThan(50);

  await openShowPage(page, server, deck.id);
  await expect(page).toHaveURL(new RegExp(`/present\.html#/present/${deck.id}$`));
  // The show's own lean bundle, not the editor's.
  const scripts = await page.locator('script[src]').evaluateAll((els) => els.map((e) => e.getAttribute('src')));
  expect(scripts).toHaveLength(1);
  expect(scripts[0]).toMatch(/\/assets\/present-[\w-]+\.js$/);
  await expectAt(page, 0, shown[0]!.id);
  // reveal.js holds the shown slide and its neighbours only; the progress bar counts them all.
  const sections = page.locator('.reveal .slides > section');
  await expect(sections).toHaveCount(3);
  const progress = page.getByRole('progressbar', { name: '放映进度' });
  await expect(progress).toHaveAttribute('aria-valuemax', String(n));
  await expect(progress).toHaveAttribute('aria-valuenow', '1');
  await expect(page.locator('.present-counter')).toHaveText(`1 / ${n}`);

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expectAt(page, 2, shown[2]!.id);
  await expect(sections).toHaveCount(5);
  await page.keyboard.type('40');
  await page.keyboard.press('Enter');
  await expectAt(page, 39, shown[39]!.id);
  await expect(sections).toHaveCount(5);
  await expect(page.locator('.reveal .slides > section.present')).toHaveAttribute('aria-label', `第 40 / ${n} 张`);
  await expect(progress).toHaveAttribute('aria-valuenow', '40');
  await page.keyboard.press('End');
  await expectAt(page, n - 1, shown[n - 1]!.id);
  await expect(sections).toHaveCount(3);
  await page.keyboard.press('ArrowLeft');
  await expectAt(page, n - 2, shown[n - 2]!.id);

  // The grid shows every slide, not the window; one far away opens from it.
  await page.keyboard.press('g');
  const grid = page.getByRole('dialog', { name: '所有幻灯片' });
  await expect(grid.getByRole('button')).toHaveCount(n);
  await grid.getByRole('button', { name: `第 12 / ${n} 张` }).click();
  await expect(grid).toHaveCount(0);
  await expectAt(page, 11, shown[11]!.id);
  await expect(page.locator('.reveal .slides > section.present .hb-title')).toHaveText(shown[11]!.title);
  await page.keyboard.press('ArrowRight');
  await expectAt(page, 12, shown[12]!.id);

  // Esc: the editor (the app's page) opens on the slide the show ended on.
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`/index\.html#/edit/${deck.id}$`));
  const ended = deck.slides.findIndex((s) => s.id === shown[12]!.id);
  await expect(page.getByRole('listbox', { name: '幻灯片' }).getByRole('option', { name: new RegExp(`^第${ended + 1}张：`) })).toHaveAttribute('aria-selected', 'true');
});

test('the console and the audience window stay in step, whichever drives', async ({ context, server }) => {
  const deck = await importSample(server, '放映同步测试');
  // What the audience sees: the picture placeholders are left out.
  const shown = audienceSlides(deck.slides);
  const consolePage = await context.newPage();
  await open(consolePage, server, `#/console/${deck.id}`);
  await expect(consolePage.locator('.console-page')).toHaveAttribute('data-position', '0');
  const audience = await context.newPage();
  // On the show's own page, as the console's audience window is.
  await openShowPage(audience, server, deck.id, 5);
  // The console was there first: the audience joins at the console's slide.
  await expectAt(audience, 0, shown[0]!.id);

  await consolePage.bringToFront();
  await consolePage.keyboard.press('ArrowRight');
  await consolePage.keyboard.press('PageDown');
  await expect(consolePage.locator('.console-page')).toHaveAttribute('data-position', '2');
  await expectAt(audience, 2, shown[2]!.id);
  // Notes, the next slide and “n / N” on the console.
  await expect(consolePage.locator('.console-counter')).toContainText(`3 / ${shown.length}`);
  await expect(consolePage.locator('.console-notes-text')).toContainText(shown[2]!.notes.trim().slice(0, 10));
  await expect(consolePage.locator('.console-next .hb-slide')).toHaveAttribute('data-slide-id', shown[3]!.id);

  // Jump from the list.
  await consolePage.getByRole('navigation', { name: '幻灯片列表' }).getByRole('button').nth(9).click();
  await expectAt(audience, 9, shown[9]!.id);
  // A number then Enter on the console.
  await consolePage.keyboard.type('15');
  await consolePage.keyboard.press('Enter');
  await expectAt(audience, 14, shown[14]!.id);

  // Black out from the console, and back.
  await consolePage.getByRole('button', { name: '黑屏' }).click();
  await expect(audience.locator('.present-blank-black')).toBeVisible();
  await expect(consolePage.locator('.console-current .console-badge')).toHaveText('黑屏');
  await consolePage.keyboard.press('b');
  await expect(audience.locator('.present-blank')).toHaveCount(0);

  // The audience window drives too.
  await audience.bringToFront();
  await audience.keyboard.press('ArrowLeft');
  await expect(consolePage.locator('.console-page')).toHaveAttribute('data-position', '13');
  await audience.keyboard.press('w');
  await expect(consolePage.locator('.console-page')).toHaveAttribute('data-blank', 'white');
  await audience.keyboard.press('w');

  // The stopwatch started with the first move; the countdown warns in the last two minutes, then shows over-time.
  await consolePage.bringToFront();
  await expect(consolePage.getByTestId('elapsed')).not.toHaveText('0:00', { timeout: 5_000 });
  const target = consolePage.getByLabel('目标时长');
  await target.fill('1');
  await expect(consolePage.locator('.countdown')).toHaveClass(/level-warn/);
  await target.fill('0.01');
  await expect(consolePage.locator('.countdown')).toHaveClass(/level-over/);
  await expect(consolePage.locator('.countdown .console-time-value')).toHaveText(/^\+\d+:\d\d$/);
  // Typing into the field does not move slides.
  await expect(consolePage.locator('.console-page')).toHaveAttribute('data-position', '13');
  await target.fill('');

  // A−/A+ change the notes size, and it is remembered.
  const size = Number(await consolePage.locator('.console-notes-text').getAttribute('data-size'));
  await consolePage.getByRole('button', { name: '放大备注字号' }).click();
  await expect(consolePage.locator('.console-notes-text')).toHaveAttribute('data-size', String(size + 4));
  await consolePage.reload();
  await expect(consolePage.locator('.console-notes-text')).toHaveAttribute('data-size', String(size + 4));
  await consolePage.getByRole('button', { name: '缩小备注字号' }).click();
  await expect(consolePage.locator('.console-notes-text')).toHaveAttribute('data-size', String(size));
});

test('the console opens the audience window itself', async ({ context, page, server }) => {
  const deck = await importSample(server, '放映窗口测试');
  await open(page, server, `#/console/${deck.id}`);
  const [popup] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: '打开观众窗口' }).click()]);
  await expect(popup.locator('.present-page')).toHaveAttribute('data-ready', 'true');
  await expect(popup).toHaveURL(new RegExp(`/present\\.html#/present/${deck.id}$`));
  await page.keyboard.press('ArrowRight');
  await expectAt(popup, 1, deck.slides[1]!.id);
  await page.getByRole('button', { name: '结束放映' }).click();
  await expect(page).toHaveURL(new RegExp(`#/edit/${deck.id}$`));
  await expect.poll(() => popup.isClosed()).toBe(true);
});

test('no request leaves the machine during a whole presentation', async ({ context, server }) => {
  test.setTimeout(120_000);
  const deck = await importSample(server, '放映离线测试');
  // What the audience sees: the picture placeholders are left out.
  const shown = audienceSlides(deck.slides);
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const consolePage = await context.newPage();
  await open(consolePage, server, `#/console/${deck.id}`);
  const audience = await context.newPage();
  await openShow(audience, server, deck.id);
  for (let i = 1; i < shown.length; i += 1) {
    await audience.keyboard.press('ArrowRight');
    await expectAt(audience, i, shown[i]!.id);
  }
  await audience.keyboard.press('g'); // the grid of all slides renders many slides at once
  await expect(audience.getByRole('dialog', { name: '所有幻灯片' })).toBeVisible();
  await expect(audience.locator('.show-overview .hb-slide').first()).toBeVisible();
  await audience.keyboard.press('g');
  await consolePage.bringToFront();
  await consolePage.keyboard.press('Home');
  await expect(consolePage.locator('.console-page')).toHaveAttribute('data-position', '0');
  const local = new URL(server.origin).host;
  const foreign = requests.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return false;
    return url.host !== local;
  });
  expect(requests.length).toBeGreaterThan(3);
  expect(foreign).toEqual([]);
});

test('no slide of the sample deck overflows in the presentation; screenshots of the show and the console', async ({ page, context, server }) => {
  test.setTimeout(120_000);
  const deck = await importSample(server, '全面建设“青春之城” 奋力走好上虞高质量发展之路');
  // What the audience sees: the picture placeholders are left out.
  const shown = audienceSlides(deck.slides);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openShow(page, server, deck.id);
  mkdirSync(SHOTS, { recursive: true });
  const problems: string[] = [];
  for (let i = 0; i < shown.length; i += 1) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    const slide = shown[i]!;
    await expectAt(page, i, slide.id);
    const view = page.locator('.reveal .slides > section.present .hb-slide');
    await expect(view).toHaveAttribute('data-fit', /.+/);
    const found = await view.evaluate((node) => {
      const root = node as unknown as Measured;
      const out: string[] = [];
      if (root.className.includes('hb-overflow')) out.push('flagged hb-overflow');
      for (const el of Array.from(root.querySelectorAll('.hb-body, .hb-cover, .hb-head .hb-title, .hb-callout, .hb-bullet, .hb-quote'))) {
        if (el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2) out.push(`${el.className}: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
      }
      return out;
    });
    problems.push(...found.map((p) => `slide ${i + 1} (${slide.layout}): ${p}`));
    const name = { 0: 'present-title', 1: 'present-figures', 5: 'present-section-figures', 6: 'present-points' }[i];
    if (name) {
      // The pointer toolbar and the key hint fade on their own: take the picture the audience sees.
      await expect(page.locator('.present-page')).not.toHaveClass(/show-chrome/, { timeout: 8_000 });
      await page.waitForTimeout(450);
      await page.screenshot({ path: join(SHOTS, `${name}.png`) });
    }
  }
  expect(problems).toEqual([]);

  await page.keyboard.press('Home');
  await page.keyboard.press('g');
  await expect(page.getByRole('dialog', { name: '所有幻灯片' })).toBeVisible();
  await expect(page.locator('.show-overview .hb-slide[data-fit]').nth(7)).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, 'present-overview.png') });
  await page.keyboard.press('Escape');
  await page.keyboard.press('End');

  const consolePage = await context.newPage();
  await consolePage.setViewportSize({ width: 1440, height: 900 });
  await open(consolePage, server, `#/console/${deck.id}`);
  // The console joins the show where it is (the last slide): start again from the top, as a presenter would.
  await expect(consolePage.locator('.console-page')).toHaveAttribute('data-position', String(shown.length - 1));
  await consolePage.keyboard.press('Home');
  await consolePage.keyboard.press('ArrowRight');
  await consolePage.keyboard.press('ArrowRight');
  await expect(consolePage.locator('.console-page')).toHaveAttribute('data-position', '2');
  await consolePage.getByLabel('目标时长').fill('20');
  await consolePage.locator('body').click({ position: { x: 5, y: 895 } });
  await expect(consolePage.locator('.console-notes-text')).not.toBeEmpty();
  await consolePage.waitForTimeout(300);
  await consolePage.screenshot({ path: join(SHOTS, 'present-console.png') });
});

test('the show answers the mouse and keys as PowerPoint does, lists its keys on ?, and the console opens from the editor', async ({ page, server }) => {
  const deck = await importSample(server, '放映鼠标测试');
  await open(page, server, `#/edit/${deck.id}`);
  await page.getByRole('button', { name: '演讲者视图' }).click();
  await goOnAnyway(page);
  await expect(page).toHaveURL(new RegExp(`#/console/${deck.id}$`));
  await expect(page.locator('.console-page')).toHaveAttribute('data-position', '0');
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`#/edit/${deck.id}$`));

  await page.getByRole('button', { name: '从头放映' }).click();
  await goOnAnyway(page);
  await expect(page.locator('.present-page')).toHaveAttribute('data-ready', 'true');
  const shown = audienceSlides(deck.slides);
  const at = (n: number) => shown[n]!.id;
  // A click and the wheel move on; a right-click and Backspace go back.
  await page.mouse.click(640, 360);
  await expectAt(page, 1, at(1));
  await page.mouse.move(640, 360);
  await page.mouse.wheel(0, 200);
  await expectAt(page, 2, at(2));
  await page.waitForTimeout(300);
  await page.mouse.wheel(0, -200);
  await expectAt(page, 1, at(1));
  await page.mouse.click(640, 360);
  await page.mouse.click(640, 360);
  await expectAt(page, 3, at(3));
  await page.mouse.click(640, 360, { button: 'right' });
  await expectAt(page, 2, at(2));
  await page.keyboard.press('Backspace');
  await expectAt(page, 1, at(1));

  // ? lists the keys; Esc closes the list first, then ends the show.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: '放映快捷键' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /下一张/ })).toContainText('单击 · 滚轮向下');
  await expect(help.getByRole('row', { name: /结束放映/ })).toContainText('Esc');
  await expect(help.getByRole('row', { name: /显示所有幻灯片/ })).toContainText('G');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`#/present/${deck.id}`));
  // A click on the grid opens that slide.
  await page.keyboard.press('g');
  await page.getByRole('dialog', { name: '所有幻灯片' }).getByRole('button', { name: `第 5 / ${shown.length} 张` }).click();
  await expectAt(page, 4, at(4));
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`#/edit/${deck.id}$`));
  await expect(page.getByRole('listbox', { name: '幻灯片' }).getByRole('option', { name: /^第5张/ })).toHaveAttribute('aria-selected', 'true');
});
