// What a single-file HTML export carries: the deck (visible slides only) and its images as data: URLs, embedded
// as JSON in `<script type="application/json" id="huibao-deck">`. Written by decks/node/export/html.ts, read by the
// export page (renderer/src/export), which validates it with this schema before showing anything.
import { z } from 'zod';
import { Deck } from './model.ts';

export const EXPORT_PAYLOAD_ELEMENT_ID = 'huibao-deck';
export const EXPORT_PAYLOAD_VERSION = 1;

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

/**
 * The page's print layouts, chosen by the URL fragment: `#print` one 1280×720 page per slide, `#print-notes` the
 * handout (each slide with its speaker notes under it, A4 portrait). `?print-pdf` (reveal.js's flag) means `#print`.
 */
export type ExportView = 'play' | 'print' | 'print-notes';
export const PRINT_HASH: Record<Exclude<ExportView, 'play'>, string> = { print: '#print', 'print-notes': '#print-notes' };

export function exportViewOf(search: string, hash: string): ExportView {
  if (hash === PRINT_HASH['print-notes']) return 'print-notes';
  if (hash === PRINT_HASH.print || /(^\?|&)print-pdf(=|&|$)/.test(search)) return 'print';
  return 'play';
}

/** Set on <html> (`data-huibao-ready="true"`) once every slide is laid out, fitted, with fonts and images loaded. */
export const READY_ATTRIBUTE = 'data-huibao-ready';
