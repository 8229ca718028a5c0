// The exported deck as a presentation: reveal.js full window (the presenter's RevealDeck), the presenter's keys
// (usePresentation: arrows, PageUp/PageDown, digits + Enter, B/W, Home/End; Esc the overview, F full screen), and
// the speaker notes in a panel under the slide (S or the 备注 button). Only slides near the current one are
// rendered, as in the audience view, so a 200-slide file opens at once.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ExportPayload } from '../../../decks/common/exportPayload.ts';
import type { Theme } from '../../../decks/common/model.ts';
import { storedLang } from '../i18n/I18nProvider.tsx';
import { translate } from '../i18n/messages.ts';
import type { MessageKey } from '../i18n/zh.ts';
import type { PresentAction } from '../presenter/keys.ts';
import { RevealDeck, type RevealInstance } from '../presenter/RevealDeck.tsx';
import { ShowProgress } from '../presenter/ShowProgress.tsx';
import { isNear, shownSlides, type ShownSlide } from '../presenter/showSlides.ts';
import { usePresentation } from '../presenter/usePresentation.ts';
import { useFitText } from '../slides/fitText.ts';
import { useFitUnmeasured, usePointerChrome } from '../presenter/showChrome.ts';
import { figureMap, FigureText, SlideAssetsContext, SlideView, type FigureMap } from '../slides/SlideView.tsx';
import { markReady } from './ready.ts';
import { StepButtons } from '../presenter/StepButtons.tsx';
import { ShowStatus } from '../presenter/ShowStatus.tsx';

const NOTES_KEYS = new Set(['s', 'S']);

const FittedSlide = memo(function FittedSlide({ entry, figures, theme, deckTitle }: { entry: ShownSlide; figures: FigureMap; theme: Theme; deckTitle: string }) {
  const box = useRef<HTMLDivElement>(null);
  useFitText(box, undefined, () => !box.current?.closest('section')?.classList.contains('present'));
  return (
    <div ref={box} className="present-slide">
      <SlideView slide={entry.slide} figures={figures} theme={theme} number={entry.number} deckTitle={deckTitle} sectionNumber={entry.sectionNumber} />
    </div>
  );
});

export function ExportPlayer({ payload }: { payload: ExportPayload }) {
  const { deck } = payload;
  const lang = useMemo(() => storedLang(), []);
  const t = useCallback((key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params), [lang]);
  const shown = useMemo(() => shownSlides(deck), [deck]);
  const figures = useMemo(() => figureMap(deck.figures), [deck]);
  const assets = useMemo(() => new Map(Object.entries(payload.assets)), [payload.assets]);
  const page = useRef<HTMLDivElement>(null);
  const revealRef = useRef<RevealInstance | null>(null);
  const [ready, setReady] = useState(false);
  const [overview, setOverview] = useState(false);
  const [notesOpen, setNotesOpen] = useState(false);
  const chrome = usePointerChrome();

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, []);

  const onAction = useCallback(
    (action: PresentAction): boolean => {
      if (action.type === 'escape') {
        revealRef.current?.toggleOverview();
        return true;
      }
      if (action.type === 'fullscreen') {
        toggleFullscreen();
        return true;
      }
      return false;
    },
    [toggleFullscreen],
  );
  const p = usePresentation({ deckId: deck.id, shown, initialPosition: 0, onAction });

  // S shows or hides the notes (N already means “next” to the presenter's keys); Enter in the overview opens a slide.
  // A file made for sending carries no notes: S does nothing there, so nothing private can reach a projector.
  const withNotes = payload.notes;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      if (NOTES_KEYS.has(e.key)) {
        e.preventDefault();
        if (withNotes) setNotesOpen((open) => !open);
      } else if (e.key === 'Enter' && revealRef.current?.isOverview() && p.digits === '') {
        e.preventDefault();
        revealRef.current.toggleOverview(false);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [p.digits, withNotes]);

  // The notes panel takes the lower part of the window: reveal.js lays the slide out again in what is left.
  useLayoutEffect(() => {
    document.documentElement.classList.toggle('export-notes-open', notesOpen);
    revealRef.current?.layout();
  }, [notesOpen]);

  useEffect(() => {
    document.title = deck.title;
  }, [deck.title]);


  useFitUnmeasured(page, ready, p.position, overview);

  const sections = useMemo(
    () =>
      shown.map((entry, i) => ({
        key: entry.slide.id,
        position: i,
        label: t('present.slideLabel', { n: entry.number, total: shown.length }),
        content: (overview ? Math.abs(i - p.position) <= 10 : isNear(i, p.position)) ? (
          <FittedSlide entry={entry} figures={figures} theme={deck.theme} deckTitle={deck.title} />
        ) : null,
      })),
    [shown, p.position, overview, figures, deck.theme, deck.title, t],
  );

  const onReady = useCallback((instance: RevealInstance) => {
    revealRef.current = instance;
    setReady(true);
    void markReady();
  }, []);

  if (shown.length === 0) return <p className="export-error">{t('present.noSlides')}</p>;
  const current = shown[p.position];

  return (
    <SlideAssetsContext.Provider value={assets}>
      <div
        ref={page}
        className={`present-page export-player theme-${deck.theme}${chrome || notesOpen ? ' show-chrome' : ''}`}
        data-ready={ready ? 'true' : undefined}
        data-position={p.position}
        data-blank={p.blank}
      >
        <RevealDeck sections={sections} position={p.position} positionNow={p.positionNow} transition="fade" onMove={p.go} onOverview={setOverview} onReady={onReady} />
        <ShowProgress position={p.position} count={shown.length} t={t} />
        <ShowStatus blank={p.blank} digits={p.digits} t={t} />
        {notesOpen && current && (
          <section className="export-notes" aria-label={t('present.notes')}>
            <h2 className="export-notes-head">
              {t('present.notes')} · {t('present.slideLabel', { n: current.number, total: shown.length })}
            </h2>
            {current.slide.notes.trim() ? (
              <div className="export-notes-text">
                <FigureText text={current.slide.notes} figures={figures} />
              </div>
            ) : (
              <p className="export-notes-text export-muted">{t('present.noNotes')}</p>
            )}
          </section>
        )}
        {!overview && (
          <div className="present-toolbar" aria-label={t('present.toolbar')} role="toolbar">
            <StepButtons position={p.position} count={shown.length} act={p.act} t={t} />
            {withNotes && (
              <button type="button" className="present-button" aria-pressed={notesOpen} onClick={() => setNotesOpen(!notesOpen)} title="S">
                {t('present.notes')}
              </button>
            )}
            <button type="button" className="present-button" onClick={toggleFullscreen} title="F">
              {t('present.fullscreen')}
            </button>
          </div>
        )}
        {!notesOpen && !overview && <p className="present-hint">{t(withNotes ? 'export.playerHint' : 'export.playerHintNoNotes')}</p>}
      </div>
    </SlideAssetsContext.Provider>
  );
}
