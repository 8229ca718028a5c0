// Revisions: whole-deck snapshots (slides and figures) with a label, for history and restore.
import { z } from 'zod';
import type { Revision } from '../../common/model.ts';
import type { Db } from './database.ts';
import { StoredFigure } from './figureRepository.ts';
import { SlideContent } from './slideRepository.ts';
import { dbCorrupt } from './sqliteErrors.ts';

export const Snapshot = z.object({ slides: z.array(SlideContent), figures: z.array(StoredFigure) });
export type Snapshot = z.infer<typeof Snapshot>;

interface RevisionRow {
  id: string;
  deckId: string;
  label: string;
  auto: number;
  createdAt: string;
  slides: number;
}

export function createRevisionRepository(db: Db) {
  const list = db.prepare<[string], RevisionRow>(
    `SELECT id, deck_id AS deckId, label, auto, created_at AS createdAt, json_array_length(snapshot, '$.slides') AS slides
     FROM revisions WHERE deck_id = ? ORDER BY created_at DESC, rowid DESC`,
  );
  const insert = db.prepare(
    `INSERT INTO revisions (id, deck_id, label, auto, created_at, snapshot) VALUES (@id, @deckId, @label, @auto, @createdAt, @snapshot)`,
  );
  const snapshot = db.prepare<[string, string], { snapshot: string }>(`SELECT snapshot FROM revisions WHERE deck_id = ? AND id = ?`);
  const lastNamed = db.prepare<[string], { id: string; label: string }>(
    `SELECT id, label FROM revisions WHERE deck_id = ? AND auto = 0 ORDER BY created_at DESC, rowid DESC LIMIT 1`,
  );
  const snapshotFigures = db.prepare<[string], { figures: string }>(`SELECT json_extract(snapshot, '$.figures') AS figures FROM revisions WHERE id = ?`);
  // A snapshot never changes: its figures, once read (a large deck's take over 100 ms), are kept for the next check.
  const figuresOf = new Map<string, StoredFigure[]>();
  const pruneAuto = db.prepare<[string, string, number]>(
    `DELETE FROM revisions WHERE deck_id = ? AND auto = 1 AND rowid NOT IN
       (SELECT rowid FROM revisions WHERE deck_id = ? AND auto = 1 ORDER BY created_at DESC, rowid DESC LIMIT ?)`,
  );

  const toRevision = (r: RevisionRow): Revision => ({ ...r, auto: r.auto === 1 });

  return {
    list: (deckId: string): Revision[] => list.all(deckId).map(toRevision),
    insert(r: Omit<Revision, 'slides'>, snap: Snapshot): Revision {
      insert.run({ ...r, auto: r.auto ? 1 : 0, snapshot: JSON.stringify(snap) });
      return { ...r, slides: snap.slides.length };
    },
    /** Keeps the newest `keep` automatic versions of a deck; named versions are the user's and are never removed. */
    pruneAuto(deckId: string, keep: number): void {
      pruneAuto.run(deckId, deckId, keep);
    },
    /** The newest named version's label and figures (only: its slides are not read), or null when there is none. */
    lastNamedFigures(deckId: string): { label: string; figures: StoredFigure[] } | null {
      const row = lastNamed.get(deckId);
      if (!row) return null;
      let figures = figuresOf.get(row.id);
      if (!figures) {
        const parsed = z.array(StoredFigure).safeParse(JSON.parse(snapshotFigures.get(row.id)?.figures ?? 'null'));
        if (!parsed.success) throw dbCorrupt({ zh: `版本“${row.label}”的内容无法读取`, en: `the version “${row.label}” cannot be read` });
        figures = parsed.data;
        if (figuresOf.size >= 8) figuresOf.delete(figuresOf.keys().next().value!);
        figuresOf.set(row.id, figures);
      }
      return { label: row.label, figures };
    },
    /** The snapshot of a revision of this deck, or undefined when there is none. */
    snapshot(deckId: string, id: string): Snapshot | undefined {
      const row = snapshot.get(deckId, id);
      if (!row) return undefined;
      const parsed = Snapshot.safeParse(JSON.parse(row.snapshot));
      if (!parsed.success) throw dbCorrupt({ zh: `版本 ${id} 的内容无法读取`, en: `revision ${id} cannot be read` });
      return parsed.data;
    },
  };
}

export type RevisionRepository = ReturnType<typeof createRevisionRepository>;
