// `#/console/<deckId>`: the presenter console — the current and the next slide, the notes in a large adjustable
// font, the stopwatch, the clock, an optional countdown, “n / N” and a list to jump anywhere. It drives the
// audience window (opened from here) through the same keys and the deck's BroadcastChannel.
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Deck } from '../../../decks/common/model.ts';
import { navigate } from '../app/useRoute.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import type { FitResult } from '../slides/fitText.ts';
import { SlideFrame } from '../slides/SlideFrame.tsx';
import { figureMap, FigureText, SlideView, type FigureMap } from '../slides/SlideView.tsx';
import { DeckPictures } from '../slides/DeckPictures.tsx';
import { countdown, elapsedMs, formatClock, formatDuration, parseTargetMinutes, pauseStopwatch, resetStopwatch, startStopwatch, STOPPED, type Stopwatch } from './clock.ts';
import type { PresentAction } from './keys.ts';
import { rememberShowEnd } from './showEnd.ts';
import { PresentMessage } from './PresentMessage.tsx';
import { ShowHelp } from './ShowHelp.tsx';
import { askMainProcess, inElectron, openAudienceWindow, REHEARSAL_WINDOW, SWAP_DISPLAYS_WINDOW } from './presentWindows.ts';
import { shownSlides, type ShownSlide } from './showSlides.ts';
import { useDeck } from './useDeck.ts';
import { usePresentation } from './usePresentation.ts';
import './presenter.css';

const NOTES_SIZE_KEY = 'huibao.present.notesSize';
const TARGET_KEY = 'huibao.present.targetMinutes';
export const NOTES_SIZES = { min: 16, max: 72, step: 4, initial: 28 } as const;

function stored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}
function store(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Without storage the choice lasts for this window only.
  }
}

export function ConsolePage({ deckId }: { deckId: string }) {
  const { deck, error } = useDeck(deckId);
  if (error !== null) return <PresentMessage deckId={deckId} error={error} />;
  if (!deck) return <div className="console-page console-loading" />;
  return (
    <DeckPictures deck={deck}>
      <Console deck={deck} />
    </DeckPictures>
  );
}

const Preview = memo(function Preview({ entry, deck, figures, onFit }: { entry: ShownSlide; deck: Deck; figures: FigureMap; onFit?: (r: FitResult) => void }) {
  return (
    <SlideFrame className="console-slide" onFit={onFit}>
      <SlideView slide={entry.slide} figures={figures} theme={deck.theme} number={entry.number} deckTitle={deck.title} sectionNumber={entry.sectionNumber} />
    </SlideFrame>
  );
});

function Console({ deck }: { deck: Deck }) {
  const t = useT();
  const shown = useMemo(() => shownSlides(deck), [deck]);
  const figures = useMemo(() => figureMap(deck.figures), [deck]);
  const [watch, setWatch] = useState<Stopwatch>(STOPPED);
  const [notesSize, setNotesSize] = useState(() => {
    const n = Number(stored(NOTES_SIZE_KEY));
    return n >= NOTES_SIZES.min && n <= NOTES_SIZES.max ? n : NOTES_SIZES.initial;
  });
  const [targetText, setTargetText] = useState(() => stored(TARGET_KEY) ?? '');
  const [blocked, setBlocked] = useState(false);
  const [overflow, setOverflow] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);

  const where = useRef<() => number>(() => 0);
  const [help, setHelp] = useState(false);
  const helpOpen = useRef(help);
  helpOpen.current = help;
  // Back to the editor, on the slide the show ended on.
  const end = useCallback(() => {
    const ended = shown[where.current()];
    if (ended) rememberShowEnd(deck.id, ended.slide.id);
    navigate({ name: 'edit', deckId: deck.id });
  }, [deck.id, shown]);
  const endAllRef = useRef<() => void>(() => undefined);
  const onAction = useCallback((action: PresentAction) => {
    if (action.type === 'escape') {
      // Esc closes the help, else ends the show, as in the audience window.
      if (helpOpen.current) setHelp(false);
      else endAllRef.current();
      return true;
    }
    if (action.type === 'help') {
      setHelp(!helpOpen.current);
      return true;
    }
    if (action.type === 'overview') return true; // the console lists every slide already
    if (action.type === 'fullscreen') {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      else void document.documentElement.requestFullscreen?.().catch(() => undefined);
      return true;
    }
    return false;
  }, []);
  const p = usePresentation({ deckId: deck.id, shown, initialPosition: 0, onAction });
  where.current = p.positionNow;

  // The stopwatch starts by itself with the first move (it can be started, paused and reset by hand too).
  const firstPosition = useRef(p.position);
  useEffect(() => {
    if (p.position !== firstPosition.current) setWatch((w) => (w.runningSince === null && w.banked === 0 ? startStopwatch(w, Date.now()) : w));
  }, [p.position]);

  useEffect(() => {
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [p.position]);

  useEffect(() => {
    const before = document.title;
    document.title = `${deck.title} · ${t('present.consoleTitle')}`;
    return () => {
      document.title = before;
    };
  }, [deck.title, t]);

  const changeNotesSize = (delta: number) => {
    const next = Math.min(NOTES_SIZES.max, Math.max(NOTES_SIZES.min, notesSize + delta));
    setNotesSize(next);
    store(NOTES_SIZE_KEY, String(next));
  };

  const current = shown[p.position];
  const next = shown[p.position + 1];
  const targetMinutes = parseTargetMinutes(targetText);
  const onFit = useCallback((r: FitResult) => setOverflow(r.overflow), []);

  if (!current) return <PresentMessage deckId={deck.id} text={t('present.noSlides')} />;

  const openAudience = () => setBlocked(!openAudienceWindow(deck.id, current.deckIndex));
  const endAll = () => {
    p.endAll();
    end();
  };
  endAllRef.current = endAll;

  return (
    <div className="console-page" data-position={p.position} data-blank={p.blank}>
      {help && <ShowHelp t={t} onClose={() => setHelp(false)} />}
      <header className="console-bar">
        <h1 className="console-title" title={deck.title}>
          {deck.title}
        </h1>
        <span className="console-counter" aria-label={t('present.counterLabel')}>
          <strong>{p.position + 1}</strong> / {shown.length}
        </span>
        <div className="console-actions">
          <button type="button" className="console-button primary" onClick={openAudience}>
            {t('present.openAudience')}
          </button>
          {inElectron() && (
            <>
              <button type="button" className="console-button" onClick={() => askMainProcess(deck.id, current.deckIndex, SWAP_DISPLAYS_WINDOW)}>
                {t('present.swapDisplays')}
              </button>
              <button type="button" className="console-button" onClick={() => askMainProcess(deck.id, current.deckIndex, REHEARSAL_WINDOW)}>
                {t('present.rehearsal')}
              </button>
            </>
          )}
          <button type="button" className="console-button" aria-pressed={p.blank === 'black'} onClick={() => p.act({ type: 'blank', mode: 'black' })}>
            {t('present.blackout')}
          </button>
          <button type="button" className="console-button danger" onClick={endAll}>
            {t('present.end')}
          </button>
        </div>
        {blocked && (
          <p className="console-blocked" role="alert">
            {t('present.popupBlocked')}
          </p>
        )}
      </header>

      <main className="console-main">
        <section className="console-current" aria-label={t('present.current')}>
          <h2 className="console-label">
            {t('present.current')}
            {p.blank !== 'none' && <span className="console-badge">{t(p.blank === 'black' ? 'present.blackedOut' : 'present.whitedOut')}</span>}
            {overflow && <span className="console-badge warn">{t('present.overflow')}</span>}
            {p.digits !== '' && <span className="console-badge">{t('present.jumpTo', { n: p.digits })}</span>}
          </h2>
          <div className={`console-current-frame blank-${p.blank}`}>
            <Preview entry={current} deck={deck} figures={figures} onFit={onFit} />
          </div>
          <div className="console-clock-panel">
            <ConsoleTimes watch={watch} targetMinutes={targetMinutes} />
            <div className="console-timer-buttons" role="group" aria-label={t('present.stopwatch')}>
              {watch.runningSince === null ? (
                <button type="button" className="console-button" onClick={() => setWatch((w) => startStopwatch(w, Date.now()))}>
                  {t('present.start')}
                </button>
              ) : (
                <button type="button" className="console-button" onClick={() => setWatch((w) => pauseStopwatch(w, Date.now()))}>
                  {t('present.pause')}
                </button>
              )}
              <button type="button" className="console-button" onClick={() => setWatch((w) => resetStopwatch(w, Date.now()))}>
                {t('present.reset')}
              </button>
            </div>
            <label className="console-target">
              <span>{t('present.target')}</span>
              <input
                type="text"
                inputMode="decimal"
                size={3}
                value={targetText}
                placeholder="—"
                aria-invalid={targetText.trim() !== '' && targetMinutes === null ? true : undefined}
                onChange={(e) => {
                  setTargetText(e.target.value);
                  store(TARGET_KEY, e.target.value);
                }}
              />
              <span>{t('present.minutes')}</span>
            </label>
          </div>
        </section>

        <section className="console-next" aria-label={t('present.next')}>
          <h2 className="console-label">{t('present.nextSlide')}</h2>
          {next ? <Preview entry={next} deck={deck} figures={figures} /> : <div className="console-end-card">{t('present.lastSlide')}</div>}
        </section>

        <section className="console-notes" aria-label={t('present.notes')}>
          <div className="console-notes-head">
            <h2 className="console-label">{t('present.notes')}</h2>
            <div role="group" aria-label={t('present.notesSize')}>
              <button type="button" className="console-button" onClick={() => changeNotesSize(-NOTES_SIZES.step)} disabled={notesSize <= NOTES_SIZES.min} aria-label={t('present.smaller')}>
                A−
              </button>
              <button type="button" className="console-button" onClick={() => changeNotesSize(NOTES_SIZES.step)} disabled={notesSize >= NOTES_SIZES.max} aria-label={t('present.larger')}>
                A+
              </button>
            </div>
          </div>
          <div className="console-notes-text" lang="zh-CN" style={{ fontSize: `${notesSize}px` }} data-size={notesSize}>
            {current.slide.notes.trim() ? <FigureText text={current.slide.notes} figures={figures} /> : <span className="console-muted">{t('present.noNotes')}</span>}
          </div>
        </section>

        <nav className="console-list-wrap" aria-label={t('present.slideList')}>
          <ol className="console-list" ref={listRef}>
            {shown.map((entry, i) => (
              <li key={entry.slide.id}>
                <button type="button" aria-current={i === p.position ? 'true' : undefined} onClick={() => p.go(i)} className={entry.slide.layout === 'section' ? 'is-section' : undefined}>
                  <span className="console-list-number">{entry.number}</span>
                  <span className="console-list-title">
                    <FigureText text={entry.slide.title || t('present.untitled')} figures={figures} />
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </nav>
      </main>
    </div>
  );
}

/** The clock, the stopwatch and the countdown: the only part that renders every second. */
function ConsoleTimes({ watch, targetMinutes }: { watch: Stopwatch; targetMinutes: number | null }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, []);
  const elapsed = elapsedMs(watch, now);
  const left = targetMinutes === null ? null : countdown(targetMinutes * 60_000, elapsed);
  return (
    <div className="console-times">
      <span className="console-time">
        <span className="console-time-label">{t('present.clock')}</span>
        <time className="console-time-value">{formatClock(new Date(now))}</time>
      </span>
      <span className={`console-time${watch.runningSince === null ? ' paused' : ''}`}>
        <span className="console-time-label">{t('present.elapsed')}</span>
        <span className="console-time-value" data-testid="elapsed">
          {formatDuration(elapsed)}
        </span>
      </span>
      {left && (
        <span className={`console-time countdown level-${left.level}`} role={left.level === 'ok' ? undefined : 'status'}>
          <span className="console-time-label">{t(left.level === 'over' ? 'present.overTime' : 'present.remaining')}</span>
          <span className="console-time-value">{left.text}</span>
        </span>
      )}
    </div>
  );
}
