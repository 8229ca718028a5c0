// The pre-flight check's two records: when a person confirmed each figure (null: imported and never looked at), and
// the findings a deck's staff dismissed (by the finding's stable id).
import type { Migration } from './index.ts';

const migration: Migration = {
  version: 3,
  name: 'preflight',
  up(db) {
    db.exec(`
      ALTER TABLE figures ADD COLUMN confirmed_at TEXT;
      CREATE TABLE dismissed_findings (
        deck_id    TEXT NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
        finding_id TEXT NOT NULL,
        PRIMARY KEY (deck_id, finding_id)
      ) STRICT;
    `);
  },
};

export default migration;
