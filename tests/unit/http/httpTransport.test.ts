import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, createClient } from '../../../decks/common/api.ts';
import { createHttpTransport, type FetchLike } from '../../../decks/common/httpTransport.ts';
import { startHttpHost } from '../../../decks/node/http/server.ts';
import { fakeDeckApi } from './fakeDeckApi.ts';

describe('createHttpTransport', () => {
  it('posts the arguments as JSON with the bearer token to /api/<method>, dropping the URL fragment', async () => {
    const seen: Parameters<FetchLike>[] = [];
    const fetch: FetchLike = async (url, init) => {
      seen.push([url, init]);
      return { status: 200, text: async () => JSON.stringify({ ok: true, result: { decks: [] } }) };
    };
    const transport = createHttpTransport({ baseUrl: 'http://127.0.0.1:4321/#token=abc', token: 'abc', fetch });
    expect(await transport('listDecks', { trash: true })).toEqual({ ok: true, result: { decks: [] } });
    expect(seen).toHaveLength(1);
    const [url, init] = seen[0]!;
    expect(url).toBe('http://127.0.0.1:4321/api/listDecks');
    expect(init).toEqual({ method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer abc' }, body: '{"trash":true}' });
  });

  it('turns a network failure, a non-JSON answer and a bare 401 into error envelopes', async () => {
    const down = createHttpTransport({ baseUrl: 'http://127.0.0.1:1', token: 't', fetch: async () => Promise.reject(new Error('ECONNREFUSED')) });
    expect(await down('listDecks', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: { en: expect.stringContaining('ECONNREFUSED') } } });
    const html = createHttpTransport({ baseUrl: 'http://x', token: 't', fetch: async () => ({ status: 502, text: async () => '<html>' }) });
    expect(await html('listDecks', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: { en: expect.stringContaining('502') } } });
    const denied = createHttpTransport({ baseUrl: 'http://x', token: 't', fetch: async () => ({ status: 401, text: async () => 'no' }) });
    expect(await denied('listDecks', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('gives a typed client over a real loopback host with global fetch; errors keep their code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huibao-transport-'));
    const { api } = fakeDeckApi();
    const host = await startHttpHost({ api, staticDir: dir });
    try {
      const client = createClient(createHttpTransport({ baseUrl: host.url, token: host.token, fetch }));
      expect((await client.listDecks({})).decks.map((d) => d.id)).toEqual(['deck1']);
      const err = await client.getDeck({ deckId: 'gone' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('NOT_FOUND');
      const wrong = createClient(createHttpTransport({ baseUrl: host.url, token: 'x'.repeat(43), fetch }));
      await expect(wrong.listDecks({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    } finally {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
