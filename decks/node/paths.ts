// Where Huibao keeps things on disk. The data folder is the one Electron's app.getPath('userData') gives for the
// productName "Huibao", so the command and the desktop app share one database.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRODUCT_NAME = 'Huibao';
export const DB_FILE_NAME = 'huibao.db';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME);
}

/** `--db PATH`, else `HUIBAO_DB`, else huibao.db in the user's data folder. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  if (env.HUIBAO_DB) return env.HUIBAO_DB;
  return join(userDataDir(env), DB_FILE_NAME);
}

/**
 * The app's root folder: the nearest ancestor whose package.json is named "huibao". Works from the sources,
 * from the bundles in dist/, and inside an asar archive (Electron's fs reads those).
 */
export function findAppRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'huibao') return dir;
      } catch {
        // An unreadable package.json on the way up belongs to something else; keep looking.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the Huibao app folder above ${start}`);
    dir = parent;
  }
}

export function rendererDir(appRoot: string): string {
  return join(appRoot, 'dist', 'renderer');
}

export function sampleReportPath(appRoot: string): string {
  return join(appRoot, 'decks', 'samples', 'shangyu-youth-city.txt');
}
