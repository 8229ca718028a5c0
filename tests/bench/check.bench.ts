// The pre-flight check (放映前检查) on 500-slide decks: the whole checkDeck call in-process (reading the deck from
// SQLite, the last named version's figures, the dismissals, then the check), the pure check alone, and the
// consistency check alone. Two decks: the sample's slides repeated to 500, and a generated report of many figures.
// Prints figures; asserts nothing (the aim is under 100 ms).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkConsistency } from '../../decks/common/consistency.ts';
import { preflight } from '../../decks/common/preflight.ts';
import { readReportFile } from '../../decks/node/report/index.ts';
import { createService, type DeckService } from '../../decks/node/service.ts';
import { syntheticReport } from '../fixtures/syntheticReport.ts';

const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'huibao-bench-check-'));
const SLIDES = 500;

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms (${s.length} runs)`;
}

async function time(runs: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Grows a deck to `n` slides with copies of its slides, saves a named version, then changes a few figures. */
async function grow(service: DeckService, deckId: string, n: number): Promise<void> {
  let deck = await service.getDeck({ deckId });
  let next = 0;
  while (deck.slides.length < n) {
    const copies = deck.slides.slice(0, n - deck.slides.length).map(({ section: _, ...s }) => ({ ...s, id: `copy${next++}` }));
    await service.saveEdits({ deckId, slides: copies });
    deck = await service.getDeck({ deckId });
  }
  await service.saveRevision({ deckId, label: '送审稿' });
  await service.saveEdits({ deckId, figures: deck.figures.slice(0, 5).map((f) => ({ key: f.key, value: String(f.value + 1) })) });
}

async function bench(label: string, service: DeckService, deckId: string): Promise<void> {
  const deck = await service.getDeck({ deckId });
  const overflowing = deck.slides.filter((_, i) => i % 50 === 0).map((s) => s.id);
  const result = await service.checkDeck({ deckId, overflowing });
  const kinds = new Map<string, number>();
  for (const f of result.findings) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
  console.log(`${label}: ${deck.slides.length} slides, ${deck.figures.length} figures; ${result.findings.length} findings (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})`);
  console.log(`  checkDeck, in-process (store reads + check): ${stats(await time(30, () => service.checkDeck({ deckId, overflowing })))}`);
  console.log(`  getDeck alone (the store reads it starts with): ${stats(await time(30, () => service.getDeck({ deckId })))}`);
  const input = { deck, lastNamed: null, overflowing: new Set(overflowing), dismissed: new Set<string>() };
  console.log(`  preflight() alone, on the loaded deck:      ${stats(await time(30, () => preflight(input)))}`);
  console.log(`  checkConsistency() alone:                   ${stats(await time(30, () => checkConsistency(deck)))}`);
}

const service = createService({ dbPath: join(work, 'bench.db') });
try {
  console.log(`Huibao pre-flight check benchmark (${new Date().toISOString()}, Node ${process.version})`);
  const sample = (await service.importDecodedReport(await readReportFile(join(root, 'decks/samples/shangyu-youth-city.txt')))).deckId;
  await grow(service, sample, SLIDES);
  await bench('sample ×', service, sample);

  const text = syntheticReport(60, { rich: true });
  const synthetic = (await service.importReport({ fileName: 'synthetic.txt', dataBase64: Buffer.from(text).toString('base64') })).deckId;
  await grow(service, synthetic, SLIDES);
  await bench('synthetic report (60 rich sections) grown to', service, synthetic);
} finally {
  service.close();
  rmSync(work, { recursive: true, force: true });
}
