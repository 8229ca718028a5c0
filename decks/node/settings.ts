// Where the settings files live on each platform, and reading them. Reading never throws: a missing file
// is normal (defaults), a broken one becomes a list of bilingual messages and the app starts anyway.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, win32 } from 'node:path';
import {
  formatSettingsIssues,
  mergeSettings,
  parseSettingsLayer,
  type Settings,
  type SettingsIssue,
  type SettingsLayer,
} from '../common/settings.ts';

export { formatSettingsIssues };

/** Settings files above this size are refused unread: a settings file is a few hundred bytes. */
export const SETTINGS_MAX_BYTES = 256 * 1024;

/** The machine-wide settings file that IT deploys, per platform. */
export function machineSettingsPath(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') {
    // %ProgramData% is C:\ProgramData on every supported Windows; the fallback covers a stripped environment.
    return win32.join(env.ProgramData || env.ALLUSERSPROFILE || 'C:\\ProgramData', 'Huibao', 'settings.json');
  }
  if (platform === 'darwin') return '/Library/Application Support/Huibao/settings.json';
  return '/etc/huibao/settings.json';
}

/** The per-user settings file, inside the app's user-data folder (Electron's `app.getPath('userData')`). */
export function userSettingsPath(userDataDir: string): string {
  return join(userDataDir, 'settings.json');
}

export interface LoadedSettings {
  settings: Settings;
  /** Every problem found, in file order; empty when all is well. */
  issues: SettingsIssue[];
  files: { machine: string; user: string };
}

type ReadResult = { kind: 'missing' } | { kind: 'ok'; raw: unknown } | { kind: 'bad'; issue: SettingsIssue };

function readJsonFile(path: string): ReadResult {
  let text: string;
  try {
    const bytes = readFileSync(path);
    if (bytes.length > SETTINGS_MAX_BYTES) {
      return {
        kind: 'bad',
        issue: {
          file: path,
          key: '',
          zh: `设置文件 ${path} 过大（${bytes.length} 字节，上限 ${SETTINGS_MAX_BYTES}），已忽略，使用默认设置。`,
          en: `Settings file ${path} is too large (${bytes.length} bytes, limit ${SETTINGS_MAX_BYTES}); it was ignored and defaults are used.`,
        },
      };
    }
    text = bytes.toString('utf8').replace(/^\uFEFF/, ''); // Notepad saves UTF-8 with a BOM
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return {
      kind: 'bad',
      issue: {
        file: path,
        key: '',
        zh: `无法读取设置文件 ${path}（${code ?? String(err)}），已忽略，使用默认设置。`,
        en: `Cannot read settings file ${path} (${code ?? String(err)}); it was ignored and defaults are used.`,
      },
    };
  }
  try {
    return { kind: 'ok', raw: JSON.parse(text) };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return {
      kind: 'bad',
      issue: {
        file: path,
        key: '',
        zh: `设置文件 ${path} 不是有效的 JSON（${detail}），已忽略整个文件，使用默认设置。`,
        en: `Settings file ${path} is not valid JSON (${detail}); the whole file was ignored and defaults are used.`,
      },
    };
  }
}

/** Relative paths in a settings file are relative to that file, so IT can ship a logo next to it. */
function resolvePaths(layer: SettingsLayer): SettingsLayer {
  const base = dirname(layer.source);
  const values = { ...layer.values };
  for (const key of ['logoPath', 'templatesDir'] as const) {
    const p = values[key];
    if (typeof p === 'string' && !isAbsolute(p) && !win32.isAbsolute(p)) values[key] = resolve(base, p);
  }
  return { ...layer, values };
}

function loadLayer(path: string, allowLock: boolean, issues: SettingsIssue[]): SettingsLayer | null {
  const read = readJsonFile(path);
  if (read.kind === 'missing') return null;
  if (read.kind === 'bad') {
    issues.push(read.issue);
    return null;
  }
  const parsed = parseSettingsLayer(read.raw, path, { allowLock });
  issues.push(...parsed.issues);
  return resolvePaths(parsed.layer);
}

/**
 * Reads the machine file, then the user file, and merges them (user overrides machine, except locked keys).
 * Synchronous on purpose: it runs once before the first window, on two small files.
 */
export function loadSettings(opts: { userDataDir: string; machinePath?: string }): LoadedSettings {
  const files = { machine: opts.machinePath ?? machineSettingsPath(), user: userSettingsPath(opts.userDataDir) };
  const issues: SettingsIssue[] = [];
  const machine = loadLayer(files.machine, true, issues);
  const user = loadLayer(files.user, false, issues);
  const merged = mergeSettings(machine, user);
  return { settings: merged.settings, issues: [...issues, ...merged.issues], files };
}

/**
 * Writes keys into the user's own settings file (e.g. the language chosen from the menu), keeping the
 * other keys in it. Written to a temporary file then renamed, so a crash never leaves half a file.
 * Returns false, leaving the file untouched, when the existing file is unreadable or not a JSON object:
 * a hand-edited file with a typo is the person's to fix, not ours to overwrite.
 */
export function writeUserSettings(userDataDir: string, patch: Partial<Pick<Settings, 'language' | 'defaultTheme' | 'departmentName'>>): boolean {
  const path = userSettingsPath(userDataDir);
  const read = readJsonFile(path);
  if (read.kind === 'bad') return false;
  if (read.kind === 'ok' && (typeof read.raw !== 'object' || read.raw === null || Array.isArray(read.raw))) return false;
  const current = read.kind === 'ok' ? (read.raw as Record<string, unknown>) : {};
  mkdirSync(userDataDir, { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ ...current, ...patch }, null, 2)}\n`, 'utf8');
  renameSync(tmp, path);
  return true;
}
