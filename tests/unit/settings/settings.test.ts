import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, formatSettingsIssues, HttpUrl, mergeSettings, parseSettingsLayer } from '../../../decks/common/settings.ts';
import { loadSettings, machineSettingsPath, SETTINGS_MAX_BYTES, userSettingsPath, writeUserSettings } from '../../../decks/node/settings.ts';

let dir: string;
let machinePath: string;
let userDataDir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-settings-'));
  mkdirSync(join(dir, 'machine'));
  machinePath = join(dir, 'machine', 'settings.json');
  userDataDir = join(dir, 'user');
  mkdirSync(userDataDir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const writeMachine = (v: unknown) => writeFileSync(machinePath, typeof v === 'string' ? v : JSON.stringify(v));
const writeUser = (v: unknown) => writeFileSync(userSettingsPath(userDataDir), typeof v === 'string' ? v : JSON.stringify(v));
const load = () => loadSettings({ userDataDir, machinePath });

describe('settings file locations', () => {
  it('uses %ProgramData% on Windows, /Library on macOS, /etc on Linux', () => {
    expect(machineSettingsPath('win32', { ProgramData: 'D:\\PD' })).toBe('D:\\PD\\Huibao\\settings.json');
    expect(machineSettingsPath('win32', {})).toBe('C:\\ProgramData\\Huibao\\settings.json');
    expect(machineSettingsPath('darwin', {})).toBe('/Library/Application Support/Huibao/settings.json');
    expect(machineSettingsPath('linux', {})).toBe('/etc/huibao/settings.json');
    expect(userSettingsPath('/home/a/.config/Huibao')).toBe('/home/a/.config/Huibao/settings.json');
  });
});

describe('loading and merging', () => {
  it('gives the defaults with no issue when neither file exists', () => {
    const r = load();
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.settings.updates.enabled).toBe(false);
    expect(r.issues).toEqual([]);
  });

  it('merges machine → user: the user file overrides, keys it leaves out come from the machine file', () => {
    writeMachine({ departmentName: '上虞区发改局', defaultTheme: 'contrast', language: 'en' });
    writeUser({ defaultTheme: 'light' });
    const r = load();
    expect(r.issues).toEqual([]);
    expect(r.settings.departmentName).toBe('上虞区发改局');
    expect(r.settings.defaultTheme).toBe('light');
    expect(r.settings.language).toBe('en');
  });

  it('keeps the machine value of a key IT locked, and says so', () => {
    writeMachine({ defaultTheme: 'official', departmentName: '团区委', locked: ['defaultTheme'] });
    writeUser({ defaultTheme: 'light', departmentName: '我的科室' });
    const r = load();
    expect(r.settings.defaultTheme).toBe('official');
    expect(r.settings.departmentName).toBe('我的科室');
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ file: userSettingsPath(userDataDir), key: 'defaultTheme' });
    expect(r.issues[0]!.zh).toContain('锁定');
  });

  it('ignores "locked" in a user file', () => {
    writeUser({ locked: ['language'], language: 'en' });
    const r = load();
    expect(r.settings.language).toBe('en');
    expect(r.issues.map((i) => i.key)).toEqual(['locked']);
  });

  it('resolves relative logo and template paths against the file that names them', () => {
    writeMachine({ logoPath: 'logo.png', templatesDir: '/srv/templates' });
    const r = load();
    expect(r.settings.logoPath).toBe(join(dir, 'machine', 'logo.png'));
    expect(r.settings.templatesDir).toBe('/srv/templates');
  });

  it('reads a file saved with a UTF-8 byte-order mark', () => {
    writeUser('\uFEFF{"departmentName":"区委办"}');
    expect(load().settings.departmentName).toBe('区委办');
  });
});

describe('the example IT ships', () => {
  it('assets/installer/settings.example.json is valid and keeps updates off', () => {
    const example = new URL('../../../assets/installer/settings.example.json', import.meta.url).pathname;
    const r = loadSettings({ userDataDir, machinePath: example });
    expect(r.issues).toEqual([]);
    expect(r.settings.departmentName).toBe('上虞区发展和改革局');
    expect(r.settings.updates.enabled).toBe(false);
  });
});

describe('updates', () => {
  it('turns update checks on only from the machine file, with an http(s) URL', () => {
    writeMachine({ updates: { enabled: true, url: 'https://updates.intranet.example/huibao.json' } });
    const r = load();
    expect(r.issues).toEqual([]);
    expect(r.settings.updates).toEqual({ enabled: true, url: 'https://updates.intranet.example/huibao.json' });
  });

  it('keeps updates off when enabled without a URL, naming the file and key', () => {
    writeMachine({ updates: { enabled: true } });
    const r = load();
    expect(r.settings.updates.enabled).toBe(false);
    expect(r.issues).toEqual([expect.objectContaining({ file: machinePath, key: 'updates.url' })]);
  });

  it('refuses a non-http URL', () => {
    writeMachine({ updates: { enabled: true, url: 'file:///etc/passwd' } });
    const r = load();
    expect(r.settings.updates).toEqual(DEFAULT_SETTINGS.updates);
    expect(r.issues.map((i) => i.key)).toEqual(['updates.url']);
    expect(r.issues[0]!.en).toContain('http');
  });

  it('lets a user turn updates off but never on or to another server', () => {
    writeMachine({ updates: { enabled: true, url: 'https://it.example/u.json' } });
    writeUser({ updates: { enabled: false } });
    expect(load().settings.updates).toEqual({ enabled: false, url: 'https://it.example/u.json' });

    rmSync(machinePath);
    writeUser({ updates: { enabled: true, url: 'https://evil.example/u.json' } });
    const r = load();
    expect(r.settings.updates.enabled).toBe(false);
    expect(r.issues).toEqual([expect.objectContaining({ file: userSettingsPath(userDataDir), key: 'updates' })]);
  });
});

describe('bad files still start with defaults', () => {
  it('reports invalid JSON with the file name, in both languages, and uses defaults', () => {
    writeMachine('{ "departmentName": "x", }');
    writeUser({ language: 'en' });
    const r = load();
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.file).toBe(machinePath);
    expect(r.issues[0]!.zh).toContain(machinePath);
    expect(r.issues[0]!.zh).toContain('不是有效的 JSON');
    expect(r.issues[0]!.en).toContain('not valid JSON');
  });

  it('drops only the invalid keys and keeps the valid ones', () => {
    writeUser({ departmentName: '统计局', defaultTheme: 'neon', language: 'fr', logoPath: '' });
    const r = load();
    expect(r.settings.departmentName).toBe('统计局');
    expect(r.settings.defaultTheme).toBe(DEFAULT_SETTINGS.defaultTheme);
    expect(r.settings.language).toBe(DEFAULT_SETTINGS.language);
    expect(r.settings.logoPath).toBeNull();
    expect(r.issues.map((i) => i.key).sort()).toEqual(['defaultTheme', 'language', 'logoPath']);
    const theme = r.issues.find((i) => i.key === 'defaultTheme')!;
    expect(theme.en).toContain('"official", "light" or "contrast"');
    expect(theme.zh).toContain(userSettingsPath(userDataDir));
  });

  it('names an unknown key (a typo) and ignores it', () => {
    writeUser({ defaultTheem: 'light' });
    const r = load();
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.issues).toEqual([expect.objectContaining({ key: 'defaultTheem' })]);
  });

  it('rejects a file that is not an object, one that is too large, and one that is a folder', () => {
    writeMachine('[1,2]');
    writeUser('x'.repeat(SETTINGS_MAX_BYTES + 1));
    let r = load();
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.issues.map((i) => i.file)).toEqual([machinePath, userSettingsPath(userDataDir)]);
    expect(r.issues[1]!.en).toContain('too large');

    rmSync(machinePath);
    mkdirSync(machinePath);
    rmSync(userSettingsPath(userDataDir));
    r = load();
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.issues).toEqual([expect.objectContaining({ file: machinePath, key: '' })]);
    expect(r.issues[0]!.en).toContain('Cannot read');
  });

  it('formats the messages in the chosen language, one line each', () => {
    writeUser({ defaultTheme: 1, language: 2 });
    const { issues } = load();
    const zh = formatSettingsIssues(issues, 'zh-CN').split('\n');
    const en = formatSettingsIssues(issues, 'en').split('\n');
    expect(zh).toHaveLength(2);
    expect(en[0]).toMatch(/^• Settings file .*"defaultTheme" is invalid/);
    expect(zh[1]).toMatch(/^• 设置文件 .*"language" 的值无效/);
  });
});

describe('the pure layer functions', () => {
  it('gives the user layer priority whatever order the keys were written in', () => {
    const m = parseSettingsLayer({ language: 'en', departmentName: 'A' }, 'm.json', { allowLock: true }).layer;
    const u = parseSettingsLayer({ departmentName: 'B' }, 'u.json').layer;
    expect(mergeSettings(m, u).settings).toMatchObject({ language: 'en', departmentName: 'B' });
    expect(mergeSettings(u, m).settings).toMatchObject({ departmentName: 'A' });
  });

  it('accepts only http(s) URLs with a host and no credentials', () => {
    for (const ok of ['https://it.example/huibao/latest.json', 'http://10.0.0.5:8080/u.json', 'http://[::1]/u', 'HTTPS://UPDATES.GOV.CN']) {
      expect(HttpUrl.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'ftp://x/', 'https://', 'https://user:pw@it.example/', 'https://a b/', '']) {
      expect(HttpUrl.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('reports an unknown name in "locked"', () => {
    const r = parseSettingsLayer({ locked: ['language', 'colour'] }, 'm.json', { allowLock: true });
    expect(r.layer.locked).toEqual(['language']);
    expect(r.issues[0]!.en).toContain('colour');
  });
});

describe('writing the user file', () => {
  it('keeps other keys and replaces the file whole', () => {
    writeUser({ departmentName: '农业农村局', language: 'zh-CN' });
    expect(writeUserSettings(userDataDir, { language: 'en' })).toBe(true);
    expect(JSON.parse(readFileSync(userSettingsPath(userDataDir), 'utf8'))).toEqual({ departmentName: '农业农村局', language: 'en' });
    expect(load().settings.language).toBe('en');
  });

  it('creates the folder when the file does not exist yet', () => {
    const fresh = join(dir, 'fresh');
    expect(writeUserSettings(fresh, { defaultTheme: 'light' })).toBe(true);
    expect(loadSettings({ userDataDir: fresh, machinePath }).settings.defaultTheme).toBe('light');
  });

  it('leaves a broken hand-edited file untouched', () => {
    writeUser('{ "language": "en" ');
    expect(writeUserSettings(userDataDir, { language: 'zh-CN' })).toBe(false);
    expect(readFileSync(userSettingsPath(userDataDir), 'utf8')).toBe('{ "language": "en" ');
  });

  it('reports a file it has no permission to read', () => {
    if (process.getuid?.() === 0) {
      // root reads any file: check the same path with a folder in the way instead
      mkdirSync(join(userDataDir, 'settings.json'));
    } else {
      writeUser({ language: 'en' });
      chmodSync(userSettingsPath(userDataDir), 0o000);
    }
    const r = load();
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.issues[0]!.file).toBe(userSettingsPath(userDataDir));
  });
});
