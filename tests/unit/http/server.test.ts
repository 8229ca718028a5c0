import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../decks/common/csp.ts';
import { MAX_BODY_BYTES, startHttpHost, type HttpHost } from '../../../decks/node/http/server.ts';
import { fakeDeckApi } from './fakeDeckApi.ts';
import { rawRequest } from './rawRequest.ts';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-BUILD';
let dir: string;
let staticDir: string;
let host: HttpHost;
let fake: ReturnType<typeof fakeDeckApi>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-http-'));
  staticDir = join(dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Huibao</title>');
  writeFileSync(join(staticDir, 'assets', 'app.mjs'), 'export const x = 1;');
  writeFileSync(join(staticDir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(staticDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(staticDir, 'assets', 'present-UOxx_y0m.js'), 'export const y = 2;');
  writeFileSync(join(staticDir, '.env'), SECRET);
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  symlinkSync(join(dir, 'secret.txt'), join(staticDir, 'assets', 'link.txt'));
  fake = fakeDeckApi();
  host = await startHttpHost({ api: fake.api, staticDir });
});

afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

const auth = () => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });
const post = (path: string, headers: Record<string, string>, body = '{}') => rawRequest(host.port, { method: 'POST', path, headers, body });

describe('loopback host: who may call the API', () => {
  it('answers a call with the right token with the envelope', async () => {
    const r = await post('/api/listDecks', auth());
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, result: { decks: [{ id: 'deck1' }] } });
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('refuses a call without a token (401) and never reaches the API', async () => {
    const before = fake.calls.length;
    const r = await post('/api/listDecks', { 'Content-Type': 'application/json' });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(fake.calls.length).toBe(before);
  });

  it('refuses a wrong token of the same length, a prefix, a longer token and another scheme (401)', async () => {
    const wrong = host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A');
    for (const authorization of [`Bearer ${wrong}`, `Bearer ${host.token.slice(0, 10)}`, `Basic ${host.token}`, `bearer${host.token}`, `Bearer ${host.token}x`]) {
      const r = await post('/api/listDecks', { Authorization: authorization, 'Content-Type': 'application/json' });
      expect(r.status, authorization).toBe(401);
    }
  });

  it('refuses a foreign Host (421), even with the token: DNS rebinding', async () => {
    for (const h of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, `localhost.evil.example:${host.port}`]) {
      const r = await post('/api/listDecks', { ...auth(), Host: h });
      expect(r.status, h).toBe(421);
      const s = await rawRequest(host.port, { path: '/', headers: { Host: h } });
      expect(s.status, h).toBe(421);
      expect(s.body).not.toContain('Huibao');
    }
  });

  it('accepts localhost:PORT as Host', async () => {
    const r = await post('/api/listDecks', { ...auth(), Host: `localhost:${host.port}` });
    expect(r.status).toBe(200);
  });

  it('refuses cross-origin requests (403) and accepts its own origin', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${host.port + 1}`, `https://127.0.0.1:${host.port}`]) {
      const r = await post('/api/listDecks', { ...auth(), Origin: origin });
      expect(r.status, origin).toBe(403);
    }
    expect((await post('/api/listDecks', { ...auth(), 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await post('/api/listDecks', { ...auth(), Origin: `http://127.0.0.1:${host.port}`, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await post('/api/listDecks', { ...auth(), Origin: `http://localhost:${host.port}`, Host: `localhost:${host.port}` })).status).toBe(200);
  });
});

describe('loopback host: the API', () => {
  it('answers malformed JSON with 400 and an error envelope', async () => {
    const r = await post('/api/listDecks', auth(), '{"trash":');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('answers an unknown method with 404 and an error envelope, also for Object.prototype names', async () => {
    for (const name of ['noSuchMethod', 'constructor', '__proto__', 'toString', '%E4%B8%AD']) {
      const r = await post(`/api/${name}`, auth());
      expect(r.status, name).toBe(404);
      expect(JSON.parse(r.body), name).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('validates arguments through dispatch() (an envelope, not a crash)', async () => {
    const r = await post('/api/getDeck', auth(), JSON.stringify({ deckId: 5 }));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const nf = await post('/api/getDeck', auth(), JSON.stringify({ deckId: 'nope' }));
    expect(JSON.parse(nf.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: { en: 'deck "nope" not found' } } });
  });

  it('refuses a body over the limit (413), a non-JSON content type (415) and GET (405)', async () => {
    const big = await post('/api/listDecks', { ...auth(), 'Content-Length': String(MAX_BODY_BYTES + 1) }, '');
    expect(big.status).toBe(413);
    const streamed = await post('/api/listDecks', auth(), `{"x":"${'a'.repeat(MAX_BODY_BYTES)}"}`);
    expect(streamed.status).toBe(413);
    // Only a bundle may be bigger than that (FILE_LIMITS.bundleBytes).
    const bundle = await post('/api/openBundle', auth(), JSON.stringify({ fileName: 'a.huibao', dataBase64: 'A'.repeat(MAX_BODY_BYTES + 10) }));
    expect(bundle.status).toBe(200);
    expect(JSON.parse(bundle.body)).toMatchObject({ ok: false });
    const text = await post('/api/listDecks', { Authorization: `Bearer ${host.token}`, 'Content-Type': 'text/plain' });
    expect(text.status).toBe(415);
    const get = await rawRequest(host.port, { path: '/api/listDecks', headers: auth() });
    expect(get.status).toBe(405);
  });
});

describe('loopback host: static files', () => {
  it('serves index.html for / and the right content types', async () => {
    const index = await rawRequest(host.port, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body).toContain('<title>Huibao</title>');
    const cases: [string, string][] = [
      ['/assets/app.mjs', 'text/javascript; charset=utf-8'],
      ['/assets/font.woff2', 'font/woff2'],
      ['/assets/logo.svg', 'image/svg+xml'],
      ['/index.html?x=1', 'text/html; charset=utf-8'],
    ];
    for (const [path, type] of cases) {
      const r = await rawRequest(host.port, { path });
      expect(r.status, path).toBe(200);
      expect(r.headers['content-type'], path).toBe(type);
    }
    const head = await rawRequest(host.port, { method: 'HEAD', path: '/' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await rawRequest(host.port, { method: 'POST', path: '/' })).status).toBe(405);
    expect((await rawRequest(host.port, { path: '/missing.js' })).status).toBe(404);
  });

  it('lets the browser keep the hashed bundles for good, and asks it to check the pages and everything else each time', async () => {
    const hashed = await rawRequest(host.port, { path: '/assets/present-UOxx_y0m.js' });
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/assets/app.mjs', '/assets/logo.svg']) {
      expect((await rawRequest(host.port, { path })).headers['cache-control'], path).toBe('no-cache');
    }
    // The API is never kept.
    expect((await post('/api/listDecks', { Authorization: `Bearer ${host.token}` })).headers['cache-control']).toBe('no-store');
  });

  it('never serves a file outside the build: traversal, encoded traversal, NUL, absolute, dot-files, links', async () => {
    const attempts = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/../../secret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/%252e%252e/secret.txt',
      '/index.html%00.js',
      `/${encodeURIComponent(join(dir, 'secret.txt'))}`,
      `/${join(dir, 'secret.txt')}`,
      '//etc/passwd',
      '/.env',
      '/assets/link.txt',
      '/%',
      '/assets/',
    ];
    for (const path of attempts) {
      const r = await rawRequest(host.port, { path });
      expect([400, 404], path).toContain(r.status);
      expect(r.body, path).not.toContain(SECRET);
    }
  });

  it('sends CSP, nosniff and no-referrer on every response', async () => {
    const responses = [
      await rawRequest(host.port, { path: '/' }),
      await rawRequest(host.port, { path: '/missing' }),
      await post('/api/listDecks', auth()),
      await post('/api/listDecks', {}),
      await rawRequest(host.port, { path: '/', headers: { Host: 'evil.example' } }),
    ];
    for (const r of responses) {
      expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });
});

describe('loopback host: where it listens', () => {
  const refused = (address: string, port: number) =>
    new Promise<boolean>((resolve) => {
      const s = connect({ host: address, port });
      s.setTimeout(2000, () => {
        s.destroy();
        resolve(true);
      });
      s.on('connect', () => {
        s.destroy();
        resolve(false);
      });
      s.on('error', () => resolve(true));
    });

  it('binds 127.0.0.1 only, with a fresh 32-byte token per launch', async () => {
    expect(host.address.address).toBe('127.0.0.1');
    expect(host.address.family).toBe('IPv4');
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(Buffer.from(host.token, 'base64url')).toHaveLength(32);
    expect(await refused('127.0.0.1', host.port)).toBe(false);
    // Other addresses of this machine: another loopback address, and every non-loopback interface.
    const others = ['127.0.0.2'];
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (!a.internal && a.family === 'IPv4') others.push(a.address);
    for (const address of others) expect(await refused(address, host.port), address).toBe(true);
    const second = await startHttpHost({ api: fake.api, staticDir });
    try {
      expect(second.token).not.toBe(host.token);
      expect(second.port).not.toBe(host.port);
    } finally {
      await second.close();
    }
  });

  it('stops listening on close()', async () => {
    const h = await startHttpHost({ api: fake.api, staticDir });
    await h.close();
    expect(await refused('127.0.0.1', h.port)).toBe(true);
  });

  it('refuses a weak token', async () => {
    await expect(startHttpHost({ api: fake.api, staticDir, token: 'short' })).rejects.toThrow(/token/);
  });
});
