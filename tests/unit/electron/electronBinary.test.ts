// `npm start` finds Electron with the electron package's own code (its index.js, copied here as installed) and, when
// the binary is missing, runs the package's installer itself: with one line of progress, a time limit, and the
// reason kept when it fails. The installer is stood in for (the real one downloads ~100 MB from the internet).
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectron, firstErrorLine } from '../../../electron/electronBinary.mjs';

const installedElectron = join(import.meta.dirname, '../../../node_modules/electron');
const EXECUTABLE = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[process.platform as string] ?? 'electron';
const dirs: string[] = [];
const savedOverride = process.env.ELECTRON_OVERRIDE_DIST_PATH;
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  if (savedOverride === undefined) delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
  else process.env.ELECTRON_OVERRIDE_DIST_PATH = savedOverride;
});

/** The installed electron package (its own index.js and package.json) with `install` as its install.js. */
function electronPackage(install: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'huibao-electron-'));
  dirs.push(dir);
  for (const f of ['index.js', 'package.json']) cpSync(join(installedElectron, f), join(dir, f));
  writeFileSync(join(dir, 'install.js'), install);
  return dir;
}

/** What the real install.js leaves: the binary under dist/ and path.txt naming it. */
const INSTALLS = `
const fs = require('fs'), path = require('path');
fs.mkdirSync(path.join(__dirname, 'dist', path.dirname(${JSON.stringify(EXECUTABLE)})), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'dist', ${JSON.stringify(EXECUTABLE)}), '#!/bin/sh\\n');
fs.writeFileSync(path.join(__dirname, 'path.txt'), ${JSON.stringify(EXECUTABLE)});
fs.writeFileSync(path.join(__dirname, 'ran'), process.env.ELECTRON_GET_NO_PROGRESS || '');
`;

async function find(dir: string, timeoutMs = 20_000) {
  const lines: string[] = [];
  const result = await findElectron({ electronDir: dir, timeoutMs, say: (l) => lines.push(l) });
  return { result, lines };
}

describe('finding Electron for npm start', () => {
  it('downloads the binary with the package’s own installer when it is missing, saying so in one line', async () => {
    delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const dir = electronPackage(INSTALLS);
    const { result, lines } = await find(dir);
    expect(result).toEqual({ binary: join(dir, 'dist', EXECUTABLE) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Downloading Electron 45\.5\.0 for this computer \(once, at most 20 s\)… · 正在下载 Electron 45\.5\.0/);
    expect(existsSync(join(dir, 'ran'))).toBe(true);
  });

  it('uses a binary that is there without running the installer', async () => {
    delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const dir = electronPackage(INSTALLS);
    await find(dir);
    rmSync(join(dir, 'ran'));
    const { result, lines } = await find(dir);
    expect(result).toEqual({ binary: join(dir, 'dist', EXECUTABLE) });
    expect(lines).toEqual([]);
    expect(existsSync(join(dir, 'ran'))).toBe(false);
  });

  it('gives the reason in one line when the download fails', async () => {
    delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const dir = electronPackage(`console.error("TypeError: fetch failed\\n    at node:internal/deps/undici:1:1\\n  [cause]: Error: getaddrinfo ENOTFOUND github.com"); process.exit(1);`);
    const { result } = await find(dir);
    expect(result).toEqual({ reason: 'Electron could not be downloaded: TypeError: fetch failed (Error: getaddrinfo ENOTFOUND github.com)' });
  });

  it('gives up on a download that does not finish in time', async () => {
    delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const dir = electronPackage('setInterval(() => {}, 1000);');
    const started = Date.now();
    const { result } = await find(dir, 1500);
    expect(result).toEqual({ reason: 'Electron could not be downloaded: the download did not finish within 2 s' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('takes ELECTRON_OVERRIDE_DIST_PATH as the package does, and says when nothing is there', async () => {
    const dir = electronPackage('process.exit(3);');
    const dist = mkdtempSync(join(tmpdir(), 'huibao-dist-'));
    dirs.push(dist);
    // With no path.txt (nothing installed), the package names `electron` inside the override folder.
    writeFileSync(join(dist, 'electron'), '');
    process.env.ELECTRON_OVERRIDE_DIST_PATH = dist;
    expect((await find(dir)).result).toEqual({ binary: join(dist, 'electron') });
    process.env.ELECTRON_OVERRIDE_DIST_PATH = join(dist, 'missing');
    const missing = await find(electronPackage('process.exit(3);'));
    expect(missing.result).toEqual({ reason: `ELECTRON_OVERRIDE_DIST_PATH has no Electron at ${join(dist, 'missing', 'electron')}` });
    expect(missing.lines).toEqual([]);
  });

  it('reads the message, and its cause, out of a Node stack trace', () => {
    expect(firstErrorLine('TypeError: fetch failed\n    at x (y.js:1:1)\n')).toBe('TypeError: fetch failed');
    expect(firstErrorLine('HTTPError: Response code 404 (Not Found) for https://x/electron.zip\n    at a\n')).toBe('HTTPError: Response code 404 (Not Found) for https://x/electron.zip');
    expect(firstErrorLine('')).toBe('');
  });
});
