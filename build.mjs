// Builds what the hosts run: the `huibao` command, the Electron main and preload, and the renderer.
// Runs on `npm install` (prepare), before `npm start`, `npm test` and `npm run bench`; takes a few seconds.
import { build } from 'esbuild';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const here = (p) => new URL(p, import.meta.url).pathname;
const node = { bundle: true, platform: 'node', target: 'node24', packages: 'external', sourcemap: 'linked', logLevel: 'warning' };
const jobs = [];

if (existsSync(here('decks/node/cli.ts'))) {
  // Started anew for every command, so it loads only what the command needs: the pure-JS packages every command uses
  // are bundled in (one file to read, not a package's hundred), and what only some commands need (reports, exports,
  // the HTTP host; pptxgenjs, mammoth, playwright-core, imported on demand) is split into chunks loaded by import().
  jobs.push(
    build({
      ...node,
      packages: undefined,
      external: ['better-sqlite3', 'pptxgenjs', 'mammoth', 'playwright-core'],
      entryPoints: { cli: here('decks/node/cli.ts') },
      outdir: here('dist'),
      splitting: true,
      chunkNames: 'cli-chunks/[name]-[hash]',
      outExtension: { '.js': '.mjs' },
      format: 'esm',
    }),
  );
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
  // The app, then the show's page and the export page beside it (see vite.config.ts), into a folder of this build's own; it then replaces
  // dist/renderer in two renames, so a host or a test reading dist/renderer meanwhile never finds it half built.
  const staging = here(`dist/.renderer-${process.pid}`);
  const configFile = here('vite.config.ts');
  jobs.push(
    (async () => {
      await viteBuild({ configFile, logLevel: 'warn', build: { outDir: staging } });
      if (existsSync(here('renderer/present.html'))) await viteBuild({ configFile, mode: 'present', logLevel: 'warn', build: { outDir: staging } });
      // The one-file pages (see vite.config.ts): without the chart engine beside the app, with it in charts/.
      for (const page of ['export', 'print']) {
        if (!existsSync(here(`renderer/${page}.html`))) continue;
        await viteBuild({ configFile, mode: page, logLevel: 'warn', build: { outDir: staging } });
        await viteBuild({ configFile, mode: `${page}-charts`, logLevel: 'warn', build: { outDir: join(staging, 'charts') } });
      }
      const target = here('dist/renderer');
      const old = here(`dist/.renderer-old-${process.pid}`);
      if (existsSync(target)) renameSync(target, old);
      renameSync(staging, target);
      rmSync(old, { recursive: true, force: true });
    })(),
  );
}
await Promise.all(jobs);
