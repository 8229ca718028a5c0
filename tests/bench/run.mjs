// `npm run bench`: runs every tests/bench/*.bench.{ts,mjs} in turn and prints their figures. Nothing is asserted:
// speed and memory are reported, never tested against a clock. A TypeScript bench is bundled with esbuild first,
// so it can import the core straight from source. `npm run bench -- import` runs only benches whose name contains "import".
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';

const root = new URL('../..', import.meta.url).pathname;
const dir = `${root}tests/bench/`;
const out = `${root}.bench/`;
mkdirSync(out, { recursive: true });
const only = process.argv[2];
const benches = readdirSync(dir)
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f))
  .filter((f) => !only || f.includes(only))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file}`);
  let entry = dir + file;
  if (file.endsWith('.ts')) {
    entry = out + file.replace(/\.ts$/, '.mjs');
    await build({ entryPoints: [dir + file], outfile: entry, bundle: true, platform: 'node', format: 'esm', target: 'node24', packages: 'external', logLevel: 'warning' });
  }
  const r = spawnSync(process.execPath, ['--expose-gc', entry], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
if (failed) {
  console.error(`\n${failed} bench(es) did not finish`);
  process.exit(1);
}
