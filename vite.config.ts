import { defineConfig, type UserConfig } from 'vite';

// The renderer is built to dist/renderer and served by either host (app:// in Electron, the loopback host otherwise).
// `--mode export` builds the single-file HTML export's page (renderer/export.html) into the same folder, on its own:
// one script and one stylesheet with no chunks or files beside them, which decks/node/export/html.ts inlines.
// (Built together with index.html as a second input, the two pages would share chunks — React, the slides — and the
// export page would load them as separate modules, which a single file cannot hold.)
export default defineConfig(({ mode }): UserConfig => {
  const exportPage = mode === 'export';
  return {
    root: 'renderer',
    base: './',
    build: exportPage
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
          rolldownOptions: { input: { export: 'renderer/export.html' } as Record<string, string>, output: { codeSplitting: false } },
        }
      : {
          outDir: '../dist/renderer',
          emptyOutDir: true,
          target: 'chrome120',
          sourcemap: true,
          chunkSizeWarningLimit: 2000,
          rolldownOptions: { input: { index: 'renderer/index.html' } as Record<string, string> },
        },
    esbuild: { jsx: 'automatic' },
    server: { host: '127.0.0.1' },
  };
});
