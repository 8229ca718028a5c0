// The one Content-Security-Policy both hosts send with every response (the loopback host and Electron's app://).
// No inline script or style, no remote origins: a report's text can never turn into code that runs. Also the other
// headers both send (SECURITY_HEADERS) and how long a browser may keep each file (cachePolicy).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response of either host carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** `<meta name="huibao-module-NAME" content="./assets/FILE.js sha384-…">`: a chunk of the build loaded on demand, and its hash. */
export const PINNED_MODULE_META = 'huibao-module-';

/**
 * The same policy for a page's `<meta http-equiv="Content-Security-Policy">` (vite.config.ts writes it into the built
 * renderer page), so the page is protected even where a header is lost, and a scanner reading the page sees it.
 * Narrower than the header: scripts only by the hashes of the page's own built scripts (the page pins them with
 * `integrity`; a chunk loaded later, such as the chart engine, is pinned by a meta element named PINNED_MODULE_META +
 * its name), and without the directives a meta element cannot carry (frame-ancestors).
 */
export function metaContentSecurityPolicy(scriptHashes: readonly string[]): string {
  if (scriptHashes.length === 0) throw new Error('a page with no script needs no script-src');
  return CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors '))
    .map((d) => (d.startsWith('script-src ') ? `script-src ${scriptHashes.map((h) => `'${h}'`).join(' ')}` : d))
    .join('; ');
}

/** A built file whose name carries its content's hash (`assets/present-UOxxJyOm.js`): never changes under that name. */
const HASHED_ASSET = /^\/assets\/[\w.-]+-[\w-]{8}\.(?:js|css|woff2?|png|svg)$/;

/**
 * How long the browser may keep a static file. The bundles, named by their hash, are kept for good: a show opened
 * again then neither downloads nor compiles its script (Chromium keeps the compiled code beside a cached script).
 * The pages, whose names stay while their content changes with each build, are asked for every time.
 */
export function cachePolicy(pathname: string): string {
  return HASHED_ASSET.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
