import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, tokenFromHash, type Route } from '../../../../renderer/src/app/routes.ts';

describe('parseRoute (DESIGN §6)', () => {
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
