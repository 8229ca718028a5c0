// Crash safety: a writer process is killed (SIGKILL) at random moments while it edits, imports a report or opens a
// bundle. After every kill the database must pass PRAGMA integrity_check, hold every edit the writer had acknowledged
// (and at most the one edit that was in flight), open through getDeck, and show no half-imported deck.
// HUIBAO_CRASH_RUNS=N for longer runs, HUIBAO_SEED to replay a failure.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../../decks/common/model.ts';
import { createService } from '../../../decks/node/service.ts';
import { bundleScript, PROJECT_ROOT } from '../../fixtures/buildScript.ts';
import { applyEdit, editAt, stateOf, type CrashState, type CrashTargets } from '../../fixtures/crashEdits.ts';
import { countFromEnv, seededRandom, seedFromEnv, type SeededRandom } from '../../fixtures/seededRandom.ts';
import { syntheticReport } from '../../fixtures/syntheticReport.ts';

const EDIT_RUNS = countFromEnv('HUIBAO_CRASH_RUNS', 25);
const IMPORT_RUNS = Math.max(4, Math.round(EDIT_RUNS * 0.4));
const SEED = seedFromEnv(20_261_128);

let script: string;
let dir: string;

beforeAll(async () => {
  script = await bundleScript(new URL('../../fixtures/crashWriter.ts', import.meta.url));
  dir = mkdtempSync(join(tmpdir(), 'huibao-crash-'));
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(script, { force: true });
});

interface WriterRun {
  lines: string[];
  killed: boolean;
  stderr: string;
}

/**
 * Starts the writer and kills it when `killAfter` (called on start and on every line) returns a delay: SIGKILL then
 * comes that many ms later. A writer that finishes on its own is fine; one that outlives 30 s is killed and fails.
 */
function runWriter(args: string[], killAfter: (line: string | null) => number | null): Promise<WriterRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let stderr = '';
    let buffered = '';
    let scheduled = false;
    const schedule = (line: string | null) => {
      if (scheduled) return;
      const delay = killAfter(line);
      if (delay === null) return;
      scheduled = true;
      setTimeout(() => child.kill('SIGKILL'), delay);
    };
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        lines.push(line);
        schedule(line);
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`writer exited with ${code}: ${stderr}`));
      else resolve({ lines, killed: signal === 'SIGKILL', stderr });
    });
    schedule(null);
  });
}

/** integrity_check and foreign_key_check on the file as a fresh process would find it (the WAL is recovered). */
function checkIntegrity(dbPath: string): void {
  const db = new Database(dbPath);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // A report row without a deck would be a half-finished import.
    expect(db.prepare('SELECT count(*) AS n FROM reports WHERE id NOT IN (SELECT report_id FROM decks WHERE report_id IS NOT NULL)').get()).toEqual({ n: 0 });
  } finally {
    db.close();
  }
}

async function readDecks(dbPath: string): Promise<Deck[]> {
  const service = createService({ dbPath });
  try {
    const { decks } = await service.listDecks({});
    return await Promise.all(decks.map((d) => service.getDeck({ deckId: d.id })));
  } finally {
    service.close();
  }
}

const sameState = (a: CrashState, b: CrashState) => JSON.stringify(a) === JSON.stringify(b);

describe('crash safety (SIGKILL at random moments)', () => {
  it(`keeps every acknowledged edit through ${EDIT_RUNS} kills of a writer`, { timeout: 60_000 + EDIT_RUNS * 4_000 }, async () => {
    const rng = seededRandom(SEED);
    const dbPath = join(dir, 'edits.db');
    const service = createService({ dbPath });
    const sample = syntheticReport(6);
    const { deckId } = await service.importReport({ fileName: 'edits.txt', dataBase64: Buffer.from(sample).toString('base64') });
    const bystander = await service.importReport({ fileName: 'other.txt', dataBase64: Buffer.from(syntheticReport(3)).toString('base64') });
    const deck = await service.getDeck({ deckId });
    const other = await service.getDeck({ deckId: bystander.deckId });
    service.close();
    const targets: CrashTargets = { deckId, slideIds: deck.slides.map((s) => s.id), figureKeys: deck.figures.slice(0, 12).map((f) => f.key) };
    expect(targets.figureKeys.length).toBeGreaterThan(3);

    let state = stateOf(deck, targets);
    let next = 0; // the first edit not yet applied
    const tally = { kills: 0, beforeReady: 0, acknowledged: 0, inFlightLanded: 0, inFlightLost: 0 };
    for (let run = 0; run < EDIT_RUNS; run++) {
      // One kill in five may land while the writer opens the database; the rest while it writes.
      const early = rng.next() < 0.2;
      const delay = early ? rng.int(400) : rng.int(250);
      const r = await runWriter(['edits', dbPath, JSON.stringify(targets), String(next)], (line) => (early ? (line === null ? delay : null) : line === 'ready' ? delay : null));
      expect(r.killed, `run ${run} (seed ${SEED}) ended on its own: ${r.stderr}`).toBe(true);
      tally.kills++;
      if (!r.lines.includes('ready')) tally.beforeReady++;
      const acks = r.lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)));
      acks.forEach((i, k) => expect(i).toBe(next + k)); // in order, none skipped
      for (const i of acks) state = applyEdit(state, editAt(i, targets));
      next += acks.length;
      tally.acknowledged += acks.length;

      checkIntegrity(dbPath);
      const decks = await readDecks(dbPath);
      const now = decks.find((d) => d.id === deckId)!;
      expect(decks.find((d) => d.id === bystander.deckId), 'the other deck is untouched').toEqual(other);
      const found = stateOf(now, targets);
      // The edit in flight at the kill either landed whole or not at all; every acknowledged one is there.
      if (sameState(found, state)) {
        if (r.lines.includes('ready')) tally.inFlightLost++;
      } else {
        const withInFlight = applyEdit(state, editAt(next, targets));
        expect(found, `run ${run} (seed ${SEED}): the database is neither at edit ${next - 1} nor ${next}`).toEqual(withInFlight);
        state = withInFlight;
        next++;
        tally.inFlightLanded++;
      }
    }
    console.log(
      `[measure] crash/edits: ${tally.kills} kills survived (${tally.beforeReady} while opening), ${tally.acknowledged} acknowledged edits all kept; ` +
        `in-flight edit landed whole ${tally.inFlightLanded}×, not at all ${tally.inFlightLost}× (seed ${SEED})`,
    );
  });

  /** Kills a writer that imports (or opens) one large file, at random moments; the deck appears whole or not at all. */
  async function killDuringImport(mode: 'import' | 'bundle', file: string, dbPath: string, rng: SeededRandom, runs: number): Promise<Record<string, number>> {
    // One uninterrupted run: how long the call takes in a fresh process, and the deck it makes.
    const before = (await readDecks(dbPath)).map((d) => d.id);
    const full = await runWriter([mode, dbPath, file], () => null);
    const took = Number(full.lines.find((l) => l.startsWith('ack '))!.slice(4));
    const reference = (await readDecks(dbPath)).find((d) => !before.includes(d.id))!;
    expect(reference.slides.length).toBeGreaterThan(100);
    // A bundle opened again where its deck is already gets a copy's name (“（副本 2）”): the same deck all the same.
    const baseTitle = (title: string) => title.replace(/（副本(?: \d+)?）$/, '');
    const shape = (d: Deck) => ({ title: baseTitle(d.title), slides: d.slides.map(({ id: _, section: __, ...s }) => s), figures: d.figures.map(({ updatedAt: _, ...f }) => f) });

    const tally = { kills: 0, nothing: 0, whole: 0, tookMs: took };
    for (let run = 0; run < runs; run++) {
      const ids = (await readDecks(dbPath)).map((d) => d.id);
      // Half the kills aim at the end of the call, where the one write transaction runs.
      const at = rng.next() < 0.5 ? rng.next() * 1.1 : 0.6 + rng.next() * 0.5;
      const r = await runWriter([mode, dbPath, file], (line) => (line === 'start' ? Math.round(at * took) : null));
      checkIntegrity(dbPath);
      const decks = await readDecks(dbPath);
      const added = decks.filter((d) => !ids.includes(d.id));
      expect(decks.length - ids.length, `run ${run}: one deck or none`).toBeLessThanOrEqual(1);
      if (r.lines.some((l) => l.startsWith('ack '))) expect(added).toHaveLength(1);
      if (added.length === 1) {
        expect(shape(added[0]!), `run ${run}: the new deck is complete`).toEqual(shape(reference));
        tally.whole++;
      } else tally.nothing++;
      if (r.killed) tally.kills++;
    }
    return tally;
  }

  it(`shows no half-imported deck after ${IMPORT_RUNS} kills during importReport`, { timeout: 60_000 + IMPORT_RUNS * 8_000 }, async () => {
    const rng = seededRandom(SEED + 1);
    const report = join(dir, 'large-report.txt');
    writeFileSync(report, syntheticReport(160));
    const tally = await killDuringImport('import', report, join(dir, 'import.db'), rng, IMPORT_RUNS);
    expect(tally.kills).toBeGreaterThan(0);
    console.log(`[measure] crash/importReport: ${JSON.stringify(tally)} (seed ${SEED + 1})`);
  });

  it(`shows no half-opened deck after ${IMPORT_RUNS} kills during openBundle`, { timeout: 60_000 + IMPORT_RUNS * 8_000 }, async () => {
    const rng = seededRandom(SEED + 2);
    const dbPath = join(dir, 'bundle.db');
    const service = createService({ dbPath });
    const { deckId } = await service.importReport({ fileName: 'r.txt', dataBase64: Buffer.from(syntheticReport(160)).toString('base64') });
    const exported = await service.exportDeck({ deckId, format: 'huibao' });
    await service.deleteDeck({ deckId });
    await service.purgeDeck({ deckId });
    service.close();
    const bundle = join(dir, 'large.huibao');
    writeFileSync(bundle, Buffer.from(exported.dataBase64, 'base64'));
    const tally = await killDuringImport('bundle', bundle, dbPath, rng, IMPORT_RUNS);
    expect(tally.kills).toBeGreaterThan(0);
    console.log(`[measure] crash/openBundle: ${JSON.stringify(tally)} (seed ${SEED + 2})`);
  });
});
