// The client side of the loopback host: carries one DeckApi call as `POST /api/<method>` and returns its envelope.
// Used by the renderer in a browser and by the contract tests; `createClient` turns it into a typed DeckApi.
import type { Envelope, MethodName } from './api.ts';
import { ApiError } from './apiError.ts';

/** The few parts of `fetch` used here (decks/common sees neither DOM nor Node globals). */
export interface FetchResponseLike {
  status: number;
  text(): Promise<string>;
}
export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
) => Promise<FetchResponseLike>;

function failure(code: 'INTERNAL' | 'UNAUTHORIZED', zh: string, en: string): Envelope {
  return { ok: false, error: new ApiError(code, zh, en).toJSON() };
}

export function createHttpTransport(opts: { baseUrl: string; token: string; fetch: FetchLike }): (name: MethodName, args: unknown) => Promise<Envelope> {
  // The host's printed URL carries the token in its fragment; the API lives at the same origin without it.
  const base = (opts.baseUrl.split('#')[0] ?? '').replace(/\/+$/, '');
  return async (name, args) => {
    let res: FetchResponseLike;
    try {
      res = await opts.fetch(`${base}/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${opts.token}` },
        body: JSON.stringify(args ?? {}),
      });
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      return failure('INTERNAL', `无法连接汇报服务：${why}`, `Cannot reach the Huibao host: ${why}`);
    }
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    // The host answers every call with an envelope, even refusals (401, 400 …); pass it through as it is.
    if (body && typeof body === 'object' && 'ok' in body) return body as Envelope;
    if (res.status === 401) return failure('UNAUTHORIZED', '访问令牌无效，请从启动时显示的链接重新打开', 'The access token is missing or wrong; reopen the link printed at start');
    return failure('INTERNAL', `汇报服务返回了无效响应（HTTP ${res.status}）`, `The Huibao host returned an invalid response (HTTP ${res.status})`);
  };
}
