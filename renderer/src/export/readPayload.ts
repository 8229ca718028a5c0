// Reads the deck embedded in the exported file. The JSON is data, never markup: it is parsed and validated with
// the shared schema, and the slides are then rendered by React as text.
import { ExportPayload } from '../../../decks/common/exportPayload.ts';
import { readPayloadJson } from './payloadJson.ts';

export type PayloadResult = { ok: true; payload: ExportPayload } | { ok: false; reason: string };

export function readPayload(doc: Document): PayloadResult {
  const read = readPayloadJson(doc);
  if (!read.ok) return read;
  const parsed = ExportPayload.safeParse(read.json);
  if (!parsed.success) return { ok: false, reason: `the deck data is not valid (${parsed.error.issues[0]?.path.join('.') ?? ''})` };
  return { ok: true, payload: parsed.data };
}
