// Import + generate: the sample report and a synthetic report of 400 sections (~650 KB, made into a condensed deck),
// in-process and as a whole `huibao import` process, and how fast a report too long for any deck is refused.
// Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDeck } from '../../decks/node/generate/index.ts';
import { decodeReport, parseReport } from '../../decks/node/report/index.ts';
import { createService } from '../../decks/node/service.ts';
import { syntheticReport } from '../fixtures/syntheticReport.ts';

// Benches run from the project root (tests/bench/run.mjs sets the working folder).
const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'huibao-bench-import-'));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function inProcess(label: string, bytes: Uint8Array, fileName: string, runs: number): Promise<void> {
  const times: number[] = [];
  let slides = 0;
  let figures = 0;
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    const decoded = await decodeReport(bytes, fileName);
    const deck = generateDeck(parseReport(decoded));
    const t1 = performance.now();
    if (i >= 3) times.push(t1 - t0);
    slides = deck.slides.length;
    figures = deck.figures.length;
  }
  const ms = median(times);
  console.log(`${label}: decode+parse+generate median ${ms.toFixed(1)} ms over ${runs} runs · ${slides} slides, ${figures} figures · ${Math.round((slides / ms) * 1000)} slides/s`);

  const service = createService({ dbPath: join(work, `${label.replace(/\W+/g, '-')}.db`) });
  const stored: number[] = [];
  const base64 = Buffer.from(bytes).toString('base64');
  for (let i = 0; i < Math.min(runs, 10) + 1; i++) {
    const t0 = performance.now();
    await service.importReport({ fileName, dataBase64: base64 });
    if (i > 0) stored.push(performance.now() - t0);
  }
  service.close();
  console.log(`${label}: importReport into SQLite (decode → store, one transaction) median ${median(stored).toFixed(1)} ms`);
}

function asProcess(label: string, file: string, runs: number): void {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const db = join(work, `proc-${i}-${Date.now()}.db`);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(root, 'bin/huibao.mjs'), 'import', file, '--db', db, '--json'], { encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`huibao import failed: ${r.stderr}`);
  }
  console.log(`${label}: \`huibao import\` as a process (fresh database) median ${median(times).toFixed(0)} ms over ${runs} runs`);
}

const samplePath = join(root, 'decks/samples/shangyu-youth-city.txt');
const sample = readFileSync(samplePath);
const bigText = syntheticReport(400, { rich: true });
const bigPath = join(work, 'synthetic-400.txt');
writeFileSync(bigPath, bigText);
console.log(`sample: ${(sample.length / 1024).toFixed(1)} KB · synthetic: ${(Buffer.byteLength(bigText) / 1024).toFixed(0)} KB, 400 sections`);

{
  // Refused before it is parsed: the time is decode + count.
  const huge = Buffer.from(syntheticReport(3000, { rich: true }));
  const service = createService({ dbPath: join(work, 'refuse.db') });
  const base64 = huge.toString('base64');
  const times: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    const refused = await service.importReport({ fileName: 'huge.txt', dataBase64: base64 }).then(
      () => false,
      (e: unknown) => (e as { code?: string }).code === 'REPORT_TOO_LARGE',
    );
    times.push(performance.now() - t0);
    if (!refused) throw new Error('the huge report was not refused');
  }
  service.close();
  console.log(`synthetic-3000 (${(huge.length / 1024 / 1024).toFixed(1)} MB): refused with REPORT_TOO_LARGE in ${median(times.slice(1)).toFixed(0)} ms (median of 3)`);
}

await inProcess('sample', sample, 'shangyu-youth-city.txt', 50);
await inProcess('synthetic-400', new Uint8Array(Buffer.from(bigText)), 'synthetic-400.txt', 5);
asProcess('sample', samplePath, 5);
asProcess('synthetic-400', bigPath, 3);
rmSync(work, { recursive: true, force: true });
