// The current route, following `hashchange`.
import { useEffect, useState } from 'react';
import { APP_PAGE, parseRoute, routeHash, SHOW_PAGE, type Route } from '../../../decks/common/routes.ts';

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    onChange();
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/**
 * Goes to a route: within this page (the app's page shows every route, the show's page only shows), else by loading
 * the app's page with it.
 */
export function navigate(route: Route): void {
  const onShowPage = window.location.pathname.endsWith(`/${SHOW_PAGE}`);
  if (onShowPage && route.name !== 'present') window.location.assign(`${APP_PAGE}${routeHash(route)}`);
  else window.location.hash = routeHash(route);
}
