// @ts-check
// The Electron executable for `npm start`, found and, when missing, downloaded by the electron package's own code.
// Since Electron 42 the package downloads its binary on first use: `require('electron')` under Node runs its
// install.js (with no time limit, and a stack trace when it fails). So this runs that same install.js itself, with
// a one-line message, a time limit and the error's first line kept, and only then asks `require('electron')` for
// the path, which by then does not download.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * @typedef {{ binary: string } | { reason: string }} ElectronLookup
 */

/**
 * Whether `require('electron')` would answer without downloading: the same test its index.js makes.
 * @param {string} electronDir
 */
function installed(electronDir) {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  const pathFile = join(electronDir, 'path.txt');
  return existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
}

/**
 * Runs the package's install.js; resolves null on success, else why it failed (one line).
 * @param {string} electronDir @param {number} timeoutMs
 * @returns {Promise<string | null>}
 */
function runInstall(electronDir, timeoutMs) {
  return new Promise((resolve) => {
    // @electron/get draws a progress bar after 30 s; the one line printed by the caller is the progress shown.
    const child = spawn(process.execPath, [join(electronDir, 'install.js')], { env: { ...process.env, ELECTRON_GET_NO_PROGRESS: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (/** @type {Buffer} */ c) => (stderr = (stderr + c.toString()).slice(-20_000)));
    const timer = setTimeout(() => {
      child.kill();
      resolve(`the download did not finish within ${duration(timeoutMs)}`);
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve(err.message);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? null : firstErrorLine(stderr) || `the download failed (exit code ${code})`);
    });
  });
}

/** `10 min`, `20 s`. @param {number} ms */
export function duration(ms) {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;
}

/** The line that says what went wrong in a Node stack trace (the error's message, its cause when there is one). @param {string} text */
export function firstErrorLine(text) {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('at ') && l !== '^');
  const cause = lines.find((l) => /^\[?cause\]?:/i.test(l));
  const message = lines.find((l) => /^\w*Error\b|^Error:/.test(l)) ?? lines[0] ?? '';
  return (cause ? `${message} (${cause.replace(/^\[?cause\]?:\s*/i, '')})` : message).slice(0, 300);
}

/**
 * The Electron executable of the installed package (or of ELECTRON_OVERRIDE_DIST_PATH, as the package reads it),
 * downloading it first when needed.
 * @param {{ electronDir: string; timeoutMs: number; say: (line: string) => void }} opts
 * @returns {Promise<ElectronLookup>}
 */
export async function findElectron({ electronDir, timeoutMs, say }) {
  if (!existsSync(join(electronDir, 'package.json'))) return { reason: 'the electron package is not installed (run npm install)' };
  if (!installed(electronDir)) {
    const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
    say(`Downloading Electron ${version} for this computer (once, at most ${duration(timeoutMs)})… · 正在下载 Electron ${version}（仅此一次）…`);
    const failed = await runInstall(electronDir, timeoutMs);
    if (failed) return { reason: `Electron could not be downloaded: ${failed}` };
  }
  // The package's own answer (index.js), now without a download: the path it would run, or the override's.
  try {
    const binary = /** @type {string} */ (createRequire(join(electronDir, 'package.json'))(electronDir));
    if (!existsSync(binary)) return { reason: process.env.ELECTRON_OVERRIDE_DIST_PATH ? `ELECTRON_OVERRIDE_DIST_PATH has no Electron at ${binary}` : `no Electron at ${binary}` };
    return { binary };
  } catch (err) {
    return { reason: firstErrorLine(String(err instanceof Error ? err.message : err)) };
  }
}
