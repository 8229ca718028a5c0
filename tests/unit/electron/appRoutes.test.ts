// The main process sends and reads its windows' pages through the renderer's own routes (decks/common/routes.ts).
import { describe, expect, it } from 'vitest';
import { deckIdOfRoute, parseRoute, type Route } from '../../../decks/common/routes.ts';
import { appPageUrl, appRouteOf } from '../../../electron/main/appRoutes.ts';

const deckOf = (url: string) => {
  const route = appRouteOf(url);
  return route ? deckIdOfRoute(route) : null;
};

describe('app page addresses', () => {
  it('builds the address of every route on app://huibao and reads it back', () => {
    const routes: Route[] = [
      { name: 'library' },
      { name: 'edit', deckId: 'abc123' },
      { name: 'present', deckId: 'd 1/汇报', slideIndex: 0 },
      { name: 'present', deckId: 'd1', slideIndex: 12 },
      { name: 'console', deckId: 'x-y' },
    ];
    for (const r of routes) {
      // A show's window loads the show's own lean page; every other route the app's page.
      expect(appPageUrl(r)).toMatch(r.name === 'present' ? /^app:\/\/huibao\/present\.html#\// : /^app:\/\/huibao\/index\.html#\//);
      expect(appRouteOf(appPageUrl(r))).toEqual(r);
    }
    expect(appPageUrl({ name: 'present', deckId: 'd1', slideIndex: 3 })).toBe('app://huibao/present.html#/present/d1/3');
    // A show reached in the editor's page (F5 changes only the fragment) is read the same.
    expect(appRouteOf('app://huibao/index.html#/present/d1/3')).toEqual({ name: 'present', deckId: 'd1', slideIndex: 3 });
  });

  it('reads routes of the app only', () => {
    expect(appRouteOf('https://evil.example/#/present/abc')).toBeNull();
    expect(appRouteOf('app://other/index.html#/console/abc')).toBeNull();
    expect(appRouteOf('not a url')).toBeNull();
    expect(appRouteOf('app://huibao/index.html')).toEqual({ name: 'library' });
  });

  it('finds the deck in the editor, presentation and console routes, and nowhere else', () => {
    expect(deckOf('app://huibao/index.html#/edit/abc123')).toBe('abc123');
    expect(deckOf('app://huibao/index.html#/present/abc123/4')).toBe('abc123');
    expect(deckOf('app://huibao/index.html#/console/x%2Dy')).toBe('x-y');
    expect(deckOf('app://huibao/index.html#/')).toBeNull();
    expect(deckOf('app://huibao/index.html')).toBeNull();
    expect(deckOf('app://huibao/index.html#/edit/%E0%A4%A')).toBeNull();
    expect(parseRoute('#/edit/%E0%A4%A').name).toBe('notFound');
  });
});
