// better-sqlite3 for Electron's ABI (electron/nativeAddon.mjs, buildAddon.mjs, packAddon.mjs): where a development
// build lives, that it is built aside (never over the checkout's Node build) and whole or not at all, and that
// packaging puts it into the package. @electron/rebuild itself is stood in for: it needs Electron's headers or a
// prebuilt download, which this machine cannot fetch.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildElectronAddon, type Rebuild } from '../../../electron/buildAddon.mjs';
import { electronAddonDir, electronAddonFile, isAddonLoadError, ADDON_FOLDER } from '../../../electron/nativeAddon.mjs';
import { afterPack, packagedAddonFile } from '../../../electron/packAddon.mjs';
import { openDatabase } from '../../../decks/node/store/index.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function put(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** A checkout with better-sqlite3 (its Node build inside) and the electron package. */
function checkout(): string {
  const root = mkdtempSync(join(tmpdir(), 'huibao-addon-'));
  dirs.push(root);
  put(join(root, 'node_modules/better-sqlite3/package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
  put(join(root, 'node_modules/better-sqlite3/lib/index.js'), 'module.exports = {};');
  put(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), 'NODE BUILD');
  put(join(root, 'node_modules/electron/package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  return root;
}

const target = { electron: '45.5.0', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' };

/** Stands in for @electron/rebuild: “compiles” into the module it was pointed at, recording how it was called. */
function fakeRebuild(calls: Parameters<Rebuild>[0][], fail?: string): Rebuild {
  return async (options) => {
    calls.push(options);
    if (fail) throw new Error(fail);
    put(join(options.buildPath, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), `ELECTRON ${options.electronVersion} ${options.platform}-${options.arch}`);
  };
}

describe('the development addon for Electron', () => {
  it('lives in a folder named by Electron, better-sqlite3, platform and CPU, inside the checkout', () => {
    expect(electronAddonDir('/app', target)).toBe(join('/app', ADDON_FOLDER, 'electron-45.5.0-better-sqlite3-12.11.1-linux-x64'));
    expect(electronAddonFile('/app', target)).toBe(join('/app', ADDON_FOLDER, 'electron-45.5.0-better-sqlite3-12.11.1-linux-x64', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'));
    expect(electronAddonFile('/app', { ...target, electron: '46.0.0' })).not.toBe(electronAddonFile('/app', target));
  });

  it('is built aside from a copy of the package, leaving the checkout’s Node build as it was', async () => {
    const root = checkout();
    const calls: Parameters<Rebuild>[0][] = [];
    const file = await buildElectronAddon({ appRoot: root, target, rebuild: fakeRebuild(calls) });
    expect(file).toBe(electronAddonFile(root, target));
    expect(readFileSync(file, 'utf8')).toBe('ELECTRON 45.5.0 linux-x64');
    expect(readFileSync(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), 'utf8')).toBe('NODE BUILD');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ onlyModules: ['better-sqlite3'], electronVersion: '45.5.0', platform: 'linux', arch: 'x64', force: true });
    // Built in a staging folder beside the final one, renamed into place only when whole.
    expect(calls[0]!.buildPath.startsWith(`${electronAddonDir(root, target)}.`) && calls[0]!.buildPath.endsWith('.staging')).toBe(true);
    // Once built, it is reused.
    await buildElectronAddon({ appRoot: root, target, rebuild: fakeRebuild(calls) });
    expect(calls).toHaveLength(1);
  });

  it('leaves nothing behind when the build fails, so a half-built addon is never loaded', async () => {
    const root = checkout();
    await expect(buildElectronAddon({ appRoot: root, target, rebuild: fakeRebuild([], 'connect ETIMEDOUT electronjs.org') })).rejects.toThrow('ETIMEDOUT');
    expect(readdirSync(join(root, ADDON_FOLDER))).toEqual([]);
    expect(readFileSync(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), 'utf8')).toBe('NODE BUILD');
  });

  it('is the addon the store loads when it is named (better-sqlite3’s nativeBinding), and its absence is an addon error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'huibao-binding-'));
    dirs.push(dir);
    const nodeBuild = join(import.meta.dirname, '../../../node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    const db = openDatabase(join(dir, 'a.db'), { nativeBinding: nodeBuild });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    db.close();
    // Opening the existing file goes through the read-only check first: it takes the same addon.
    openDatabase(join(dir, 'a.db'), { nativeBinding: nodeBuild }).close();
    let err: unknown;
    try {
      openDatabase(join(dir, 'b.db'), { nativeBinding: join(dir, 'missing', 'better_sqlite3.node') });
    } catch (e) {
      err = e;
    }
    expect(isAddonLoadError(err)).toBe(true);
  });

  it('tells a failure to load the addon from a database error', () => {
    const abi = Object.assign(new Error("The module '/x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 137. This version of Node.js requires NODE_MODULE_VERSION 150."), { code: 'ERR_DLOPEN_FAILED' });
    const missing = Object.assign(new Error("Cannot find module '/app/.electron-addon/x/better_sqlite3.node'"), { code: 'MODULE_NOT_FOUND' });
    expect(isAddonLoadError(abi)).toBe(true);
    expect(isAddonLoadError(missing)).toBe(true);
    expect(isAddonLoadError(Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' }))).toBe(false);
    expect(isAddonLoadError(Object.assign(new Error("Cannot find module 'zod'"), { code: 'MODULE_NOT_FOUND' }))).toBe(false);
    expect(isAddonLoadError('NODE_MODULE_VERSION')).toBe(false);
  });
});

describe('packaging (electron-builder’s afterPack)', () => {
  function packed(root: string, arch: number, platform = 'linux') {
    const out = join(root, 'release', 'linux-unpacked');
    const context = { appOutDir: out, electronPlatformName: platform, arch, packager: { getResourcesDir: (dir: string) => join(dir, 'resources') } };
    put(packagedAddonFile(context), 'NODE BUILD (copied by electron-builder)');
    return context;
  }

  it('replaces the Node build electron-builder copied with the Electron build for the package’s platform and CPU', async () => {
    const root = checkout();
    const context = packed(root, 3); // arm64
    await afterPack(context, { appRoot: root, rebuild: fakeRebuild([]) });
    expect(readFileSync(packagedAddonFile(context), 'utf8')).toBe('ELECTRON 45.5.0 linux-arm64');
    expect(packagedAddonFile(context)).toBe(join(root, 'release/linux-unpacked/resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node'));
    expect(readFileSync(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), 'utf8')).toBe('NODE BUILD');
  });

  it('fails the packaging, with the reason, rather than ship a Node build', async () => {
    const root = checkout();
    const context = packed(root, 1);
    await expect(afterPack(context, { appRoot: root, rebuild: fakeRebuild([], 'no prebuilt binary and no compiler') })).rejects.toThrow('no compiler');
    await expect(afterPack({ ...context, arch: 4 }, { appRoot: root, rebuild: fakeRebuild([]) })).rejects.toThrow('universal');
    rmSync(packagedAddonFile(context));
    await expect(afterPack(context, { appRoot: root, rebuild: fakeRebuild([]) })).rejects.toThrow('has no');
    expect(existsSync(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
  });
});
