import { createHash } from 'node:crypto';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { metaContentSecurityPolicy, PINNED_MODULE_META } from './decks/common/csp.ts';

// The renderer is built to dist/renderer and served by either host (app:// in Electron, the loopback host otherwise).
// The pages that become one file — `--mode export`, the single-file HTML export's page (renderer/export.html), and
// `--mode print`, the page the PDF export prints (renderer/print.html: the slides laid out for paper, no reveal.js) —
// are each built on their own into the same folder: one script and one stylesheet with no chunks or files beside them,
// which decks/node/export/html.ts inlines. (Built together with index.html as more inputs, the pages would share
// chunks — React, the slides — and load them as separate modules, which a single file cannot hold.)
// Each of the two comes in two builds: without the chart engine (most decks have no chart, and ECharts would add
// 560 KB to every file), and with it inlined (`--mode export-charts`, `print-charts`), which build.mjs writes to a
// `charts/` folder; html.ts picks that one only for a deck that shows a chart.
// `--mode present` builds the show's own page (renderer/present.html) beside the app's, on its own for the same
// reason: one script of its own that its CSP pins by hash, holding only what presenting needs. The app's pages load
// the chart engine as a chunk of its own (ChartView.tsx), pinned by hash too.
const ONE_FILE_PAGES: Record<string, { page: string; charts: boolean }> = {
  export: { page: 'export', charts: false },
  'export-charts': { page: 'export', charts: true },
  print: { page: 'print', charts: false },
  'print-charts': { page: 'print', charts: true },
};

export default defineConfig(({ mode }): UserConfig => {
  const oneFile = ONE_FILE_PAGES[mode];
  const page: Record<string, string> = mode === 'present' ? { present: 'renderer/present.html' } : { index: 'renderer/index.html' };
  return {
    root: 'renderer',
    base: './',
    // The app's pages carry their CSP as a meta element too (a one-file page gets its own, per file, in html.ts).
    plugins: oneFile ? (oneFile.charts ? [] : [withoutChartEngine()]) : [cspMeta()],
    build: oneFile
      ? {
          outDir: '../dist/renderer',
          emptyOutDir: false,
          target: 'chrome120',
          sourcemap: false,
          modulePreload: false,
          cssCodeSplit: false,
          // Everything the page refers to (fonts, images in CSS) becomes a data: URL inside the one file.
          assetsInlineLimit: () => true,
          chunkSizeWarningLimit: 4000,
          rolldownOptions: { input: { [oneFile.page]: `renderer/${oneFile.page}.html` }, output: { codeSplitting: false } },
        }
      : {
          outDir: '../dist/renderer',
          emptyOutDir: mode !== 'present',
          target: 'chrome120',
          sourcemap: true,
          chunkSizeWarningLimit: 2000,
          rolldownOptions: { input: page },
        },
    esbuild: { jsx: 'automatic' },
    server: { host: '127.0.0.1' },
  };
});

const NO_CHART_ENGINE = '\0huibao-no-chart-engine';

/**
 * The export page for decks without charts: the chart engine's module is replaced by one that refuses to draw. It is
 * never reached, as html.ts gives a deck with a chart the page built with the engine.
 */
function withoutChartEngine(): Plugin {
  return {
    name: 'huibao-without-chart-engine',
    enforce: 'pre',
    resolveId: (id) => (/\/chartEngine(\.ts)?$/.test(id) ? NO_CHART_ENGINE : null),
    load: (id) => (id === NO_CHART_ENGINE ? "export function drawChart() { throw new Error('this export page was built without the chart engine'); }" : null),
  };
}

/**
 * Pins each script of the built page by its hash (`integrity`, and the only script-src the meta CSP allows; the chunks
 * it imports later, such as the chart engine, by their hashes too) and writes the CSP into the page as `<meta http-equiv>`
 * (decks/common/csp.ts). The header both hosts send still applies too. Done when the bundle is final (generateBundle,
 * after Vite has filled in the dynamic imports' preload lists), so each hash is that of the file written.
 */
function cspMeta(): Plugin {
  return {
    name: 'huibao-csp-meta',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        for (const page of Object.values(bundle)) {
          if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue;
          const html = String(page.source);
          const hashes: string[] = [];
          const pinned = html.replace(/<script\b([^>]*)\bsrc="\.\/([^"]+)"([^>]*)><\/script>/g, (tag, before: string, file: string, after: string) => {
            const chunk = bundle[file];
            if (!chunk || chunk.type !== 'chunk') throw new Error(`cspMeta: ${file} is not a script of this build`);
            const hash = `sha384-${createHash('sha384').update(chunk.code).digest('base64')}`;
            hashes.push(hash);
            return `<script${before}src="./${file}"${after} integrity="${hash}"></script>`;
          });
          if (/<script(?![^>]*\bsrc=)/.test(pinned)) throw new Error('cspMeta: the page has an inline script, which its CSP would block');
          // Chunks loaded later by import() (the chart engine): pinned too, and named in the page for the loader
          // (renderer/src/slides/pinnedModule.ts), which loads each through a script element carrying its integrity.
          const lazy = Object.values(bundle).flatMap((c) => (c.type === 'chunk' && c.isDynamicEntry ? [c] : []));
          const pins = lazy.map((c) => {
            const hash = `sha384-${createHash('sha384').update(c.code).digest('base64')}`;
            hashes.push(hash);
            return `<meta name="${PINNED_MODULE_META}${c.name}" content="./${c.fileName} ${hash}" />`;
          });
          const meta = `<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy(hashes)}" />`;
          page.source = pinned.replace(/<meta charset="UTF-8" \/>/, (charset) => [charset, meta, ...pins].join('\n    '));
        }
      },
    },
  };
}
