// 定稿 and refresh from a revised report. A deck's sign-off: who, when, and the SHA-256 of its content then (one per
// deck, the latest). A deck's refresh base: the revised report last applied to it, whose text the next refresh compares
// with (none: the report it was imported from). Both go with their deck.
import type { Migration } from './index.ts';

const migration: Migration = {
  version: 4,
  name: 'refresh-approval',
  up(db) {
    db.exec(`
      CREATE TABLE approvals (
        deck_id     TEXT PRIMARY KEY REFERENCES decks(id) ON DELETE CASCADE,
        approver    TEXT NOT NULL,
        approved_at TEXT NOT NULL,
        sha256      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE refresh_bases (
        deck_id    TEXT PRIMARY KEY REFERENCES decks(id) ON DELETE CASCADE,
        file_name  TEXT NOT NULL,
        format     TEXT NOT NULL,
        sha256     TEXT NOT NULL,
        text       TEXT NOT NULL,
        applied_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};

export default migration;
