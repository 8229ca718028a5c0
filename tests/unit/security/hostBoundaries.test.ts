// The boundaries of both hosts, extending tests/unit/http/server.test.ts and tests/unit/electron/*: the CSP string
// itself, the CSP on every response of every kind, the loopback host's refusals (IPv6 and look-alike Hosts,
// DNS-rebinding names, absolute-form request targets, oversized headers), and the preload's single export.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type MethodName } from '../../../decks/common/api.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../decks/common/csp.ts';
import { startHttpHost, type HttpHost } from '../../../decks/node/http/server.ts';
import { createAppProtocolHandler } from '../../../electron/main/appProtocol.ts';
import { exposeBridge, type HuibaoBridge } from '../../../electron/preload/bridge.ts';
import { fakeDeckApi } from '../http/fakeDeckApi.ts';
import { rawRequest } from '../http/rawRequest.ts';

let dir: string;
let host: HttpHost;
let fake: ReturnType<typeof fakeDeckApi>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-boundaries-'));
  mkdirSync(join(dir, 'assets', 'fonts'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Huibao</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(dir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(dir, 'assets', 'fonts', 'noto.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(dir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'assets', 'data.json'), '{}');
  fake = fakeDeckApi();
  host = await startHttpHost({ api: fake.api, staticDir: dir });
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

const auth = () => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });

/** The CSP as directive → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources]));
}

describe('the Content-Security-Policy string', () => {
  it('allows scripts from the app only: no inline or eval, no remote origins anywhere, no plugins, no framing', () => {
    const d = directives(CONTENT_SECURITY_POLICY);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    for (const [name, sources] of d) {
      for (const s of sources) {
        // Only keywords and the data:/blob: schemes (for images and fonts); never a host, a wildcard or http(s).
        expect(s, `${name} ${s}`).toMatch(/^(?:'self'|'none'|data:|blob:)$/);
        expect(s, `${name} ${s}`).not.toMatch(/unsafe|\*|https?:|\/\//);
      }
      if (['script-src', 'default-src', 'style-src', 'connect-src'].includes(name)) expect(sources, name).not.toContain('data:');
    }
  });
});

describe('the CSP and security headers on every response', () => {
  const expectHeaders = (headers: Record<string, string | string[] | undefined>, what: string) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(headers[k.toLowerCase()], `${what}: ${k}`).toBe(v);
  };

  it('from the loopback host: every static file type, 404, 405, 421, 403, 401, 413, 415 and API answers', async () => {
    const requests: [string, Parameters<typeof rawRequest>[1]][] = [
      ['index', { path: '/' }],
      ['js', { path: '/assets/app.js' }],
      ['css', { path: '/assets/app.css' }],
      ['font', { path: '/assets/fonts/noto.woff2' }],
      ['svg', { path: '/assets/logo.svg' }],
      ['json', { path: '/assets/data.json' }],
      ['404', { path: '/nothing-here' }],
      ['404 traversal', { path: '/../../etc/passwd' }],
      ['405', { method: 'DELETE', path: '/' }],
      ['421', { path: '/', headers: { Host: 'evil.example' } }],
      ['403', { method: 'POST', path: '/api/listDecks', headers: { ...auth(), Origin: 'http://evil.example' }, body: '{}' }],
      ['401', { method: 'POST', path: '/api/listDecks', headers: { 'Content-Type': 'application/json' }, body: '{}' }],
      ['413', { method: 'POST', path: '/api/listDecks', headers: { ...auth(), 'Content-Length': String(64 * 1024 * 1024) }, body: '' }],
      ['415', { method: 'POST', path: '/api/listDecks', headers: { Authorization: auth().Authorization, 'Content-Type': 'text/plain' }, body: '{}' }],
      ['api ok', { method: 'POST', path: '/api/listDecks', headers: auth(), body: '{}' }],
      ['api error', { method: 'POST', path: '/api/getDeck', headers: auth(), body: '{"deckId":"x"}' }],
    ];
    for (const [what, req] of requests) {
      const r = await rawRequest(host.port, req);
      expectHeaders(r.headers, `${what} (${r.status})`);
    }
  });

  it('from Electron’s app:// handler: the same string on files, 404, 405 and 400', async () => {
    const handler = createAppProtocolHandler(dir);
    const requests = [
      new Request('app://huibao/index.html'),
      new Request('app://huibao/assets/fonts/noto.woff2'),
      new Request('app://huibao/assets/app.js'),
      new Request('app://huibao/missing'),
      new Request('app://huibao/%2e%2e/%2e%2e/etc/passwd'),
      new Request('app://elsewhere/index.html'),
      new Request('app://huibao/index.html', { method: 'PUT', body: 'x' }),
    ];
    for (const req of requests) {
      const res = await handler(req);
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(k), `${req.method} ${req.url} ${res.status}`).toBe(v);
    }
  });
});

describe('the loopback host refuses', () => {
  it('IPv6, look-alike and DNS-rebinding Host names (421), even with the token, without reaching the API', async () => {
    const before = fake.calls.length;
    const p = host.port;
    const hosts = [
      `[::1]:${p}`,
      '[::1]',
      `[::ffff:127.0.0.1]:${p}`,
      `127.0.0.1.evil.com:${p}`,
      `localhost.evil.com:${p}`,
      `evil.com:${p}`,
      `127.0.0.1:${p}.evil.com`,
      `127.0.0.1:${p}@evil.com`,
      `evil.com@127.0.0.1:${p}`,
      `127.1:${p}`,
      `2130706433:${p}`,
      `0x7f000001:${p}`,
      `0177.0.0.1:${p}`,
      `0.0.0.0:${p}`,
      `localhost.:${p}`,
      `127.0.0.1.nip.io:${p}`,
      `7f000001.rbndr.us:${p}`,
      `127.0.0.1:0${p}`,
      `127.0.0.1`,
      'localhost',
    ];
    for (const h of hosts) {
      const r = await rawRequest(host.port, { method: 'POST', path: '/api/listDecks', headers: { ...auth(), Host: h }, body: '{}' });
      expect(r.status, JSON.stringify(h)).toBe(421);
      const page = await rawRequest(host.port, { path: '/', headers: { Host: h } });
      expect(page.status, JSON.stringify(h)).toBe(421);
      expect(page.body).not.toContain('Huibao');
    }
    // No Host at all (HTTP/1.0 allows leaving it out): refused too.
    const noHost = await new Promise<string>((resolve) => {
      const s = connect({ host: '127.0.0.1', port: host.port }, () => s.write('GET / HTTP/1.0\r\n\r\n'));
      let got = '';
      s.on('data', (c: Buffer) => (got += c.toString()));
      s.on('close', () => resolve(got));
    });
    expect(noHost).toMatch(/^HTTP\/1\.[01] 421/);
    expect(fake.calls.length).toBe(before);
  });

  it('absolute-form request targets (GET http://evil/ HTTP/1.1): never a file, never the API', async () => {
    const before = fake.calls.length;
    const p = host.port;
    for (const target of ['http://evil/', 'http://evil/index.html', `http://127.0.0.1:${p}/`, `http://127.0.0.1:${p}/api/listDecks`, `http://evil/api/listDecks`, '*', 'index.html']) {
      for (const method of ['GET', 'POST']) {
        const r = await rawRequest(host.port, { method, path: target, headers: auth(), body: method === 'POST' ? '{}' : undefined });
        expect(r.status, `${method} ${target}`).toBeGreaterThanOrEqual(400);
        expect(r.body, `${method} ${target}`).not.toContain('<title>Huibao</title>');
        expect(r.body).not.toContain('上虞青年城');
      }
    }
    expect(fake.calls.length).toBe(before);
  });

  it('oversized headers (431) and a flood of headers, and keeps serving afterwards', async () => {
    const huge = await rawRequest(host.port, { path: '/', headers: { 'X-Padding': 'a'.repeat(100_000) } }).catch((e: unknown) => ({ status: -1, error: e }));
    expect([431, -1]).toContain(huge.status);
    const many: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) many[`x-h${i}`] = 'v';
    const flood = await rawRequest(host.port, { path: '/', headers: many }).catch(() => ({ status: -1 }));
    expect([431, 400, -1]).toContain(flood.status);
    // A request that never finishes its headers does not hold the host up for anyone else (it is dropped after
    // headersTimeout, 20 s).
    const slow = connect({ host: '127.0.0.1', port: host.port });
    slow.on('error', () => undefined);
    slow.write(`GET /${'a'.repeat(200_000)}`);
    try {
      expect((await rawRequest(host.port, { method: 'POST', path: '/api/listDecks', headers: auth(), body: '{}' })).status).toBe(200);
    } finally {
      slow.destroy();
    }
  }, 30_000);
});

describe('the preload', () => {
  function exposed(): { keys: string[]; value: unknown } {
    const map = new Map<string, unknown>();
    exposeBridge({ exposeInMainWorld: (k, v) => void map.set(k, v) }, { on: () => undefined, removeListener: () => undefined, invoke: async () => ({ ok: true, result: null }) });
    return { keys: [...map.keys()], value: map.get('huibao') };
  }

  it('exposes exactly one key, holding exactly two functions (the API call, the menu commands), and no way to ipcRenderer', () => {
    const { keys, value } = exposed();
    expect(keys).toEqual(['huibao']);
    expect(Object.getOwnPropertyNames(value)).toEqual(['call', 'onCommand']);
    expect(Object.getOwnPropertySymbols(value)).toEqual([]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(typeof (value as HuibaoBridge).call).toBe('function');
    // What contextBridge copies is the object's own data: nothing else hangs off it.
    expect(JSON.stringify(Object.entries(value as object).map(([k, v]) => [k, typeof v]))).toBe('[["call","function"],["onCommand","function"]]');
  });

  it('hands a menu listener only known command ids: never the IPC event, nothing sent from elsewhere', () => {
    const listeners: ((event: unknown, ...args: unknown[]) => void)[] = [];
    const map = new Map<string, unknown>();
    exposeBridge(
      { exposeInMainWorld: (k, v) => void map.set(k, v) },
      { on: (_channel, l) => void listeners.push(l), removeListener: () => undefined, invoke: async () => ({ ok: true, result: null }) },
    );
    const heard: unknown[][] = [];
    (map.get('huibao') as HuibaoBridge).onCommand((...args: unknown[]) => heard.push(args));
    const event = { sender: { send() {} }, ports: [] };
    for (const id of ['copy', '__proto__', 'constructor', 'eval', '', 42, null, { toString: () => 'copy' }, ['copy']]) listeners[0]!(event, id, 'extra');
    expect(heard).toEqual([['copy']]);
  });

  it('refuses every name that is not a DeckApi method before anything reaches IPC', async () => {
    const invoked: string[] = [];
    const map = new Map<string, unknown>();
    exposeBridge({ exposeInMainWorld: (k, v) => void map.set(k, v) }, { on: () => undefined, removeListener: () => undefined, invoke: async (channel) => (invoked.push(channel), { ok: true, result: null }) });
    const call = (map.get('huibao') as HuibaoBridge).call;
    const names = ['hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', 'huibao:listDecks', 'listDecks ', 'LISTDECKS', 'listDecks\u0000', '../listDecks', 'send', 'on', 'invoke'];
    for (const name of names) expect(await call(name as MethodName, {}), name).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    for (const bad of [null, undefined, 1, {}, [], Symbol('x')]) expect(await call(bad as unknown as MethodName, {})).toMatchObject({ ok: false });
    expect(invoked).toEqual([]);
    for (const name of METHOD_NAMES) await call(name, {});
    expect(invoked).toEqual(METHOD_NAMES.map((m) => `huibao:${m}`));
  });
});
