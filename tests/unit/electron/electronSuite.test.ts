// Whether the Electron end-to-end suite runs (tests/electron/availability.mjs), and the one-line reason when not:
// tests/run.mjs prints it and counts the suite as skipped, never as passed.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronForTests } from '../../electron/availability.mjs';

const checkoutRoot = join(import.meta.dirname, '../../..');
const saved = { ...process.env };
const dirs: string[] = [];
afterEach(() => {
  for (const k of ['ELECTRON_OVERRIDE_DIST_PATH', 'HUIBAO_ELECTRON_ADDON', 'DISPLAY', 'WAYLAND_DISPLAY']) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A checkout whose electron package (its real index.js) has no binary, with better-sqlite3 beside it. */
function checkout(): string {
  const root = mkdtempSync(join(tmpdir(), 'huibao-suite-'));
  dirs.push(root);
  mkdirSync(join(root, 'node_modules/electron'), { recursive: true });
  for (const f of ['index.js', 'package.json']) cpSync(join(checkoutRoot, 'node_modules/electron', f), join(root, 'node_modules/electron', f));
  mkdirSync(join(root, 'node_modules/better-sqlite3'), { recursive: true });
  writeFileSync(join(root, 'node_modules/better-sqlite3/package.json'), JSON.stringify({ version: '12.11.1' }));
  return root;
}

describe('the Electron end-to-end suite', () => {
  it('does not run without the binary, and says so', () => {
    delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    expect(electronForTests(checkout())).toEqual({ reason: 'the Electron binary has not been downloaded (`npm start` downloads it; or set ELECTRON_OVERRIDE_DIST_PATH)' });
  });

  it('runs with the binary, its SQLite addon and (on Linux) a display; names what is missing otherwise', () => {
    const root = checkout();
    const dist = join(root, 'electron-dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'electron'), '');
    process.env.ELECTRON_OVERRIDE_DIST_PATH = dist;
    delete process.env.HUIBAO_ELECTRON_ADDON;
    expect(electronForTests(root)).toEqual({ reason: 'better-sqlite3 is not built for Electron (npm run electron-addon, or set HUIBAO_ELECTRON_ADDON)' });
    const addon = join(root, 'better_sqlite3.node');
    writeFileSync(addon, '');
    process.env.HUIBAO_ELECTRON_ADDON = addon;
    process.env.DISPLAY = ':99';
    expect(electronForTests(root)).toEqual({ binary: join(dist, 'electron'), addon });
    if (process.platform === 'linux') {
      delete process.env.DISPLAY;
      delete process.env.WAYLAND_DISPLAY;
      expect(electronForTests(root)).toEqual({ reason: 'no display to open windows on (run it under xvfb-run)' });
    }
  });
});
