// The Export menu (editor toolbar, library deck cards): PDF, PDF handout, PPTX, HTML, .huibao. While the core makes
// the file a status pill shows the format with an indeterminate bar; the file then downloads, and a failure is
// shown in the user's language until closed.
import { useCallback, useEffect, useState, type MutableRefObject } from 'react';
import { errorMessage, type ExportFormat } from '../../../decks/common/api.ts';
import { getApi } from '../api/getApi.ts';
import { Menu } from '../editor/Menu.tsx';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/zh.ts';
import { downloadFile } from './download.ts';
import { Icon } from './Icon.tsx';
import './exportMenu.css';

export interface ExportChoice {
  key: string;
  format: ExportFormat;
  notes?: boolean;
  label: MessageKey;
}

export const EXPORT_CHOICES: readonly ExportChoice[] = [
  { key: 'pdf', format: 'pdf', label: 'export.pdf' },
  { key: 'pdf-notes', format: 'pdf', notes: true, label: 'export.pdfNotes' },
  { key: 'pptx', format: 'pptx', label: 'export.pptx' },
  { key: 'html', format: 'html', label: 'export.html' },
  { key: 'html-notes', format: 'html', notes: true, label: 'export.htmlNotes' },
  { key: 'huibao', format: 'huibao', label: 'export.huibao' },
];

type ExportState = { kind: 'running'; label: string } | { kind: 'done'; name: string } | { kind: 'failed'; message: string } | null;

export interface ExportMenuProps {
  deckId: string;
  beforeExport?: () => Promise<void>;
  className?: string;
  /** Filled with a runner of the menu's exports by key, for the export commands (keys, the native menu). */
  control?: MutableRefObject<((key: string) => void) | null>;
  /** May hold an export back (the editor first offers its pre-flight check); calls `go` to export. */
  gate?: (go: () => void) => void;
}

export function ExportMenu({ deckId, beforeExport, className, control, gate }: ExportMenuProps) {
  const t = useT();
  const [lang] = useLang();
  const [state, setState] = useState<ExportState>(null);
  const running = state?.kind === 'running';

  const run = useCallback(
    async (choice: ExportChoice) => {
      setState({ kind: 'running', label: t(choice.label) });
      try {
        // The editor saves what is typed first: the file shows the deck as it is on screen.
        await beforeExport?.();
        const file = await getApi().exportDeck({ deckId, format: choice.format, ...(choice.notes ? { notes: true } : {}) });
        downloadFile(file);
        setState({ kind: 'done', name: file.fileName });
      } catch (err) {
        setState({ kind: 'failed', message: errorMessage(err, lang) });
      }
    },
    [deckId, beforeExport, lang, t],
  );
  // The host starts the browser (or window) it prints with while the person chooses, or reads the pre-flight
  // check: a PDF export then does not wait for it. A failure here is the export's to report, if one follows.
  const preparePdf = useCallback(() => void getApi().prepareExport({ format: 'pdf' }).catch(() => undefined), []);
  const start = useCallback(
    (choice: ExportChoice) => {
      if (choice.format === 'pdf') preparePdf();
      if (gate) gate(() => void run(choice));
      else void run(choice);
    },
    [gate, run, preparePdf],
  );

  useEffect(() => {
    if (!control) return;
    control.current = (key) => {
      const choice = EXPORT_CHOICES.find((c) => c.key === key);
      if (choice && !running) start(choice);
    };
    return () => {
      control.current = null;
    };
  }, [control, start, running]);

  useEffect(() => {
    if (state?.kind !== 'done') return;
    const timer = window.setTimeout(() => setState(null), 5000);
    return () => window.clearTimeout(timer);
  }, [state]);

  return (
    <>
      <Menu
        label={t('export.menu')}
        icon={<Icon name="download" />}
        className={className ? `export-menu ${className}` : 'export-menu'}
        onOpen={preparePdf}
        items={EXPORT_CHOICES.map((choice) => ({
          key: choice.key,
          label: t(choice.label),
          run: () => {
            if (!running) start(choice);
          },
        }))}
      />
      {state && (
        <div className={`export-status is-${state.kind}`} role={state.kind === 'failed' ? 'alert' : 'status'} aria-live="polite">
          {state.kind === 'running' && (
            <>
              <span className="spinner" aria-hidden="true" />
              <span>{t('export.running', { format: state.label })}</span>
              <span className="export-bar" aria-hidden="true" />
            </>
          )}
          {state.kind === 'done' && (
            <>
              <Icon name="check" />
              <span>{t('export.done', { name: state.name })}</span>
            </>
          )}
          {state.kind === 'failed' && (
            <>
              <Icon name="alert" />
              <span>{t('export.failed', { message: state.message })}</span>
              <button type="button" className="button small" onClick={() => setState(null)}>
                {t('common.close')}
              </button>
            </>
          )}
        </div>
      )}
    </>
  );
}
