// Contact sheets of decks generated from corpus reports, for looking at them as a whole: `node tests/bench/deck.contactsheets.mjs`
// after a build. Starts `huibao serve` on a fresh database, imports each report through the API, exports it as HTML,
// lays it out for printing (one 1280×720 page per slide, as the PDF export does), screenshots every slide
// (test-results/contact/<report>/NN.png) and writes one grid of them per deck to docs/screenshots/contact-<report>.png.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startHuibao } from './benchDecks.mjs';

const root = new URL('../../', import.meta.url).pathname;
const REPORTS = ['01-yunxi-government-work-report.txt', '02-binjiang-hightech-zone.md', '03-donghu-street-summary.txt'];
const COLUMNS = 5;
const THUMB = { width: 384, height: 216 };

const out = join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'huibao-contact-'));
const { child, call } = await startHuibao(join(dir, 'huibao.db'));
const browser = await chromium.launch({ executablePath: process.env.HUIBAO_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const escapeHtml = (t) => t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
try {
  for (const file of REPORTS) {
    const name = basename(file).replace(/\.[^.]+$/, '');
    const bytes = readFileSync(join(root, 'tests/fixtures/reports', file));
    const { deckId } = await call('importReport', { fileName: file, dataBase64: bytes.toString('base64') });
    const deck = await call('getDeck', { deckId });
    const html = await call('exportDeck', { deckId, format: 'html' });
    const htmlPath = join(dir, `${name}.html`);
    writeFileSync(htmlPath, Buffer.from(html.dataBase64, 'base64'));

    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, locale: 'zh-CN' });
    await page.goto(`${pathToFileURL(htmlPath).href}#print`);
    await page.waitForSelector('html[data-huibao-ready="true"]', { timeout: 60_000 });
    const slides = page.locator('.print-slide .hb-slide');
    const count = await slides.count();
    const shots = join(root, 'test-results/contact', name);
    mkdirSync(shots, { recursive: true });
    const thumbs = [];
    for (let i = 0; i < count; i++) {
      const png = await slides.nth(i).screenshot({ path: join(shots, `${String(i + 1).padStart(2, '0')}.png`) });
      thumbs.push(png.toString('base64'));
    }
    await page.close();

    // The sheet: a grid of the slides, each with its number and title, laid out and shot by the same browser.
    const cells = thumbs
      .map((b64, i) => `<figure><img src="data:image/png;base64,${b64}"><figcaption>${i + 1} · ${escapeHtml(deck.slides.filter((s) => !s.hidden)[i]?.title ?? '')}</figcaption></figure>`)
      .join('');
    const sheet = await browser.newPage({ viewport: { width: COLUMNS * (THUMB.width + 16) + 32, height: 400 }, deviceScaleFactor: 1, locale: 'zh-CN' });
    await sheet.setContent(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
        body { margin: 0; padding: 16px; background: #e7e3dc; font: 14px "Noto Sans CJK SC", sans-serif; color: #333; }
        h1 { font-size: 18px; margin: 0 0 12px; }
        main { display: grid; grid-template-columns: repeat(${COLUMNS}, ${THUMB.width}px); gap: 16px; }
        figure { margin: 0; }
        img { width: ${THUMB.width}px; height: ${THUMB.height}px; display: block; box-shadow: 0 1px 4px rgb(0 0 0 / 0.25); }
        figcaption { margin-top: 4px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      </style></head><body><h1>${escapeHtml(deck.title)} — ${count} 张 · ${escapeHtml(file)}</h1><main>${cells}</main></body></html>`,
    );
    await sheet.screenshot({ path: join(out, `contact-${name}.png`), fullPage: true });
    await sheet.close();
    console.log(`${name}: ${count} slides → docs/screenshots/contact-${name}.png`);
  }
} finally {
  await browser.close();
  child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
