import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../decks/common/csp.ts';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from '../../../electron/main/appProtocol.ts';

const SECRET = 'SECRET-NEXT-TO-THE-BUILD';
let dir: string;
let handler: (r: Request) => Promise<Response>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-app-'));
  mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Huibao</title>');
  writeFileSync(join(dir, 'renderer', 'assets', 'f.woff2'), 'w');
  writeFileSync(join(dir, 'renderer', 'assets', 'index-DF8GMvtF.js'), 'export {};');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  handler = createAppProtocolHandler(join(dir, 'renderer'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('app:// protocol handler', () => {
  it('is registered as a standard, secure, fetch-capable scheme whose scripts V8 may cache between launches', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } });
  });

  it('serves the build with the CSP header and the right types', async () => {
    const index = await handler(new Request('app://huibao/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('Huibao');
    expect((await handler(new Request('app://huibao/'))).status).toBe(200);
    expect((await handler(new Request('app://huibao/assets/f.woff2'))).headers.get('content-type')).toBe('font/woff2');
    // Hashed bundles are kept for good, as the loopback host lets them be; the page is checked each time.
    expect((await handler(new Request('app://huibao/assets/index-DF8GMvtF.js'))).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(index.headers.get('cache-control')).toBe('no-cache');
  });

  it('refuses traversal, other hosts and other methods', async () => {
    for (const url of ['app://huibao/..%2fsecret.txt', 'app://huibao/assets/..%2f..%2fsecret.txt', 'app://huibao/%2e%2e/secret.txt', 'app://huibao/../secret.txt', 'app://other/index.html', 'app://huibao/missing.js']) {
      const r = await handler(new Request(url));
      expect([400, 404], url).toContain(r.status);
      expect(await r.text(), url).not.toContain(SECRET);
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    expect((await handler(new Request('app://huibao/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
