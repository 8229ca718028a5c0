// What the contract suite cannot see from outside: the sample deck on first run, timestamps, and that a failure
// in the middle of a multi-row write (forced with an SQLite trigger) leaves the database as it was.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../decks/common/api.ts';
import { readReportFile, REPORT_LINES_MAX } from '../../../decks/node/report/index.ts';
import { LIMITS } from '../../../decks/common/model.ts';
import { AUTO_REVISIONS_KEPT, createService, ensureSampleDeck, titleOfCopy, type DeckService } from '../../../decks/node/service.ts';
import { syntheticReport } from '../../fixtures/syntheticReport.ts';
import { slideEdits } from '../../fixtures/slideEdits.ts';

const SAMPLE = new URL('../../../decks/samples/shangyu-youth-city.txt', import.meta.url).pathname;

let dir: string;
let dbPath: string;
let service: DeckService;
let clock: Date;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-service-'));
  dbPath = join(dir, 'huibao.db');
  clock = new Date('2024-01-01T08:00:00.000Z');
  service = createService({ dbPath, now: () => clock });
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Makes every insert into `table` fail, as a full disk or a crash would halfway through a transaction. */
function failInsertsInto(table: string): void {
  const db = new Database(dbPath);
  db.exec(`CREATE TRIGGER fail_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'forced failure'); END;`);
  db.close();
}

function countRows(table: string): number {
  const db = new Database(dbPath, { readonly: true });
  const n = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  db.close();
  return n;
}

async function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
}

describe('ensureSampleDeck', () => {
  it('imports the sample into a database that never held a deck, and never again', async () => {
    const id = await ensureSampleDeck(service, SAMPLE);
    expect(id).not.toBeNull();
    expect((await service.getDeck({ deckId: id! })).title).toContain('青春之城');
    expect(await ensureSampleDeck(service, SAMPLE)).toBeNull();

    await service.deleteDeck({ deckId: id! });
    await service.purgeDeck({ deckId: id! });
    expect(await ensureSampleDeck(service, SAMPLE)).toBeNull();
    expect((await service.listDecks({})).decks).toEqual([]);
  });

  it('leaves a database that already holds a deck alone', async () => {
    await service.createDeck({ title: '我的' });
    expect(await ensureSampleDeck(service, SAMPLE)).toBeNull();
    expect((await service.listDecks({})).decks.map((d) => d.title)).toEqual(['我的']);
  });
});

describe('timestamps', () => {
  it('bump the deck’s updatedAt on every edit, and list recent decks first', async () => {
    const a = await service.createDeck({ title: 'A' });
    clock = new Date('2024-01-02T08:00:00.000Z');
    const b = await service.createDeck({ title: 'B' });
    expect(a.createdAt).toBe('2024-01-01T08:00:00.000Z');
    expect((await service.listDecks({})).decks.map((d) => d.title)).toEqual(['B', 'A']);

    clock = new Date('2024-01-03T08:00:00.000Z');
    await slideEdits(service).updateSlide({ deckId: a.id, slideId: a.slides[0]!.id, patch: { notes: 'n' } });
    const after = await service.getDeck({ deckId: a.id });
    expect(after.updatedAt).toBe('2024-01-03T08:00:00.000Z');
    expect(after.createdAt).toBe('2024-01-01T08:00:00.000Z');
    expect((await service.listDecks({})).decks.map((d) => d.id)).toEqual([a.id, b.id]);
  });

  it('date figure changes with the clock', async () => {
    const { deckId } = await service.importDecodedReport(await readReportFile(SAMPLE));
    const key = (await service.listFigures({ deckId })).figures[0]!.key;
    clock = new Date('2024-02-01T00:00:00.000Z');
    const f = await service.updateFigure({ deckId, key, value: '7' });
    expect(f.updatedAt).toBe('2024-02-01T00:00:00.000Z');
    expect((await service.figureHistory({ deckId, key })).changes[0]!.changedAt).toBe('2024-02-01T00:00:00.000Z');
  });
});

describe('a failure halfway through a write changes nothing', () => {
  it('import: no report, deck or slide is left when the figures cannot be written', async () => {
    failInsertsInto('figures');
    const err = await failure(service.importDecodedReport(await readReportFile(SAMPLE)));
    expect(String(err)).toContain('forced failure');
    expect(['reports', 'decks', 'slides', 'meta'].map(countRows)).toEqual([0, 0, 0, 0]);
  });

  it('duplicateDeck: no half copy when the figures cannot be copied', async () => {
    const { deckId } = await service.importDecodedReport(await readReportFile(SAMPLE));
    const slidesBefore = countRows('slides');
    failInsertsInto('figures');
    await failure(service.duplicateDeck({ deckId }));
    expect(countRows('decks')).toBe(1);
    expect(countRows('slides')).toBe(slidesBefore);
  });

  it('restoreRevision: the deck and its revisions stay as they were when the restore fails', async () => {
    const { deckId } = await service.importDecodedReport(await readReportFile(SAMPLE));
    const saved = await service.saveRevision({ deckId, label: 'v1' });
    await slideEdits(service).deleteSlides({ deckId, slideIds: [(await service.getDeck({ deckId })).slides[1]!.id] });
    const before = await service.getDeck({ deckId });
    failInsertsInto('figures');
    await failure(service.restoreRevision({ deckId, revisionId: saved.id }));
    expect(await service.getDeck({ deckId })).toEqual(before);
    expect((await service.listRevisions({ deckId })).revisions.map((r) => r.id)).toEqual([saved.id]);
  });

  it('restoreRevision: an unreadable snapshot is DB_CORRUPT and nothing changes', async () => {
    const deck = await service.createDeck({ title: 'D' });
    const saved = await service.saveRevision({ deckId: deck.id, label: 'v1' });
    const db = new Database(dbPath);
    db.prepare(`UPDATE revisions SET snapshot = '{"slides": 5}' WHERE id = ?`).run(saved.id);
    db.close();
    const err = await failure(service.restoreRevision({ deckId: deck.id, revisionId: saved.id }));
    expect((err as ApiError).code).toBe('DB_CORRUPT');
    expect(await service.getDeck({ deckId: deck.id })).toEqual(deck);
    expect((await service.listRevisions({ deckId: deck.id })).revisions).toHaveLength(1);
  });
});

describe('import warnings', () => {
  it('lose their slide link when that slide is deleted', async () => {
    const { deckId, warnings } = await service.importDecodedReport(await readReportFile(SAMPLE));
    const linked = warnings.find((w) => w.slideId !== null);
    expect(linked).toBeDefined();
    await slideEdits(service).deleteSlides({ deckId, slideIds: [linked!.slideId!] });
    const deck = await service.getDeck({ deckId });
    expect(deck.warnings.find((w) => w.id === linked!.id)!.slideId).toBeNull();
  });
});

describe('createService', () => {
  it('refuses a database from a newer Huibao with DB_NEWER', () => {
    service.close();
    const db = new Database(dbPath);
    db.pragma('user_version = 999');
    db.close();
    let err: unknown;
    try {
      service = createService({ dbPath });
    } catch (e) {
      err = e;
      service = createService({ dbPath: join(dir, 'other.db') }); // so that afterEach has one to close
    }
    expect((err as ApiError).code).toBe('DB_NEWER');
  });
});

describe('importing a report too long for a deck', () => {
  it('refuses one longer than any deck can take at once, before reading it into parts, and stores nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huibao-too-large-'));
    const service = createService({ dbPath: join(dir, 'huibao.db') });
    try {
      const text = Array.from({ length: REPORT_LINES_MAX + 1 }, (_, i) => `第${i}行文字。`).join('\n');
      const err = await service.importReport({ fileName: 'big.txt', dataBase64: Buffer.from(text).toString('base64') }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('REPORT_TOO_LARGE');
      expect((err as ApiError).zh).toContain(`${REPORT_LINES_MAX + 1} 段`);
      expect((err as ApiError).zh).toContain('请按章节拆分');
      expect((await service.listDecks({})).decks).toEqual([]);
    } finally {
      service.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('condenses a long one to each part and its key figures, with the part\'s text in the notes, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huibao-condensed-'));
    const service = createService({ dbPath: join(dir, 'huibao.db') });
    try {
      const sections = 300;
      const text = syntheticReport(sections);
      const { deckId, warnings } = await service.importReport({ fileName: 'long.txt', dataBase64: Buffer.from(text).toString('base64') });
      const deck = await service.getDeck({ deckId });
      expect(deck.sections).toHaveLength(sections);
      expect(deck.slides.filter((s) => s.layout === 'points')).toEqual([]);
      expect(deck.slides.filter((s) => s.layout === 'figures').length).toBeGreaterThanOrEqual(sections);
      expect(deck.slides.length).toBeLessThan(sections * 3 + 60);
      // The detail is in the notes: every paragraph of a part is in the notes of its key-figures slide.
      const third = deck.slides.findIndex((s) => s.layout === 'section' && s.title === deck.sections[2]!.title);
      expect(deck.slides[third + 1]!.notes).toContain('围绕第3个重点领域');
      expect(warnings.find((w) => w.kind === 'condensed')).toMatchObject({ slideId: deck.slides[0]!.id });
    } finally {
      service.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('automatic versions', () => {
  it('keeps the newest automatic versions only, and every named one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huibao-revisions-'));
    const service = createService({ dbPath: join(dir, 'huibao.db') });
    try {
      const { id: deckId } = await service.createDeck({ title: '版本测试' });
      await service.saveRevision({ deckId, label: '会前定稿' });
      for (let i = 0; i < AUTO_REVISIONS_KEPT + 5; i++) await service.saveRevision({ deckId, label: `auto ${i}`, auto: true });
      const { revisions } = await service.listRevisions({ deckId });
      const autos = revisions.filter((r) => r.auto);
      expect(autos).toHaveLength(AUTO_REVISIONS_KEPT);
      expect(autos.map((r) => r.label)).toContain(`auto ${AUTO_REVISIONS_KEPT + 4}`);
      expect(autos.map((r) => r.label)).not.toContain('auto 0');
      expect(revisions.filter((r) => !r.auto).map((r) => r.label)).toEqual(['会前定稿']);
    } finally {
      service.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('titles of copies', () => {
  it('keep the name while it is free, then add （副本）, （副本 2） … counting from the original', () => {
    expect(titleOfCopy('年度汇报', new Set())).toBe('年度汇报');
    expect(titleOfCopy('年度汇报', new Set(['年度汇报']))).toBe('年度汇报（副本）');
    expect(titleOfCopy('年度汇报', new Set(['年度汇报', '年度汇报（副本）']))).toBe('年度汇报（副本 2）');
    expect(titleOfCopy('年度汇报（副本）', new Set(['年度汇报', '年度汇报（副本）']))).toBe('年度汇报（副本 2）');
    // Never longer than a title may be.
    const long = '长'.repeat(LIMITS.titleChars);
    expect(titleOfCopy(long, new Set([long]))).toHaveLength(LIMITS.titleChars);
  });

  it('a deck in the trash keeps its name taken', async () => {
    const deck = await service.createDeck({ title: '汇报' });
    await service.deleteDeck({ deckId: deck.id });
    expect((await service.duplicateDeck({ deckId: deck.id })).title).toBe('汇报（副本）');
  });
});
