// `#/edit/<deckId>`: the editor. A toolbar; the slide sorter on the left; the slide on the canvas in the middle, edited
// in place; the inspector, the figures (数据), import warnings and versions on the right. State lives in EditorStore
// (pure model + undo + autosave); this file lays it out and wires keys, focus and panels.
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { errorMessage, type DeckApi } from '../../../decks/common/api.ts';
import {
  blankSlide,
  deleteSlideValues,
  dropAnchor,
  duplicateSlideValues,
  expandSections,
  insertSlideValue,
  moveSlideValues,
  stepAnchor,
  updateSlide,
} from '../../../decks/common/deckOps.ts';
import { newId } from '../../../decks/common/ids.ts';
import { LAYOUTS, type Deck, type Layout, type Slide } from '../../../decks/common/model.ts';
import { getApi } from '../api/getApi.ts';
import { AppHeader } from '../app/AppHeader.tsx';
import { ExportMenu } from '../app/ExportMenu.tsx';
import { Icon } from '../app/Icon.tsx';
import { Toast, type ToastMessage } from '../app/Toast.tsx';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import { figureMap } from '../slides/SlideView.tsx';
import { Canvas, type FieldFocus } from './Canvas.tsx';
import { EditorIcon } from './EditorIcon.tsx';
import { EditorStore } from './editorStore.ts';
import { fieldText, parseFieldKey, setFieldText } from './fields.ts';
import { FiguresPanel } from './FiguresPanel.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { Inspector } from './Inspector.tsx';
import { Menu } from './Menu.tsx';
import { caretOffset, placeCaret } from './richText.ts';
import { single } from './selection.ts';
import { Sorter, type SorterAction } from './Sorter.tsx';
import { insertFigureRef } from './textEdits.ts';
import { WarningsPanel } from './WarningsPanel.tsx';

export function DeckView({ deckId }: { deckId: string }) {
  const t = useT();
  const [lang] = useLang();
  const [store, setStore] = useState<EditorStore | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    let made: EditorStore | null = null;
    const api = getApi();
    api
      .getDeck({ deckId })
      .then((d: Deck) => {
        if (!live) return;
        made = new EditorStore(api, d, d);
        made.startAutoVersions();
        setStore(made);
      })
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
      made?.dispose();
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

type Side = 'inspector' | 'figures' | 'warnings' | 'history';

function Editor({ store, api }: { store: EditorStore; api: DeckApi }) {
  const t = useT();
  const [lang] = useLang();
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const { model, selection } = state;
  const slides = model.slides;
  // While typing, the sorter's thumbnails catch up after the text is painted (a low-priority render).
  const deferredSlides = useDeferredValue(slides);
  const sorterSlides = state.typing ? deferredSlides : slides;
  const figures = useMemo(() => figureMap(model.figures), [model.figures]);
  const [side, setSide] = useState<Side>('inspector');
  const [focusFigure, setFocusFigure] = useState<string | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [overflowing, setOverflowing] = useState<ReadonlySet<string>>(new Set());
  const pendingFocus = useRef<{ key: string; offset: number } | null>(null);
  const lastCaret = useRef<{ key: string; offset: number } | null>(null);
  const sorterRef = useRef<HTMLElement | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const deck = store.deck;

  const index = useMemo(() => new Map(slides.map((s, i) => [s.id, i])), [slides]);
  const currentIndex = index.get(selection.current) ?? 0;
  const current: Slide | undefined = slides[currentIndex];
  const sectionNumbers = useMemo(() => {
    const m = new Map<string, number>();
    let n = 0;
    for (const s of slides) if (s.layout === 'section') m.set(s.id, ++n);
    return m;
  }, [slides]);

  const say = useCallback((text: string, undoable = false) => {
    setToast({ id: Date.now(), text, ...(undoable ? { action: { label: t('library.undo'), run: () => store.undo() } } : {}) });
  }, [store, t]);

  // ---- focus of slide texts ----

  const focus = useMemo<FieldFocus>(
    () => ({
      focusField(key, offset) {
        pendingFocus.current = { key, offset };
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
    placeCaret(el, want.offset);
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

  // ---- slide commands ----

  const selectSlide = useCallback((id: string) => store.select(single(id)), [store]);

  const insertSlide = (layout: Layout) => {
    const slide = blankSlide(newId(), layout);
    store.edit((m) => ({ ...m, slides: insertSlideValue(m.slides, slide, selection.current || undefined) }), {
      label: 'insert',
      immediate: true,
      select: single(slide.id),
      focus: slide.id,
    });
    focus.focusField(`${slide.id}:title`, 0);
  };

  const duplicate = () => {
    let copies: string[] = [];
    store.edit(
      (m) => {
        const r = duplicateSlideValues(m.slides, selection.ids, () => newId());
        copies = r.copies;
        return { ...m, slides: r.slides };
      },
      { label: 'duplicate', immediate: true },
    );
    if (copies.length > 0) store.select({ ids: copies, current: copies[0]!, anchor: copies[0]! });
  };

  const remove = () => {
    const ids = selection.ids;
    if (ids.length >= slides.length) {
      say(t('editor.cannotDeleteAll'));
      return;
    }
    store.edit((m) => ({ ...m, slides: deleteSlideValues(m.slides, ids) }), { label: 'delete', immediate: true });
    say(t('editor.deleted', { n: ids.length }), true);
  };

  const toggleHidden = () => {
    const hide = !selection.ids.every((id) => slides[index.get(id)!]?.hidden);
    store.edit(
      (m) => ({ ...m, slides: selection.ids.reduce((acc, id) => updateSlide(acc, id, { hidden: hide }), m.slides as Slide[]) }),
      { label: 'hide', immediate: true },
    );
  };

  const move = (ids: readonly string[], afterId: string | null) => {
    const moving = expandSections(slides, ids);
    const anchor = dropAnchor(slides, moving, afterId);
    const before = slides.map((s) => s.id).join();
    const next = moveSlideValues(slides, moving, anchor);
    if (next.map((s) => s.id).join() === before) return;
    store.edit(() => ({ ...model, slides: next }), {
      label: 'move',
      immediate: true,
      select: { ids: moving, current: moving.includes(selection.current) ? selection.current : moving[0]!, anchor: moving[0]! },
    });
  };

  const step = (dir: -1 | 1) => {
    const anchor = stepAnchor(slides, selection.ids, dir);
    if (anchor === undefined) return;
    move(selection.ids, anchor);
  };

  const onSorterAction = (action: SorterAction) => {
    if (action === 'delete') remove();
    else if (action === 'duplicate') duplicate();
    else if (action === 'moveUp') step(-1);
    else if (action === 'moveDown') step(1);
    else if (action === 'editTitle' && current) {
      const el = root.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(`${current.id}:title`)}"]`);
      if (el) {
        el.focus();
        placeCaret(el, current.title.length);
      }
    }
  };

  const insertFigure = (key: string) => {
    if (!current) return;
    let ref = lastCaret.current ? parseFieldKey(lastCaret.current.key) : null;
    let offset = lastCaret.current?.offset ?? 0;
    if (!ref || ref.slideId !== current.id || fieldText(slides, ref) === null) {
      const first = current.blocks.findIndex((b) => b.kind === 'bullet' || b.kind === 'text');
      ref = first >= 0 ? { slideId: current.id, part: 'block', index: first } : { slideId: current.id, part: 'title' };
      offset = (fieldText(slides, ref) ?? '').length;
    }
    const target = ref;
    const r = insertFigureRef(fieldText(slides, target) ?? '', offset, key);
    store.edit((m) => ({ ...m, slides: setFieldText(m.slides, target, r.text) }), { label: 'insertFigure', immediate: true, focus: current.id });
    const k = target.part === 'block' ? `${target.slideId}:b${target.index}` : `${target.slideId}:${target.part}`;
    focus.focusField(k, r.caret);
  };

  // ---- keys, autosave triggers ----

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const target = e.target as HTMLElement | null;
      const nativeField = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') && !('appUndo' in target.dataset);
      const k = e.key.toLowerCase();
      if (k === 's') {
        e.preventDefault();
        void store.flush();
        return;
      }
      if (nativeField) return;
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        store.undo();
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault();
        store.redo();
      }
    };
    const onBeforeInput = (e: InputEvent) => {
      if (e.inputType === 'historyUndo' || e.inputType === 'historyRedo') {
        e.preventDefault();
        if (e.inputType === 'historyUndo') store.undo();
        else store.redo();
      }
    };
    const flush = () => void store.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('beforeinput', onBeforeInput, true);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('beforeinput', onBeforeInput, true);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [store]);

  const jumpTo = (slideId: string) => {
    store.select(single(slideId));
  };

  const showFigure = useCallback((key: string) => {
    setSide('figures');
    setFocusFigure(key);
  }, []);
  const leaveCanvas = useCallback(() => sorterRef.current?.querySelector<HTMLElement>('[role="listbox"]')?.focus(), []);

  const openWarnings = state.warnings.filter((w) => !w.dismissed).length;
  const canUndo = state.stack.past.length > 0;
  const canRedo = state.stack.future.length > 0;
  const allHidden = selection.ids.length > 0 && selection.ids.every((id) => slides[index.get(id)!]?.hidden);
  const saveText =
    state.save === 'saving' ? t('editor.save.saving') : state.save === 'pending' ? t('editor.save.pending') : state.save === 'error' ? t('editor.save.failed') : t('editor.save.saved');

  const tabs: { key: Side; label: string; badge?: number }[] = [
    { key: 'inspector', label: t('editor.tab.inspector') },
    { key: 'figures', label: t('editor.tab.figures') },
    { key: 'warnings', label: t('editor.tab.warnings'), badge: openWarnings },
    { key: 'history', label: t('editor.tab.history') },
  ];

  return (
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
        </div>
      </AppHeader>
      <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
        <div className="tool-group">
          <button type="button" className="tool-button icon-only" aria-label={t('editor.undo')} title={`${t('editor.undo')} (Ctrl+Z)`} disabled={!canUndo} onMouseDown={(e) => e.preventDefault()} onClick={() => store.undo()}>
            <EditorIcon name="undo" />
          </button>
          <button type="button" className="tool-button icon-only" aria-label={t('editor.redo')} title={`${t('editor.redo')} (Ctrl+Shift+Z)`} disabled={!canRedo} onMouseDown={(e) => e.preventDefault()} onClick={() => store.redo()}>
            <EditorIcon name="redo" />
          </button>
        </div>
        <div className="tool-group">
          <Menu
            label={t('editor.newSlide')}
            icon={<EditorIcon name="add" />}
            items={LAYOUTS.map((layout) => ({ key: layout, label: t(`editor.layoutName.${layout}`), run: () => insertSlide(layout) }))}
          />
          <button type="button" className="tool-button" onClick={duplicate} title="Ctrl+D">
            <EditorIcon name="copy" />
            <span className="tool-label">{t('editor.duplicate')}</span>
          </button>
          <button type="button" className="tool-button" onClick={remove} title="Delete">
            <EditorIcon name="trash" />
            <span className="tool-label">{t('editor.delete')}</span>
          </button>
          <button type="button" className="tool-button" onClick={toggleHidden} aria-pressed={allHidden}>
            <EditorIcon name={allHidden ? 'eye' : 'eyeOff'} />
            <span className="tool-label">{allHidden ? t('editor.unhide') : t('editor.hide')}</span>
          </button>
        </div>
        <div className="tool-group">
          <Menu
            label={t('editor.insertFigure')}
            icon={<EditorIcon name="chip" />}
            className="menu-figures"
            empty={t('editor.figures.none')}
            items={model.figures.map((f) => ({ key: f.key, label: f.label || f.key, hint: f.display, run: () => insertFigure(f.key) }))}
          />
        </div>
        <div className="tool-spacer" />
        <div className="tool-group">
          <ExportMenu deckId={deck.id} beforeExport={() => store.flush()} />
        </div>
        <div className="tool-group">
          <a className="tool-button" href={`#/present/${encodeURIComponent(deck.id)}`}>
            <EditorIcon name="play" />
            <span className="tool-label">{t('editor.presentStart')}</span>
          </a>
          <a className="tool-button accent" href={`#/present/${encodeURIComponent(deck.id)}/${currentIndex}`}>
            <EditorIcon name="playHere" />
            <span className="tool-label">{t('editor.presentHere')}</span>
          </a>
        </div>
      </div>
      {state.error !== null && (
        <div className="banner error editor-banner" role="alert">
          <Icon name="alert" />
          <span>{t('editor.saveError', { message: errorMessage(state.error, lang) })}</span>
          <button type="button" className="button small" onClick={() => store.clearError()}>
            {t('common.close')}
          </button>
        </div>
      )}
      <div className={`editor-body side-${side}`}>
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
            theme={deck.theme}
            deckTitle={deck.title}
            selection={selection}
            overflowing={overflowing}
            onSelect={(sel) => store.select(sel)}
            onDrop={move}
            onAction={onSorterAction}
            onOverflow={onOverflow}
          />
        </nav>
        <main className="stage">
          {current ? (
            <>
              <div className="stage-bar">
                <span className="stage-counter">{t('editor.counter', { n: currentIndex + 1, total: slides.length })}</span>
                {current.hidden && <span className="badge">{t('editor.hidden')}</span>}
                {overflowing.has(current.id) && (
                  <span className="badge badge-warn" role="note">
                    <EditorIcon name="alert" size={13} /> {t('editor.overflow')}
                  </span>
                )}
              </div>
              <Canvas
                store={store}
                slide={current}
                figures={figures}
                theme={deck.theme}
                number={currentIndex + 1}
                deckTitle={deck.title}
                sectionNumber={sectionNumbers.get(current.id)}
                focus={focus}
                onOverflow={onOverflow}
                onLeave={leaveCanvas}
              />
              <p className="stage-hint">{t('editor.canvasHint')}</p>
            </>
          ) : (
            <p className="placeholder-page">{t('editor.empty')}</p>
          )}
        </main>
        <aside className="side-panel" aria-label={t('editor.sidePanel')}>
          <div className="side-tabs" role="tablist" aria-label={t('editor.sidePanel')}>
            {tabs.map((tab) => (
              <button
                key={tab.key}
                type="button"
                role="tab"
                id={`tab-${tab.key}`}
                aria-selected={side === tab.key}
                aria-controls={`tabpanel-${tab.key}`}
                className="side-tab"
                onClick={() => setSide(tab.key)}
              >
                {tab.label}
                {tab.badge ? <span className="tab-badge">{tab.badge}</span> : null}
              </button>
            ))}
          </div>
          <div className="side-body" role="tabpanel" id={`tabpanel-${side}`} aria-labelledby={`tab-${side}`}>
            {side === 'inspector' && current && <Inspector store={store} slide={current} figures={figures} onShowFigure={showFigure} />}
            {side === 'figures' && (
              <FiguresPanel api={api} store={store} figures={model.figures} slides={slides} focusKey={focusFigure} onJump={jumpTo} />
            )}
            {side === 'warnings' && (
              <WarningsPanel warnings={state.warnings} slides={slides} onJump={jumpTo} onDismiss={(id) => void store.dismissWarning(id)} />
            )}
            {side === 'history' && <HistoryPanel api={api} store={store} onRestored={(label) => say(t('editor.history.restored', { label }), true)} />}
          </div>
        </aside>
      </div>
      <Toast toast={toast} onDone={() => setToast(null)} />
    </div>
  );
}
