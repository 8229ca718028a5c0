// Keeping the audience view and the console in step in the browser host: one BroadcastChannel per deck
// (`huibao-present-<deckId>`), same-origin only by design. Either window can drive; each applies what it hears
// without sending it back, so messages never echo. In Electron both windows are app:// pages and the same
// channel works between them (the main process only places the windows).
import type { BlankMode } from './keys.ts';

export type PresentMessage =
  /** Show a slide: `index` is its position among shown slides; `slideId` wins when both windows know it. */
  | { type: 'goto'; index: number; slideId?: string }
  | { type: 'blackout'; on: boolean; color: 'black' | 'white' }
  /** A window that just opened asks where the presentation is. */
  | { type: 'hello' }
  /** The answer to hello: the whole state. */
  | { type: 'state'; index: number; slideId?: string; blank: BlankMode }
  /** The console ends the presentation: the audience window closes (or leaves, when it cannot close). */
  | { type: 'end' };

export function channelName(deckId: string): string {
  return `huibao-present-${deckId}`;
}

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 100_000;
const isSlideId = (v: unknown): v is string | undefined => v === undefined || (typeof v === 'string' && v.length > 0 && v.length <= 64);

/** Accepts only well-formed messages (another tab of the same origin could send anything). */
export function parsePresentMessage(data: unknown): PresentMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  switch (m.type) {
    case 'goto':
      return isIndex(m.index) && isSlideId(m.slideId) ? { type: 'goto', index: m.index, ...(m.slideId ? { slideId: m.slideId } : {}) } : null;
    case 'blackout':
      return typeof m.on === 'boolean' && (m.color === 'black' || m.color === 'white') ? { type: 'blackout', on: m.on, color: m.color } : null;
    case 'hello':
      return { type: 'hello' };
    case 'end':
      return { type: 'end' };
    case 'state':
      return isIndex(m.index) && isSlideId(m.slideId) && (m.blank === 'none' || m.blank === 'black' || m.blank === 'white')
        ? { type: 'state', index: m.index, ...(m.slideId ? { slideId: m.slideId } : {}), blank: m.blank }
        : null;
    default:
      return null;
  }
}

export function blankMessage(mode: BlankMode): PresentMessage {
  return mode === 'none' ? { type: 'blackout', on: false, color: 'black' } : { type: 'blackout', on: true, color: mode };
}

export function blankOf(m: Extract<PresentMessage, { type: 'blackout' }>): BlankMode {
  return m.on ? m.color : 'none';
}

export interface PresentChannel {
  post(message: PresentMessage): void;
  close(): void;
}

/** Opens the deck's channel; a browser without BroadcastChannel gets a silent one (the window then runs alone). */
export function openPresentChannel(deckId: string, onMessage: (m: PresentMessage) => void): PresentChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(channelName(deckId));
  channel.onmessage = (event: MessageEvent) => {
    const m = parsePresentMessage(event.data);
    if (m) onMessage(m);
  };
  return {
    post: (m) => channel.postMessage(m),
    close: () => channel.close(),
  };
}
