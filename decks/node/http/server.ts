// The loopback host (docs/architecture.md): serves the built renderer and `POST /api/<method>` on 127.0.0.1 only.
// Guards, in order: Host (DNS rebinding) → Origin / Sec-Fetch-Site (other web pages) → bearer token (other local programs).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, dispatch, FILE_LIMITS, isMethodName, type DeckApi, type Envelope, type MethodName } from '../../common/api.ts';
import { cachePolicy, SECURITY_HEADERS } from '../../common/csp.ts';
import { readStaticFile } from './staticFiles.ts';

/** The largest request body accepted: a report or an image at its size limit, base64, with room for the JSON around it. */

export const MAX_BODY_BYTES = 30 * 1024 * 1024;

/** A bundle may be larger than any other argument (FILE_LIMITS.bundleBytes); only openBundle gets that much room. */
export function bodyLimitFor(method: MethodName): number {
  return method === 'openBundle' ? Math.ceil((FILE_LIMITS.bundleBytes * 4) / 3) + 64 * 1024 : MAX_BODY_BYTES;
}

export interface HttpHost {
  /** The address to open, token included in the fragment: `http://127.0.0.1:PORT/#token=TOKEN`. */
  url: string;
  port: number;
  token: string;
  /** Where the server listens (always 127.0.0.1). */
  address: AddressInfo;
  close(): Promise<void>;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** Constant-time comparison (hashing first gives both sides the same length). */
function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer ([A-Za-z0-9_-]{1,256})$/.exec(header ?? '');
  const same = timingSafeEqual(digest(m?.[1] ?? ''), digest(token));
  return same && m !== null;
}

function refusal(code: ApiError['code'], zh: string, en: string): Envelope {
  return { ok: false, error: new ApiError(code, zh, en).toJSON() };
}

function sendJson(res: ServerResponse, status: number, body: Envelope, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startHttpHost(opts: { api: DeckApi; staticDir: string; port?: number; token?: string }): Promise<HttpHost> {
  const token = opts.token ?? newToken();
  if (!/^[A-Za-z0-9_-]{16,256}$/.test(token)) throw new Error('The loopback host token must be 16–256 base64url characters');
  let port = 0;
  let allowedHosts: string[] = [];
  let allowedOrigins: string[] = [];

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, refusal('INVALID_ARGUMENT', '接口只接受 POST 请求', 'The API accepts POST requests only'), { Allow: 'POST' });
      return;
    }
    if (!tokenMatches(req.headers.authorization, token)) {
      sendJson(res, 401, refusal('UNAUTHORIZED', '访问令牌缺失或无效', 'The access token is missing or wrong'), { 'WWW-Authenticate': 'Bearer' });
      return;
    }
    // Requiring JSON also means a browser must ask first (CORS preflight), which the Origin check then refuses.
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      sendJson(res, 415, refusal('INVALID_ARGUMENT', '请求内容必须是 JSON', 'The request body must be JSON (Content-Type: application/json)'));
      return;
    }
    let name: string;
    try {
      name = decodeURIComponent(pathname.slice('/api/'.length));
    } catch {
      name = '';
    }
    if (!isMethodName(name)) {
      const shown = name.slice(0, 64);
      sendJson(res, 404, refusal('UNKNOWN_METHOD', `未知的方法：${shown}`, `Unknown method: ${shown}`));
      return;
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, bodyLimitFor(name));
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        sendJson(res, 413, refusal('INVALID_ARGUMENT', '请求内容过大', 'The request body is too large'), { Connection: 'close' });
        return;
      }
      throw err;
    }
    let args: unknown = {};
    if (raw.length > 0) {
      try {
        args = JSON.parse(raw.toString('utf8'));
      } catch {
        sendJson(res, 400, refusal('INVALID_ARGUMENT', '请求内容不是有效的 JSON', 'The request body is not valid JSON'));
        return;
      }
    }
    sendJson(res, 200, await dispatch(opts.api, name, args));
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'Method not allowed');
      return;
    }
    const file = await readStaticFile(opts.staticDir, pathname);
    if (!file) {
      sendText(res, 404, 'Not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.body.length, 'Cache-Control': cachePolicy(pathname) });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    const host = (req.headers.host ?? '').toLowerCase();
    if (!allowedHosts.includes(host)) {
      sendText(res, 421, 'Misdirected request');
      return;
    }
    const origin = req.headers.origin;
    const fetchSite = req.headers['sec-fetch-site'];
    if ((origin !== undefined && !allowedOrigins.includes(origin.toLowerCase())) || fetchSite === 'cross-site') {
      sendText(res, 403, 'Cross-origin requests are refused');
      return;
    }
    const target = req.url ?? '/';
    const q = target.indexOf('?');
    const pathname = q === -1 ? target : target.slice(0, q);
    if (pathname.startsWith('/api/')) await handleApi(req, res, pathname);
    else await handleStatic(req, res, pathname);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const text = err instanceof Error ? err.message : String(err);
      sendJson(res, 500, refusal('INTERNAL', `内部错误：${text}`, `Internal error: ${text}`));
    });
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: opts.port ?? 0, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  port = address.port;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  allowedOrigins = allowedHosts.map((h) => `http://${h}`);

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    address,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
