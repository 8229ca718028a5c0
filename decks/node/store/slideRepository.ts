// The slides table. Order is a dense `position` 0..n-1 per deck; a slide's section is derived on read, never stored.
import { z } from 'zod';
import { Slide } from '../../common/model.ts';
import type { Db } from './database.ts';

/** A slide as stored: everything but its section. */
export const SlideContent = Slide.omit({ section: true });
export type SlideContent = z.infer<typeof SlideContent>;

interface SlideRow {
  id: string;
  layout: string;
  title: string;
  blocks: string;
  notes: string;
  hidden: number;
}

function fromRow(r: SlideRow): SlideContent {
  return { id: r.id, layout: r.layout as SlideContent['layout'], title: r.title, blocks: JSON.parse(r.blocks), notes: r.notes, hidden: r.hidden === 1 };
}

export function createSlideRepository(db: Db) {
  const list = db.prepare<[string], SlideRow>(`SELECT id, layout, title, blocks, notes, hidden FROM slides WHERE deck_id = ? ORDER BY position`);
  const order = db.prepare<[string], { id: string }>(`SELECT id FROM slides WHERE deck_id = ? ORDER BY position`);
  const get = db.prepare<[string, string], SlideRow>(`SELECT id, layout, title, blocks, notes, hidden FROM slides WHERE deck_id = ? AND id = ?`);
  const insert = db.prepare(
    `INSERT INTO slides (deck_id, id, position, layout, title, blocks, notes, hidden)
     VALUES (@deckId, @id, @position, @layout, @title, @blocks, @notes, @hidden)`,
  );
  const update = db.prepare(
    `UPDATE slides SET layout = @layout, title = @title, blocks = @blocks, notes = @notes, hidden = @hidden
     WHERE deck_id = @deckId AND id = @id`,
  );
  const setPosition = db.prepare<[number, string, string]>(`UPDATE slides SET position = ? WHERE deck_id = ? AND id = ?`);
  const remove = db.prepare<[string, string]>(`DELETE FROM slides WHERE deck_id = ? AND id = ?`);
  const removeAll = db.prepare<[string]>(`DELETE FROM slides WHERE deck_id = ?`);
  const copyDeck = db.prepare<[string, string]>(
    `INSERT INTO slides (deck_id, id, position, layout, title, blocks, notes, hidden)
     SELECT ?, id, position, layout, title, blocks, notes, hidden FROM slides WHERE deck_id = ?`,
  );

  const toParams = (deckId: string, s: SlideContent) => ({
    deckId,
    id: s.id,
    layout: s.layout,
    title: s.title,
    blocks: JSON.stringify(s.blocks),
    notes: s.notes,
    hidden: s.hidden ? 1 : 0,
  });

  return {
    list: (deckId: string): SlideContent[] => list.all(deckId).map(fromRow),
    order: (deckId: string): string[] => order.all(deckId).map((r) => r.id),
    get(deckId: string, id: string): SlideContent | undefined {
      const row = get.get(deckId, id);
      return row && fromRow(row);
    },
    /** Adds a slide at `position`; when it goes anywhere but the end, follow with `writeOrder`. */
    insert: (deckId: string, slide: SlideContent, position: number) => void insert.run({ ...toParams(deckId, slide), position }),
    update: (deckId: string, slide: SlideContent) => void update.run(toParams(deckId, slide)),
    remove(deckId: string, ids: readonly string[]): void {
      for (const id of ids) remove.run(deckId, id);
    },
    /** Rewrites every position so they are 0..n-1 in `ids` order (run inside the caller's transaction). */
    writeOrder(deckId: string, ids: readonly string[]): void {
      ids.forEach((id, i) => setPosition.run(i, deckId, id));
    },
    replaceAll(deckId: string, slides: readonly SlideContent[]): void {
      removeAll.run(deckId);
      slides.forEach((s, i) => insert.run({ ...toParams(deckId, s), position: i }));
    },
    copyDeck: (fromDeckId: string, toDeckId: string) => void copyDeck.run(toDeckId, fromDeckId),
  };
}

export type SlideRepository = ReturnType<typeof createSlideRepository>;
