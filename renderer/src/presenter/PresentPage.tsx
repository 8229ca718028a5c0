// `#/present/<deckId>[/<slideIndex>]`: the audience view. reveal.js shows the deck full-window at 16:9 with the
// deck's theme; hidden slides are left out; notes are never shown here. Only the current slide and its
// neighbours (±RENDER_DISTANCE) are given to reveal.js — a sliding window of sections — so a slide change costs the
// same at 20 or 2,000 slides; the progress bar and the “n / N” counter are the show's own. Controls as PowerPoint's: a click or the wheel moves on, a right-click goes back, G/O shows
// the grid of all slides, ? the keys, and Esc ends the show — back in the editor on the slide where it ended.
import { memo, useCallback, useEffect, useMemo, useRef, useState, type MouseEvent, type WheelEvent } from 'react';
import type { Deck, Theme } from '../../../decks/common/model.ts';
import { asksToBePlaced, routeHash } from '../../../decks/common/routes.ts';
import { navigate } from '../app/useRoute.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useFitText } from '../slides/fitText.ts';
import { rememberShowEnd } from './showEnd.ts';
import { useFitUnmeasured, usePointerChrome } from './showChrome.ts';
import { figureMap, SlideView, type FigureMap } from '../slides/SlideView.tsx';
import { DeckPictures } from '../slides/DeckPictures.tsx';
import type { PresentAction } from './keys.ts';
import { RevealDeck, type RevealInstance } from './RevealDeck.tsx';
import { positionOfDeckIndex, shownSlides, showWindow, type ShownSlide } from './showSlides.ts';
import { PresentMessage } from './PresentMessage.tsx';
import { useDeck } from './useDeck.ts';
import { usePresentation } from './usePresentation.ts';
import './presenter.css';
import { StepButtons } from './StepButtons.tsx';
import { ShowHelp } from './ShowHelp.tsx';
import { ShowOverview } from './ShowOverview.tsx';
import { ShowStatus } from './ShowStatus.tsx';
import { ShowProgress } from './ShowProgress.tsx';

/** The wheel moves one slide per turn of a notch; the events a single turn sends within this time count once. */
const WHEEL_PAUSE_MS = 250;

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

/** reveal.js's own overview is not used: G/O opens the grid of ShowOverview. */
function noOverview() {}

function Audience({ deck, startDeckIndex }: { deck: Deck; startDeckIndex: number }) {
  const t = useT();
  const shown = useMemo(() => shownSlides(deck), [deck]);
  const figures = useMemo(() => figureMap(deck.figures), [deck]);
  const page = useRef<HTMLDivElement>(null);
  const revealRef = useRef<RevealInstance | null>(null);
  const [overview, setOverview] = useState(false);
  const [help, setHelp] = useState(false);
  const [ready, setReady] = useState(false);
  const [fullscreen, setFullscreen] = useState(() => document.fullscreenElement !== null);
  // An audience window the desktop app could not place (Wayland) asks to be moved to the projector first.
  const [placeManually] = useState(() => asksToBePlaced(window.location.search));
  const chrome = usePointerChrome();
  const where = useRef<() => number>(() => 0);
  const open = useRef({ overview, help });
  open.current = { overview, help };

  const leave = useCallback(() => {
    // The editor opens on the slide the show ended on.
    const ended = shown[where.current()];
    if (ended) rememberShowEnd(deck.id, ended.slide.id);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    // A window the console opened closes; a tab that was navigated here goes back to the editor.
    if (window.opener) {
      window.close();
      return;
    }
    navigate({ name: 'edit', deckId: deck.id });
  }, [deck.id, shown]);

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    // Allowed only inside a user gesture (this runs from a key press or a click).
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, []);

  const onAction = useCallback(
    (action: PresentAction): boolean => {
      switch (action.type) {
        case 'escape':
          // What is open over the show closes first; then Esc ends the show.
          if (open.current.help) setHelp(false);
          else if (open.current.overview) setOverview(false);
          else leave();
          return true;
        case 'overview':
          setHelp(false);
          setOverview(!open.current.overview);
          return true;
        case 'help':
          setHelp(!open.current.help);
          return true;
        case 'fullscreen':
          toggleFullscreen();
          return true;
        default:
          return false;
      }
    },
    [leave, toggleFullscreen],
  );

  const p = usePresentation({ deckId: deck.id, shown, initialPosition: positionOfDeckIndex(shown, startDeckIndex), onAction, onEnd: leave });
  where.current = p.positionNow;

  // The mouse, as in PowerPoint: a click moves on, a right-click goes back, the wheel moves either way.
  const onShowClick = (e: MouseEvent) => {
    if (e.button !== 0 || overview || help || (e.target as HTMLElement).closest('button, a, .present-toolbar')) return;
    p.act({ type: 'next' });
  };
  const onShowContextMenu = (e: MouseEvent) => {
    e.preventDefault();
    if (!overview && !help) p.act({ type: 'prev' });
  };
  const lastWheel = useRef(0);
  const onWheel = (e: WheelEvent) => {
    if (overview || help || e.deltaY === 0 || e.ctrlKey) return;
    const now = performance.now();
    const quiet = now - lastWheel.current > WHEEL_PAUSE_MS;
    lastWheel.current = now;
    if (quiet) p.act({ type: e.deltaY > 0 ? 'next' : 'prev' });
  };
  const openFromOverview = useCallback(
    (position: number) => {
      p.go(position);
      setOverview(false);
    },
    [p.go],
  );

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

  // Each slide's element and label are made once per deck: a slide change hands RevealDeck the same element for
  // every section that stays in the window, so only the sections entering it render (RevealDeck's are memoised).
  const slideElements = useMemo(
    () => shown.map((entry) => <FittedSlide entry={entry} figures={figures} theme={deck.theme} deckTitle={deck.title} />),
    [shown, figures, deck.theme, deck.title],
  );
  const labels = useMemo(() => shown.map((entry) => t('present.slideLabel', { n: entry.number, total: shown.length })), [shown, t]);
  const sections = useMemo(
    () => showWindow(shown.length, p.position, settled).map((i) => ({ key: shown[i]!.slide.id, position: i, label: labels[i]!, content: slideElements[i] })),
    [shown, labels, slideElements, p.position, settled],
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
      onClick={onShowClick}
      onContextMenu={onShowContextMenu}
      onWheel={onWheel}
    >
      <RevealDeck sections={sections} position={p.position} positionNow={p.positionNow} transition="fade" onMove={p.go} onOverview={noOverview} onReady={onReady} />
      <ShowProgress position={p.position} count={shown.length} t={t} />
      <ShowStatus blank={p.blank} digits={p.digits} t={t} />
      {overview && <ShowOverview shown={shown} position={p.position} figures={figures} theme={deck.theme} deckTitle={deck.title} t={t} go={p.go} open={openFromOverview} />}
      {help && <ShowHelp t={t} onClose={() => setHelp(false)} />}
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
      {!fullscreen && !overview && !placeManually && <p className="present-hint">{t('present.fullscreenHint')}</p>}
      {!fullscreen && placeManually && (
        <p className="present-place-hint" role="status">
          {t('present.placeManually')}
        </p>
      )}
    </div>
  );
}
