// Command start benchmark (`node tests/bench/cli.bench.mjs` after `node build.mjs`; also run by `npm run bench`).
// Each `huibao` command as a whole process, the way a script calls it: node started, the bundle and what the command
// needs loaded, the database opened, the work done, the process gone. Also node alone (`node -e 0`), the floor under
// every row, and the modules each command loads (counted in the process by an --import hook). Medians of RUNS runs,
// interleaved so the machine's load falls on every command alike. Figures only: asserts nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const BIN = join(root, 'bin/huibao.mjs');
const SAMPLE = join(root, 'decks/samples/shangyu-youth-city.txt');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const dir = mkdtempSync(join(tmpdir(), 'huibao-cli-bench-'));
const db = join(dir, 'bench.db');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Counts the modules the process loaded, written to `file` on exit (node:module's hooks see every load). */
const counter = join(dir, 'count-modules.mjs');
writeFileSync(
  counter,
  `import { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';
const seen = new Set();
registerHooks({ load(url, context, next) { seen.add(url); return next(url, context); } });
process.on('exit', () => { if (process.env.COUNT_TO) writeFileSync(process.env.COUNT_TO, JSON.stringify([...seen])); });
`,
);

function run(args, env = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

try {
  const imported = JSON.parse(run([BIN, 'import', SAMPLE, '--db', db, '--json']).stdout.trim().split('\n').pop());
  const id = imported.deckId;
  const out = join(dir, 'out');
  const commands = {
    'node -e 0 (the floor)': ['-e', '0'],
    'huibao --help': [BIN, '--help'],
    'huibao decks': [BIN, 'decks', '--db', db],
    'huibao show DECK': [BIN, 'show', id, '--db', db],
    'huibao figure set DECK': [BIN, 'figure', 'set', id, imported.figures > 0 ? JSON.parse(run([BIN, 'show', id, '--db', db, '--json']).stdout.trim().split('\n').pop()).figures[0].key : 'x', '5.8', '--db', db],
    'huibao import SAMPLE': [BIN, 'import', SAMPLE, '--db', db],
    'huibao export DECK --format html': [BIN, 'export', id, '--format', 'html', '--out', `${out}.html`, '--db', db],
    'huibao export DECK --format pptx': [BIN, 'export', id, '--format', 'pptx', '--out', `${out}.pptx`, '--db', db],
  };
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const args of Object.values(commands)) run(args); // warm the disk cache
  for (let i = 0; i < RUNS; i++) for (const [name, args] of Object.entries(commands)) times[name].push(run(args).ms);
  const modules = {};
  for (const [name, args] of Object.entries(commands)) {
    const file = join(dir, 'modules.json');
    run(['--import', counter, ...args], { COUNT_TO: file });
    const urls = JSON.parse((await import('node:fs')).readFileSync(file, 'utf8'));
    const ours = urls.filter((u) => u.startsWith('file:'));
    const heavy = ['pptxgenjs', 'mammoth', 'playwright-core', 'fflate', 'jszip'].filter((p) => ours.some((u) => u.includes(`/node_modules/${p}/`)));
    modules[name] = { files: ours.length, heavy };
  }
  console.log(`Command start: each command as a whole process, median of ${RUNS} runs; above node = less the floor (node -e 0)`);
  console.log('command | whole process | above node | files loaded | heavy packages loaded');
  const floor = median(times['node -e 0 (the floor)']);
  const width = Math.max(...Object.keys(commands).map((k) => k.length));
  for (const name of Object.keys(commands)) {
    const m = modules[name];
    const ms = median(times[name]);
    console.log(`${name.padEnd(width)} | ${ms.toFixed(0).padStart(5)} ms | ${(ms - floor).toFixed(0).padStart(5)} ms | ${String(m.files).padStart(4)} files | ${m.heavy.join(', ') || '—'}`);
  }
  console.log(JSON.stringify({ bench: 'cli', rows: Object.fromEntries(Object.keys(commands).map((k) => [k, { ms: median(times[k]), ...modules[k] }])) }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
