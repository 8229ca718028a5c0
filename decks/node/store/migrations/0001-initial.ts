// The first schema. A slide's section is not stored: it follows from the order of the slides.
import type { Migration } from './index.ts';

const migration: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE reports (
        id          TEXT PRIMARY KEY,
        file_name   TEXT NOT NULL,
        encoding    TEXT NOT NULL,
        format      TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        text        TEXT NOT NULL,
        warnings    TEXT NOT NULL DEFAULT '[]',  -- JSON ImportWarning[] as generated (dismissals are per deck)
        imported_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE decks (
        id         TEXT PRIMARY KEY,
        title      TEXT NOT NULL,
        subtitle   TEXT NOT NULL DEFAULT '',
        theme      TEXT NOT NULL DEFAULT 'official',
        report_id  TEXT REFERENCES reports(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT                            -- set while the deck is in the trash
      ) STRICT;
      CREATE INDEX decks_report ON decks(report_id);

      CREATE TABLE slides (
        deck_id  TEXT NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
        id       TEXT NOT NULL,
        position INTEGER NOT NULL,                 -- dense 0..n-1 within the deck
        layout   TEXT NOT NULL,
        title    TEXT NOT NULL DEFAULT '',
        blocks   TEXT NOT NULL DEFAULT '[]',       -- JSON Block[]
        notes    TEXT NOT NULL DEFAULT '',
        hidden   INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (deck_id, id)
      ) STRICT;
      CREATE INDEX slides_order ON slides(deck_id, position);

      CREATE TABLE figures (
        deck_id    TEXT NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
        key        TEXT NOT NULL,
        label      TEXT NOT NULL,
        value      REAL NOT NULL,
        unit       TEXT NOT NULL,
        pattern    TEXT NOT NULL,
        decimals   INTEGER NOT NULL,
        grouped    INTEGER NOT NULL,
        qualifier  TEXT NOT NULL DEFAULT '',
        direction  TEXT NOT NULL DEFAULT '',
        as_of      TEXT,
        source     TEXT,                           -- JSON FigureSource
        updated_at TEXT NOT NULL,
        PRIMARY KEY (deck_id, key)
      ) STRICT;

      -- Tied to the deck, not to the figure row: a restore rewrites figures but keeps their history.
      CREATE TABLE figure_history (
        id         INTEGER PRIMARY KEY,
        deck_id    TEXT NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
        key        TEXT NOT NULL,
        old_value  REAL NOT NULL,
        new_value  REAL NOT NULL,
        changed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX figure_history_key ON figure_history(deck_id, key);

      CREATE TABLE assets (
        id      TEXT PRIMARY KEY,                  -- sha256 of the bytes, hex
        mime    TEXT NOT NULL,
        bytes   BLOB NOT NULL,
        size    INTEGER NOT NULL,
        caption TEXT NOT NULL DEFAULT '',
        credit  TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE TABLE deck_assets (
        deck_id  TEXT NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
        asset_id TEXT NOT NULL REFERENCES assets(id),
        PRIMARY KEY (deck_id, asset_id)
      ) STRICT;
      CREATE INDEX deck_assets_asset ON deck_assets(asset_id);

      CREATE TABLE revisions (
        id         TEXT PRIMARY KEY,
        deck_id    TEXT NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
        label      TEXT NOT NULL,
        auto       INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        snapshot   TEXT NOT NULL                   -- JSON: the deck's slides and figures
      ) STRICT;
      CREATE INDEX revisions_deck ON revisions(deck_id, created_at);

      CREATE TABLE dismissed_warnings (
        deck_id    TEXT NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
        warning_id TEXT NOT NULL,
        PRIMARY KEY (deck_id, warning_id)
      ) STRICT;

      -- Small facts about the database itself, e.g. whether it has ever held a deck.
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};

export default migration;
