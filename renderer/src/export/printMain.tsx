// The page the PDF export prints (renderer/print.html, built on its own like the export page, and inlined by html.ts
// into the file the printer opens): the deck laid out for paper and nothing else — no reveal.js, no player, no zod.
// The file is written by the host for this one print and never leaves it, so its data is read without a second check
// (the exported HTML file, which is sent to others, is checked in full by main.tsx).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../../assets/themes/base.css';
import '../../../assets/themes/official.css';
import '../../../assets/themes/light.css';
import '../../../assets/themes/contrast.css';
import './exportPage.css';
import { EXPORT_PAYLOAD_VERSION, exportViewOf } from '../../../decks/common/exportPage.ts';
import type { ExportPayload } from '../../../decks/common/exportPayload.ts';
import { PrintPages } from './PrintPages.tsx';
import { readPayloadJson } from './payloadJson.ts';

const root = document.getElementById('root');
const read = readPayloadJson(document);
const payload = read.ok ? (read.json as ExportPayload) : null;
if (root) {
  createRoot(root).render(
    <StrictMode>
      {payload?.version === EXPORT_PAYLOAD_VERSION ? (
        <PrintPages payload={payload} handout={exportViewOf(window.location.search, window.location.hash) === 'print-notes'} />
      ) : (
        // The printer waits for the page to be ready, and reports a page that never is.
        <p className="export-error" role="alert">
          {read.ok ? 'the deck data is of another version' : read.reason}
        </p>
      )}
    </StrictMode>,
  );
}
