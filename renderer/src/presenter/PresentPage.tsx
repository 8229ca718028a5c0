// `#/present/<deckId>[/<slideIndex>]`: the audience view. reveal.js shows the deck full-window at 16:9 with the
// deck's theme; hidden slides are left out; notes are never shown here. Only the current slide and its
// neighbours (±RENDER_DISTANCE) are rendered — the other sections stay empty — so a slide change costs the same
// at 20 or 2,000 slides.
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Deck, Theme } from '../../../decks/common/model.ts';
import { routeHash } from '../app/routes.ts';
import { navigate } from '../app/useRoute.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useFitText } from '../slides/fitText.ts';
import { useFitUnmeasured, usePointerChrome } from './showChrome.ts';
import { figureMap, SlideView, type FigureMap } from '../slides/SlideView.tsx';
import { DeckPictures } from '../slides/DeckPictures.tsx';
import type { PresentAction } from './keys.ts';
import { RevealDeck, type RevealInstance } from './RevealDeck.tsx';
import { isNear, positionOfDeckIndex, shownSlides, type ShownSlide } from './showSlides.ts';
import { PresentMessage } from './PresentMessage.tsx';
import { useDeck } from './useDeck.ts';
import { usePresentation } from './usePresentation.ts';
import './presenter.css';
import { StepButtons } from './StepButtons.tsx';
import { ShowStatus } from './ShowStatus.tsx';

/** In the overview reveal.js shows up to 10 slides each side; those get their content too. */
const OVERVIEW_DISTANCE = 10;

export function PresentPage({ deckId, slideIndex }: { deckId: string; slideIndex: number }) {
  const { deck, error } = useDeck(deckId);
  if (error !== null) return <PresentMessage deckId={deckId} error={error} />;
  if (!deck) return <div className="present-page present-loading" />;
  return (
    <DeckPictures deck={deck}>
      <Audience deck={deck} startDeckIndex={slideIndex} />
    </DeckPictures>
  );
}

const FittedSlide = memo(function FittedSlide({ entry, figures, theme, deckTitle }: { entry: ShownSlide; figures: FigureMap; theme: Theme; deckTitle: string }) {
  const box = useRef<HTMLDivElement>(null);
  // A neighbour rendered ahead is fitted after the next frame, off the path of the slide change; the slide
  // being shown is fitted before it is painted.
  // The slide object is immutable and always fitted at 1280×720: fitted once, its scale is reused when it comes
  // back into the window.
  useFitText(box, undefined, () => !box.current?.closest('section')?.classList.contains('present'), entry.slide);
  return (
    <div ref={box} className="present-slide">
      <SlideView slide={entry.slide} figures={figures} theme={theme} number={entry.number} deckTitle={deckTitle} sectionNumber={entry.sectionNumber} />
    </div>
  );
});

/** Whether section `i` gets its slide: near the shown one (see `settled` in Audience), or within the overview's reach. */
function inWindow(i: number, position: number, settled: number | null, overviewDistance: number | undefined): boolean {
  if (overviewDistance !== undefined) return Math.abs(i - position) <= overviewDistance;
  if (settled === null) return i === position;
  return isNear(i, settled) || Math.abs(i - position) <= 1;
}

function Audience({ deck, startDeckIndex }: { deck: Deck; startDeckIndex: number }) {
  const t = useT();
  const shown = useMemo(() => shownSlides(deck), [deck]);
  const figures = useMemo(() => figureMap(deck.figures), [deck]);
  const page = useRef<HTMLDivElement>(null);
  const revealRef = useRef<RevealInstance | null>(null);
  const [overview, setOverview] = useState(false);
  const [ready, setReady] = useState(false);
  const [fullscreen, setFullscreen] = useState(() => document.fullscreenElement !== null);
  const chrome = usePointerChrome();

  const leave = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    // A window the console opened closes; a tab that was navigated here goes back to the editor.
    if (window.opener) {
      window.close();
      return;
    }
    navigate({ name: 'edit', deckId: deck.id });
  }, [deck.id]);

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    // Allowed only inside a user gesture (this runs from a key press or a click).
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, []);

  const onAction = useCallback(
    (action: PresentAction): boolean => {
      const reveal = revealRef.current;
      if (action.type === 'escape') {
        // Ask reveal.js itself: its overview event may not have been rendered by React yet.
        if (reveal?.isOverview()) leave();
        else reveal?.toggleOverview(true);
        return true;
      }
      if (action.type === 'fullscreen') {
        toggleFullscreen();
        return true;
      }
      return false;
    },
    [leave, toggleFullscreen],
  );

  const p = usePresentation({ deckId: deck.id, shown, initialPosition: positionOfDeckIndex(shown, startDeckIndex), onAction, onEnd: leave });

  // Enter in the overview opens the chosen slide (elsewhere Enter moves on, or ends a typed number).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && revealRef.current?.isOverview() && p.digits === '') {
        e.preventDefault();
        revealRef.current?.toggleOverview(false);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [p.digits]);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  // The fragment follows the slide, so a reload (or a copied address) returns to it; replaceState adds no history.
  // It is written once the presenter pauses: replaceState is slow enough to matter on every press of a clicker.
  useEffect(() => {
    const entry = shown[p.position];
    if (!entry) return;
    const timer = window.setTimeout(() => {
      window.history.replaceState(null, '', routeHash({ name: 'present', deckId: deck.id, slideIndex: entry.deckIndex }));
    }, 400);
    return () => window.clearTimeout(timer);
  }, [p.position, shown, deck.id]);

  useEffect(() => {
    const before = document.title;
    document.title = `${deck.title} · ${t('present.audienceTitle')}`;
    return () => {
      document.title = before;
    };
  }, [deck.title, t]);


  useFitUnmeasured(page, ready, p.position, overview);

  // The slides further ahead are rendered once a change has been painted (`settled` follows `position` a frame
  // later): a press then only flips reveal.js's classes — the next slide is already there — and the DOM work for
  // the slide after it happens while the audience looks at the new one.
  // On opening only the first slide is rendered (null: nothing settled yet); its neighbours follow its first frame.
  const [settled, setSettled] = useState<number | null>(null);
  useEffect(() => {
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setSettled(p.position), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [p.position]);

  // Each slide's element and label are made once per deck: a slide change hands RevealDeck the same element (or
  // null) for every section whose window state did not change, so only the sections entering or leaving the
  // window re-render (RevealDeck's sections are memoised).
  const slideElements = useMemo(
    () => shown.map((entry) => <FittedSlide entry={entry} figures={figures} theme={deck.theme} deckTitle={deck.title} />),
    [shown, figures, deck.theme, deck.title],
  );
  const labels = useMemo(() => shown.map((entry) => t('present.slideLabel', { n: entry.number, total: shown.length })), [shown, t]);
  const distance = overview ? OVERVIEW_DISTANCE : undefined;
  const sections = useMemo(
    () =>
      shown.map((entry, i) => ({
        key: entry.slide.id,
        label: labels[i]!,
        content: inWindow(i, p.position, settled, distance) ? slideElements[i] : null,
      })),
    [shown, labels, slideElements, p.position, settled, distance],
  );

  const onReady = useCallback((instance: RevealInstance) => {
    revealRef.current = instance;
    setReady(true);
    // For the benchmark and tests: the first slide is on screen from the next frame.
    requestAnimationFrame(() => performance.mark('huibao:first-slide'));
  }, []);

  if (shown.length === 0) {
    return <PresentMessage deckId={deck.id} text={t('present.noSlides')} />;
  }

  return (
    <div
      ref={page}
      className={`present-page theme-${deck.theme}${chrome ? ' show-chrome' : ''}`}
      data-ready={ready ? 'true' : undefined}
      data-position={p.position}
      data-blank={p.blank}
    >
      <RevealDeck sections={sections} position={p.position} positionNow={p.positionNow} transition="fade" onMove={p.go} onOverview={setOverview} onReady={onReady} />
      <ShowStatus blank={p.blank} digits={p.digits} t={t} />
      {overview && (
        <div className="present-overview-bar">
          <span>{t('present.overviewHint')}</span>
          <button type="button" className="present-button" onClick={leave}>
            {t('present.exit')}
          </button>
        </div>
      )}
      {!overview && (
        <div className="present-toolbar" aria-label={t('present.toolbar')} role="toolbar">
          <StepButtons position={p.position} count={shown.length} act={p.act} t={t} />
          <button type="button" className="present-button" onClick={toggleFullscreen}>
            {t(fullscreen ? 'present.exitFullscreen' : 'present.fullscreen')}
          </button>
          <button type="button" className="present-button" onClick={leave}>
            {t('present.exit')}
          </button>
        </div>
      )}
      {!fullscreen && !overview && <p className="present-hint">{t('present.fullscreenHint')}</p>}
    </div>
  );
}
