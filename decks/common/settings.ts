// Department settings: what IT sets once per machine (and a person may override for themselves).
// Each layer (machine file, user file) is validated key by key, so one bad value costs only that key:
// the app always starts, with the default in place of whatever was wrong, and says which file and key.
import { z } from 'zod';
import { Theme } from './model.ts';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** A path IT writes by hand: non-empty, bounded, no NUL byte (which would truncate it in native calls). */
const PathText = z
  .string()
  .trim()
  .min(1)
  .max(1024)
  .refine((s) => !s.includes('\0'), 'contains a NUL character');

/**
 * Only http(s): an update check must never open file:, data: or any other scheme. A pattern rather than
 * `new URL` because decks/common runs without Node or DOM globals. No user:password@ (no secrets in a file).
 */
const HTTP_URL = /^https?:\/\/(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::\d{1,5})?(?:[/?#]\S*)?$/i;
export const HttpUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((s) => HTTP_URL.test(s), 'must be an http:// or https:// URL');

export const UpdateSettings = z.object({
  enabled: z.boolean(),
  url: HttpUrl.nullable(),
});
export type UpdateSettings = z.infer<typeof UpdateSettings>;

export const Settings = z.object({
  departmentName: z.string().trim().max(100),
  defaultTheme: Theme,
  /** Image shown on the title slide; a relative path is relative to the settings file that names it. */
  logoPath: PathText.nullable(),
  /** A folder of template decks, only ever read. */
  templatesDir: PathText.nullable(),
  updates: UpdateSettings,
  language: Language,
});
export type Settings = z.infer<typeof Settings>;

export type SettingsKey = keyof Settings;
export const SETTINGS_KEYS = Object.keys(Settings.shape) as SettingsKey[];

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  departmentName: '',
  defaultTheme: 'official',
  logoPath: null,
  templatesDir: null,
  // No request leaves the machine unless IT turns this on.
  updates: Object.freeze({ enabled: false, url: null }),
  language: 'zh-CN',
}) as Settings;

/** One settings file, as far as it could be read: the valid keys only. */
export interface SettingsLayer {
  /** Where the values came from (a file path), named in every message. */
  source: string;
  values: Partial<Omit<Settings, 'updates'>> & { updates?: Partial<UpdateSettings> };
  /** Keys of the machine file that a user file may not override (machine layer only). */
  locked: SettingsKey[];
}

/** A problem in a settings file, in both languages, naming the file and the key. */
export interface SettingsIssue {
  file: string;
  /** The dotted key (`updates.url`), or '' when the whole file is at fault. */
  key: string;
  zh: string;
  en: string;
}

const layerValue: { [K in SettingsKey]: z.ZodType } = {
  departmentName: Settings.shape.departmentName,
  defaultTheme: Settings.shape.defaultTheme,
  logoPath: Settings.shape.logoPath,
  templatesDir: Settings.shape.templatesDir,
  updates: UpdateSettings.partial(),
  language: Settings.shape.language,
};

function isSettingsKey(k: string): k is SettingsKey {
  return (SETTINGS_KEYS as string[]).includes(k);
}

function describe(err: z.ZodError): string {
  return err.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

function expected(key: SettingsKey): { zh: string; en: string } {
  switch (key) {
    case 'departmentName':
      return { zh: '不超过100字的文本', en: 'text of at most 100 characters' };
    case 'defaultTheme':
      return { zh: '"official"、"light" 或 "contrast"', en: '"official", "light" or "contrast"' };
    case 'logoPath':
    case 'templatesDir':
      return { zh: '文件路径文本或 null', en: 'a path as text, or null' };
    case 'updates':
      return { zh: '{"enabled": true/false, "url": "https://…"}', en: '{"enabled": true/false, "url": "https://…"}' };
    case 'language':
      return { zh: '"zh-CN" 或 "en"', en: '"zh-CN" or "en"' };
  }
}

/**
 * Validates the parsed JSON of one settings file key by key.
 * `allowLock` is true for the machine file: its `locked` list names keys users may not override.
 */
export function parseSettingsLayer(raw: unknown, source: string, opts: { allowLock?: boolean } = {}): { layer: SettingsLayer; issues: SettingsIssue[] } {
  const issues: SettingsIssue[] = [];
  const layer: SettingsLayer = { source, values: {}, locked: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    issues.push({
      file: source,
      key: '',
      zh: `设置文件 ${source} 的内容必须是一个 JSON 对象（{ … }），已忽略整个文件，使用默认设置。`,
      en: `Settings file ${source} must hold a JSON object ({ … }); the whole file was ignored and defaults are used.`,
    });
    return { layer, issues };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === '$schema' || key === '$comment') continue;
    if (key === 'locked') {
      if (!opts.allowLock) {
        issues.push({
          file: source,
          key,
          zh: `设置文件 ${source}：只有本机（IT 管理的）设置文件可以锁定设置项，已忽略 "locked"。`,
          en: `Settings file ${source}: only the machine-wide (IT) settings file may lock keys; "locked" was ignored.`,
        });
        continue;
      }
      const parsed = z.array(z.string()).safeParse(value);
      const unknown = parsed.success ? parsed.data.filter((k) => !isSettingsKey(k)) : [];
      if (!parsed.success || unknown.length > 0) {
        issues.push({
          file: source,
          key,
          zh: `设置文件 ${source} 中 "locked" 应为设置项名称的列表（${SETTINGS_KEYS.join('、')}）${unknown.length ? `，未知：${unknown.join('、')}` : ''}。`,
          en: `Settings file ${source}: "locked" must be a list of setting names (${SETTINGS_KEYS.join(', ')})${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}.`,
        });
      }
      if (parsed.success) layer.locked = parsed.data.filter(isSettingsKey);
      continue;
    }
    if (!isSettingsKey(key)) {
      issues.push({
        file: source,
        key,
        zh: `设置文件 ${source} 中有未知设置项 "${key}"（拼写错误？），已忽略。可用的设置项：${SETTINGS_KEYS.join('、')}。`,
        en: `Settings file ${source} has an unknown key "${key}" (a typo?); it was ignored. Known keys: ${SETTINGS_KEYS.join(', ')}.`,
      });
      continue;
    }
    const parsed = layerValue[key].safeParse(value);
    if (!parsed.success) {
      const want = expected(key);
      issues.push({
        file: source,
        key: key === 'updates' ? `updates.${String(parsed.error.issues[0]?.path[0] ?? '')}`.replace(/\.$/, '') : key,
        zh: `设置文件 ${source} 中 "${key}" 的值无效（${describe(parsed.error)}），应为 ${want.zh}；此项使用默认值。`,
        en: `Settings file ${source}: "${key}" is invalid (${describe(parsed.error)}); expected ${want.en}. The default is used for it.`,
      });
      continue;
    }
    (layer.values as Record<string, unknown>)[key] = parsed.data;
  }
  return { layer, issues };
}

/**
 * Merges defaults ← machine ← user. A user file overrides the machine file, except for keys the
 * machine file locks, and except that a user may only turn update checks off, never on or to another
 * URL: which server the app talks to is IT's decision alone.
 */
export function mergeSettings(machine: SettingsLayer | null, user: SettingsLayer | null): { settings: Settings; issues: SettingsIssue[] } {
  const issues: SettingsIssue[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, updates: { ...DEFAULT_SETTINGS.updates } };
  const locked = new Set(machine?.locked ?? []);
  let updatesSource = '';

  if (machine) {
    const { updates, ...rest } = machine.values;
    Object.assign(settings, rest);
    if (updates) {
      settings.updates = { ...settings.updates, ...updates };
      updatesSource = machine.source;
    }
  }
  if (user) {
    for (const key of Object.keys(user.values) as SettingsKey[]) {
      if (locked.has(key)) {
        issues.push({
          file: user.source,
          key,
          zh: `设置项 "${key}" 已由单位 IT 在 ${machine?.source ?? ''} 中锁定，个人设置文件 ${user.source} 中的值未生效。`,
          en: `"${key}" is locked by IT in ${machine?.source ?? ''}; the value in your settings file ${user.source} was not applied.`,
        });
        continue;
      }
      if (key === 'updates') {
        const u = user.values.updates ?? {};
        if (u.enabled === false) settings.updates = { ...settings.updates, enabled: false };
        if (u.enabled === true || u.url !== undefined) {
          issues.push({
            file: user.source,
            key: 'updates',
            zh: `个人设置文件 ${user.source} 不能开启更新检查或更改更新地址（只能关闭）；这由本机设置文件决定。`,
            en: `Your settings file ${user.source} cannot turn update checks on or change their URL (only off); that is set in the machine-wide settings file.`,
          });
        }
        continue;
      }
      (settings as Record<string, unknown>)[key] = user.values[key];
    }
  }
  if (settings.updates.enabled && !settings.updates.url) {
    issues.push({
      file: updatesSource,
      key: 'updates.url',
      zh: `设置文件 ${updatesSource} 开启了更新检查（updates.enabled），但没有给出 http(s) 更新地址（updates.url），更新检查保持关闭。`,
      en: `Settings file ${updatesSource} turns update checks on (updates.enabled) without an http(s) address (updates.url); update checks stay off.`,
    });
    settings.updates = { enabled: false, url: settings.updates.url };
  }
  // The result passes the full schema by construction; parsing again guards against a slip in the code above.
  return { settings: Settings.parse(settings), issues };
}

/** The messages for a dialog or the log, one line per issue, in the given language. */
export function formatSettingsIssues(issues: SettingsIssue[], lang: Language): string {
  return issues.map((i) => `• ${lang === 'en' ? i.en : i.zh}`).join('\n');
}
