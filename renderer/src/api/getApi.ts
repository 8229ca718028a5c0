// The one DeckApi of the renderer: Electron's preload transport when present, else the loopback host over HTTP.
import { createClient, type DeckApi, type Envelope, type MethodName } from '../../../decks/common/api.ts';
import { createHttpTransport } from '../../../decks/common/httpTransport.ts';
import { tokenFromHash } from '../../../decks/common/routes.ts';

declare global {
  interface Window {
    /** Set by the Electron preload: the transport, nothing else. */
    huibao?: { call(method: MethodName, args: unknown): Promise<Envelope> };
  }
}

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
let api: DeckApi | null = null;

function sessionToken(): string {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY) ?? memoryToken;
  } catch {
    return memoryToken;
  }
}

export function getApi(): DeckApi {
  if (api) return api;
  const bridge = window.huibao;
  api = createClient(
    bridge
      ? (name, args) => bridge.call(name, args)
      : createHttpTransport({ baseUrl: window.location.origin, token: sessionToken(), fetch: window.fetch.bind(window) }),
  );
  return api;
}
