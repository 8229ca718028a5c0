// PDF export through the system's Chromium (playwright-core): one 1280×720 page per visible slide with the text as
// text — read back here with pdfText.ts, so the check needs no poppler — figures at their current values after an
// update, pictures as images (placeholders never), and the handout (A4, each slide across the page width with its
// notes under it). Finding the browser: HUIBAO_CHROMIUM, else the usual paths.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../decks/common/api.ts';
import { audienceSlides } from '../../../decks/common/audience.ts';
import { chromiumCandidates, CHROMIUM_ENV, findChromium, printHtmlToPdf } from '../../../decks/node/export/pdf.ts';
import { readPdf } from './pdfText.ts';
import { makePng } from './testFiles.ts';
import { useSampleService } from './sampleService.ts';
import { slideEdits } from '../../fixtures/slideEdits.ts';


const t = useSampleService('huibao-pdf-');

async function exportPdf(deckId: string, notes = false): Promise<Uint8Array> {
  const r = await t.service.exportDeck({ deckId, format: 'pdf', ...(notes ? { notes: true } : {}) });
  expect(r.mime).toBe('application/pdf');
  expect(r.fileName).toMatch(notes ? /（讲义）\.pdf$/ : /\.pdf$/);
  return new Uint8Array(Buffer.from(r.dataBase64, 'base64'));
}

describe('PDF export', () => {
  it('has one 16:9 page per visible slide, with the titles and the figures’ current values as text', { timeout: 90_000 }, async () => {
    const deckId = await t.importSample();
    const before = await t.service.getDeck({ deckId });
    const hidden = before.slides[5]!;
    await slideEdits(t.service).updateSlide({ deckId, slideId: hidden.id, patch: { hidden: true, title: '隐藏的幻灯片标题' } });
    // A figure shown on a slide gets a new value: the PDF must show the new one, nowhere the old one.
    const shown = before.figures.find((f) => before.slides.some((s) => !s.hidden && s.id !== hidden.id && s.blocks.some((b) => b.kind === 'figure' && b.key === f.key)))!;
    const updated = await t.service.updateFigure({ deckId, key: shown.key, value: String(shown.value + 111) });
    expect(updated.display).not.toBe(shown.display);
    const deck = await t.service.getDeck({ deckId });
    // What the audience sees: no hidden slides, and no photo slides still waiting for their photo.
    const visible = audienceSlides(deck.slides.filter((s) => !s.hidden));

    const pdf = await exportPdf(deckId);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pages = readPdf(pdf);
    expect(pages).toHaveLength(visible.length);
    for (const p of pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([960, 540]);
    // Each page carries its slide's title (the text of the PDF, not a picture of it).
    visible.forEach((s, i) => expect(pages[i]!.text.replace(/\s/g, '')).toContain(s.title.replace(/\s/g, '').slice(0, 8)));
    const all = pages.map((p) => p.text).join('\n');
    expect(all).not.toContain('隐藏的幻灯片标题');
    // Figure callouts set the number apart from its affixes, but the text runs stay in order.
    expect(all).toContain(updated.display);
    expect(all).not.toContain(shown.display);
  });

  it('--notes gives the handout: A4 pages, each slide with its speaker notes under it', { timeout: 90_000 }, async () => {
    const deckId = await t.importSample();
    const deck = await t.service.getDeck({ deckId });
    const pages = readPdf(await exportPdf(deckId, true));
    const shown = audienceSlides(deck.slides.filter((s) => !s.hidden));
    expect(pages).toHaveLength(shown.length);
    for (const p of pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
    const figures = new Map(deck.figures.map((f) => [f.key, f.display]));
    const withNotes = shown.findIndex((s) => s.notes.length > 40);
    const note = shown[withNotes]!.notes.replace(/\{fig:([A-Za-z0-9_.-]+)\}/g, (_, k: string) => figures.get(k) ?? '[?]');
    expect(pages[withNotes]!.text).toContain('备注');
    expect(pages[withNotes]!.text.replace(/\s/g, '')).toContain(note.replace(/\s/g, '').slice(0, 40));
  });

  it('shows pictures as images, the handout slide across the page width, and no placeholder anywhere', { timeout: 120_000 }, async () => {
    const deck = await t.service.createDeck({ title: '图片' });
    const png = makePng(320, 180, [20, 120, 60]);
    const asset = await t.service.addAsset({ deckId: deck.id, dataBase64: Buffer.from(png).toString('base64'), mime: 'image/png' });
    await slideEdits(t.service).addSlide({ deckId: deck.id, layout: 'image', title: '铺满的照片', blocks: [{ kind: 'image', assetId: asset.id, caption: '', credit: '', fit: 'fill' }], notes: '照片的备注' });
    await slideEdits(t.service).addSlide({ deckId: deck.id, layout: 'image', title: '等照片的幻灯片', blocks: [{ kind: 'image', assetId: null, caption: '图片说明待补', credit: '' }] });
    await slideEdits(t.service).addSlide({ deckId: deck.id, layout: 'points', title: '要点', blocks: [{ kind: 'bullet', text: '第一点', level: 0 }, { kind: 'image', assetId: null, caption: '另一张待补', credit: '' }] });

    const slides = readPdf(await exportPdf(deck.id));
    expect(slides.map((p) => p.text.replace(/\s/g, ''))).toEqual([expect.stringContaining('图片'), expect.stringContaining('铺满的照片'), expect.stringContaining('第一点')]);
    const all = slides.map((p) => p.text).join('');
    for (const gone of ['等照片的幻灯片', '图片说明待补', '另一张待补', '图片待添加']) expect(all).not.toContain(gone);
    expect(slides[0]!.images).toEqual([]);
    expect(slides[2]!.images).toEqual([]);
    // The picture fills the slide's body: 1120 of its 1280 px, on a 960 pt wide page.
    expect(slides[1]!.images).toHaveLength(1);
    expect(slides[1]!.images[0]!.width).toBeGreaterThan(0.85 * 960);

    const handout = readPdf(await exportPdf(deck.id, true));
    expect(handout).toHaveLength(3);
    // A4 with 12 mm margins leaves 527 pt: the slide spans it, so its picture is 1120/1280 of that.
    expect(handout[1]!.images).toHaveLength(1);
    expect(handout[1]!.images[0]!.width).toBeGreaterThan(0.85 * 527);
    expect(handout[1]!.text).toContain('照片的备注');
  });

  it('refuses a printer that returns no PDF, and leaves no temporary file behind', async () => {
    const seen: string[] = [];
    const bad = printHtmlToPdf('<!doctype html><p>x</p>', 'slides', async (path) => {
      seen.push(path);
      return new TextEncoder().encode('not a pdf');
    });
    await expect(bad).rejects.toMatchObject({ code: 'EXPORT_FAILED' });
    expect(seen).toHaveLength(1);
    expect(() => readFileSync(seen[0]!)).toThrow();
  });
});

describe('finding Chromium', () => {
  it('takes HUIBAO_CHROMIUM first, and says so when it points nowhere', () => {
    const exists = (p: string) => p === '/opt/chrome' || p === '/usr/bin/chromium';
    expect(findChromium({ [CHROMIUM_ENV]: '/opt/chrome' }, 'linux', exists)).toBe('/opt/chrome');
    expect(() => findChromium({ [CHROMIUM_ENV]: '/nowhere/chrome' }, 'linux', exists)).toThrow(/HUIBAO_CHROMIUM.*\/nowhere\/chrome/);
  });

  it('then the usual places of each platform, Edge included on Windows', () => {
    expect(findChromium({}, 'linux', (p) => p === '/usr/bin/chromium-browser')).toBe('/usr/bin/chromium-browser');
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(chromiumCandidates('win32', {})).toContain(edge);
    expect(findChromium({}, 'win32', (p) => p === edge)).toBe(edge);
    expect(findChromium({}, 'darwin', (p) => p.includes('Google Chrome.app'))).toMatch(/Google Chrome$/);
  });

  it('names the variable to set when no browser is found', () => {
    let error: unknown;
    try {
      findChromium({}, 'linux', () => false);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('EXPORT_FAILED');
    expect((error as ApiError).en).toContain(CHROMIUM_ENV);
    expect((error as ApiError).zh).toContain(CHROMIUM_ENV);
  });
});
