// Pictures on screen (editor, thumbnails, presenter, console): each picture a deck's slides show is loaded once through
// `getAsset` — its display copy when it has one, never the whole large picture — and shown from a blob: URL (the CSP
// allows blob: and data: images only). A URL is kept while a page of this window shows it and a minute after, so going
// from the editor to the show and back loads nothing twice; then it is revoked and its memory freed.
import { useEffect, useMemo, useState } from 'react';
import type { DeckApi } from '../../../decks/common/api.ts';
import { picturesShown } from '../../../decks/common/audience.ts';
import type { Asset, Slide } from '../../../decks/common/model.ts';
import { base64ToBytes } from '../library/base64.ts';

/** How long an unused picture stays loaded. */
const KEEP_MS = 60_000;

interface Entry {
  url: Promise<string | null>;
  users: number;
  release: ReturnType<typeof setTimeout> | null;
}

/** By the id of the asset shown (content-addressed, so one entry serves every deck that holds those bytes). */
const entries = new Map<string, Entry>();

function acquire(api: DeckApi, deckId: string, shownId: string): Entry {
  let entry = entries.get(shownId);
  if (!entry) {
    const url = api
      .getAsset({ deckId, assetId: shownId })
      .then(({ asset, dataBase64 }) => URL.createObjectURL(new Blob([base64ToBytes(dataBase64)], { type: asset.mime })))
      // A picture that cannot be loaded shows as an empty frame; the next page that needs it tries again.
      .catch(() => {
        entries.delete(shownId);
        return null;
      });
    entry = { url, users: 0, release: null };
    entries.set(shownId, entry);
  }
  if (entry.release) clearTimeout(entry.release);
  entry.release = null;
  entry.users++;
  return entry;
}

function release(shownId: string, entry: Entry): void {
  entry.users--;
  if (entry.users > 0) return;
  entry.release = setTimeout(() => {
    if (entries.get(shownId) !== entry || entry.users > 0) return;
    entries.delete(shownId);
    void entry.url.then((url) => url && URL.revokeObjectURL(url));
  }, KEEP_MS);
}

/** Which asset to load for each picture the slides show: its display copy when it has one. */
export function shownAssetIds(assets: readonly Asset[], slides: readonly Slide[]): Map<string, string> {
  const byId = new Map(assets.map((a) => [a.id, a]));
  const out = new Map<string, string>();
  for (const id of picturesShown(slides)) {
    const asset = byId.get(id);
    if (asset) out.set(id, asset.displayId && byId.has(asset.displayId) ? asset.displayId : id);
  }
  return out;
}

/** Picture id → blob: URL for the pictures of `slides` loaded so far (the map grows as they arrive). */
export function usePictureUrls(api: DeckApi, deckId: string, assets: readonly Asset[], slides: readonly Slide[]): ReadonlyMap<string, string> {
  const wanted = useMemo(() => shownAssetIds(assets, slides), [assets, slides]);
  // Typing makes new slide objects all the time: the loads follow what is shown, not every edit.
  const key = [...wanted].map(([id, shown]) => `${id}:${shown}`).sort().join(',');
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(() => new Map());
  useEffect(() => {
    let live = true;
    const held = [...wanted].map(([id, shown]) => ({ id, shown, entry: acquire(api, deckId, shown) }));
    for (const { id, entry } of held) {
      void entry.url.then((url) => {
        if (!live || !url) return;
        setUrls((prev) => (prev.get(id) === url ? prev : new Map(prev).set(id, url)));
      });
    }
    return () => {
      live = false;
      for (const { shown, entry } of held) release(shown, entry);
    };
    // `key` stands for `wanted`.
  }, [api, deckId, key]);
  return urls;
}
