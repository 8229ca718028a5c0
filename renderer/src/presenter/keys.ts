// The presenter's keyboard, shared by the audience view and the console so both answer the same keys — those of
// PowerPoint's slide show. Pure: a key (KeyboardEvent.key) and the digits typed so far in, an action and the new
// digits out — tested in Node. USB clickers send PageDown/PageUp (some send arrows or B/.), so those must work
// exactly like the arrows. PRESENT_KEY_HELP lists them for the help overlay (?).
import type { MessageKey } from '../i18n/zh.ts';

export type BlankMode = 'none' | 'black' | 'white';

export type PresentAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'last' }
  /** Go to a slide by its 0-based position among the shown (not hidden) slides. */
  | { type: 'goto'; position: number }
  /** Toggle a black or white screen (B or ., W or ,). */
  | { type: 'blank'; mode: 'black' | 'white' }
  /** Esc: closes what is open over the show (help, the overview), else ends the show. */
  | { type: 'escape' }
  | { type: 'fullscreen' }
  /** G or O: the grid of all slides. */
  | { type: 'overview' }
  /** ?: the list of keys. */
  | { type: 'help' };

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

export interface KeyResult {
  action: PresentAction | null;
  /** The slide number being typed (digits only, at most 4), '' when none. */
  digits: string;
  /** True when the key was ours (the caller then prevents the browser's default, e.g. scrolling on Space). */
  handled: boolean;
}

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar', 'n', 'N']);
const PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace', 'p', 'P']);
export const MAX_DIGITS = 4;

/**
 * Reads one key. `count` is the number of shown slides (a typed number beyond it jumps to the last one).
 * Typing digits then Enter jumps to that slide (1-based, as people count); Backspace takes back a digit,
 * Escape forgets them; any other key forgets them too and does its own job.
 */
export function readPresentKey(input: KeyInput, digits: string, count: number): KeyResult {
  const { key } = input;
  // Browser and system shortcuts (Ctrl+R, Alt+Tab, Cmd+W …) are never ours.
  if (input.ctrlKey || input.altKey || input.metaKey) return { action: null, digits, handled: false };
  if (/^[0-9]$/.test(key)) {
    const next = (digits + key).replace(/^0+/, '').slice(0, MAX_DIGITS);
    return { action: null, digits: next, handled: true };
  }
  if (digits !== '') {
    if (key === 'Enter') {
      const n = Number(digits);
      return { action: count > 0 ? { type: 'goto', position: Math.min(Math.max(n, 1), count) - 1 } : null, digits: '', handled: true };
    }
    if (key === 'Backspace') return { action: null, digits: digits.slice(0, -1), handled: true };
    if (key === 'Escape') return { action: null, digits: '', handled: true };
  }
  const action = actionOf(key);
  return { action, digits: '', handled: action !== null };
}

function actionOf(key: string): PresentAction | null {
  if (NEXT.has(key) || key === 'Enter') return { type: 'next' };
  if (PREV.has(key)) return { type: 'prev' };
  switch (key) {
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'b':
    case 'B':
    case '.':
      return { type: 'blank', mode: 'black' };
    case 'w':
    case 'W':
    case ',':
      return { type: 'blank', mode: 'white' };
    case 'Escape':
      return { type: 'escape' };
    case 'f':
    case 'F':
      return { type: 'fullscreen' };
    case 'g':
    case 'G':
    case 'o':
    case 'O':
      return { type: 'overview' };
    case '?':
      return { type: 'help' };
    default:
      return null;
  }
}

/** The position an action leads to from `position` among `count` shown slides (null: the action does not move). */
export function targetPosition(action: PresentAction, position: number, count: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (action.type) {
    case 'next':
      return Math.min(position + 1, last);
    case 'prev':
      return Math.max(position - 1, 0);
    case 'first':
      return 0;
    case 'last':
      return last;
    case 'goto':
      return Math.min(Math.max(action.position, 0), last);
    default:
      return null;
  }
}

/** B on a black screen brings the slide back; W on a black screen turns it white (as PowerPoint does). */
export function toggleBlank(current: BlankMode, pressed: 'black' | 'white'): BlankMode {
  return current === pressed ? 'none' : pressed;
}

/**
 * The keys and mouse gestures of a show, for the help overlay: what each does (a message key of the i18n layer) and
 * how it is reached. Kept beside readPresentKey, which reads them; a test checks the two agree.
 */
export const PRESENT_KEY_HELP = [
  { does: 'present.help.next', keys: ['→', '↓', 'Space', 'PgDn', 'N', 'Enter'], mouse: 'present.help.clickOrWheel' },
  { does: 'present.help.prev', keys: ['←', '↑', 'PgUp', 'P', 'Backspace'], mouse: 'present.help.rightClickOrWheel' },
  { does: 'present.help.firstLast', keys: ['Home', 'End'] },
  { does: 'present.help.goto', keys: ['1 2 3 … Enter'] },
  { does: 'present.help.black', keys: ['B', '.'] },
  { does: 'present.help.white', keys: ['W', ','] },
  { does: 'present.help.overview', keys: ['G', 'O'] },
  { does: 'present.help.fullscreen', keys: ['F'] },
  { does: 'present.help.help', keys: ['?'] },
  { does: 'present.help.end', keys: ['Esc'] },
] as const satisfies readonly { does: MessageKey; keys: readonly string[]; mouse?: MessageKey }[];
