import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAppRoot, resolveDbPath, userDataDir } from '../../../decks/node/paths.ts';

describe('paths', () => {
  it('puts the data folder where Electron puts userData for productName Huibao', () => {
    expect(userDataDir({ APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'win32', 'C:\\Users\\li')).toBe(join('C:\\Users\\li\\AppData\\Roaming', 'Huibao'));
    expect(userDataDir({}, 'darwin', '/Users/li')).toBe('/Users/li/Library/Application Support/Huibao');
    expect(userDataDir({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux', '/home/li')).toBe('/x/cfg/Huibao');
    expect(userDataDir({}, 'linux', '/home/li')).toBe('/home/li/.config/Huibao');
  });

  it('prefers --db, then HUIBAO_DB, then the data folder', () => {
    expect(resolveDbPath('/a.db', { HUIBAO_DB: '/b.db' })).toBe('/a.db');
    expect(resolveDbPath(undefined, { HUIBAO_DB: '/b.db' })).toBe('/b.db');
    expect(resolveDbPath(undefined, { XDG_CONFIG_HOME: '/x/cfg' })).toMatch(/Huibao[/\\]huibao\.db$/);
  });

  it('finds the app root: the nearest package.json named huibao', () => {
    expect(findAppRoot()).toBe(join(import.meta.dirname, '..', '..', '..'));
    const dir = mkdtempSync(join(tmpdir(), 'huibao-root-'));
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'huibao' }));
      mkdirSync(join(dir, 'node_modules', 'other', 'dist'), { recursive: true });
      writeFileSync(join(dir, 'node_modules', 'other', 'package.json'), JSON.stringify({ name: 'other' }));
      expect(findAppRoot(join(dir, 'node_modules', 'other', 'dist'))).toBe(dir);
      expect(() => findAppRoot(tmpdir())).toThrow(/Cannot find/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
