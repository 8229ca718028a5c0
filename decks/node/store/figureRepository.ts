// The figures of a deck and the history of their values. `display` is never stored: it is formatted on read.
import { z } from 'zod';
import { formatFigure } from '../../common/figures.ts';
import { Figure, type FigureChange } from '../../common/model.ts';
import type { Db } from './database.ts';

/** A figure as stored: everything but its display, which follows from the other fields. */
export const StoredFigure = Figure.omit({ display: true });
export type StoredFigure = z.infer<typeof StoredFigure>;

interface FigureRow {
  key: string;
  label: string;
  value: number;
  unit: string;
  pattern: string;
  decimals: number;
  grouped: number;
  qualifier: string;
  direction: string;
  asOf: string | null;
  source: string | null;
  updatedAt: string;
  confirmedAt: string | null;
}

const COLUMNS = `key, label, value, unit, pattern, decimals, grouped, qualifier, direction, as_of AS asOf, source, updated_at AS updatedAt, confirmed_at AS confirmedAt`;

function fromRow(r: FigureRow): Figure {
  const f: StoredFigure = {
    key: r.key,
    label: r.label,
    value: r.value,
    unit: r.unit,
    pattern: r.pattern,
    decimals: r.decimals,
    grouped: r.grouped === 1,
    qualifier: r.qualifier as StoredFigure['qualifier'],
    direction: r.direction as StoredFigure['direction'],
    asOf: r.asOf,
    source: r.source === null ? null : JSON.parse(r.source),
    updatedAt: r.updatedAt,
    confirmedAt: r.confirmedAt,
  };
  return { ...f, display: formatFigure(f) };
}

export function createFigureRepository(db: Db) {
  const list = db.prepare<[string], FigureRow>(`SELECT ${COLUMNS} FROM figures WHERE deck_id = ? ORDER BY rowid`);
  const get = db.prepare<[string, string], FigureRow>(`SELECT ${COLUMNS} FROM figures WHERE deck_id = ? AND key = ?`);
  const insert = db.prepare(
    `INSERT INTO figures (deck_id, key, label, value, unit, pattern, decimals, grouped, qualifier, direction, as_of, source, updated_at, confirmed_at)
     VALUES (@deckId, @key, @label, @value, @unit, @pattern, @decimals, @grouped, @qualifier, @direction, @asOf, @source, @updatedAt, @confirmedAt)`,
  );
  const setValue = db.prepare(
    `UPDATE figures SET value = @value, decimals = @decimals, grouped = @grouped, label = @label, updated_at = @updatedAt, confirmed_at = @updatedAt
     WHERE deck_id = @deckId AND key = @key`,
  );
  const setSource = db.prepare<[string | null, string, string]>(`UPDATE figures SET source = ? WHERE deck_id = ? AND key = ?`);
  const confirm = db.prepare<[string | null, string, string]>(`UPDATE figures SET confirmed_at = ? WHERE deck_id = ? AND key = ?`);
  const removeAll = db.prepare<[string]>(`DELETE FROM figures WHERE deck_id = ?`);
  const removeOne = db.prepare<[string, string]>(`DELETE FROM figures WHERE deck_id = ? AND key = ?`);
  const addChange = db.prepare<[string, string, number, number, string]>(
    `INSERT INTO figure_history (deck_id, key, old_value, new_value, changed_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const history = db.prepare<[string, string], FigureChange>(
    `SELECT key, old_value AS oldValue, new_value AS newValue, changed_at AS changedAt
     FROM figure_history WHERE deck_id = ? AND key = ? ORDER BY id`,
  );
  const allHistory = db.prepare<[string], FigureChange>(
    `SELECT key, old_value AS oldValue, new_value AS newValue, changed_at AS changedAt FROM figure_history WHERE deck_id = ? ORDER BY id`,
  );
  const copyFigures = db.prepare<[string, string]>(
    `INSERT INTO figures (deck_id, key, label, value, unit, pattern, decimals, grouped, qualifier, direction, as_of, source, updated_at, confirmed_at)
     SELECT ?, key, label, value, unit, pattern, decimals, grouped, qualifier, direction, as_of, source, updated_at, confirmed_at
     FROM figures WHERE deck_id = ? ORDER BY rowid`,
  );
  const copyHistory = db.prepare<[string, string]>(
    `INSERT INTO figure_history (deck_id, key, old_value, new_value, changed_at)
     SELECT ?, key, old_value, new_value, changed_at FROM figure_history WHERE deck_id = ? ORDER BY id`,
  );

  const insertOne = (deckId: string, f: StoredFigure) =>
    insert.run({ ...f, confirmedAt: f.confirmedAt ?? null, deckId, grouped: f.grouped ? 1 : 0, source: f.source === null ? null : JSON.stringify(f.source) });

  return {
    list: (deckId: string): Figure[] => list.all(deckId).map(fromRow),
    get(deckId: string, key: string): Figure | undefined {
      const row = get.get(deckId, key);
      return row && fromRow(row);
    },
    insertAll(deckId: string, figures: readonly StoredFigure[]): void {
      for (const f of figures) insertOne(deckId, f);
    },
    /** Marks figures as confirmed by a person at `at` (null: not confirmed). */
    confirm(deckId: string, keys: readonly string[], at: string | null): void {
      for (const key of keys) confirm.run(at, deckId, key);
    },
    /** Sets a value (as typed: its decimals and grouping) and records the change when the number differs. A value set by hand is confirmed. */
    setValue(deckId: string, before: Figure, next: { value: number; decimals: number; grouped: boolean; label: string }, at: string): void {
      setValue.run({ deckId, key: before.key, ...next, grouped: next.grouped ? 1 : 0, updatedAt: at });
      if (next.value !== before.value) addChange.run(deckId, before.key, before.value, next.value, at);
    },
    /** Drops figures (a refresh that added them, undone); their history stays, as it does for a restore. */
    remove(deckId: string, keys: readonly string[]): void {
      for (const key of keys) removeOne.run(deckId, key);
    },
    /** Where the figure stands in the report (a revised report applied). */
    setSource(deckId: string, key: string, source: Figure['source']): void {
      setSource.run(source === null ? null : JSON.stringify(source), deckId, key);
    },
    /** Replaces every figure (a restore), recording the values that change; history itself is kept. */
    replaceAll(deckId: string, figures: readonly StoredFigure[], at: string): void {
      const before = new Map(list.all(deckId).map((r) => [r.key, r.value]));
      removeAll.run(deckId);
      for (const f of figures) {
        insertOne(deckId, f);
        const old = before.get(f.key);
        if (old !== undefined && old !== f.value) addChange.run(deckId, f.key, old, f.value, at);
      }
    },
    history: (deckId: string, key: string): FigureChange[] => history.all(deckId, key),
    /** Every recorded change of the deck's figures, oldest first (including keys no longer present). */
    allHistory: (deckId: string): FigureChange[] => allHistory.all(deckId),
    /** Adds changes as they were recorded elsewhere (an opened bundle), keeping their order and times. */
    insertHistory(deckId: string, changes: readonly FigureChange[]): void {
      for (const c of changes) addChange.run(deckId, c.key, c.oldValue, c.newValue, c.changedAt);
    },
    copyDeck(fromDeckId: string, toDeckId: string): void {
      copyFigures.run(toDeckId, fromDeckId);
      copyHistory.run(toDeckId, fromDeckId);
    },
  };
}

export type FigureRepository = ReturnType<typeof createFigureRepository>;
