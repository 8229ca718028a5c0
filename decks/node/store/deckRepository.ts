// The decks table: one row per deck, with its trash state. Slides, figures and the rest hang off it (ON DELETE CASCADE).
import type { DeckSummary, Theme } from '../../common/model.ts';
import type { Db } from './database.ts';

export interface DeckRow {
  id: string;
  title: string;
  subtitle: string;
  theme: Theme;
  reportId: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

const COLUMNS = `id, title, subtitle, theme, report_id AS reportId, created_at AS createdAt, updated_at AS updatedAt, deleted_at AS deletedAt`;

export function createDeckRepository(db: Db) {
  const get = db.prepare<[string], DeckRow>(`SELECT ${COLUMNS} FROM decks WHERE id = ?`);
  const summary = db.prepare<[string], DeckSummary>(
    `SELECT id, title, theme, (SELECT count(*) FROM slides s WHERE s.deck_id = d.id) AS slides,
            created_at AS createdAt, updated_at AS updatedAt, deleted_at AS deletedAt
     FROM decks d WHERE id = ?`,
  );
  const list = db.prepare<[number], DeckSummary>(
    `SELECT id, title, theme, (SELECT count(*) FROM slides s WHERE s.deck_id = d.id) AS slides,
            created_at AS createdAt, updated_at AS updatedAt, deleted_at AS deletedAt
     FROM decks d WHERE (deleted_at IS NOT NULL) = ? ORDER BY updated_at DESC, rowid DESC`,
  );
  const insert = db.prepare(
    `INSERT INTO decks (id, title, subtitle, theme, report_id, created_at, updated_at, deleted_at)
     VALUES (@id, @title, @subtitle, @theme, @reportId, @createdAt, @updatedAt, @deletedAt)`,
  );
  const markHeld = db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('first_deck_at', ?)`);
  const held = db.prepare<[], { held: number }>(
    `SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'first_deck_at') OR EXISTS (SELECT 1 FROM decks) AS held`,
  );
  const rename = db.prepare<[string, string, string]>(`UPDATE decks SET title = ?, updated_at = ? WHERE id = ?`);
  const setTheme = db.prepare<[string, string, string]>(`UPDATE decks SET theme = ?, updated_at = ? WHERE id = ?`);
  const setDeleted = db.prepare<[string | null, string]>(`UPDATE decks SET deleted_at = ? WHERE id = ?`);
  const touch = db.prepare<[string, string]>(`UPDATE decks SET updated_at = ? WHERE id = ?`);
  const remove = db.prepare<[string]>(`DELETE FROM decks WHERE id = ?`);
  // A report may be shared by duplicated decks: it goes only with the last deck that uses it.
  const removeOrphanReport = db.prepare<[string, string]>(
    `DELETE FROM reports WHERE id = ? AND NOT EXISTS (SELECT 1 FROM decks WHERE report_id = ?)`,
  );

  return {
    get: (id: string): DeckRow | undefined => get.get(id),
    summary: (id: string): DeckSummary | undefined => summary.get(id),
    list: (trash: boolean): DeckSummary[] => list.all(trash ? 1 : 0),
    insert(row: DeckRow): void {
      insert.run(row);
      markHeld.run(row.createdAt);
    },
    /** True once any deck has been stored, even if every deck has since been purged. */
    hasEverHeldDeck: (): boolean => held.get()!.held === 1,
    rename: (id: string, title: string, at: string) => void rename.run(title, at, id),
    setTheme: (id: string, theme: Theme, at: string) => void setTheme.run(theme, at, id),
    setDeleted: (id: string, deletedAt: string | null) => void setDeleted.run(deletedAt, id),
    touch: (id: string, at: string) => void touch.run(at, id),
    purge(id: string): void {
      const reportId = get.get(id)?.reportId ?? null;
      remove.run(id);
      if (reportId !== null) removeOrphanReport.run(reportId, reportId);
    },
  };
}

export type DeckRepository = ReturnType<typeof createDeckRepository>;
