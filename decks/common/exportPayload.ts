// What a single-file HTML export carries: the deck (visible slides only) and its images as data: URLs, embedded
// as JSON in `<script type="application/json" id="huibao-deck">`. Written by decks/node/export/html.ts, read by the
// export page (renderer/src/export), which validates it with this schema before showing anything.
// (The names the file and its pages share, without zod, are in exportPage.ts.)
import { z } from 'zod';
import { EXPORT_PAYLOAD_VERSION } from './exportPage.ts';
import { Deck } from './model.ts';

/** Only raster images the app accepts, base64: nothing else can reach an <img src>. */
export const IMAGE_DATA_URL = /^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/]*={0,2}$/;

export const ExportPayload = z.object({
  version: z.literal(EXPORT_PAYLOAD_VERSION),
  /** Whether the file carries the speaker notes (a file for sending does not: every slide's notes are empty). */
  notes: z.boolean(),
  deck: Deck,
  /** Asset id → data: URL. */
  assets: z.record(z.string().regex(/^[0-9a-f]{64}$/), z.string().regex(IMAGE_DATA_URL)),
});
export type ExportPayload = z.infer<typeof ExportPayload>;
