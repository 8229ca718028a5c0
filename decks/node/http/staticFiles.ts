// Serving the built renderer, shared by both hosts (the loopback host and Electron's app:// handler):
// a URL path becomes a file only if it stays inside the renderer folder after decoding and following links.
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path (as sent, still percent-encoded, without query) names inside `root`, or null when the path
 * is malformed or tries to leave the folder: `..` or `.` segments (also encoded, `%2e%2e`, `..%2f`), backslashes,
 * NUL, drive letters, dot-files. `/` names index.html. Does not touch the disk.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  if (!urlPath.startsWith('/') || urlPath.startsWith('//')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (/[\0\\:]/.test(decoded) || decoded.includes('//')) return null;
  const segments = decoded.slice(1).split('/');
  if (segments.length === 1 && segments[0] === '') return join(root, 'index.html');
  // A trailing slash names a folder; only the root folder has an index here.
  if (segments.some((s) => s === '' || s.startsWith('.'))) return null;
  const full = join(root, ...segments);
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return full;
}

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Reads the file a URL path names inside `root` (see resolveStaticPath); null for anything that is not such a file. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const candidate = resolveStaticPath(root, urlPath);
  if (!candidate) return null;
  try {
    // A symbolic link inside the build must not lead outside it.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!realFile.startsWith(realRoot + sep)) return null;
    if (!(await stat(realFile)).isFile()) return null;
    return { body: await readFile(realFile), contentType: contentTypeFor(realFile) };
  } catch {
    return null;
  }
}
