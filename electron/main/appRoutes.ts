// The app's pages as addresses: a route (decks/common/routes.ts, the one the renderer follows) at
// app://huibao/index.html — a show's window at present.html, the show's lean page — and back. Every window of the
// main process is sent and read through these two.
import { hashOfUrl, pageOfRoute, parseRoute, PLACE_MANUALLY_QUERY, routeHash, type Route } from '../../decks/common/routes.ts';
import { APP_ORIGIN, isAppUrl } from './ipcHost.ts';

/** The address of the app's page showing `route`; `placeManually` for an audience window the person must move. */
export function appPageUrl(route: Route, opts: { placeManually?: boolean } = {}): string {
  return `${APP_ORIGIN}/${pageOfRoute(route)}${opts.placeManually ? `?${PLACE_MANUALLY_QUERY}` : ''}${routeHash(route)}`;
}

/** The route an address of the app's own page shows; null for any other address. */
export function appRouteOf(url: string): Route | null {
  return isAppUrl(url) ? parseRoute(hashOfUrl(url)) : null;
}
