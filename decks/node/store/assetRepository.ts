// Images, content-addressed by sha256 and shared between decks through deck_assets. In a deck, a large picture may
// point to a display-size copy of itself (deck_assets.display_id), another asset linked to the same deck.
import type { Asset } from '../../common/model.ts';
import type { Db } from './database.ts';

const ASSET_COLUMNS = `a.id, a.mime, a.caption, a.credit, a.size AS bytes, da.display_id AS displayId`;

export function createAssetRepository(db: Db) {
  const list = db.prepare<[string], Asset>(
    `SELECT ${ASSET_COLUMNS} FROM deck_assets da JOIN assets a ON a.id = da.asset_id WHERE da.deck_id = ? ORDER BY a.id`,
  );
  const copyLinks = db.prepare<[string, string]>(`INSERT INTO deck_assets (deck_id, asset_id, display_id) SELECT ?, asset_id, display_id FROM deck_assets WHERE deck_id = ?`);
  const insert = db.prepare(
    `INSERT OR IGNORE INTO assets (id, mime, bytes, size, caption, credit) VALUES (@id, @mime, @data, @bytes, @caption, @credit)`,
  );
  // An image already stored keeps its caption and credit (other decks share it) unless it had none.
  const fillWording = db.prepare<[string, string, string]>(
    `UPDATE assets SET caption = CASE WHEN caption = '' THEN ? ELSE caption END, credit = CASE WHEN credit = '' THEN ? ELSE credit END WHERE id = ?`,
  );
  const link = db.prepare<[string, string]>(`INSERT OR IGNORE INTO deck_assets (deck_id, asset_id) VALUES (?, ?)`);
  const get = db.prepare<[string, string], Asset>(
    `SELECT ${ASSET_COLUMNS} FROM deck_assets da JOIN assets a ON a.id = da.asset_id WHERE da.deck_id = ? AND a.id = ?`,
  );
  const data = db.prepare<[string], { bytes: Buffer }>(`SELECT bytes FROM assets WHERE id = ?`);
  // The first display copy stays: the picture's bytes are the same, so any copy made from them serves.
  const setDisplay = db.prepare<[string, string, string]>(`UPDATE deck_assets SET display_id = ? WHERE deck_id = ? AND asset_id = ? AND display_id IS NULL`);

  return {
    /** The deck's images, without their bytes. */
    list: (deckId: string): Asset[] => list.all(deckId),
    copyLinks: (fromDeckId: string, toDeckId: string) => void copyLinks.run(toDeckId, fromDeckId),
    /** Stores an image once (by its sha256) and links it to the deck. Run inside the caller's transaction. */
    add(deckId: string, asset: Asset, bytes: Uint8Array): void {
      const { displayId: _, ...row } = asset;
      insert.run({ ...row, data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
      fillWording.run(asset.caption, asset.credit, asset.id);
      link.run(deckId, asset.id);
    },
    /** In the deck, makes `displayId` (an asset of the deck) the display copy of `assetId`, unless it has one. */
    setDisplay: (deckId: string, assetId: string, displayId: string) => void setDisplay.run(displayId, deckId, assetId),
    /** One image of the deck, without its bytes; undefined when the deck has no such image. */
    get: (deckId: string, assetId: string): Asset | undefined => get.get(deckId, assetId),
    /** The bytes of an image. */
    data: (assetId: string): Uint8Array | undefined => data.get(assetId)?.bytes,
  };
}

export type AssetRepository = ReturnType<typeof createAssetRepository>;
