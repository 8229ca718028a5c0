// @ts-check
// `npm run electron-addon`: better-sqlite3 built for the installed Electron, into a folder of its own
// (electron/nativeAddon.mjs), never over the checkout's Node build. A copy of the package is rebuilt there by
// @electron/rebuild, which takes a prebuilt addon for Electron when one can be downloaded and otherwise compiles it
// against Electron's headers (that needs the network once, and a C++ toolchain).
import { cpSync, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { electronAddonDir, electronAddonFile, thisMachine } from './nativeAddon.mjs';

/** @typedef {import('./nativeAddon.mjs').AddonTarget} AddonTarget */
/** @typedef {(options: import('@electron/rebuild').RebuildOptions) => Promise<void>} Rebuild */

/**
 * Builds (or finds, when built before) the addon for `target`; returns its file. The folder appears whole or not at
 * all: the build happens in a staging folder that is renamed into place only once it holds the addon.
 * @param {{ appRoot: string; target: AddonTarget; rebuild: Rebuild }} opts
 */
export async function buildElectronAddon({ appRoot, target, rebuild }) {
  const file = electronAddonFile(appRoot, target);
  if (existsSync(file)) return file;
  const dir = electronAddonDir(appRoot, target);
  const staging = `${dir}.${process.pid}.staging`;
  const source = join(appRoot, 'node_modules', 'better-sqlite3');
  const moduleDir = join(staging, 'node_modules', 'better-sqlite3');
  try {
    rmSync(staging, { recursive: true, force: true });
    // The package without its Node build (so nothing of it can pass for the Electron one).
    cpSync(source, moduleDir, { recursive: true, filter: (src) => src !== join(source, 'build') && !src.startsWith(join(source, 'build') + sep) });
    writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'huibao-electron-addon', private: true, dependencies: { 'better-sqlite3': target.betterSqlite3 } }));
    await rebuild({
      buildPath: staging,
      projectRootPath: staging,
      electronVersion: target.electron,
      platform: /** @type {NodeJS.Platform} */ (target.platform),
      arch: target.arch,
      onlyModules: ['better-sqlite3'],
      force: true,
      mode: 'sequential',
    });
    if (!existsSync(join(moduleDir, 'build', 'Release', 'better_sqlite3.node'))) throw new Error('the rebuild left no better_sqlite3.node');
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    return file;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** @electron/rebuild's `rebuild`, loaded only when a build is needed (it is a development tool). @returns {Promise<Rebuild>} */
export async function electronRebuild() {
  const { rebuild } = await import('@electron/rebuild');
  return (options) => rebuild(options);
}

// `node electron/buildAddon.mjs`: for this machine; one line either way.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const appRoot = fileURLToPath(new URL('..', import.meta.url));
  const target = thisMachine(appRoot);
  try {
    const file = await buildElectronAddon({ appRoot, target, rebuild: await electronRebuild() });
    process.stdout.write(`better-sqlite3 for Electron ${target.electron}: ${file}\n`);
  } catch (err) {
    const why = String(err instanceof Error ? err.message : err).split('\n').find((l) => l.trim() !== '') ?? 'unknown error';
    // @electron/rebuild names only the staging folder; say what the build needs instead.
    const needs = 'it needs the network once (a prebuilt addon, or Electron’s headers) and a C++ toolchain when no prebuilt addon exists';
    process.stderr.write(`Cannot build better-sqlite3 for Electron ${target.electron} (${why.trim().replace(/ '[^']*\.staging[^']*'/, '').slice(0, 200)}; ${needs}) · 无法为 Electron 构建数据库组件\n`);
    process.exitCode = 1;
  }
}
