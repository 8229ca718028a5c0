// A large picture gets a display-size copy (made where it is added), shown and exported in its place; the picture itself
// stays whole. The copy is an asset like any other. The link is kept per deck (on deck_assets, null: no copy), so what
// one deck or bundle says about a picture never changes how another deck shows the same bytes.
import type { Migration } from './index.ts';

const migration: Migration = {
  version: 2,
  name: 'asset-renditions',
  up(db) {
    db.exec(`ALTER TABLE deck_assets ADD COLUMN display_id TEXT REFERENCES assets(id);`);
  },
};

export default migration;
