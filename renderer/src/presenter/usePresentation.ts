// The state both presentation windows share — which slide is shown and whether the screen is blanked — with the
// keyboard of keys.ts and the BroadcastChannel of sync.ts. A local change is applied and sent; a received one
// is only applied (so nothing echoes). Each window says hello on opening and the others answer with the state,
// so a window opened late (the audience window opened from the console) joins where the talk already is.
import { useCallback, useEffect, useRef, useState } from 'react';
import { readPresentKey, targetPosition, toggleBlank, type BlankMode, type PresentAction } from './keys.ts';
import { positionOf, type ShownSlide } from './showSlides.ts';
import { blankMessage, blankOf, openPresentChannel, type PresentChannel, type PresentMessage } from './sync.ts';

export interface PresentationOptions {
  deckId: string;
  shown: readonly ShownSlide[];
  initialPosition: number;
  /** Keys this window handles itself (Escape, F, Enter in the overview …); return true when handled. */
  onAction?(action: PresentAction): boolean;
  /** The console ended the presentation. */
  onEnd?(): void;
}

export interface Presentation {
  position: number;
  /** The position right now, including a move heard on the channel that React has not rendered yet. */
  positionNow(): number;
  blank: BlankMode;
  /** The slide number being typed, '' when none. */
  digits: string;
  go(position: number): void;
  setBlank(mode: BlankMode): void;
  /** Runs an action as if its key had been pressed. */
  act(action: PresentAction): void;
  /** Tells the other windows to end (the console's “end” button). */
  endAll(): void;
}

/** Keys typed into a form field belong to the field. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

export function usePresentation(opts: PresentationOptions): Presentation {
  const { deckId, shown } = opts;
  const [position, setPosition] = useState(() => Math.min(Math.max(opts.initialPosition, 0), Math.max(shown.length - 1, 0)));
  const [blank, setBlankState] = useState<BlankMode>('none');
  const [digits, setDigits] = useState('');
  const state = useRef({ position, blank, digits });
  state.current = { position, blank, digits };
  const options = useRef(opts);
  options.current = opts;
  const channel = useRef<PresentChannel | null>(null);

  const send = (m: PresentMessage) => channel.current?.post(m);

  const go = useCallback(
    (to: number) => {
      const next = Math.min(Math.max(to, 0), Math.max(shown.length - 1, 0));
      if (next === state.current.position) return;
      state.current.position = next;
      setPosition(next);
      send({ type: 'goto', index: next, slideId: shown[next]?.slide.id });
    },
    [shown],
  );

  const setBlank = useCallback((mode: BlankMode) => {
    if (mode === state.current.blank) return;
    state.current.blank = mode;
    setBlankState(mode);
    send(blankMessage(mode));
  }, []);

  const act = useCallback(
    (action: PresentAction) => {
      if (options.current.onAction?.(action)) return;
      if (action.type === 'blank') {
        setBlank(toggleBlank(state.current.blank, action.mode));
        return;
      }
      const to = targetPosition(action, state.current.position, shown.length);
      if (to === null) return;
      // Moving on brings the picture back, as in PowerPoint: a clicker press never lands on a black screen.
      setBlank('none');
      go(to);
    },
    [go, setBlank, shown.length],
  );

  // The channel: apply what others say; answer a newcomer's hello with the whole state.
  useEffect(() => {
    const ch = openPresentChannel(deckId, (m) => {
      switch (m.type) {
        case 'goto': {
          const to = positionOf(shown, m.slideId, m.index);
          state.current.position = to;
          setPosition(to);
          break;
        }
        case 'blackout':
          state.current.blank = blankOf(m);
          setBlankState(blankOf(m));
          break;
        case 'state': {
          const to = positionOf(shown, m.slideId, m.index);
          state.current.position = to;
          state.current.blank = m.blank;
          setPosition(to);
          setBlankState(m.blank);
          break;
        }
        case 'hello': {
          const p = state.current.position;
          ch.post({ type: 'state', index: p, slideId: shown[p]?.slide.id, blank: state.current.blank });
          break;
        }
        case 'end':
          options.current.onEnd?.();
          break;
      }
    });
    channel.current = ch;
    ch.post({ type: 'hello' });
    return () => {
      channel.current = null;
      ch.close();
    };
  }, [deckId, shown]);

  // The keyboard.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      const r = readPresentKey(e, state.current.digits, shown.length);
      if (r.digits !== state.current.digits) {
        state.current.digits = r.digits;
        setDigits(r.digits);
      }
      if (r.handled) e.preventDefault();
      if (r.action) act(r.action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act, shown.length]);

  // A typed number is forgotten after a pause, so a stray digit never waits to hijack a later Enter.
  useEffect(() => {
    if (digits === '') return;
    const timer = window.setTimeout(() => {
      state.current.digits = '';
      setDigits('');
    }, 4000);
    return () => window.clearTimeout(timer);
  }, [digits]);

  const endAll = useCallback(() => send({ type: 'end' }), []);

  const positionNow = useCallback(() => state.current.position, []);
  return { position, positionNow, blank, digits, go, setBlank, act, endAll };
}
