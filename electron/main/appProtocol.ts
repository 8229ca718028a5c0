// The app:// protocol: the built renderer, served from disk with the same traversal check and CSP as the loopback host.
import { cachePolicy, SECURITY_HEADERS } from '../../decks/common/csp.ts';
import { readStaticFile } from '../../decks/node/http/staticFiles.ts';
import { APP_HOST, APP_SCHEME } from './ipcHost.ts';

/** For protocol.registerSchemesAsPrivileged, which must run before the app is ready (codeCache: V8 keeps the compiled
 * renderer between launches, as it does for http pages; it needs `standard`). */
export const APP_SCHEME_PRIVILEGES = { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } };

export function createAppProtocolHandler(staticDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const headers = { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' };
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('Bad request', { status: 400, headers });
    }
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404, headers });
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers: { ...headers, Allow: 'GET, HEAD' } });
    const file = await readStaticFile(staticDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404, headers });
    const body = request.method === 'HEAD' ? null : new Uint8Array(file.body);
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': file.contentType, 'Cache-Control': cachePolicy(url.pathname) } });
  };
}
