import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../decks/common/settings.ts';
import { checkForUpdates, compareVersions, decideUpdateCheck, type FetchLike } from '../../../electron/main/updates.ts';

function fakeFetch(answer: { status?: number; body?: string } | Error) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push(url);
    expect(init.method).toBe('GET');
    if (answer instanceof Error) throw answer;
    const status = answer.status ?? 200;
    return { ok: status >= 200 && status < 300, status, text: async () => answer.body ?? '' };
  };
  return { fetch, calls };
}

const on = (url: string | null) => ({ updates: { enabled: true, url } });

describe('update checks', () => {
  it('are off by default, and then no request is made', async () => {
    expect(DEFAULT_SETTINGS.updates.enabled).toBe(false);
    expect(decideUpdateCheck(DEFAULT_SETTINGS)).toEqual({ check: false, reason: 'disabled' });
    const f = fakeFetch({ body: '{"version":"9.9.9"}' });
    expect(await checkForUpdates({ settings: DEFAULT_SETTINGS, currentVersion: '0.1.0', fetch: f.fetch })).toEqual({ status: 'off', reason: 'disabled' });
    expect(f.calls).toEqual([]);
  });

  it('make no request when enabled without a valid http(s) URL', async () => {
    for (const url of [null, 'file:///etc/passwd', 'javascript:alert(1)', 'not a url']) {
      const f = fakeFetch({ body: '{"version":"9.9.9"}' });
      const r = await checkForUpdates({ settings: on(url), currentVersion: '0.1.0', fetch: f.fetch });
      expect(r).toEqual({ status: 'off', reason: 'no-url' });
      expect(f.calls).toEqual([]);
    }
  });

  it('fetch the manifest from exactly the configured URL when IT turned them on', async () => {
    const f = fakeFetch({ body: JSON.stringify({ version: '0.2.0', downloadUrl: 'https://it.example/huibao/', notes: '修复导出' }) });
    const r = await checkForUpdates({ settings: on('https://it.example/huibao/latest.json'), currentVersion: '0.1.0', fetch: f.fetch });
    expect(f.calls).toEqual(['https://it.example/huibao/latest.json']);
    expect(r).toEqual({ status: 'available', latest: '0.2.0', downloadUrl: 'https://it.example/huibao/', notes: '修复导出' });
  });

  it('say "current" when the published version is not newer', async () => {
    for (const version of ['0.1.0', '0.0.9', '0.1.0-rc.1']) {
      const f = fakeFetch({ body: JSON.stringify({ version }) });
      expect(await checkForUpdates({ settings: on('http://10.0.0.5/u.json'), currentVersion: '0.1.0', fetch: f.fetch })).toEqual({ status: 'current', latest: version });
    }
  });

  it('turn a failed request or a bad manifest into a bilingual message, never an exception', async () => {
    const cases: [Parameters<typeof fakeFetch>[0], RegExp][] = [
      [{ status: 404 }, /HTTP 404/],
      [{ body: '<html>' }, /not JSON/],
      [{ body: '{"version":"latest"}' }, /malformed.*version/],
      [{ body: JSON.stringify({ version: '1.0.0', downloadUrl: 'file:///x' }) }, /malformed.*downloadUrl/],
      [new Error('ECONNREFUSED'), /network error \(ECONNREFUSED\)/],
    ];
    for (const [answer, en] of cases) {
      const r = await checkForUpdates({ settings: on('https://it.example/u.json'), currentVersion: '0.1.0', fetch: fakeFetch(answer).fetch });
      expect(r.status).toBe('failed');
      if (r.status === 'failed') {
        expect(r.en).toMatch(en);
        expect(r.zh).toContain('无法检查更新');
      }
    }
  });

  it('give up after the timeout', async () => {
    const hang: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    const r = await checkForUpdates({ settings: on('https://it.example/u.json'), currentVersion: '0.1.0', fetch: hang, timeoutMs: 20 });
    expect(r).toMatchObject({ status: 'failed', en: expect.stringContaining('timed out') });
  });
});

describe('compareVersions', () => {
  it('orders numerically, with pre-releases before their release', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBe(-1);
    expect(compareVersions('1.0.0', '1.0.0-rc.1')).toBe(1);
    expect(compareVersions('1.0.0-beta', '1.0.0-rc')).toBe(-1);
    expect(compareVersions('2.0', '2.0.1')).toBe(-1);
  });
});
