// Files that must be refused — and left byte for byte as they were (checked by hashing before and after).
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../decks/common/api.ts';
import { openDatabase } from '../../../decks/node/store/database.ts';
import { LATEST_VERSION } from '../../../decks/node/store/migrations/index.ts';
import { sha256Of, useTempDir } from './tempDir.ts';

const tmp = useTempDir();

/** Opens `path`, expecting a refusal; checks the code and that neither the file nor its folder changed. */
function expectRefusal(path: string, code: string): ApiError {
  const isFile = existsSync(path) && statSync(path).isFile();
  const before = isFile ? sha256Of(path) : null;
  const filesBefore = readdirSync(dirname(path)).sort();
  let err: unknown;
  try {
    openDatabase(path).close();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ApiError);
  expect((err as ApiError).code).toBe(code);
  if (before !== null) expect(sha256Of(path)).toBe(before);
  expect(readdirSync(dirname(path)).sort()).toEqual(filesBefore);
  return err as ApiError;
}

/** A real Huibao database with a few hundred rows, so that it spans many pages. */
function makeDatabase(path: string): void {
  const db = openDatabase(path);
  db.prepare(`INSERT INTO decks (id, title, created_at, updated_at) VALUES ('d1', 'deck', 'x', 'x')`).run();
  const insert = db.prepare(`INSERT INTO slides (deck_id, id, position, layout, title) VALUES ('d1', ?, ?, 'points', ?)`);
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`s${i}`, i, `第${i}张幻灯片 `.repeat(10));
  })();
  db.close();
}

function randomBytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x >> 16;
  }
  return b;
}

describe('openDatabase refuses', () => {
  it('a database written by a newer Huibao (DB_NEWER), with a clear message in both languages', () => {
    const path = tmp.path('newer.db');
    makeDatabase(path);
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const err = expectRefusal(path, 'DB_NEWER');
    expect(err.zh).toContain('此数据库由更新版本的汇报创建');
    expect(err.en).toContain('This database was written by a newer version of Huibao');
  });

  it('a newer database whose new version is still only in its WAL file', () => {
    const path = tmp.path('newer-wal.db');
    makeDatabase(path);
    const writer = new Database(path);
    writer.pragma('wal_autocheckpoint = 0');
    writer.pragma(`user_version = ${LATEST_VERSION + 5}`);
    try {
      expectRefusal(path, 'DB_NEWER');
    } finally {
      writer.close();
    }
  });

  it('a text file (DB_CORRUPT)', () => {
    const path = tmp.path('report.db');
    writeFileSync(path, '全面建设“青春之城” 奋力走好上虞高质量发展之路\n'.repeat(50));
    const err = expectRefusal(path, 'DB_CORRUPT');
    expect(err.en).toContain('not an SQLite database');
  });

  it('random bytes (DB_CORRUPT)', () => {
    const path = tmp.path('random.db');
    writeFileSync(path, randomBytes(8192, 7));
    expectRefusal(path, 'DB_CORRUPT');
  });

  it('a file shorter than an SQLite header (DB_CORRUPT)', () => {
    const path = tmp.path('short.db');
    writeFileSync(path, 'SQLite format 3\0');
    expectRefusal(path, 'DB_CORRUPT');
  });

  it('random bytes behind the SQLite magic string (DB_CORRUPT)', () => {
    const path = tmp.path('fake.db');
    writeFileSync(path, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), randomBytes(8192 - 16, 11)]));
    expectRefusal(path, 'DB_CORRUPT');
  });

  it('a truncated database (DB_CORRUPT)', () => {
    const path = tmp.path('truncated.db');
    makeDatabase(path);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectRefusal(path, 'DB_CORRUPT');
  });

  it('a database with a damaged page (DB_CORRUPT)', () => {
    const path = tmp.path('damaged.db');
    makeDatabase(path);
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    randomBytes(pageSize, 3).copy(bytes, pageSize * 3); // overwrite the 4th page
    writeFileSync(path, bytes);
    expectRefusal(path, 'DB_CORRUPT');
  });

  it('a folder where the database file should be (DB_CORRUPT)', () => {
    const path = tmp.path('folder.db');
    mkdirSync(path);
    expectRefusal(path, 'DB_CORRUPT');
  });
});

describe('openDatabase accepts', () => {
  it('a sound database after refusing nothing', () => {
    const path = tmp.path('good.db');
    makeDatabase(path);
    const db = openDatabase(path);
    expect(db.prepare('SELECT count(*) AS n FROM slides').get()).toEqual({ n: 2000 });
    db.close();
  });
});
