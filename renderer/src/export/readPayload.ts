// Reads the deck embedded in the exported file. The JSON is data, never markup: it is parsed and validated with
// the shared schema, and the slides are then rendered by React as text.
import { EXPORT_PAYLOAD_ELEMENT_ID, ExportPayload } from '../../../decks/common/exportPayload.ts';

export type PayloadResult = { ok: true; payload: ExportPayload } | { ok: false; reason: string };

export function readPayload(doc: Document): PayloadResult {
  const text = doc.getElementById(EXPORT_PAYLOAD_ELEMENT_ID)?.textContent;
  if (!text) return { ok: false, reason: 'no deck data in this file' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the deck data is not valid JSON' };
  }
  const parsed = ExportPayload.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `the deck data is not valid (${parsed.error.issues[0]?.path.join('.') ?? ''})` };
  return { ok: true, payload: parsed.data };
}
