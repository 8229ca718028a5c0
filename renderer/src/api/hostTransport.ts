// How the page reaches its host, with nothing of the DeckApi's schemas: Electron's preload bridge when present, else
// the loopback host over HTTP with the session's token. getApi.ts makes the checked DeckApi of it; the show, which
// must open fast, its lean client (showApi.ts).
import type { Envelope, MethodName } from '../../../decks/common/api.ts';
import { createHttpTransport } from '../../../decks/common/httpTransport.ts';
import { tokenFromHash } from '../../../decks/common/routes.ts';

declare global {
  interface Window {
    /** Set by the Electron preload: the transport, nothing else. */
    huibao?: { call(method: MethodName, args: unknown): Promise<Envelope> };
  }
}

export type HostTransport = (name: MethodName, args: unknown) => Promise<Envelope>;

const TOKEN_KEY = 'huibao.token';

/**
 * Takes the loopback host's token out of the fragment on first load, keeps it for the session and
 * replaces the fragment with `#/`, so the token does not linger in the address bar or history.
 */
export function adoptTokenFromUrl(): void {
  const token = tokenFromHash(window.location.hash);
  if (token === null) return;
  try {
    window.sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    memoryToken = token;
  }
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
}

let memoryToken = '';

function sessionToken(): string {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY) ?? memoryToken;
  } catch {
    return memoryToken;
  }
}

export function hostTransport(): HostTransport {
  const bridge = window.huibao;
  return bridge
    ? (name, args) => bridge.call(name, args)
    : createHttpTransport({ baseUrl: window.location.origin, token: sessionToken(), fetch: window.fetch.bind(window) });
}
