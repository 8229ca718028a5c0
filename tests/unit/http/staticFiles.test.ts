import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticPath } from '../../../decks/node/http/staticFiles.ts';

const root = join('/srv', 'huibao', 'dist', 'renderer');

describe('resolveStaticPath', () => {
  it('maps / to index.html and plain paths inside the folder', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-Ab12.js')).toBe(join(root, 'assets', 'index-Ab12.js'));
    expect(resolveStaticPath(root, '/assets/%E6%B1%87%E6%8A%A5.png')).toBe(join(root, 'assets', '汇报.png'));
  });

  it.each([
    '/../secret',
    '/%2e%2e/secret',
    '/%2E%2e/secret',
    '/..%2fsecret',
    '/..%2Fsecret',
    '/a/..%2f..%2fsecret',
    '/a/../b',
    '/./index.html',
    '/..%5csecret',
    '/..\\secret',
    '/index.html%00',
    '/a\u0000b',
    '//etc/passwd',
    '/%2fetc/passwd',
    '/C:/Windows/win.ini',
    '/C%3A%5CWindows',
    'index.html',
    '/.git/config',
    '/assets/',
    '/%E0%A4%A',
  ])('refuses %s', (path) => {
    expect(resolveStaticPath(root, path)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('knows the types the renderer build uses, and falls back to octet-stream', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/x.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/x.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a/x.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a/x.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a/x.bin')).toBe('application/octet-stream');
  });
});
