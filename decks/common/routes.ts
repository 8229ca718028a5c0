// The app's hash routes, parsed and built in one place: the renderer follows them, and the Electron main process
// reads and sets them on its windows (pure: tested in Node).
export type Route =
  | { name: 'library' }
  | { name: 'edit'; deckId: string }
  | { name: 'present'; deckId: string; slideIndex: number }
  | { name: 'console'; deckId: string }
  | { name: 'notFound'; hash: string };

function decode(part: string): string | null {
  try {
    const v = decodeURIComponent(part);
    return v.length > 0 && v.length <= 64 ? v : null;
  } catch {
    return null;
  }
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { name: 'library' };
  const parts = path.replace(/^\//, '').replace(/\/$/, '').split('/');
  const [head, rawId, rawIndex] = parts;
  const deckId = rawId === undefined ? null : decode(rawId);
  if (deckId !== null) {
    if (head === 'edit' && parts.length === 2) return { name: 'edit', deckId };
    if (head === 'console' && parts.length === 2) return { name: 'console', deckId };
    if (head === 'present' && parts.length === 2) return { name: 'present', deckId, slideIndex: 0 };
    if (head === 'present' && parts.length === 3 && rawIndex !== undefined && /^\d{1,5}$/.test(rawIndex)) {
      return { name: 'present', deckId, slideIndex: Number(rawIndex) };
    }
  }
  return { name: 'notFound', hash: path };
}

/** The fragment of a whole address (`app://huibao/index.html#/edit/x` → `#/edit/x`), or '' when it has none. */
export function hashOfUrl(url: string): string {
  const at = url.indexOf('#');
  return at < 0 ? '' : url.slice(at);
}

/** The deck a route shows (editor, show or console), else null. */
export function deckIdOfRoute(route: Route): string | null {
  return route.name === 'edit' || route.name === 'present' || route.name === 'console' ? route.deckId : null;
}

/**
 * The app's two pages: the app (every route) and the show's own lean page, which a show opened in a window of its
 * own loads (only the `present` route). Both at the root of the built renderer.
 */
export const APP_PAGE = 'index.html';
export const SHOW_PAGE = 'present.html';

/** The page a route is opened on in a new window. */
export function pageOfRoute(route: Route): typeof APP_PAGE | typeof SHOW_PAGE {
  return route.name === 'present' ? SHOW_PAGE : APP_PAGE;
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'library':
      return '#/';
    case 'edit':
      return `#/edit/${encodeURIComponent(route.deckId)}`;
    case 'present':
      return `#/present/${encodeURIComponent(route.deckId)}${route.slideIndex > 0 ? `/${route.slideIndex}` : ''}`;
    case 'console':
      return `#/console/${encodeURIComponent(route.deckId)}`;
    case 'notFound':
      return `#${route.hash}`;
  }
}

/** The loopback host's token arrives once in the fragment (`#token=…`); returns it, or null when absent. */
export function tokenFromHash(hash: string): string | null {
  const m = /^#token=([A-Za-z0-9_-]{8,256})$/.exec(hash);
  return m ? m[1]! : null;
}

/**
 * The query of an audience window the person must move to the projector themselves (under Wayland an app cannot
 * place its windows): the show then says so, and F makes it full screen where it was put.
 */
export const PLACE_MANUALLY_QUERY = 'place=manual';

/** True when a page's query (`location.search`) carries PLACE_MANUALLY_QUERY. */
export function asksToBePlaced(search: string): boolean {
  return search.replace(/^\?/, '').split('&').includes(PLACE_MANUALLY_QUERY);
}
