// `#/edit/<deckId>`: the editor. A toolbar; the slide sorter on the left; the slide on the canvas in the middle, edited
// in place; the inspector, the figures (数据), import warnings and versions on the right. State lives in EditorStore
// (pure model + undo + autosave), kept per deck across routes (editorSessions.ts); what each command does is in
// editorCommands.ts. This file lays the editor out and wires focus, the command context and saving on leave.
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type DragEvent } from 'react';
import { errorMessage, type DeckApi } from '../../../decks/common/api.ts';
import { worthOffering } from '../../../decks/common/preflight.ts';
import { missingPictures } from '../../../decks/common/audience.ts';
import type { Layout, Slide, Theme } from '../../../decks/common/model.ts';
import { getApi } from '../api/getApi.ts';
import { AppHeader } from '../app/AppHeader.tsx';
import { Dialog } from '../app/Dialog.tsx';
import { FileInput } from '../app/FileInput.tsx';
import { Icon } from '../app/Icon.tsx';
import { Toast, type ToastMessage } from '../app/Toast.tsx';
import { navigate } from '../app/useRoute.ts';
import { ContextMenu } from '../commands/ContextMenu.tsx';
import { useCommands, useCommandStates } from '../commands/useCommands.ts';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import { usePictureUrls } from '../slides/pictureUrls.ts';
import { figureMap, SlideAssetsContext } from '../slides/SlideView.tsx';
import { Canvas, type FieldFocus } from './Canvas.tsx';
import { EDITOR_COMMANDS, editorCommand, insertSlide, moveSlides, takePicture, type EditorContext, type PictureTarget } from './editorCommands.ts';
import { EditorIcon } from './EditorIcon.tsx';
import { keptSession, openSession } from './editorSessions.ts';
import type { EditorStore } from './editorStore.ts';
import { EditorToolbar } from './EditorToolbar.tsx';
import { fieldKey, fieldText, parseFieldKey, setFieldText } from './fields.ts';
import { caretOffset, placeCaret, selectRange } from './richText.ts';
import { SidePanel, type Side } from './SidePanel.tsx';
import { single } from './selection.ts';
import { Sorter } from './Sorter.tsx';
import { pictureFileOf } from './pictureFiles.ts';
import { ApprovalBadge, ApproveDialog } from './Approval.tsx';
import { approvalStatus } from './editorStore.ts';
import { RefreshReview } from './RefreshReview.tsx';
import { bytesToBase64 } from '../library/base64.ts';
import type { RefreshReview as Review } from '../../../decks/common/api.ts';
import { insertFigureRef } from './textEdits.ts';

/** What the picture file chooser offers (anything else picked is refused with a message). */
const PICTURE_ACCEPT = 'image/png,image/jpeg,image/webp,image/gif';
/** What the revised report chooser offers: the formats a report is imported from. */
const REPORT_ACCEPT = '.txt,.md,.markdown,.docx';

export function DeckView({ deckId }: { deckId: string }) {
  const t = useT();
  const [lang] = useLang();
  // A deck edited earlier in this window shows at once, as it was left (its slide, its undo history).
  const [store, setStore] = useState<EditorStore | null>(() => keptSession(deckId));
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    let opened: EditorStore | null = null;
    openSession(getApi(), deckId)
      .then((s) => {
        if (!live) return;
        opened = s;
        s.startAutoVersions();
        setStore(s);
      })
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
      // The session stays for when the deck is opened again; what is typed is saved now.
      opened?.stopAutoVersions();
      void opened?.flush();
    };
  }, [deckId]);

  if (!store) {
    return (
      <div className="page">
        <AppHeader />
        <main className="placeholder-page">
          {error !== null ? (
            <p role="alert">{(error as { code?: string }).code === 'NOT_FOUND' ? t('editor.notFound') : errorMessage(error, lang)}</p>
          ) : (
            <p>{t('common.loading')}</p>
          )}
          <a className="button" href="#/">
            {t('editor.back')}
          </a>
        </main>
      </div>
    );
  }
  return <Editor store={store} api={getApi()} />;
}

/** The commands whose state the toolbar and the inspector show (worked out at each render). */
const TOOLBAR_COMMANDS = (['undo', 'redo', 'duplicate', 'delete', 'hide', 'insert-picture', 'refresh-report', 'approve', 'present-console', 'present-start', 'present-current'] as const).map(editorCommand);

/** The sorter's context menu: what a right-click on slides offers. */
const SORTER_MENU = ['cut', 'copy', 'paste', null, 'new-slide', 'duplicate', 'delete', 'hide', null, 'move-up', 'move-down', null, 'present-current'] as const;

function Editor({ store, api }: { store: EditorStore; api: DeckApi }) {
  const t = useT();
  const [lang] = useLang();
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const { model, selection } = state;
  const slides = model.slides;
  // While typing, the sorter's thumbnails catch up after the text is painted (a low-priority render). Other edits
  // (a move) leave the deferred value alone, so they cause no second, background render of the editor.
  const deferredSlides = useDeferredValue(state.typing ? slides : null);
  const sorterSlides = state.typing && deferredSlides ? deferredSlides : slides;
  const figures = useMemo(() => figureMap(model.figures), [model.figures]);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [overflowing, setOverflowing] = useState<ReadonlySet<string>>(new Set());
  const overflowRef = useRef(overflowing);
  overflowRef.current = overflowing;
  /** The pre-flight check offered before a show or an export: how much it found, and how to go on anyway. */
  const [offer, setOffer] = useState<{ action: 'present' | 'export'; n: number; blocking: number; go: () => void } | null>(null);
  const [sideRequest, setSideRequest] = useState<{ side: Side } | null>(null);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const pendingFocus = useRef<{ key: string; start: number; end: number } | null>(null);
  const lastCaret = useRef<{ key: string; offset: number } | null>(null);
  const sorterRef = useRef<HTMLElement | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const exportControl = useRef<((choice: string) => void) | null>(null);
  const themeControl = useRef<(() => void) | null>(null);
  const pictureInput = useRef<HTMLInputElement>(null);
  const pictureFor = useRef<PictureTarget | null>(null);
  const reportInput = useRef<HTMLInputElement>(null);
  const [refresh, setRefresh] = useState<{ fileName: string; dataBase64: string; review: Review } | null>(null);
  const [refreshBusy, setRefreshBusy] = useState(false);
  const [approving, setApproving] = useState(false);
  const approval = approvalStatus(state);
  const deck = store.deck;
  const theme = model.theme;
  const pictureUrls = usePictureUrls(api, deck.id, state.assets, slides);

  const currentIndex = useMemo(() => Math.max(0, slides.findIndex((s) => s.id === selection.current)), [slides, selection.current]);
  const current: Slide | undefined = slides[currentIndex];
  const sectionNumber = useMemo(() => (current?.layout === 'section' ? slides.slice(0, currentIndex + 1).filter((s) => s.layout === 'section').length : undefined), [slides, current, currentIndex]);

  const say = useCallback(
    (text: string, undoable = false) => setToast({ id: Date.now(), text, ...(undoable ? { action: { label: t('library.undo'), run: () => store.undo() } } : {}) }),
    [store, t],
  );

  // ---- focus of slide texts ----

  const focus = useMemo<FieldFocus>(
    () => ({
      focusField(key, start, end = start) {
        pendingFocus.current = { key, start, end };
      },
    }),
    [],
  );

  useLayoutEffect(() => {
    const want = pendingFocus.current;
    if (!want) return;
    const el = root.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(want.key)}"]`);
    if (!el) return;
    pendingFocus.current = null;
    el.focus();
    selectRange(el, want.start, want.end);
  });

  useEffect(() => {
    const onSelection = () => {
      const el = document.activeElement as HTMLElement | null;
      const key = el?.dataset?.field;
      if (!el || !key) return;
      const offset = caretOffset(el);
      if (offset !== null) lastCaret.current = { key, offset };
    };
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, []);

  const onOverflow = useCallback((slide: Slide, over: boolean) => {
    setOverflowing((prev) => {
      if (prev.has(slide.id) === over) return prev;
      const next = new Set(prev);
      if (over) next.add(slide.id);
      else next.delete(slide.id);
      return next;
    });
  }, []);

  // ---- the pre-flight check, offered before a show or an export ----

  /** Runs `go` at once when the check finds nothing to look at; else offers the check first (检查 / 仍然放映). */
  const offerCheck = useCallback(
    async (action: 'present' | 'export', go: () => void) => {
      let found;
      try {
        await store.flush();
        found = await api.checkDeck({ deckId: store.deck.id, overflowing: [...overflowRef.current] });
      } catch {
        // A check that cannot run never stands between staff and their show.
        go();
        return;
      }
      const open = worthOffering(found.findings);
      if (open.length === 0) go();
      else setOffer({ action, n: open.length, blocking: found.blocking, go });
    },
    [store, api],
  );
  const exportGate = useCallback((go: () => void) => void offerCheck('export', go), [offerCheck]);

  // ---- commands ----

  const context = useCallback(
    (): EditorContext => ({
      store,
      state: store.getState(),
      api,
      t,
      lang,
      say,
      focusField: focus.focusField,
      exportAs: (choice) => exportControl.current?.(choice),
      present: (from) => {
        void offerCheck('present', () => {
          const { model: m, selection: sel } = store.getState();
          if (from === 'console') return navigate({ name: 'console', deckId: deck.id });
          navigate({ name: 'present', deckId: deck.id, slideIndex: from === 'current' ? Math.max(0, m.slides.findIndex((s) => s.id === sel.current)) : 0 });
        });
      },
      leave: () => navigate({ name: 'library' }),
      choosePicture: (target) => {
        const input = pictureInput.current;
        if (!input) return;
        pictureFor.current = target;
        input.click();
      },
      openThemes: () => themeControl.current?.(),
      openRefresh: () => reportInput.current?.click(),
      openApprove: () => setApproving(true),
      pictureTarget: () => {
        // The picture frame that has the focus on the canvas takes a pasted picture.
        const el = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('[data-picture]') : null;
        const slideId = store.getState().selection.current;
        return el && slideId ? { slideId, index: Number(el.dataset.picture) } : null;
      },
    }),
    [store, api, t, lang, say, focus, deck.id, offerCheck],
  );
  const run = useCommands(EDITOR_COMMANDS, context);
  // For drawing: what can run follows this render's state (the context menu reads it; buttons get `states`).
  const ctx = useMemo(() => ({ ...context(), state }), [context, state]);
  const states = useCommandStates(TOOLBAR_COMMANDS, ctx);
  const onInsertSlide = useCallback((layout: Layout) => insertSlide(context(), layout), [context]);
  const toggleHidden = useCallback(() => run(editorCommand('hide')), [run]);
  const flush = useCallback(() => store.flush(), [store]);
  const choosePicture = useCallback((target: PictureTarget) => context().choosePicture(target), [context]);
  const chooseTheme = useCallback((next: Theme) => store.setTheme(next), [store]);
  // The theme picker's thumbnails show the current slide; read when the picker opens (so moves do not redraw the toolbar).
  const themePreview = useCallback(() => {
    const { model: m, selection: sel } = store.getState();
    const at = Math.max(0, m.slides.findIndex((s) => s.id === sel.current));
    const slide = m.slides[at];
    return slide ? { slide, figures: figureMap(m.figures), deckTitle: store.deck.title, number: at + 1 } : undefined;
  }, [store]);

  /** Puts a figure at the caret of the current slide's text (else at the end of its first text). */
  const insertFigure = useCallback(
    (key: string) => {
      const { model: m, selection: sel } = store.getState();
      const slide = m.slides.find((s) => s.id === sel.current);
      if (!slide) return;
      let ref = lastCaret.current ? parseFieldKey(lastCaret.current.key) : null;
      let offset = lastCaret.current?.offset ?? 0;
      if (!ref || ref.slideId !== slide.id || fieldText(m.slides, ref) === null) {
        const first = slide.blocks.findIndex((b) => b.kind === 'bullet' || b.kind === 'text');
        ref = first >= 0 ? { slideId: slide.id, part: 'block', index: first } : { slideId: slide.id, part: 'title' };
        offset = (fieldText(m.slides, ref) ?? '').length;
      }
      const target = ref;
      const r = insertFigureRef(fieldText(m.slides, target) ?? '', offset, key);
      store.edit((mm) => ({ ...mm, slides: setFieldText(mm.slides, target, r.text) }), { label: 'insertFigure', immediate: true, focus: slide.id });
      focus.focusField(fieldKey(target), r.caret);
    },
    [store, focus],
  );

  const editTitle = useCallback(() => {
    const id = store.getState().selection.current;
    const el = root.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(`${id}:title`)}"]`);
    if (!el) return;
    el.focus();
    placeCaret(el, el.textContent?.length ?? 0);
  }, [store]);

  // ---- 用新版报告更新, 定稿 ----

  const readRevised = useCallback(
    async (file: File) => {
      try {
        const dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
        say(t('refresh.reading'));
        await store.flush();
        const review = await api.refreshPreview({ deckId: deck.id, fileName: file.name, dataBase64 });
        setToast(null);
        setRefresh({ fileName: file.name, dataBase64, review });
      } catch (err) {
        say(t('refresh.failed', { message: errorMessage(err, lang) }));
      }
    },
    [api, deck.id, store, say, t, lang],
  );
  const applyRefresh = useCallback(
    async (accept: string[]) => {
      if (!refresh) return;
      setRefreshBusy(true);
      try {
        const r = await store.applyRefresh({ fileName: refresh.fileName, dataBase64: refresh.dataBase64 }, accept);
        setRefresh(null);
        say(t('refresh.applied', { n: r.applied, label: r.keptAs.label }), true);
      } catch (err) {
        say(t('refresh.failed', { message: errorMessage(err, lang) }));
      } finally {
        setRefreshBusy(false);
      }
    },
    [refresh, store, say, t, lang],
  );
  const approve = useCallback(
    async (name: string) => {
      const a = await store.approve(name);
      setApproving(false);
      say(t('approve.done', { name: a.approver, when: new Date(a.approvedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') }));
    },
    [store, say, t, lang],
  );

  // ---- saving when the page goes away ----

  useEffect(() => {
    const onBeforeInput = (e: InputEvent) => {
      // The browser's own undo (its context menu, a gesture) goes through the editor's history too.
      if (e.inputType === 'historyUndo' || e.inputType === 'historyRedo') {
        e.preventDefault();
        if (e.inputType === 'historyUndo') store.undo();
        else store.redo();
      }
    };
    const flush = () => void store.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('beforeinput', onBeforeInput, true);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('beforeinput', onBeforeInput, true);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [store]);

  const leaveCanvas = useCallback(() => sorterRef.current?.querySelector<HTMLElement>('[role="listbox"]')?.focus(), []);
  const closeMenu = useCallback(() => setMenuAt(null), []);

  const saveText =
    state.save === 'saving' ? t('editor.save.saving') : state.save === 'pending' ? t('editor.save.pending') : state.save === 'error' ? t('editor.save.failed') : t('editor.save.saved');
  const overflowHere = current !== undefined && overflowing.has(current.id);
  const missingHere = current ? (missingPictures([current])[0] ?? null) : null;
  const onPicture = useCallback(
    (slideId: string, index: number, file: File | null) => {
      if (file) void takePicture(context(), file, { slideId, index });
      else context().choosePicture({ slideId, index });
    },
    [context],
  );
  // A picture file dropped anywhere on the stage (not on a frame) is inserted as Insert › Picture would.
  const onStageDrop = (e: DragEvent) => {
    const file = pictureFileOf(e.dataTransfer);
    if (!file) return;
    e.preventDefault();
    void takePicture(context(), file, null);
  };

  return (
    <SlideAssetsContext.Provider value={pictureUrls}>
    <div className="page editor" ref={root} onBlur={(e) => (e.target as HTMLElement).dataset?.field && void store.flush()}>
      <AppHeader>
        <div className="deck-view-title">
          <a className="icon-button" href="#/" aria-label={t('editor.back')} title={t('editor.back')}>
            <Icon name="back" />
          </a>
          <h1 title={deck.title}>{deck.title}</h1>
          <span className={`save-status is-${state.save}`} role="status" aria-live="polite">
            {state.save === 'saved' && <EditorIcon name="saved" size={14} />}
            {saveText}
          </span>
          <ApprovalBadge approval={state.approval} changed={approval === 'changed'} />
        </div>
      </AppHeader>
      <EditorToolbar
        deckId={deck.id}
        states={states}
        run={run}
        figures={model.figures}
        onInsertSlide={onInsertSlide}
        onInsertFigure={insertFigure}
        flush={flush}
        exportControl={exportControl}
        exportGate={exportGate}
        themeControl={themeControl}
        theme={theme}
        onChooseTheme={chooseTheme}
        previewOf={themePreview}
      />
      <FileInput inputRef={reportInput} accept={REPORT_ACCEPT} testId="revised-report-input" onFile={(file) => void readRevised(file)} />
      <FileInput inputRef={pictureInput} accept={PICTURE_ACCEPT} testId="picture-input" onFile={(file) => void takePicture(context(), file, pictureFor.current)} />
      {state.error !== null && (
        <div className="banner error editor-banner" role="alert">
          <Icon name="alert" />
          <span>{t('editor.saveError', { message: errorMessage(state.error, lang) })}</span>
          <button type="button" className="button small" onClick={() => store.clearError()}>
            {t('common.close')}
          </button>
        </div>
      )}
      <div className="editor-body">
        <nav
          className="sorter-pane"
          aria-label={t('editor.slides')}
          ref={(el) => {
            sorterRef.current = el;
          }}
        >
          <div className="sorter-pane-head">
            <span>{t('editor.slides')}</span>
            <span className="muted">{t('editor.slideCount', { n: slides.length })}</span>
          </div>
          <Sorter
            slides={sorterSlides}
            figures={figures}
            theme={theme}
            deckTitle={deck.title}
            selection={selection}
            overflowing={overflowing}
            onSelect={(sel) => store.select(sel)}
            onDrop={(ids, afterId) => moveSlides(store, ids, afterId)}
            onEditTitle={editTitle}
            onContextMenu={(x, y) => setMenuAt({ x, y })}
            onOverflow={onOverflow}
          />
        </nav>
        {refresh && (
          <RefreshReview
            review={refresh.review}
            busy={refreshBusy}
            onApply={(accept) => void applyRefresh(accept)}
            onClose={() => setRefresh(null)}
            onJump={(slideId) => store.select(single(slideId))}
          />
        )}
        {!refresh && (
        <main
          className="stage"
          onDragOver={(e) => {
            if (Array.from(e.dataTransfer.types).includes('Files')) e.preventDefault();
          }}
          onDrop={onStageDrop}
        >
          {current ? (
            <>
              <div className="stage-bar">
                <span className="stage-counter">{t('editor.counter', { n: currentIndex + 1, total: slides.length })}</span>
                {current.hidden && <span className="badge">{t('editor.hidden')}</span>}
                {missingHere && (
                  <span className="badge badge-warn" role="note">
                    <EditorIcon name="image" size={13} /> {t(missingHere.leftOut ? 'picture.badgeSlide' : 'picture.badge', { n: missingHere.count })}
                  </span>
                )}
              </div>
              <Canvas
                store={store}
                slide={current}
                figures={figures}
                theme={theme}
                number={currentIndex + 1}
                deckTitle={deck.title}
                sectionNumber={sectionNumber}
                focus={focus}
                overflowing={overflowHere}
                onOverflow={onOverflow}
                onLeave={leaveCanvas}
                onPicture={onPicture}
              />
              <p className="stage-hint">{t('editor.canvasHint')}</p>
            </>
          ) : (
            <p className="placeholder-page">{t('editor.empty')}</p>
          )}
        </main>
        )}
        {!refresh && (
        <SidePanel
          api={api}
          store={store}
          state={state}
          current={current}
          figures={figures}
          hidden={states.hide?.checked ?? false}
          onToggleHidden={toggleHidden}
          onChoosePicture={choosePicture}
          onRestored={(label) => say(t('editor.history.restored', { label }), true)}
          overflowing={overflowing}
          request={sideRequest}
        />
        )}
      </div>
      {menuAt && (
        <ContextMenu
          x={menuAt.x}
          y={menuAt.y}
          label={t('editor.slideMenu')}
          items={SORTER_MENU.map((id) => (id ? editorCommand(id) : null))}
          ctx={ctx}
          run={run}
          onClose={closeMenu}
        />
      )}
      {approving && <ApproveDialog onApprove={approve} onClose={() => setApproving(false)} />}
      {offer && (
        <Dialog title={t('preflight.offerTitle')} onClose={() => setOffer(null)} className="preflight-offer">
          <p className="dialog-text">{t('preflight.offerText', { n: offer.n, blocking: offer.blocking })}</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                const go = offer.go;
                setOffer(null);
                go();
              }}
            >
              {t(offer.action === 'present' ? 'preflight.offerPresent' : 'preflight.offerExport')}
            </button>
            <button
              type="button"
              className="button primary"
              data-autofocus
              onClick={() => {
                setOffer(null);
                setSideRequest({ side: 'check' });
              }}
            >
              {t('preflight.offerCheck')}
            </button>
          </div>
        </Dialog>
      )}
      <Toast toast={toast} onDone={() => setToast(null)} />
    </div>
    </SlideAssetsContext.Provider>
  );
}
