// electron-builder.yml is checked offline the way electron-builder itself checks it before building:
// its own loader (app-builder-lib's getConfig, which reads YAML with js-yaml) and its own schema check
// (validateConfiguration: ajv against app-builder-lib/scheme.json). A wrong key fails here, not on the
// build machine an hour later.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { afterEach, describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const quiet = new DebugLogger(false);

async function load(projectDir: string): Promise<Configuration> {
  return getConfig(projectDir, null, null);
}

function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

let tmp = '';
afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = '';
});

/** A project folder (removed after the test) holding package.json and a copy of electron-builder.yml with `edit` applied to its text. */
function projectWith(edit: (yaml: string) => string): string {
  tmp ||= mkdtempSync(join(tmpdir(), 'huibao-builder-'));
  const dir = mkdtempSync(join(tmp, 'p-'));
  const original = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
  const edited = edit(original);
  expect(edited).not.toBe(original); // the edit really happened
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  writeFileSync(join(dir, 'electron-builder.yml'), edited);
  return dir;
}

describe('electron-builder.yml', () => {
  it('loads with electron-builder’s own loader and passes its schema', async () => {
    const config = await load(root);
    expect(config.appId).toBe('cn.gov.huibao');
    await expect(validateConfiguration(config, quiet)).resolves.toBeUndefined();
  });

  it('fails the schema check with a key electron-builder does not know', async () => {
    const config = await load(projectWith((y) => y.replace('  oneClick: false\n  perMachine: false', '  oneclick: false\n  perMachine: false')));
    await expect(validateConfiguration(config, quiet)).rejects.toThrow(/Invalid configuration object[\s\S]*configuration\.nsis /);
    const rootKey = await load(projectWith((y) => `${y}\ninstallerLanguages: [zh_CN]\n`));
    await expect(validateConfiguration(rootKey, quiet)).rejects.toThrow(/configuration has an unknown property 'installerLanguages'/);
  });

  it('fails the schema check with a value of the wrong type', async () => {
    const config = await load(projectWith((y) => y.replace('allowToChangeInstallationDirectory: true', 'allowToChangeInstallationDirectory: [yes]')));
    await expect(validateConfiguration(config, quiet)).rejects.toThrow(/allowToChangeInstallationDirectory/);
  });

  it('builds the installers the departments need', async () => {
    const c = await load(root);
    const targets = (t: unknown) => (t as { target: string; arch: string[] }[]).map((x) => `${x.target}:${x.arch.join('+')}`);
    expect(targets(c.win?.target)).toEqual(['nsis:x64', 'msi:x64']);
    expect(targets(c.mac?.target)).toEqual(['dmg:x64+arm64']);
    expect(targets(c.linux?.target)).toEqual(['AppImage:x64', 'deb:x64']);
    expect(c.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true, allowToChangeInstallationDirectory: true, multiLanguageInstaller: true });
    expect(c.nsis?.installerLanguages).toEqual(['zh_CN', 'en_US']);
    expect(c.msi?.upgradeCode).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(c.mac?.category).toBe('public.app-category.productivity');
    expect(c.linux?.category).toBe('Office');
    expect(c.directories).toEqual({ output: 'release', buildResources: 'assets/installer' });
    expect(c.publish).toBeNull(); // no update feed, no network
  });

  it('unpacks better-sqlite3 and puts the Electron build into the package, never rebuilding the checkout’s in place', async () => {
    const c = await load(root);
    expect(c.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    // electron-builder's own rebuild works on the checkout's node_modules: off, the afterPack hook does it aside.
    expect(c.npmRebuild).toBe(false);
    expect(c.afterPack).toBe('./electron/packAddon.mjs');
    const hook = (await import('../../../electron/packAddon.mjs')) as { afterPack?: unknown; default?: unknown };
    expect(typeof hook.afterPack).toBe('function');
    expect(hook.default).toBe(hook.afterPack);
    // development keeps the Node build: no install script rebuilds for Electron, and dist does not rebuild back
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(Object.values(pkg.scripts).join(' ')).not.toMatch(/install-app-deps|electron-rebuild|npm rebuild/);
    expect(pkg.scripts.dist).toBe('node build.mjs && electron-builder --publish never');
  });

  it('associates .huibao files, ships the sample report and the settings example', async () => {
    const c = await load(root);
    expect(c.fileAssociations).toEqual([expect.objectContaining({ ext: 'huibao', mimeType: 'application/x-huibao', description: '汇报演示文稿 / Huibao deck' })]);
    const resources = c.extraResources as { from: string; to: string }[];
    for (const r of resources) expect(existsSync(join(root, r.from)), r.from).toBe(true);
    expect(resources.map((r) => r.to)).toEqual(['settings.example.json']);
    // getConfig normalises the list into one file set. The sample report goes inside the app, where
    // decks/node/paths.ts sampleReportPath looks for it in development and in the package alike.
    const files = (c.files as { filter: string[] }[]).flatMap((f) => f.filter);
    expect(files).toEqual(expect.arrayContaining(['dist/**/*', 'decks/samples/**/*', 'package.json']));
    expect(existsSync(join(root, 'decks/samples/shangyu-youth-city.txt'))).toBe(true);
    // electron-builder leaves out of the asar whatever extraResources ship: never list a file in both
    for (const r of resources) expect(files.some((f) => !f.startsWith('!') && r.from.startsWith(f.split('*')[0]!.replace(/\/$/, '')))).toBe(false);
  });

  it('points at icons that exist, at the sizes each platform needs', async () => {
    const c = await load(root);
    expect(pngSize(join(root, 'assets/icons/icon.png'))).toEqual({ width: 512, height: 512 });
    expect(pngSize(join(root, 'assets/icons/icon-256.png'))).toEqual({ width: 256, height: 256 });
    expect(pngSize(join(root, String(c.linux?.icon), '256x256.png'))).toEqual({ width: 256, height: 256 });
    const ico = readFileSync(join(root, String(c.win?.icon)));
    expect(ico.readUInt16LE(2)).toBe(1); // an icon resource
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toContain(256);
    const icns = readFileSync(join(root, String(c.mac?.icon)));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });
});
