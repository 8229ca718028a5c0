// Fuzz: random and mutated reports (byte flips, truncation, random encodings, huge lines, hostile text) and mutated
// bundles (byte flips, truncation, shuffled entries, JSON and manifest mutations) fed to the importers. Every case
// ends in a deck or a clear ApiError — never another exception, never a hang — and a failed case changes nothing.
// The cases run in a child process (tests/fixtures/fuzzRunner.ts) so a case that hangs can be stopped and named.
// HUIBAO_FUZZ_RUNS=N cases per importer for longer runs; HUIBAO_SEED to replay.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleScript, PROJECT_ROOT } from '../../fixtures/buildScript.ts';
import { countFromEnv, seedFromEnv } from '../../fixtures/seededRandom.ts';

const RUNS = countFromEnv('HUIBAO_FUZZ_RUNS', 120);
const SEED = seedFromEnv(8_2026);
/** No single case may take longer than this (the slowest here take well under a second). */
const CASE_LIMIT_MS = 15_000;

let script: string;
let dir: string;
beforeAll(async () => {
  script = await bundleScript(new URL('../../fixtures/fuzzRunner.ts', import.meta.url));
  dir = mkdtempSync(join(tmpdir(), 'huibao-fuzz-'));
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(script, { force: true });
});

interface FuzzRun {
  cases: string[];
  failures: string[];
  done: string | null;
  hung: string | null;
}

function runFuzz(mode: 'report' | 'bundle', seed: number): Promise<FuzzRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, mode, join(dir, `${mode}.db`), String(seed), String(RUNS)], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const run: FuzzRun = { cases: [], failures: [], done: null, hung: null };
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        run.hung = `case ${run.cases.length} took more than ${CASE_LIMIT_MS} ms (${mode}, seed ${seed})`;
        child.kill('SIGKILL');
      }, CASE_LIMIT_MS);
    };
    arm();
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line.startsWith('case ')) run.cases.push(line);
        else if (line.startsWith('FAIL ')) run.failures.push(line);
        else if (line.startsWith('done ')) run.done = line.slice(5);
        arm();
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      if (!run.done && !run.hung) run.failures.push(`the runner stopped early: ${stderr.slice(0, 500)}`);
      resolve(run);
    });
  });
}

describe('fuzzing the importers', () => {
  for (const mode of ['report', 'bundle'] as const) {
    it(`${mode}s: ${RUNS} random and mutated files each end in a deck or an ApiError, never a hang, nothing changed on error`, { timeout: 60_000 + RUNS * 2_000 }, async () => {
      const seed = SEED + (mode === 'bundle' ? 1 : 0);
      const run = await runFuzz(mode, seed);
      expect(run.hung, 'a case hung').toBeNull();
      expect(run.failures, `seed ${seed}`).toEqual([]);
      expect(run.cases).toHaveLength(RUNS);
      const slowest = Math.max(...run.cases.map((c) => Number(c.split(' ').at(-1))));
      console.log(`[measure] fuzz ${mode}s: ${run.cases.length} cases (seed ${seed}) → ${run.done}; slowest case ${slowest} ms`);
      // The mutations must reach both ends: some files still open, others are refused.
      const outcomes = JSON.parse(run.done!) as Record<string, number>;
      expect(outcomes.deck ?? 0).toBeGreaterThan(0);
      expect(Object.keys(outcomes).filter((k) => k !== 'deck').length).toBeGreaterThan(0);
    });
  }
});
