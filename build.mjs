// Builds what the hosts run: the `huibao` command, the Electron main and preload, and the renderer.
// Runs on `npm install` (prepare), before `npm start`, `npm test` and `npm run bench`; takes a few seconds.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const here = (p) => new URL(p, import.meta.url).pathname;
const node = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: 'linked', logLevel: 'warning' };
const jobs = [];

if (existsSync(here('decks/node/cli.ts'))) {
  jobs.push(build({ ...node, entryPoints: [here('decks/node/cli.ts')], outfile: here('dist/cli.mjs'), format: 'esm' }));
}
if (existsSync(here('electron/main/index.ts'))) {
  jobs.push(build({ ...node, entryPoints: [here('electron/main/index.ts')], outfile: here('dist/electron/main.mjs'), format: 'esm', external: ['electron'] }));
}
if (existsSync(here('electron/preload/index.ts'))) {
  // A sandboxed preload may only require electron's renderer modules: bundle everything else into one CommonJS file.
  jobs.push(build({ ...node, packages: undefined, entryPoints: [here('electron/preload/index.ts')], outfile: here('dist/electron/preload.cjs'), format: 'cjs', external: ['electron'] }));
}
if (existsSync(here('renderer/index.html'))) {
  const { build: viteBuild } = await import('vite');
  jobs.push(viteBuild({ configFile: here('vite.config.ts'), logLevel: 'warn' }));
}
await Promise.all(jobs);
