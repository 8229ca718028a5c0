// The single-file HTML export's page (renderer/export.html, built on its own into one script and one stylesheet,
// which decks/node/export/html.ts inlines into the exported file). It shows the embedded deck: as a reveal.js
// presentation, or laid out for printing (`#print`, `#print-notes`) when the PDF export prints it.
import { z } from 'zod';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../../assets/themes/base.css';
import '../../../assets/themes/official.css';
import '../../../assets/themes/light.css';
import '../../../assets/themes/contrast.css';
import '../presenter/presenter.css';
import './exportPage.css';
import { exportViewOf } from '../../../decks/common/exportPage.ts';
import { ExportPlayer } from './ExportPlayer.tsx';
import { PrintPages } from './PrintPages.tsx';
import { translate } from '../i18n/messages.ts';
import { readPayload } from './readPayload.ts';

// zod probes `new Function` to speed up validation; the CSP forbids it (rightly), so tell zod not to try.
z.config({ jitless: true });

const root = document.getElementById('root');
const read = readPayload(document);
const view = exportViewOf(window.location.search, window.location.hash);
if (root) {
  createRoot(root).render(
    <StrictMode>
      {!read.ok ? (
        <p className="export-error" role="alert">
          {/* Both languages: the file may be opened where neither was chosen. */}
          {translate('zh', 'export.unreadable', { reason: read.reason })} · {translate('en', 'export.unreadable', { reason: read.reason })}
        </p>
      ) : view === 'play' ? (
        <ExportPlayer payload={read.payload} />
      ) : (
        <PrintPages payload={read.payload} handout={view === 'print-notes'} />
      )}
    </StrictMode>,
  );
}
