// @ts-check
// electron-builder's afterPack hook (electron-builder.yml): puts better-sqlite3 built for the packaged Electron into
// the package, in place of the Node build electron-builder copied from the checkout. electron-builder's own rebuild
// (npmRebuild) is off because it rebuilds the checkout's node_modules in place, and leaves them built for Electron
// when packaging fails; this builds into a folder of its own instead (electron/buildAddon.mjs).
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectronAddon, electronRebuild } from './buildAddon.mjs';
import { installedVersion } from './nativeAddon.mjs';

/** electron-builder's Arch enum, by value (builder-util). */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/**
 * The part of electron-builder's AfterPackContext this uses.
 * @typedef {{ appOutDir: string; electronPlatformName: string; arch: number; packager: { getResourcesDir(appOutDir: string): string } }} PackContext
 */

/** Where the packaged app loads the addon from (asarUnpack in electron-builder.yml keeps it outside the archive). @param {PackContext} context */
export function packagedAddonFile(context) {
  return join(context.packager.getResourcesDir(context.appOutDir), 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

/**
 * @param {PackContext} context
 * @param {{ appRoot?: string; rebuild?: import('./buildAddon.mjs').Rebuild }} [opts] for tests
 */
export async function afterPack(context, opts = {}) {
  const appRoot = opts.appRoot ?? fileURLToPath(new URL('..', import.meta.url));
  const arch = ARCH_NAMES[context.arch];
  if (!arch || arch === 'universal') throw new Error(`packAddon: no single addon for the ${arch ?? context.arch} architecture`);
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const target = { electron: installedVersion(appRoot, 'electron'), betterSqlite3: installedVersion(appRoot, 'better-sqlite3'), platform, arch };
  const dest = packagedAddonFile(context);
  if (!existsSync(dest)) throw new Error(`packAddon: the package has no ${dest} to replace (is better-sqlite3 still unpacked from the asar?)`);
  const built = await buildElectronAddon({ appRoot, target, rebuild: opts.rebuild ?? (await electronRebuild()) });
  copyFileSync(built, dest);
}

export default afterPack;
