import { describe, expect, it } from 'vitest';
import { APP_PAGE, asksToBePlaced, deckIdOfRoute, hashOfUrl, pageOfRoute, parseRoute, PLACE_MANUALLY_QUERY, routeHash, SHOW_PAGE, tokenFromHash, type Route } from '../../../decks/common/routes.ts';

describe('parseRoute', () => {
  it('reads every route', () => {
    expect(parseRoute('')).toEqual({ name: 'library' });
    expect(parseRoute('#/')).toEqual({ name: 'library' });
    expect(parseRoute('#/edit/abc123')).toEqual({ name: 'edit', deckId: 'abc123' });
    expect(parseRoute('#/present/abc123')).toEqual({ name: 'present', deckId: 'abc123', slideIndex: 0 });
    expect(parseRoute('#/present/abc123/7')).toEqual({ name: 'present', deckId: 'abc123', slideIndex: 7 });
    expect(parseRoute('#/console/abc123')).toEqual({ name: 'console', deckId: 'abc123' });
  });

  it('sends anything else to notFound', () => {
    for (const hash of ['#/edit', '#/edit/', '#/edit/a/b', '#/present/a/-1', '#/present/a/x', '#/other', '#/edit/%E0%A4%A', `#/edit/${'x'.repeat(65)}`]) {
      expect(parseRoute(hash).name, hash).toBe('notFound');
    }
  });

  it('round-trips through routeHash, ids with odd characters included', () => {
    const routes: Route[] = [
      { name: 'library' },
      { name: 'edit', deckId: 'a b/c?d' },
      { name: 'present', deckId: 'd1', slideIndex: 0 },
      { name: 'present', deckId: 'd1', slideIndex: 12 },
      { name: 'console', deckId: '汇报' },
    ];
    for (const r of routes) expect(parseRoute(routeHash(r))).toEqual(r);
  });
});

describe('tokenFromHash', () => {
  it('takes the token of the first load and nothing else', () => {
    expect(tokenFromHash('#token=mNGKJJogJVBGUdlmCNvPHupZcNwM61Y2svd07dFLF6s')).toBe('mNGKJJogJVBGUdlmCNvPHupZcNwM61Y2svd07dFLF6s');
    expect(tokenFromHash('#/')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
    expect(tokenFromHash('#token=abc')).toBeNull();
    expect(tokenFromHash('#token=abcdefgh<script>')).toBeNull();
  });
});

describe('hashOfUrl and deckIdOfRoute', () => {
  it('reads the route of a whole address', () => {
    expect(parseRoute(hashOfUrl('app://huibao/index.html#/present/d1/3'))).toEqual({ name: 'present', deckId: 'd1', slideIndex: 3 });
    expect(hashOfUrl('app://huibao/index.html')).toBe('');
    expect(parseRoute(hashOfUrl('app://huibao/index.html'))).toEqual({ name: 'library' });
  });

  it('names the deck of the editor, the show and the console only', () => {
    expect(deckIdOfRoute({ name: 'edit', deckId: 'a' })).toBe('a');
    expect(deckIdOfRoute({ name: 'present', deckId: 'b', slideIndex: 2 })).toBe('b');
    expect(deckIdOfRoute({ name: 'console', deckId: 'c' })).toBe('c');
    expect(deckIdOfRoute({ name: 'library' })).toBeNull();
    expect(deckIdOfRoute({ name: 'notFound', hash: '/edit' })).toBeNull();
  });
});

describe('asksToBePlaced', () => {
  it('reads the audience window’s “move me to the projector” query', () => {
    expect(asksToBePlaced(`?${PLACE_MANUALLY_QUERY}`)).toBe(true);
    expect(asksToBePlaced(`?a=1&${PLACE_MANUALLY_QUERY}`)).toBe(true);
    expect(asksToBePlaced('')).toBe(false);
    expect(asksToBePlaced('?place=manually')).toBe(false);
  });
});

describe('pageOfRoute', () => {
  it('opens a show on the show\'s own page and every other route on the app\'s', () => {
    expect(pageOfRoute({ name: 'present', deckId: 'd1', slideIndex: 2 })).toBe(SHOW_PAGE);
    for (const r of [{ name: 'library' }, { name: 'edit', deckId: 'd1' }, { name: 'console', deckId: 'd1' }, { name: 'notFound', hash: 'x' }] as Route[]) expect(pageOfRoute(r)).toBe(APP_PAGE);
    expect([APP_PAGE, SHOW_PAGE]).toEqual(['index.html', 'present.html']);
  });
});
