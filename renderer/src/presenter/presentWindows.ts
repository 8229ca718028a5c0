// How the console asks for the audience window. In the browser host `window.open` opens it; in Electron the main
// process intercepts the same call (electron/main/presentation.ts, which repeats these names: keep them equal)
// and places the window on the right display itself — so the renderer needs no channel beyond DeckApi.
import { routeHash, SHOW_PAGE } from '../../../decks/common/routes.ts';

/** The audience window's name (one per deck, so a second click focuses it instead of opening another). */
export function audienceWindowName(deckId: string): string {
  return `huibao-audience-${deckId}`;
}
/** Electron only: swap the audience and console displays. */
export const SWAP_DISPLAYS_WINDOW = 'huibao-present-swap';
/** Electron only: one-screen rehearsal (console only; the audience view is the console's current slide). */
export const REHEARSAL_WINDOW = 'huibao-present-rehearsal';

/** The audience window's address, relative to the app's page: the show's own lean page. */
export function audienceUrl(deckId: string, deckIndex: number): string {
  return `${SHOW_PAGE}${routeHash({ name: 'present', deckId, slideIndex: deckIndex })}`;
}

/** True in the Electron host (its preload sets window.huibao). */
export function inElectron(): boolean {
  // Read without the global declaration of api/hostTransport.ts, so this file type-checks on its own (the tests import it).
  return typeof window !== 'undefined' && (window as { huibao?: unknown }).huibao !== undefined;
}

/** Opens (or focuses) the audience window; false when the browser blocked it. In Electron the main process answers. */
export function openAudienceWindow(deckId: string, deckIndex: number): boolean {
  const win = window.open(audienceUrl(deckId, deckIndex), audienceWindowName(deckId), 'popup,width=1280,height=720');
  if (inElectron()) return true;
  if (!win) return false;
  win.focus();
  return true;
}

/** Electron only: asks the main process to swap displays or to switch rehearsal mode. */
export function askMainProcess(deckId: string, deckIndex: number, request: typeof SWAP_DISPLAYS_WINDOW | typeof REHEARSAL_WINDOW): void {
  window.open(audienceUrl(deckId, deckIndex), request);
}
