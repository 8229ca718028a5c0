// The deck data embedded in a one-file page, parsed: the first step of reading it, shared by the export page (which
// then checks it with the schema, readPayload.ts) and the print page (which does not load zod; see printMain.tsx).
import { EXPORT_PAYLOAD_ELEMENT_ID } from '../../../decks/common/exportPage.ts';

/** The embedded JSON, parsed but not checked (the print page's; see printMain.tsx). */
export function readPayloadJson(doc: Document): { ok: true; json: unknown } | { ok: false; reason: string } {
  const text = doc.getElementById(EXPORT_PAYLOAD_ELEMENT_ID)?.textContent;
  if (!text) return { ok: false, reason: 'no deck data in this file' };
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch {
    return { ok: false, reason: 'the deck data is not valid JSON' };
  }
}
