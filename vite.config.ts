import { defineConfig } from 'vite';

// The renderer is built to dist/renderer and served by either host (app:// in Electron, the loopback host otherwise).
export default defineConfig({
  root: 'renderer',
  base: './',
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome120', sourcemap: true, chunkSizeWarningLimit: 2000 },
  esbuild: { jsx: 'automatic' },
  server: { host: '127.0.0.1' },
});
