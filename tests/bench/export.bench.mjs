// PDF export benchmark (`node tests/bench/export.bench.mjs` after `node build.mjs`; also run by `npm run bench`).
// For decks of 50 and 200 slides (the sample report, its slides duplicated through the API of `huibao serve`):
//   huibao — `exportDeck {format:'pdf'}` over the loopback API: the single-file HTML is built, printed by the host's
//            Chromium (playwright-core), and the PDF returned as base64. Cold: the first export of a freshly started
//            host, which starts the browser; warm: the exports after it, while the host keeps that browser;
//   reveal — reveal.js's own print-to-PDF of the same slides in the same Chromium: a bare reveal.js page (the same
//            texts as headings and lists, reveal.js's UMD build from node_modules) opened from file:// with
//            `?print-pdf`, `pdf-ready` awaited, then page.pdf({preferCSSPageSize, printBackground}). Cold: a browser
//            started for it; warm: a new page in a browser already running.
// Each round: a host started, one cold and WARM warm exports, then reveal.js cold and WARM warm; RUNS rounds.
// "after menu": another fresh host, told by prepareExport that the export menu opened, and asked for the PDF
// MENU_MS later (a person choosing from the menu); the time of the export alone.
// Figures only: prints times, page counts and the ratios (Huibao ÷ reveal.js); asserts nothing. If LibreOffice is
// installed, the sample PPTX is also converted to PDF (pages rendered with pdftoppm when present) for a look.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { bareSections, makeDeck, startHuibao } from './benchDecks.mjs';

const root = new URL('../../', import.meta.url).pathname;
const REVEAL_DIST = join(root, 'node_modules/reveal.js/dist');
const CHROMIUM = process.env.HUIBAO_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SIZES = [50, 200];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WARM = 2;
const MENU_MS = 1500;
const dir = mkdtempSync(join(tmpdir(), 'huibao-export-bench-'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pageCount = (pdf) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;

/** The same slides as a bare reveal.js page that prints itself with ?print-pdf (reveal's own PDF layout). */
function bareHtml(deck) {
  const sections = bareSections(deck);
  const reveal = pathToFileURL(REVEAL_DIST).href;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bare reveal.js</title>
<link rel="stylesheet" href="${reveal}/reveal.css"><link rel="stylesheet" href="${reveal}/theme/white.css">
<style>.reveal { font-family: "Noto Sans CJK SC", sans-serif; } .reveal h2 { font-size: 42px; } .reveal li { font-size: 28px; }</style>
</head><body><div class="reveal"><div class="slides">
${sections}
</div></div>
<script src="${reveal}/reveal.js"></script>
<script>
window.pdfReady = false;
const deck = new Reveal({ hash: false, history: false, postMessage: false, controls: false, progress: false, center: false, width: 1280, height: 720, margin: 0, pdfSeparateFragments: false });
deck.on('pdf-ready', () => { window.pdfReady = true; });
deck.initialize();
</script></body></html>`;
}

async function revealPrint(browser, path) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    await page.goto(`${pathToFileURL(path).href}?print-pdf`);
    await page.waitForFunction(() => window.pdfReady === true, null, { timeout: 120_000 });
    await page.evaluate(() => document.fonts.ready);
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await page.close();
  }
}

/** One cold print (the browser started for it) and `warm` more in the same browser. */
async function revealPdfs(path, warm) {
  let t0 = performance.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const out = [];
    for (let i = 0; i <= warm; i++) {
      if (i > 0) t0 = performance.now();
      const pdf = await revealPrint(browser, path);
      out.push({ ms: performance.now() - t0, pages: pageCount(pdf), bytes: pdf.length });
    }
    return out;
  } finally {
    await browser.close();
  }
}

async function huibaoPdf(call, deckId) {
  const t0 = performance.now();
  const r = await call('exportDeck', { deckId, format: 'pdf' });
  const pdf = Buffer.from(r.dataBase64, 'base64');
  return { ms: performance.now() - t0, pages: pageCount(pdf), bytes: pdf.length };
}

function libreOfficeLook(call, deckId) {
  return (async () => {
    const soffice = spawnSync('which', ['soffice']).stdout?.toString().trim();
    if (!soffice) {
      console.log('LibreOffice: not installed (which soffice) — PPTX → PDF check skipped');
      return;
    }
    const r = await call('exportDeck', { deckId, format: 'pptx' });
    const pptx = join(dir, 'sample.pptx');
    writeFileSync(pptx, Buffer.from(r.dataBase64, 'base64'));
    const t0 = performance.now();
    const conv = spawnSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', dir, pptx], { encoding: 'utf8', timeout: 180_000 });
    console.log(`LibreOffice: PPTX → PDF in ${((performance.now() - t0) / 1000).toFixed(1)} s (exit ${conv.status})`);
    const outDir = join(root, 'test-results/export-bench');
    spawnSync('mkdir', ['-p', outDir]);
    const ppm = spawnSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '6', join(dir, 'sample.pdf'), join(outDir, 'libreoffice')]);
    if (ppm.status === 0) console.log(`LibreOffice pages rendered to ${outDir}/libreoffice-*.png`);
  })();
}

const db = join(dir, 'bench.db');
let host = await startHuibao(db);
const stopHost = async () => {
  const exited = new Promise((resolve) => host.child.once('exit', resolve));
  host.child.kill('SIGTERM');
  await exited;
};
try {
  const rows = [];
  let sampleId = null;
  for (const n of SIZES) {
    const deck = await makeDeck(host.call, n, `导出基准 ${n}`);
    sampleId ??= deck.id;
    const bare = join(dir, `bare-${n}.html`);
    writeFileSync(bare, bareHtml(deck));
    // Warm the disk cache and both paths once, then alternate the rounds so neither gets the quieter machine.
    await huibaoPdf(host.call, deck.id);
    await revealPdfs(bare, 0);
    const h = { cold: [], warm: [], menu: [] };
    const r = { cold: [], warm: [] };
    let hp = 0;
    let rp = 0;
    for (let i = 0; i < RUNS; i++) {
      // A host of its own for each round: its first export starts the browser.
      await stopHost();
      host = await startHuibao(db);
      for (let w = 0; w <= WARM; w++) {
        const a = await huibaoPdf(host.call, deck.id);
        h[w === 0 ? 'cold' : 'warm'].push(a.ms);
        hp = a.pages;
      }
      await stopHost();
      host = await startHuibao(db);
      await host.call('prepareExport', { format: 'pdf' });
      await new Promise((resolve) => setTimeout(resolve, MENU_MS));
      h.menu.push((await huibaoPdf(host.call, deck.id)).ms);
      const prints = await revealPdfs(bare, WARM);
      prints.forEach((b, w) => r[w === 0 ? 'cold' : 'warm'].push(b.ms));
      rp = prints[0].pages;
    }
    rows.push({ n, huibao: { cold: median(h.cold), warm: median(h.warm), menu: median(h.menu) }, reveal: { cold: median(r.cold), warm: median(r.warm) }, hp, rp });
  }
  const s = (ms) => `${(ms / 1000).toFixed(2).padStart(6)} s`;
  const x = (a, b) => `${(a / b).toFixed(2)}×`.padStart(6);
  console.log(`\nPDF export, medians of ${RUNS} rounds (cold: browser start included; warm: ${WARM} more exports each round, the browser running)`);
  console.log(`after menu: a fresh host's first export, asked for ${MENU_MS} ms after prepareExport (the export menu opened)`);
  console.log('slides |   Huibao cold   warm  after menu | reveal.js cold   warm | ÷reveal cold  warm  after menu÷cold | pages (Huibao, reveal)');
  for (const row of rows) {
    console.log(
      `${String(row.n).padStart(6)} |   ${s(row.huibao.cold)} ${s(row.huibao.warm)}    ${s(row.huibao.menu)} |    ${s(row.reveal.cold)} ${s(row.reveal.warm)} |    ${x(row.huibao.cold, row.reveal.cold)} ${x(row.huibao.warm, row.reveal.warm)}        ${x(row.huibao.menu, row.reveal.cold)} | ${row.hp}, ${row.rp}`,
    );
  }
  console.log(JSON.stringify({ bench: 'export', rows }));
  if (sampleId && !process.env.BENCH_NO_LIBREOFFICE) await libreOfficeLook(host.call, sampleId);
} finally {
  host.child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
