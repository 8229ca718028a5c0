// Presentation benchmark (`node tests/bench/present.bench.mjs` after `node build.mjs`; also run by `npm run bench`).
// For decks of 50 and 200 slides (the sample report, its slides duplicated through the API of `huibao serve`), side by
// side in the same run and the same browser, three pages:
//   huibao — the presentation route `#/present/<deckId>` of the built renderer, on the show's own page (present.html);
//   bare   — a bare reveal.js page of the same texts as plain headings and lists on reveal's white theme (the
//            reference the issue asks for);
//   themed — a bare reveal.js page with Huibao's theme CSS and the very markup SlideView renders for every slide
//            (rendered here with react-dom/server), reveal.js configured as Huibao configures it. Huibao ÷ themed is
//            the cost of the framework alone (React, loading the deck, fitting text); themed ÷ bare is the theme's.
// Measured identically in every page, by a script injected before the page's own:
//   open   — navigation start → the first slide painted (the first frame in which the present section is displayed
//            with its content, plus the task after that frame); the bundle, the deck data and fonts included;
//   change — a keydown (→) → the new slide painted (same end point), the median of CHANGES presses, each made once the
//            previous fade has ended, as a presenter does; also reveal's `slidechanged` → the next double rAF.
// Each page is opened once to warm caches before timing, and measured in front (a background tab gets no frames).
// Both servers let the browser keep scripts and styles (Huibao's host its hashed bundles) and ask for pages each time.
// Figures only: prints the ratios, asserts nothing.
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { bareSections, makeDeck, startHuibao } from './benchDecks.mjs';

const root = new URL('../../', import.meta.url).pathname;
const REVEAL_DIST = join(root, 'node_modules/reveal.js/dist');
const THEMES = join(root, 'assets/themes');
const PRESENTER_CSS = join(root, 'renderer/src/presenter/presenter.css');
const SIZES = (process.env.BENCH_SIZES ?? '50,200,500').split(',').map(Number);
const OPEN_RUNS = Number(process.env.BENCH_OPEN_RUNS ?? 5);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 30);
/** Longer than the fade (reveal's `fast` is 0.4 s): each press meets a settled slide, as a presenter's does. */
const SETTLE_MS = 600;
const dir = mkdtempSync(join(tmpdir(), 'huibao-present-bench-'));
/** The show's own page where the build has one (a show opened in a window of its own), else the app's page. */
const SHOW_PAGE = existsSync(join(root, 'dist/renderer/present.html')) ? 'present.html' : '';
const progress = (m) => process.env.BENCH_VERBOSE && process.stderr.write(`[present.bench] ${m}\n`);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---- huibao serve, and decks made through its API ----

// ---- The bare reveal.js pages ----

/** Plain: the same texts as headings and lists on reveal's white theme, no framework and no Huibao theme. */
function bareHtml(deck) {
  const sections = bareSections(deck);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bare reveal.js</title>
<link rel="stylesheet" href="/reveal/reveal.css"><link rel="stylesheet" href="/reveal/theme/white.css">
<style>.reveal { font-family: "Noto Sans CJK SC", sans-serif; } .reveal h2 { font-size: 42px; } .reveal li { font-size: 28px; }</style>
</head><body><div class="reveal"><div class="slides">
${sections}
</div></div>
<script type="module">
import Reveal from '/reveal/reveal.mjs';
const deck = new Reveal({ hash: false, history: false, postMessage: false, controls: false, progress: true, center: false, width: 1280, height: 720, margin: 0, transition: 'fade', transitionSpeed: 'fast' });
deck.initialize();
</script></body></html>`;
}

/** SlideView, bundled from the sources, rendered to static markup: what the presenter shows, without React running. */
async function slideMarkupRenderer() {
  const out = join(root, '.bench/present-slides.mjs');
  mkdirSync(join(root, '.bench'), { recursive: true });
  await build({
    stdin: {
      contents: `export { SlideView, figureMap } from './renderer/src/slides/SlideView.tsx';
export { shownSlides } from './renderer/src/presenter/showSlides.ts';
export { renderToStaticMarkup } from 'react-dom/server';
export { createElement } from 'react';`,
      resolveDir: root,
      loader: 'ts',
    },
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    jsx: 'automatic',
    logLevel: 'warning',
  });
  return import(out);
}

/** Themed: Huibao's theme CSS and slide markup in a bare reveal.js page configured like the presenter's. */
function themedHtml(deck, m) {
  const figures = m.figureMap(deck.figures);
  const shown = m.shownSlides(deck);
  const sections = shown
    .map((e) => {
      const slide = m.renderToStaticMarkup(m.createElement(m.SlideView, { slide: e.slide, figures, theme: deck.theme, number: e.number, deckTitle: deck.title, sectionNumber: e.sectionNumber }));
      return `<section aria-label="${e.number} / ${shown.length}"><div class="present-slide">${slide}</div></section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bare reveal.js, Huibao theme</title>
<link rel="stylesheet" href="/reveal/reveal.css"><link rel="stylesheet" href="/themes/base.css"><link rel="stylesheet" href="/themes/${deck.theme}.css">
<link rel="stylesheet" href="/presenter.css">
</head><body><div class="present-page theme-${deck.theme}"><div class="reveal huibao-reveal"><div class="slides">
${sections}
</div></div></div>
<script type="module">
import Reveal from '/reveal/reveal.mjs';
const deck = new Reveal(document.querySelector('.reveal'), { hash: false, history: false, respondToHashChanges: false, postMessage: false, postMessageEvents: false,
  controls: false, progress: true, center: false, width: 1280, height: 720, margin: 0, minScale: 0.05, maxScale: 8, transition: 'fade',
  transitionSpeed: 'fast', backgroundTransition: 'none', jumpToSlide: false, help: false, pause: false, fragments: false, autoAnimate: false,
  autoPlayMedia: false, mouseWheel: false, hideInactiveCursor: true, viewDistance: 3, mobileViewDistance: 3 });
deck.initialize();
</script></body></html>`;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript', '.css': 'text/css' };
function startStatic() {
  const within = (base, rel) => {
    const file = join(base, normalize(rel));
    return file.startsWith(base) ? file : null;
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file =
      path === '/presenter.css' ? PRESENTER_CSS
      : path.startsWith('/reveal/') ? within(REVEAL_DIST, path.slice('/reveal/'.length))
      : path.startsWith('/themes/') ? within(THEMES, path.slice('/themes/'.length))
      : within(dir, path);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    // As Huibao's host serves its hashed bundles (and a CDN serves reveal.js): scripts and styles kept by the browser,
    // the page asked for each time. So both sides open warm with their compiled code cached.
    const page = extname(file) === '.html';
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': page ? 'no-cache' : 'public, max-age=31536000, immutable' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

// ---- Measuring, identically in every page ----

/**
 * Injected before each page's own scripts. `window.__bench.opened` is set to the time (since navigation start) of the
 * task after the first frame in which the present section is displayed with content; `changed` records reveal's
 * `slidechanged` (the event bubbles to the document from reveal's root).
 */
function probe() {
  const afterFrame = (cb) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(performance.now());
      ch.port2.postMessage(0);
    });
  const bench = (window.__bench = { opened: null, changedAt: null, afterFrame });
  document.addEventListener('slidechanged', () => (bench.changedAt = performance.now()), true);
  const shown = () => {
    const s = document.querySelector('.reveal .slides > section.present');
    return !!s && s.childElementCount > 0 && s.getClientRects().length > 0 && document.querySelector('.reveal.ready') !== null;
  };
  const poll = () => {
    if (shown()) {
      afterFrame((t) => {
        bench.opened = t;
        // Heard by openTime without running anything in the page (see there).
        console.debug('__bench_opened', t);
      });
    } else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

async function openTime(page, url) {
  await page.bringToFront();
  await page.goto('about:blank');
  // The page says when its first slide is painted (a console message): polling it from here would inject Playwright's
  // own script into the page as it opens, on the main thread, and delay whichever page is still opening (about 20 ms).
  const opened = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('__bench_opened'), timeout: 60_000 });
  await page.goto(url);
  return Number((await opened).text().split(' ')[1]);
}

/** Presses → `count` times, each after the previous fade has ended; returns key → painted and slidechanged → 2 rAF. */
function changeTimes(page, count, settleMs) {
  return page.evaluate(
    async ({ n, settleMs }) => {
      const b = window.__bench;
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const key = [];
      const changed = [];
      for (let i = 0; i < n; i++) {
        // The section after the shown one, by element: Huibao's reveal.js holds a window of sections that moves
        // after a change, so an index would not name the same slide from one frame to the next.
        const target = document.querySelector('.reveal .slides > section.present')?.nextElementSibling;
        b.changedAt = null;
        const t0 = performance.now();
        const painted = new Promise((resolve) => {
          // Checked in each frame before painting, so the end is the first frame showing the new slide.
          const check = () => {
            if (target && target.classList.contains('present') && target.childElementCount > 0) {
              const ch = new MessageChannel();
              ch.port1.onmessage = () => resolve(performance.now());
              ch.port2.postMessage(0);
            } else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        });
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', code: 'ArrowRight', keyCode: 39, which: 39, bubbles: true }));
        const t1 = await painted;
        while (b.changedAt === null) await frame();
        const tc = b.changedAt;
        await frame();
        await frame();
        const t2 = performance.now();
        key.push(t1 - t0);
        changed.push(t2 - tc);
        await new Promise((r) => setTimeout(r, settleMs));
      }
      return { key, changed };
    },
    { n: count, settleMs },
  );
}

/**
 * Where an opening's time goes, from a Chromium trace of one opening (after the timed ones): the renderer's main
 * thread's time in HTML and CSS parsing, script (compiling and running; layouts a script forces count here), style
 * and layout outside scripts, and paint, and the page's own first-contentful-paint. Top-level events only, so nothing
 * is counted twice.
 */
async function profileOpen(browser, page, url) {
  await page.bringToFront();
  await page.goto('about:blank');
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline'], screenshots: false });
  await openTime(page, url);
  const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
  const opened = await page.evaluate(() => window.__bench.opened);
  // The main thread of the page's renderer: the CrRendererMain thread with the most events in this trace.
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
  const counts = new Map(mains.map((k) => [k, 0]));
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (counts.has(k)) counts.set(k, counts.get(k) + 1);
  }
  const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const kind = (name) =>
    name === 'ParseHTML' || name === 'ParseAuthorStyleSheet' ? 'parse'
    : ['EvaluateScript', 'v8.evaluateModule', 'v8.compile', 'v8.compileModule', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'v8.run'].includes(name) ? 'script'
    : name === 'Layout' || name === 'UpdateLayoutTree' ? 'layout'
    : ['Paint', 'PrePaint', 'Layerize', 'UpdateLayer', 'Commit', 'CompositeLayers', 'RasterTask'].includes(name) ? 'paint'
    : null;
  const top = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && kind(e.name) && e.dur).sort((a, b) => a.ts - b.ts);
  const sums = { parse: 0, script: 0, layout: 0, paint: 0 };
  let until = -Infinity;
  for (const e of top) {
    if (e.ts < until) continue; // inside a counted event
    sums[kind(e.name)] += e.dur / 1000;
    until = e.ts + e.dur;
  }
  return { ...sums, fcp, opened };
}

async function main() {
  const markup = await slideMarkupRenderer();
  const huibao = await startHuibao(join(dir, 'bench.db'));
  let statics = null;
  let browser = null;
  const rows = [];
  const PAGES = ['huibao', 'themed', 'bare'];
  try {
    statics = await startStatic();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    for (const n of SIZES) {
      progress(`making a deck of ${n} slides`);
      const deck = await makeDeck(huibao.call, n, `放映基准 ${n}`);
      writeFileSync(join(dir, `bare-${n}.html`), bareHtml(deck));
      writeFileSync(join(dir, `themed-${n}.html`), themedHtml(deck, markup));
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      await context.addInitScript(probe);
      const pages = {};
      for (const name of PAGES) pages[name] = await context.newPage();
      await pages.huibao.goto(huibao.url); // adopts the token for this tab
      await pages.huibao.waitForURL(/#\/$/);
      const urls = { huibao: `${huibao.origin}/${SHOW_PAGE}#/present/${deck.id}`, themed: `${statics.origin}/themed-${n}.html`, bare: `${statics.origin}/bare-${n}.html` };
      const open = Object.fromEntries(PAGES.map((p) => [p, []]));
      progress('warming up');
      for (const p of PAGES) await openTime(pages[p], urls[p]); // warm-up: caches, fonts, compiled code
      progress('opening');
      for (let r = 0; r < OPEN_RUNS; r++) {
        // Interleaved, so drift in the machine's load falls on every page alike.
        for (const p of PAGES) open[p].push(await openTime(pages[p], urls[p]));
      }
      const change = {};
      for (const p of PAGES) {
        await pages[p].bringToFront();
        await pages[p].waitForTimeout(300);
        progress(`changing slides: ${p}`);
        // BENCH_TRACE=<folder>: a Chromium performance trace of each page's slide changes, for DevTools or Perfetto.
        if (process.env.BENCH_TRACE) await browser.startTracing(pages[p], { path: join(process.env.BENCH_TRACE, `present-${p}-${n}.json`), screenshots: false });
        change[p] = await changeTimes(pages[p], CHANGES, SETTLE_MS);
        if (process.env.BENCH_TRACE) await browser.stopTracing();
      }
      const row = { n };
      for (const p of PAGES) {
        row[p] = { open: median(open[p]), change: median(change[p].key), changed2raf: median(change[p].changed) };
      }
      progress('profiling an opening of each page');
      row.profile = {};
      for (const p of PAGES) row.profile[p] = await profileOpen(browser, pages[p], urls[p]);
      rows.push(row);
      await context.close();
    }
  } finally {
    await browser?.close();
    statics?.server.close();
    huibao.child.kill('SIGTERM');
  }
  const version = JSON.parse(readFileSync(join(REVEAL_DIST, '../package.json'), 'utf8')).version;
  const f = (x) => `${x.toFixed(1).padStart(7)} ms`;
  const ratio = (a, b) => `${(a / b).toFixed(2)}×`.padStart(6);
  console.log(`Presentation vs bare reveal.js ${version} (medians; open over ${OPEN_RUNS} runs, change over ${CHANGES} presses ${SETTLE_MS} ms apart)`);
  console.log('themed = bare reveal.js with Huibao\'s theme CSS and slide markup; ratios are Huibao ÷ bare and Huibao ÷ themed');
  for (const [what, label] of [
    ['open', 'open (navigation → first slide painted)'],
    ['change', 'change (keydown → new slide painted)'],
    ['changed2raf', 'change (slidechanged → second rAF)'],
  ]) {
    console.log(`\n${label}\nslides |    Huibao     themed       bare | ÷bare ÷themed`);
    for (const r of rows) console.log(`${String(r.n).padStart(6)} | ${f(r.huibao[what])} ${f(r.themed[what])} ${f(r.bare[what])} | ${ratio(r.huibao[what], r.bare[what])} ${ratio(r.huibao[what], r.themed[what])}`);
  }
  console.log('\nwhere an opening goes (one traced opening; main thread, ms; script includes the layouts it forces)');
  console.log('slides page   |  parse  script  layout   paint | first contentful paint | first slide painted');
  for (const r of rows) {
    for (const p of PAGES) {
      const q = r.profile[p];
      const ms = (x) => (x == null ? '      —' : x.toFixed(0).padStart(7));
      console.log(`${String(r.n).padStart(6)} ${p.padEnd(6)} | ${ms(q.parse)} ${ms(q.script)} ${ms(q.layout)} ${ms(q.paint)} | ${ms(q.fcp)} ms${' '.repeat(13)} | ${ms(q.opened)} ms`);
    }
  }
  console.log(JSON.stringify({ bench: 'present', rows }));
}

try {
  await main();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
