// The single-file HTML export: one file, nothing fetched from anywhere, the deck as inert JSON. Opened from file://
// in Chromium (playwright-core, the system's browser) with every network request aborted, it shows the first slide,
// S shows the speaker notes (in the file made with them; the file for sending has none), and hostile text stays text
// (no dialog ever opens).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audienceSlides } from '../../../decks/common/audience.ts';
import { EXPORT_PAYLOAD_ELEMENT_ID } from '../../../decks/common/exportPage.ts';
import { ExportPayload } from '../../../decks/common/exportPayload.ts';
import { CHROMIUM_ARGS, findChromium } from '../../../decks/node/export/pdf.ts';
import { jsonForScriptElement } from '../../../decks/node/export/html.ts';
import { findAppRoot, rendererDir } from '../../../decks/node/paths.ts';
import { makePng } from './testFiles.ts';
import { useSampleService } from './sampleService.ts';
import { slideEdits } from '../../fixtures/slideEdits.ts';

const HOSTILE_TITLE = '</script><script>alert(1)</script>';
const HOSTILE_BULLET = '<img src=x onerror=alert(1)> & \u2028 {fig:gdp}';

const t = useSampleService('huibao-html-');
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(rendererDir(findAppRoot()), 'export.html'))) throw new Error('dist/renderer/export.html is missing: run `node build.mjs` first');
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
});
/** The file as sent (without the speaker notes), or with them for the presenter (`notes`). */
async function exportHtml(deckId: string, notes = false): Promise<string> {
  const r = await t.service.exportDeck({ deckId, format: 'html', ...(notes ? { notes: true } : {}) });
  expect(r.mime).toBe('text/html');
  expect(r.fileName).toMatch(notes ? /（含备注）\.html$/ : /[^）]\.html$/);
  return Buffer.from(r.dataBase64, 'base64').toString('utf8');
}

/** The markup outside the two inline scripts (whose text is code and data, not markup). */
function markupOnly(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '<script></script>');
}

/** Opens the file from disk with every request that is not the file itself aborted; returns what it tried to load. */
async function openFile(path: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, offline: true });
  const blocked: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(pathToFileURL(path).href);
  await page.waitForSelector('html[data-huibao-ready="true"]', { timeout: 15_000 });
  return { context, page, blocked, dialogs, errors };
}

describe('single-file HTML export', () => {
  it('is one file: no external references, the deck as JSON that cannot end its element, a CSP that pins the code', async () => {
    const deckId = await t.importSample();
    const html = await exportHtml(deckId);
    const markup = markupOnly(html);
    // Nothing is loaded from anywhere: no src/href attributes, no <link>, no url() but data: in the inline CSS.
    expect(markup).not.toMatch(/\s(src|href|srcset|action|poster)\s*=/i);
    expect(markup).not.toMatch(/<link\b|<iframe\b|<object\b|<embed\b|<base\b/i);
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    for (const m of css.matchAll(/url\(\s*["']?([^"')]*)/g)) expect(m[1]).toMatch(/^data:/);
    expect(css).not.toMatch(/@import/);
    expect(markup.match(/<script\b/g)).toHaveLength(2);
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    // The JSON: parses, validates, and holds no character that could end the element or start markup.
    const json = new RegExp(`<script type="application/json" id="${EXPORT_PAYLOAD_ELEMENT_ID}">([\\s\\S]*?)</script>`).exec(html)![1]!;
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    const payload = ExportPayload.parse(JSON.parse(json));
    const deck = await t.service.getDeck({ deckId });
    // The slides the audience sees: no hidden ones, no picture placeholders (the sample's photo slides wait for photos).
    const shown = audienceSlides(deck.slides.filter((s) => !s.hidden));
    expect(shown.length).toBeLessThan(deck.slides.length);
    expect(payload.deck.slides.map((s) => s.id)).toEqual(shown.map((s) => s.id));
    expect(payload.deck.slides.some((s) => s.blocks.some((b) => b.kind === 'image'))).toBe(false);
    expect(payload.deck.figures.every((f) => f.source === null)).toBe(true);
    // Sent without notes: not one note is in the file.
    expect(payload.notes).toBe(false);
    expect(payload.deck.slides.every((s) => s.notes === '')).toBe(true);
    // The CSP allows exactly the inlined script and style, by hash, and no connections.
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    const script = /<script type="module">([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = (t: string) => createHash('sha256').update(t, 'utf8').digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash(script)}'`);
    expect(csp).toContain(`style-src 'sha256-${hash(css)}'`);
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("default-src 'none'");
  });

  it('escapes what could end a <script> element, and the JSON still reads back the same', () => {
    const value = { a: HOSTILE_TITLE, b: HOSTILE_BULLET, c: '<!-- x -->', d: '\u2029' };
    const text = jsonForScriptElement(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('opens from file:// with the network blocked: the first slide, the notes on S, the next slide on →', { timeout: 60_000 }, async () => {
    const deckId = await t.importSample();
    const sample = await t.service.getDeck({ deckId });
    // Drop the photo slides that wait for a photo (they are left out of the show), and hide one slide: it must not be
    // shown (nor carried in the file).
    const waiting = sample.slides.filter((s) => !audienceSlides([s]).length).map((s) => s.id);
    await slideEdits(t.service).deleteSlides({ deckId, slideIds: waiting });
    const deck = await t.service.getDeck({ deckId });
    const hidden = deck.slides[2]!;
    await slideEdits(t.service).updateSlide({ deckId, slideId: hidden.id, patch: { hidden: true } });
    const path = join(t.dir, 'deck.html');
    writeFileSync(path, await exportHtml(deckId, true));
    expect(readFileSync(path, 'utf8')).not.toContain(hidden.notes.slice(0, 30));
    const { context, page, blocked, dialogs, errors } = await openFile(path);
    try {
      const present = page.locator('.reveal .slides > section.present');
      await expect.poll(() => present.locator('.hb-title').innerText()).toBe(deck.slides[0]!.title);
      await expect.poll(() => page.locator('.present-counter').innerText()).toBe(`1 / ${deck.slides.length - 1}`);
      expect(await page.locator('.export-notes').count()).toBe(0);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('s');
      const notes = page.locator('.export-notes');
      await expect.poll(() => notes.isVisible()).toBe(true);
      const second = deck.slides[1]!;
      expect(second.notes.length).toBeGreaterThan(10);
      // The notes show the figures' current values in place of their references.
      const figures = new Map(deck.figures.map((f) => [f.key, f.display]));
      const expectedNotes = second.notes.replace(/\{fig:([A-Za-z0-9_.-]+)\}/g, (_, k: string) => figures.get(k) ?? '[?]');
      await expect.poll(() => notes.locator('.export-notes-text').innerText()).toBe(expectedNotes.trim());
      // → skips the hidden slide.
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => present.locator('.hb-title').innerText()).toBe(deck.slides[3]!.title);
      await page.keyboard.press('s');
      await expect.poll(() => notes.count()).toBe(0);
      expect(blocked).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('carries the chart engine only when a chart is shown, and then draws it offline as SVG text', { timeout: 60_000 }, async () => {
    const deckId = await t.importSample();
    // The import proposes a chart, hidden: the file without it needs no chart engine.
    const proposed = (await t.service.getDeck({ deckId })).slides.find((s) => s.layout === 'chart')!;
    expect(proposed.hidden).toBe(true);
    const plain = await exportHtml(deckId);
    await slideEdits(t.service).updateSlide({ deckId, slideId: proposed.id, patch: { hidden: false } });
    await slideEdits(t.service).moveSlides({ deckId, slideIds: [proposed.id], afterSlideId: null });
    const charted = await exportHtml(deckId);
    const engine = /renderToVNode/;
    expect(plain).not.toMatch(engine);
    expect(charted).toMatch(engine);
    expect(charted.length - plain.length).toBeGreaterThan(300_000);
    const path = join(t.dir, 'chart.html');
    writeFileSync(path, charted);
    const { context, page, blocked, dialogs, errors } = await openFile(path);
    try {
      const deck = await t.service.getDeck({ deckId });
      const chart = deck.slides[0]!.blocks.find((b) => b.kind === 'chart')!;
      const point = chart.kind === 'chart' ? chart.series[0]!.points.find((p) => p !== null && 'fig' in p) : undefined;
      const shown = deck.figures.find((f) => point && 'fig' in point && f.key === point.fig)!.display;
      const labels = page.locator('.reveal .slides > section.present .hb-chart svg text');
      await expect.poll(() => labels.allTextContents()).toContain(shown);
      expect(blocked).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows hostile text literally and runs none of it; images are inlined as data: URLs', { timeout: 60_000 }, async () => {
    const created = await t.service.createDeck({ title: HOSTILE_TITLE });
    const deckId = created.id;
    const png = makePng(64, 36, [200, 30, 30]);
    const asset = await t.service.addAsset({ deckId, dataBase64: Buffer.from(png).toString('base64'), mime: 'image/png' });
    await slideEdits(t.service).addSlide({
      deckId,
      layout: 'image',
      title: '<b>粗体</b>',
      blocks: [
        { kind: 'bullet', text: HOSTILE_BULLET, level: 0 },
        { kind: 'image', assetId: asset.id, caption: '"><svg onload=alert(2)>', credit: '' },
      ],
      notes: '</script><img src=x onerror=alert(3)>',
    });
    const html = await exportHtml(deckId, true);
    expect(markupOnly(html)).not.toMatch(/<img|onerror|<svg/i);
    const path = join(t.dir, 'hostile.html');
    writeFileSync(path, html);
    const { context, page, blocked, dialogs } = await openFile(path);
    try {
      expect(await page.title()).toBe(HOSTILE_TITLE);
      await expect.poll(() => page.locator('.reveal section.present .hb-title').innerText()).toBe(HOSTILE_TITLE);
      await page.keyboard.press('ArrowRight');
      const slide = page.locator('.reveal section.present .hb-slide');
      await expect.poll(() => slide.locator('.hb-title').innerText()).toBe('<b>粗体</b>');
      expect(await slide.locator('.hb-bullet').innerText()).toContain('<img src=x onerror=alert(1)> &');
      // The only image on the slide is the deck's own picture, decoded from its data: URL.
      const images = slide.locator('img');
      expect(await images.count()).toBe(1);
      expect(await images.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      await expect.poll(() => images.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(64);
      await page.keyboard.press('s');
      await expect.poll(() => page.locator('.export-notes-text').innerText()).toBe('</script><img src=x onerror=alert(3)>');
      await page.waitForTimeout(300);
      expect(dialogs).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('sent without notes: S shows no notes on the projector, and the file holds none', { timeout: 60_000 }, async () => {
    const deckId = await t.importSample();
    const deck = await t.service.getDeck({ deckId });
    // Notes that say more than the slides (the slides quote the report too, so a note's opening may be on a slide).
    const shown = JSON.stringify(deck.slides.map((s) => [s.title, s.blocks]));
    const noted = audienceSlides(deck.slides).find((s) => s.notes.length > 30 && !shown.includes(s.notes.slice(0, 20)))!;
    expect(await exportHtml(deckId, true)).toContain(noted.notes.slice(0, 20));
    const html = await exportHtml(deckId);
    expect(html).not.toContain(noted.notes.slice(0, 20));
    const path = join(t.dir, 'sent.html');
    writeFileSync(path, html);
    const { context, page, errors } = await openFile(path);
    try {
      const present = page.locator('.reveal .slides > section.present');
      await expect.poll(() => present.locator('.hb-title').innerText()).toBe(deck.slides[0]!.title);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => present.locator('.hb-title').innerText()).toBe(audienceSlides(deck.slides)[1]!.title);
      await page.keyboard.press('s');
      await page.waitForTimeout(300);
      expect(await page.locator('.export-notes').count()).toBe(0);
      expect(await page.getByRole('button', { name: /备注|Notes/ }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
