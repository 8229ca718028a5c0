// The start screen: every deck as a card, searched and sorted, with new (then opened) / rename / duplicate / theme /
// delete (to the trash, undoable), the trash itself, importing a report and opening a .huibao bundle, by file picker
// (one picker takes both) or by dropping a file anywhere on the page (routed by its extension).
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { ApiError, errorMessage, FILE_LIMITS, type Result } from '../../../decks/common/api.ts';
import { LIMITS, type DeckSummary, type Theme } from '../../../decks/common/model.ts';
import { getApi } from '../api/getApi.ts';
import { AppHeader } from '../app/AppHeader.tsx';
import { FileInput } from '../app/FileInput.tsx';
import { Icon } from '../app/Icon.tsx';
import { Toast, type ToastMessage } from '../app/Toast.tsx';
import { onMenuCommand } from '../commands/useCommands.ts';
import { navigate } from '../app/useRoute.ts';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import { translate } from '../i18n/messages.ts';
import { bytesToBase64 } from './base64.ts';
import { DeckCard, type DeckCardActions } from './DeckCard.tsx';
import { arrangeDecks, DECK_SORTS, isDeckSort, type DeckSort } from './deckList.ts';
import { ImportedDialog, ImportErrorDialog, PurgeDialog, TitleDialog } from './dialogs.tsx';
import './library.css';

type View = 'decks' | 'trash';
type DialogState =
  | { kind: 'new' }
  | { kind: 'rename'; deck: DeckSummary }
  | { kind: 'purge'; deck: DeckSummary }
  | { kind: 'imported'; result: Result<'importReport'> }
  | { kind: 'importError'; error: unknown; fileName: string; bundle?: boolean }
  | null;

const BUNDLE_ACCEPT = '.huibao';
/** The import picker takes reports and bundles alike (its hint names both); what is picked is routed by extension. */
const ACCEPT = `.txt,.md,.markdown,.docx,${BUNDLE_ACCEPT}`;
const SORT_KEY = 'huibao.library.sort';

function storedSort(): DeckSort {
  try {
    const value = window.localStorage.getItem(SORT_KEY);
    return isDeckSort(value) ? value : 'updated';
  } catch {
    return 'updated';
  }
}
const isBundle = (file: File) => /\.huibao$/i.test(file.name);

export function LibraryPage() {
  const t = useT();
  const [lang] = useLang();
  const [view, setView] = useState<View>('decks');
  const [decks, setDecks] = useState<DeckSummary[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [importing, setImporting] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const toastId = useRef(0);
  const [now, setNow] = useState(() => new Date());
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<DeckSort>(storedSort);
  const chooseSort = (next: DeckSort) => {
    setSort(next);
    try {
      window.localStorage.setItem(SORT_KEY, next);
    } catch {
      // Without storage the choice lasts for this window only.
    }
  };

  const reload = useCallback(async () => {
    try {
      const { decks: list } = await getApi().listDecks({ trash: view === 'trash' });
      setDecks(list);
      setLoadError(null);
      setNow(new Date());
    } catch (err) {
      setLoadError(err);
    }
  }, [view]);

  useEffect(() => {
    setDecks(null);
    void reload();
  }, [reload]);

  const showToast = useCallback((text: string, action?: ToastMessage['action']) => {
    toastId.current += 1;
    setToast({ id: toastId.current, text, action });
  }, []);
  const hideToast = useCallback(() => setToast(null), []);
  // File › Export in the desktop menu exports the open deck; here there is none.
  useEffect(() => onMenuCommand((id) => id.startsWith('export-') && (showToast(t('library.exportNeedsDeck')), true)), [showToast, t]);

  const actions: DeckCardActions = {
    rename: (deck) => setDialog({ kind: 'rename', deck }),
    duplicate: async (deck) => {
      try {
        const copy = await getApi().duplicateDeck({ deckId: deck.id });
        await reload();
        showToast(t('library.duplicated', { title: copy.title }));
      } catch (err) {
        setLoadError(err);
      }
    },
    setTheme: async (deck, theme: Theme) => {
      try {
        await getApi().setTheme({ deckId: deck.id, theme });
        await reload();
        showToast(t('library.themeChanged', { title: deck.title, theme: t(`theme.${theme}`) }));
      } catch (err) {
        setLoadError(err);
      }
    },
    remove: async (deck) => {
      try {
        await getApi().deleteDeck({ deckId: deck.id });
        await reload();
        showToast(t('library.movedToTrash'), {
          label: t('library.undo'),
          run: () => {
            void getApi()
              .restoreDeck({ deckId: deck.id })
              .then(reload)
              .catch((err: unknown) => setLoadError(err));
          },
        });
      } catch (err) {
        setLoadError(err);
      }
    },
    restore: async (deck) => {
      try {
        await getApi().restoreDeck({ deckId: deck.id });
        await reload();
        showToast(t('library.restored', { title: deck.title }));
      } catch (err) {
        setLoadError(err);
      }
    },
    purge: (deck) => setDialog({ kind: 'purge', deck }),
  };

  const importFile = async (file: File) => {
    if (importing) return;
    setImporting(file.name);
    try {
      if (file.size > LIMITS.reportBytes) {
        throw new ApiError('REPORT_TOO_LARGE', translate('zh', 'import.tooLarge'), translate('en', 'import.tooLarge'));
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await getApi().importReport({ fileName: file.name, dataBase64: bytesToBase64(bytes) });
      setDialog({ kind: 'imported', result });
      if (view === 'decks') await reload();
      else setView('decks');
    } catch (err) {
      setDialog({ kind: 'importError', error: err, fileName: file.name });
    } finally {
      setImporting(null);
    }
  };

  // A bundle opens as a new deck (never over an existing one), straight into the editor.
  const openBundleFile = async (file: File) => {
    if (importing) return;
    setImporting(file.name);
    try {
      if (file.size > FILE_LIMITS.bundleBytes) {
        throw new ApiError('BUNDLE_INVALID', translate('zh', 'bundle.tooLarge'), translate('en', 'bundle.tooLarge'));
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await getApi().openBundle({ fileName: file.name.slice(0, 255), dataBase64: bytesToBase64(bytes) });
      navigate({ name: 'edit', deckId: result.deckId });
    } catch (err) {
      setDialog({ kind: 'importError', error: err, fileName: file.name, bundle: true });
    } finally {
      setImporting(null);
    }
  };

  const takeFile = (file: File) => void (isBundle(file) ? openBundleFile(file) : importFile(file));
  // One file input for both buttons (what it offers follows the button); what is picked is routed by its extension.
  const pickFile = (accept: string) => {
    const input = fileInput.current;
    if (!input) return;
    input.accept = accept;
    input.click();
  };

  // Drag and drop: the whole page is the drop zone; the counter copes with dragenter/leave firing on every child.
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  const onDragEnter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    dragDepth.current += 1;
    setDragging(true);
  };
  const onDragOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    dragDepth.current = Math.max(0, dragDepth.current - 1);
    if (dragDepth.current === 0) setDragging(false);
  };
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) takeFile(file);
  };

  const inTrash = view === 'trash';
  const shown = decks && arrangeDecks(decks, { query, sort, trash: inTrash });
  return (
    <div className={dragging ? 'page library is-dragging' : 'page library'} onDragEnter={onDragEnter} onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
      <AppHeader />
      <main className="library-main">
        <div className="library-toolbar">
          <h1 className="library-heading">{t(inTrash ? 'library.trashTitle' : 'library.title')}</h1>
          <div className="library-actions">
            {inTrash ? (
              <button type="button" className="button" onClick={() => setView('decks')}>
                <Icon name="back" />
                <span>{t('library.backToDecks')}</span>
              </button>
            ) : (
              <>
                <button type="button" className="button primary" onClick={() => setDialog({ kind: 'new' })}>
                  <Icon name="plus" />
                  <span>{t('library.new')}</span>
                </button>
                <button type="button" className="button" onClick={() => pickFile(ACCEPT)} disabled={importing !== null} title={t('library.importHint')} aria-describedby="import-hint">
                  <Icon name="upload" />
                  <span>{t('library.import')}</span>
                </button>
                <FileInput inputRef={fileInput} accept={ACCEPT} testId="import-input" onFile={takeFile} />
                <button type="button" className="button" onClick={() => pickFile(BUNDLE_ACCEPT)} disabled={importing !== null}>
                  <Icon name="file" />
                  <span>{t('bundle.open')}</span>
                </button>
                <button type="button" className="button quiet" onClick={() => setView('trash')}>
                  <Icon name="trash" />
                  <span>{t('library.trash')}</span>
                </button>
              </>
            )}
          </div>
        </div>
        {!inTrash && (
          <p id="import-hint" className="library-hint">
            {t('library.importHint')}
          </p>
        )}
        {decks !== null && decks.length > 0 && (
          <div className="library-filter" role="search">
            <label className="library-search">
              <Icon name="search" />
              <span className="visually-hidden">{t('library.search')}</span>
              <input type="search" value={query} placeholder={t('library.searchPlaceholder')} onChange={(e) => setQuery(e.target.value)} maxLength={200} />
            </label>
            <label className="library-sort">
              <span>{t('library.sort')}</span>
              <select value={sort} onChange={(e) => isDeckSort(e.target.value) && chooseSort(e.target.value)}>
                {DECK_SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(s === 'updated' ? 'library.sortUpdated' : s === 'created' ? 'library.sortCreated' : 'library.sortName')}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        {importing && (
          <p className="library-progress" role="status">
            <span className="spinner" aria-hidden="true" /> {t(/\.huibao$/i.test(importing) ? 'bundle.opening' : 'library.importing', { name: importing })}
          </p>
        )}
        {loadError !== null && (
          <div className="banner error" role="alert">
            <Icon name="alert" />
            <span>{errorMessage(loadError, lang)}</span>
            <button type="button" className="button small" onClick={() => void reload()}>
              {t('common.retry')}
            </button>
          </div>
        )}
        {shown === null ? (
          loadError === null && <p className="library-empty">{t('common.loading')}</p>
        ) : decks!.length === 0 ? (
          <p className="library-empty">{t(inTrash ? 'library.trashEmpty' : 'library.empty')}</p>
        ) : shown.length === 0 ? (
          <p className="library-empty">{t('library.noMatch', { query: query.trim() })}</p>
        ) : (
          <ul className="deck-grid" aria-label={t(inTrash ? 'library.trashTitle' : 'library.deckList')}>
            {shown.map((d) => (
              <DeckCard key={d.id} deck={d} inTrash={inTrash} actions={actions} now={now} />
            ))}
          </ul>
        )}
      </main>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-box">
            <Icon name="upload" />
            <span>{t('library.dropHere')}</span>
          </div>
        </div>
      )}
      {dialog?.kind === 'new' && (
        <TitleDialog
          mode="new"
          initial=""
          onClose={() => setDialog(null)}
          onSubmit={async (title, theme) => {
            // A new deck opens at once, on its title slide, ready to fill in.
            const deck = await getApi().createDeck({ title, theme });
            setDialog(null);
            navigate({ name: 'edit', deckId: deck.id });
          }}
        />
      )}
      {dialog?.kind === 'rename' && (
        <TitleDialog
          mode="rename"
          initial={dialog.deck.title}
          onClose={() => setDialog(null)}
          onSubmit={async (title) => {
            await getApi().renameDeck({ deckId: dialog.deck.id, title });
            setDialog(null);
            await reload();
          }}
        />
      )}
      {dialog?.kind === 'purge' && (
        <PurgeDialog
          title={dialog.deck.title}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const deck = dialog.deck;
            setDialog(null);
            try {
              await getApi().purgeDeck({ deckId: deck.id });
              await reload();
              showToast(t('library.purged', { title: deck.title }));
            } catch (err) {
              setLoadError(err);
            }
          }}
        />
      )}
      {dialog?.kind === 'imported' && (
        <ImportedDialog result={dialog.result} onClose={() => setDialog(null)} onOpen={() => navigate({ name: 'edit', deckId: dialog.result.deckId })} />
      )}
      {dialog?.kind === 'importError' && (
        <ImportErrorDialog error={dialog.error} fileName={dialog.fileName} title={dialog.bundle ? t('bundle.failedTitle') : undefined} onClose={() => setDialog(null)} />
      )}
      <Toast toast={toast} onDone={hideToast} />
    </div>
  );
}
