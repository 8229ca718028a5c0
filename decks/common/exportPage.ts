// What a one-file page (the HTML export's, the PDF's print page) and the code that writes or prints it agree on,
// apart from the payload's schema (exportPayload.ts) so that the print page can read them without loading zod.
export const EXPORT_PAYLOAD_ELEMENT_ID = 'huibao-deck';
export const EXPORT_PAYLOAD_VERSION = 1;

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
