// Editor benchmark (`node tests/bench/editor.bench.mjs` after `node build.mjs`): prints figures, asserts nothing.
// - a 500-slide deck made through the API of `huibao serve`, opened in Debian's Chromium:
//   open until interactive, Alt+↓ move → painted, keystroke → painted (script time and to the next frame; the move
//   also as the CPU time of its task, which a loaded machine does not inflate), JS heap;
// - autosave transaction time: the service's saveEdits in-process on a real SQLite file (p50/p95).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startHuibao } from './benchDecks.mjs';

const root = new URL('../../', import.meta.url).pathname;
const SAMPLE = join(root, 'decks/samples/shangyu-youth-city.txt');
const SLIDES = 500;
const dir = mkdtempSync(join(tmpdir(), 'huibao-bench-'));

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(2)} ms`;
const stats = (xs) => `p50 ${ms(pct(xs, 50))} · p95 ${ms(pct(xs, 95))} · max ${ms(Math.max(...xs))} (n=${xs.length})`;
let seq = 0;
const newId = () => `b${(seq++).toString(36).padStart(6, '0')}`;

/** The sample's slides repeated (new ids, sections every few slides as in the sample) up to `n` slides. */
function grow(slides, n) {
  const out = slides.map(({ section: _, ...s }) => s);
  for (let i = 0; out.length < n; i++) {
    const { section: _, ...s } = slides[i % slides.length];
    out.push({ ...s, id: newId() });
  }
  return out;
}


/** A CPU profile of what runs meanwhile, summed by function (set HUIBAO_BENCH_PROFILE=move or =keys, with an unminified build). */
async function startProfile(page) {
  const profiler = await page.context().newCDPSession(page);
  await profiler.send('Profiler.enable');
  await profiler.send('Profiler.setSamplingInterval', { interval: 100 });
  await profiler.send('Profiler.start');
  return profiler;
}

async function stopProfile(profiler) {
      const { profile } = await profiler.send('Profiler.stop');
      const self = new Map();
      const total = new Map();
      const dt = profile.timeDeltas;
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const parent = new Map();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      profile.samples.forEach((id, i) => {
        const f = byId.get(id).callFrame;
        const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
        self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
        const seen = new Set();
        for (let n = id; n !== undefined; n = parent.get(n)) {
          const name = byId.get(n).callFrame.functionName || '(anon)';
          if (seen.has(name)) continue;
          seen.add(name);
          total.set(name, (total.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
        }
      });
      console.log('inclusive:\n' + [...total].filter(([k]) => /^[A-Z]|^use|fit|flush|diff|resection|arrange|move|render/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 60).map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`).join('\n'));
      console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`).join('\n'));
    }

/** Presses `key` `n` times under a trace; returns the main thread's CPU time (ms) of each task that handled it. */
async function keyTaskCpu(page, key, n) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] } });
  for (let i = 0; i < n; i++) {
    await page.keyboard.press(key);
    await page.waitForTimeout(60);
  }
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  // A press sends a keydown for each key of the chord: the last of each press is the one that acts.
  const keydowns = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  const chord = key.split('+').length;
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.tid === keydowns[0]?.tid);
  return keydowns
    .filter((_, i) => i % chord === chord - 1)
    .map((k) => tasks.find((t) => t.ts <= k.ts && t.ts + t.dur >= k.ts + k.dur))
    .filter((t) => t && t.tdur !== undefined)
    .map((t) => t.tdur / 1000);
}

// ---- In the browser, against `huibao serve` ----

async function browserFigures() {
  const { child, url, origin, call } = await startHuibao(join(dir, 'serve.db'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
  try {
    const { deckId } = await call('importReport', { fileName: 'sample.txt', dataBase64: readFileSync(SAMPLE).toString('base64') });
    const sample = await call('getDeck', { deckId });
    const slides = grow(sample.slides, SLIDES);
    await call('saveEdits', { deckId, slides: slides.slice(sample.slides.length), order: slides.map((s) => s.id) });
    const deck = await call('getDeck', { deckId });
    console.log(`deck: ${deck.slides.length} slides, ${deck.figures.length} figures, ${deck.sections.length} sections`);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && console.log(`console error: ${m.text()}`));
    await page.goto(url);
    await page.waitForURL(/#\/$/);
    const editUrl = `${origin}/#/edit/${deckId}`;
    // (A function, not a string: the app's CSP forbids evaluating strings.)
    const ready = () => !!document.querySelector('.sorter-option.is-current') && !!document.querySelector('.stage .hb-slide .hb-title');

    // Open until interactive: a full load of the editor URL, until the sorter and canvas are drawn and a frame painted.
    const opens = [];
    for (let i = 0; i < 5; i++) {
      await page.goto('about:blank');
      await page.goto(editUrl);
      await page.waitForFunction(ready, null, { polling: 'raf', timeout: 30_000 }).catch(async (err) => {
        await page.screenshot({ path: join(root, 'test-results/bench-editor-open.png') });
        throw err;
      });
      opens.push(await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now())))));
    }
    // In-app navigation from the library (the deck fetched and laid out; the bundle already loaded).
    const navs = [];
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => (location.hash = '#/'));
      await page.waitForSelector('.deck-card');
      navs.push(
        await page.evaluate(
          (hash) =>
            new Promise((resolve) => {
              const t0 = performance.now();
              location.hash = hash;
              const isReady = () => !!document.querySelector('.sorter-option.is-current') && !!document.querySelector('.stage .hb-slide .hb-title');
              const poll = () => (isReady() ? requestAnimationFrame(() => resolve(performance.now() - t0)) : requestAnimationFrame(poll));
              poll();
            }),
          `#/edit/${deckId}`,
        ),
      );
    }
    console.log(`open editor (full load → interactive, since navigation start): ${stats(opens)}`);
    console.log(`open editor (from the library, in-app):                    ${stats(navs)}`);

    // Timing of a key: from keydown (capture) to the end of the task that handled it (script), and to the next frame.
    await page.evaluate(() => {
      window.__keyTimes = [];
      window.addEventListener(
        'keydown',
        (e) => {
          const t0 = performance.now();
          const ch = new MessageChannel();
          let script = 0;
          ch.port1.onmessage = () => {
            if (!script) {
              script = performance.now() - t0;
              requestAnimationFrame(() => ch.port2.postMessage(0));
            } else window.__keyTimes.push({ key: e.key, script, paint: performance.now() - t0 });
          };
          ch.port2.postMessage(0);
        },
        true,
      );
    });

    // Alt+↓ on the sorter: the selected slide moves one down (an immediate save follows).
    await page.getByRole('option', { name: /^第10张/ }).click();
    await page.locator('.sorter').focus();
    // The harness itself: a key the editor ignores (Shift), timed the same way, as the baseline of the figures below.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Shift');
      await page.waitForTimeout(40);
    }
    const idle = await page.evaluate(() => window.__keyTimes.splice(0));
    console.log(`baseline (ignored key), script: ${stats(idle.map((m) => m.script))}`);
    console.log(`baseline (ignored key), to next frame: ${stats(idle.map((m) => m.paint))}`);

    const profiler = process.env.HUIBAO_BENCH_PROFILE === 'move' ? await startProfile(page) : null;
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Alt+ArrowDown');
      await page.waitForTimeout(40);
    }
    if (profiler) await stopProfile(profiler);
    await page.waitForFunction(() => document.querySelector('.save-status')?.textContent === '已保存', null, { timeout: 20_000 });
    const moves = await page.evaluate(() => window.__keyTimes.splice(0).filter((k) => k.key === 'ArrowDown'));
    console.log(`Alt+↓ move, script time:   ${stats(moves.map((m) => m.script))}`);
    console.log(`Alt+↓ move, to next frame: ${stats(moves.map((m) => m.paint))}`);
    // The same key's task as the main thread's CPU time (from a trace): what a busy machine adds to the wall-clock
    // figures above (other processes running meanwhile) is left out.
    const cpu = await keyTaskCpu(page, 'Alt+ArrowDown', 20);
    console.log(`Alt+↓ move, task CPU time: ${stats(cpu)}`);
    await page.waitForFunction(() => document.querySelector('.save-status')?.textContent === '已保存', null, { timeout: 20_000 });

    // Typing into a bullet on the canvas.
    await page.locator('.sorter').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.locator('.stage .hb-bullet').first().click();
    await page.keyboard.press('End');
    await page.evaluate(() => window.__keyTimes.splice(0));
    const keyProfiler = process.env.HUIBAO_BENCH_PROFILE === 'keys' ? await startProfile(page) : null;
    for (const ch of 'abcdefghijklmnopqrstuvwxyz0123') {
      await page.keyboard.type(ch);
      await page.waitForTimeout(30);
    }
    if (keyProfiler) await stopProfile(keyProfiler);
    const keys = await page.evaluate(() => window.__keyTimes.splice(0).filter((k) => k.key.length === 1));
    console.log(`keystroke, script time:    ${stats(keys.map((m) => m.script))}`);
    console.log(`keystroke, to next frame:  ${stats(keys.map((m) => m.paint))}`);

    // Scrolling the sorter from top to bottom (windowed): frames while scrolling.
    const scroll = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const el = document.querySelector('.sorter');
          const frames = [];
          let last = performance.now();
          let y = 0;
          const step = () => {
            const now = performance.now();
            frames.push(now - last);
            last = now;
            y += 400;
            el.scrollTop = y;
            if (y < el.scrollHeight) requestAnimationFrame(step);
            else resolve({ frames, drawn: document.querySelectorAll('.sorter-option').length });
          };
          requestAnimationFrame(step);
        }),
    );
    console.log(`sorter scroll to the end: ${scroll.frames.length} frames, frame time ${stats(scroll.frames.slice(1))}; rows drawn at the end: ${scroll.drawn} of ${deck.slides.length}`);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    console.log(`renderer memory: JS heap used ${(m.JSHeapUsedSize / 2 ** 20).toFixed(1)} MiB of ${(m.JSHeapTotalSize / 2 ** 20).toFixed(1)} MiB; DOM nodes ${m.Nodes}`);
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

// ---- In-process: the autosave transaction ----

async function serviceFigures() {
  // The service is TypeScript: bundle it next to node_modules (so its packages resolve), then import it.
  const bundle = join(root, 'dist/bench/editor-service.mjs');
  await build({
    stdin: { contents: "export { createService } from './decks/node/service.ts'; export { readReportFile } from './decks/node/report/index.ts';", resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: bundle,
    logLevel: 'error',
  });
  const { createService, readReportFile } = await import(bundle);
  const service = createService({ dbPath: join(dir, 'inproc.db') });
  try {
    const { deckId } = await service.importDecodedReport(await readReportFile(SAMPLE));
    const sample = await service.getDeck({ deckId });
    const slides = grow(sample.slides, SLIDES);
    await service.saveEdits({ deckId, slides: slides.slice(sample.slides.length), order: slides.map((s) => s.id) });
    const target = slides[2];
    const saves = [];
    for (let i = 0; i < 300; i++) {
      const blocks = [{ kind: 'bullet', text: `要点 ${i} {fig:f1}`, level: 0 }, ...target.blocks.slice(1)];
      const t = performance.now();
      await service.saveEdits({ deckId, slides: [{ ...target, blocks, title: `标题 ${i}` }] });
      saves.push(performance.now() - t);
    }
    const moves = [];
    for (let i = 0; i < 100; i++) {
      const order = (await service.getDeck({ deckId })).slides.map((s) => s.id);
      const [a] = order.splice(10, 1);
      order.splice(11, 0, a);
      const t = performance.now();
      await service.saveEdits({ deckId, order });
      moves.push(performance.now() - t);
    }
    console.log(`autosave saveEdits (one slide, ${SLIDES}-slide deck, in-process, real SQLite): ${stats(saves)}`);
    console.log(`autosave saveEdits (new order of ${SLIDES} slides):                        ${stats(moves)}`);
  } finally {
    service.close();
  }
}

try {
  console.log(`Huibao editor benchmark (${new Date().toISOString()}, Node ${process.version})`);
  await serviceFigures();
  await browserFigures();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
