import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../decks/common/api.ts';
import { openDatabase, schemaVersion } from '../../../decks/node/store/database.ts';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../../decks/node/store/migrations/index.ts';
import { useTempDir } from './tempDir.ts';

const tmp = useTempDir();

const TABLES = ['assets', 'deck_assets', 'decks', 'dismissed_findings', 'dismissed_warnings', 'figure_history', 'figures', 'meta', 'reports', 'revisions', 'slides'];

function tablesOf(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
}

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
}

describe('migrations', () => {
  it('are numbered 1, 2, 3 … with one file each in migrations/', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
    const folder = join(dirname(new URL(import.meta.url).pathname), '../../../decks/node/store/migrations');
    const files = readdirSync(folder).filter((f) => /^\d{4}-.+\.ts$/.test(f)).sort();
    expect(files).toEqual(MIGRATIONS.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}.ts`));
  });

  it('bring a new database to the latest version with every table, WAL and foreign keys on', () => {
    const path = tmp.path('new.db');
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(tablesOf(db)).toEqual(TABLES);
    expect(columnsOf(db, 'decks')).toEqual(['id', 'title', 'subtitle', 'theme', 'report_id', 'created_at', 'updated_at', 'deleted_at']);
    expect(columnsOf(db, 'slides')).toEqual(['deck_id', 'id', 'position', 'layout', 'title', 'blocks', 'notes', 'hidden']);
    expect(columnsOf(db, 'slides')).not.toContain('section');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
    expect(readdirSync(dirname(path)).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('treat an empty (0-byte) file as a new database', () => {
    const path = tmp.path('empty.db');
    new Database(path).close(); // SQLite creates a 0-byte file
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('leave an up-to-date database as it is, without a backup', () => {
    const path = tmp.path('current.db');
    openDatabase(path).close();
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
    expect(readdirSync(dirname(path)).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('keep a copy of a version-0 file with data before migrating it', () => {
    const path = tmp.path('old.db');
    const old = new Database(path);
    old.exec(`CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('旧数据');`);
    old.close();

    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();

    const backup = new Database(`${path}.v0.bak`, { readonly: true });
    expect(schemaVersion(backup)).toBe(0);
    expect(backup.prepare('SELECT text FROM notes').all()).toEqual([{ text: '旧数据' }]);
    expect(tablesOf(backup)).toEqual(['notes']);
    backup.close();
  });

  it('upgrade an older Huibao database one version at a time, keeping the data and a backup', () => {
    const path = tmp.path('v1.db');
    const v1 = openDatabase(path, { migrations: MIGRATIONS.slice(0, 1) });
    v1.prepare(`INSERT INTO decks (id, title, created_at, updated_at) VALUES ('d1', '上虞', 'x', 'x')`).run();
    v1.close();

    const addColor: Migration = { version: 2, name: 'deck-color', up: (db) => db.exec(`ALTER TABLE decks ADD COLUMN color TEXT NOT NULL DEFAULT 'red'`) };
    const db = openDatabase(path, { migrations: [...MIGRATIONS.slice(0, 1), addColor] });
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT id, title, color FROM decks').all()).toEqual([{ id: 'd1', title: '上虞', color: 'red' }]);
    db.close();

    const backup = new Database(`${path}.v1.bak`, { readonly: true });
    expect(schemaVersion(backup)).toBe(1);
    expect(columnsOf(backup, 'decks')).not.toContain('color');
    expect(backup.prepare('SELECT title FROM decks').all()).toEqual([{ title: '上虞' }]);
    backup.close();
  });

  it('roll a failing migration back completely, leaving the previous version', () => {
    const path = tmp.path('fail.db');
    openDatabase(path).close();
    const broken: Migration = {
      version: LATEST_VERSION + 1,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('migration failed halfway');
      },
    };
    expect(() => openDatabase(path, { migrations: [...MIGRATIONS, broken] })).toThrow('migration failed halfway');
    const db = new Database(path, { readonly: true });
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(tablesOf(db)).not.toContain('half_done');
    db.close();
    expect(existsSync(`${path}.v${LATEST_VERSION}.bak`)).toBe(true);
  });

  it('refuse to upgrade a read-only database', () => {
    const path = tmp.path('ro-old.db');
    openDatabase(path, { migrations: [] }).close();
    const old = new Database(path);
    old.exec('CREATE TABLE notes (x)');
    old.close();
    let err: unknown;
    try {
      openDatabase(path, { readOnly: true });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('DB_READ_ONLY');
  });
});
