// The pre-flight findings a deck's staff dismissed, by the finding's stable id (see decks/common/preflight.ts).
import type { Db } from './database.ts';

export function createFindingRepository(db: Db) {
  const dismissed = db.prepare<[string], { id: string }>(`SELECT finding_id AS id FROM dismissed_findings WHERE deck_id = ?`);
  const dismiss = db.prepare<[string, string]>(`INSERT OR IGNORE INTO dismissed_findings (deck_id, finding_id) VALUES (?, ?)`);
  const undismiss = db.prepare<[string, string]>(`DELETE FROM dismissed_findings WHERE deck_id = ? AND finding_id = ?`);
  const copy = db.prepare<[string, string]>(`INSERT INTO dismissed_findings (deck_id, finding_id) SELECT ?, finding_id FROM dismissed_findings WHERE deck_id = ?`);
  return {
    dismissed: (deckId: string): Set<string> => new Set(dismissed.all(deckId).map((r) => r.id)),
    setDismissed(deckId: string, findingId: string, on: boolean): void {
      if (on) dismiss.run(deckId, findingId);
      else undismiss.run(deckId, findingId);
    },
    copyDeck: (fromDeckId: string, toDeckId: string) => void copy.run(toDeckId, fromDeckId),
  };
}
