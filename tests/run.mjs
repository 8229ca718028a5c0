// `npm test`: every suite in turn — type check, lint, unit + contract (vitest), end-to-end (Playwright in Chromium,
// then in Electron itself) — then one closing line `N passed, N failed` summed over all of them. A suite that cannot
// run on this machine (the Electron one without its binary) says why in one line and is counted as skipped, never as
// passed. Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { electronForTests } from './electron/availability.mjs';

const root = new URL('..', import.meta.url).pathname;
const results = [];
mkdirSync(`${root}test-results`, { recursive: true });

function run(cmd, args) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return { ok: r.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

// Type checks: each folder with only the globals it may use (see the tsconfig files).
for (const project of ['decks/common/tsconfig.json', 'tsconfig.json', 'electron/tsconfig.json', 'renderer/tsconfig.json']) {
  console.log(`\n== typecheck ${project}`);
  const r = run('npx', ['tsc', '-p', project, '--noEmit']);
  results.push({ suite: `typecheck ${project}`, passed: r.ok ? 1 : 0, failed: r.ok ? 0 : 1, seconds: r.seconds });
}

console.log('\n== lint (import rules, no raw HTML in the renderer)');
{
  const r = run('npx', ['eslint', '.']);
  results.push({ suite: 'lint', passed: r.ok ? 1 : 0, failed: r.ok ? 0 : 1, seconds: r.seconds });
}

console.log('\n== unit + contract (vitest)');
{
  const out = `${root}test-results/unit.json`;
  rmSync(out, { force: true });
  const r = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  const j = readJson(out);
  const passed = j?.numPassedTests ?? 0;
  const failed = (j?.numFailedTests ?? 0) + (j ? 0 : 1) + (r.ok || (j?.numFailedTests ?? 0) > 0 ? 0 : 1);
  results.push({ suite: 'unit + contract', passed, failed, seconds: r.seconds });
}

console.log('\n== end-to-end (Playwright, Chromium)');
if (existsSync('/usr/bin/chromium')) {
  const out = `${root}test-results/e2e.json`;
  rmSync(out, { force: true });
  const r = run('npx', ['playwright', 'test']);
  const s = readJson(out)?.stats;
  const passed = (s?.expected ?? 0) + (s?.flaky ?? 0);
  const failed = (s?.unexpected ?? 0) + (s ? 0 : 1) + (r.ok || (s?.unexpected ?? 0) > 0 ? 0 : 1);
  results.push({ suite: 'end-to-end', passed, failed, seconds: r.seconds });
} else {
  console.log('Chromium is missing: apt-get install -y chromium fonts-noto-cjk (the end-to-end suite counts as failed)');
  results.push({ suite: 'end-to-end', passed: 0, failed: 1, seconds: '0' });
}

console.log('\n== end-to-end in Electron (Playwright _electron)');
{
  const electron = electronForTests(root);
  if ('reason' in electron) {
    // Its one test is not run: counted as skipped, with the reason, and never as passed.
    console.log(`The Electron end-to-end suite did not run: ${electron.reason}`);
    results.push({ suite: 'end-to-end in Electron', passed: 0, failed: 0, skipped: 1, notRun: electron.reason, seconds: '0' });
  } else {
    const out = `${root}test-results/electron-e2e.json`;
    rmSync(out, { force: true });
    const r = run('npx', ['playwright', 'test', '-c', 'playwright.electron.config.ts']);
    const s = readJson(out)?.stats;
    const passed = (s?.expected ?? 0) + (s?.flaky ?? 0);
    const failed = (s?.unexpected ?? 0) + (s ? 0 : 1) + (r.ok || (s?.unexpected ?? 0) > 0 ? 0 : 1);
    results.push({ suite: 'end-to-end in Electron', passed, failed, skipped: s?.skipped ?? 0, seconds: r.seconds });
  }
}

console.log('\n== summary');
for (const r of results) {
  const counts = `${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed`;
  console.log(`${r.suite.padEnd(40)} ${counts}  ${r.notRun ? `not run: ${r.notRun}` : `${r.seconds}s`}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + (r.skipped ?? 0), 0);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
