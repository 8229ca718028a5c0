// Multi-row edits land whole or not at all; SQLite failures reach the caller as the API's error codes.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../decks/common/api.ts';
import { openStore } from '../../../decks/node/store/index.ts';
import { fromSqliteError } from '../../../decks/node/store/sqliteErrors.ts';
import { useTempDir } from './tempDir.ts';

const tmp = useTempDir();

const slide = (id: string) => ({ id, layout: 'points' as const, title: id, blocks: [], notes: '', hidden: false });
const deckRow = (id: string) => ({ id, title: 'T', subtitle: '', theme: 'official' as const, reportId: null, createdAt: 'c', updatedAt: 'u', deletedAt: null });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    const mapped = fromSqliteError(err);
    return mapped instanceof ApiError ? mapped.code : `not an ApiError: ${String(err)}`;
  }
  return undefined;
}

describe('store transactions', () => {
  it('leave nothing behind when a deck insert fails halfway (duplicate slide id)', () => {
    const store = openStore(tmp.path('t.db'));
    expect(() =>
      store.transaction(() => {
        store.decks.insert(deckRow('d1'));
        store.slides.insert('d1', slide('s1'), 0);
        store.slides.insert('d1', slide('s1'), 1); // primary key (deck_id, id) violated
      }),
    ).toThrow(/UNIQUE/);
    expect(store.decks.get('d1')).toBeUndefined();
    expect(store.slides.list('d1')).toEqual([]);
    expect(store.decks.hasEverHeldDeck()).toBe(false);
    store.close();
  });

  it('keep the old order when a reorder fails midway', () => {
    const store = openStore(tmp.path('t.db'));
    store.transaction(() => {
      store.decks.insert(deckRow('d1'));
      ['a', 'b', 'c'].forEach((id, i) => store.slides.insert('d1', slide(id), i));
    });
    expect(() =>
      store.transaction(() => {
        store.slides.writeOrder('d1', ['c', 'b', 'a']);
        throw new Error('interrupted');
      }),
    ).toThrow('interrupted');
    expect(store.slides.order('d1')).toEqual(['a', 'b', 'c']);
    store.close();
  });

  it('remove every row of a purged deck (foreign keys cascade)', () => {
    const store = openStore(tmp.path('t.db'));
    store.transaction(() => {
      store.decks.insert(deckRow('d1'));
      store.slides.insert('d1', slide('a'), 0);
      store.figures.insertAll('d1', [
        { key: 'gdp', label: 'GDP', value: 5.5, unit: '%', pattern: '{v}%', decimals: 1, grouped: false, qualifier: '', direction: '增长', asOf: null, source: null, updatedAt: 'u' },
      ]);
      store.revisions.insert({ id: 'r1', deckId: 'd1', label: 'v1', auto: false, createdAt: 'c' }, { slides: [], figures: [] });
    });
    store.decks.purge('d1');
    const counts = ['slides', 'figures', 'revisions'].map((t) => (store.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
    expect(counts).toEqual([0, 0, 0]);
    expect(store.decks.hasEverHeldDeck()).toBe(true);
    store.close();
  });
});

describe('SQLite errors become API errors', () => {
  it('a full disk is DB_FULL', () => {
    const store = openStore(tmp.path('full.db'));
    store.decks.insert(deckRow('d1'));
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages + 1}`); // the database may not grow: as good as a full disk
    const big = { ...slide('big'), notes: 'x'.repeat(200_000) };
    expect(codeOf(() => store.slides.insert('d1', big, 0))).toBe('DB_FULL');
    store.close();
  });

  it('a database locked by another writer is DB_BUSY', () => {
    const path = tmp.path('busy.db');
    const store = openStore(path);
    store.db.pragma('busy_timeout = 0'); // fail at once instead of waiting 5 s
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(codeOf(() => store.decks.insert(deckRow('d1')))).toBe('DB_BUSY');
    } finally {
      other.exec('ROLLBACK');
      other.close();
      store.close();
    }
  });

  it('a read-only database is DB_READ_ONLY on write, and still reads', () => {
    const path = tmp.path('ro.db');
    const writer = openStore(path);
    writer.decks.insert(deckRow('d1'));
    writer.close();
    const store = openStore(path, { readOnly: true });
    expect(store.decks.get('d1')?.title).toBe('T');
    expect(codeOf(() => store.decks.rename('d1', 'new', 'now'))).toBe('DB_READ_ONLY');
    store.close();
  });
});
