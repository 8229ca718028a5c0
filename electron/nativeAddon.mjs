// @ts-check
// better-sqlite3 for Electron's ABI in development. The checkout's node_modules keep the build for Node (the CLI, the
// tests); Electron 45 runs its own Node (module version 150 against Node 24's 137), so a development launch loads a
// second build of the addon, made once by `npm run electron-addon` (electron/buildAddon.mjs) into a folder of its
// own, named by everything that must match: Electron's and better-sqlite3's versions, the platform and the CPU.
// The packaged app gets its addon from `npm run dist` (electron/packAddon.mjs); it never looks here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ADDON_FOLDER = '.electron-addon';
export const BUILD_ADDON_COMMAND = 'npm run electron-addon';

/**
 * @typedef {{ electron: string; betterSqlite3: string; platform: string; arch: string }} AddonTarget
 */

/** The folder one build lives in: a tiny project whose node_modules holds a copy of better-sqlite3. @param {string} appRoot @param {AddonTarget} t */
export function electronAddonDir(appRoot, t) {
  return join(appRoot, ADDON_FOLDER, `electron-${t.electron}-better-sqlite3-${t.betterSqlite3}-${t.platform}-${t.arch}`);
}

/** The addon file a development launch passes as better-sqlite3's `nativeBinding`. @param {string} appRoot @param {AddonTarget} t */
export function electronAddonFile(appRoot, t) {
  return join(electronAddonDir(appRoot, t), 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

/** The version of an installed package of the checkout. @param {string} appRoot @param {string} name @returns {string} */
export function installedVersion(appRoot, name) {
  return JSON.parse(readFileSync(join(appRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** The target of this machine for the installed Electron. @param {string} appRoot @returns {AddonTarget} */
export function thisMachine(appRoot) {
  return { electron: installedVersion(appRoot, 'electron'), betterSqlite3: installedVersion(appRoot, 'better-sqlite3'), platform: process.platform, arch: process.arch };
}

/**
 * True when an error is the addon failing to load (missing file, or built for another ABI), not the database.
 * @param {unknown} err
 */
export function isAddonLoadError(err) {
  if (!(err instanceof Error)) return false;
  const code = /** @type {{ code?: unknown }} */ (err).code;
  return code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION|better_sqlite3\.node|was compiled against a different Node\.js version/.test(err.message) || (code === 'MODULE_NOT_FOUND' && /\.node\b/.test(err.message));
}
