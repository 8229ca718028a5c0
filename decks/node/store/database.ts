// Opening the database file: refuse what is not ours (or is newer than us) without touching it, keep a copy
// before upgrading, then bring the schema up to date one migration (one transaction) at a time.
import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ApiError } from '../../common/api.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';
import { dbCorrupt, fromSqliteError, readOnlyError } from './sqliteErrors.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Open without writing; also chosen automatically when the file or its folder cannot be written. */
  readOnly?: boolean;
  /** The migrations to apply (tests pass their own list to exercise upgrades). */
  migrations?: readonly Migration[];
  /**
   * The better-sqlite3 addon file to load instead of the package's own build: the desktop app in development runs
   * Electron's Node, whose ABI differs from the Node the package was built for (electron/nativeAddon.mjs).
   */
  nativeBinding?: string;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

export function openDatabase(path: string, opts: OpenOptions = {}): Db {
  const migrations = opts.migrations ?? MIGRATIONS;
  const latest = migrations.at(-1)?.version ?? 0;
  const isNew = !inspectExistingFile(path, latest, opts.nativeBinding);
  if (isNew && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const readOnly = opts.readOnly === true || (!isNew && !isWritable(path));

  let db: Db;
  try {
    db = new Database(path, { readonly: readOnly, fileMustExist: readOnly, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  } catch (err) {
    throw fromSqliteError(err);
  }
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    if (!readOnly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    migrate(db, path, migrations, readOnly);
    return db;
  } catch (err) {
    db.close();
    throw fromSqliteError(err);
  }
}

/** The schema version a database is at. */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Checks an existing file before SQLite may write to it: false when there is nothing yet (missing or 0 bytes).
 * Throws DB_CORRUPT / DB_NEWER; in those cases the file is never opened for writing.
 */
function inspectExistingFile(path: string, latest: number, nativeBinding: string | undefined): boolean {
  if (path === ':memory:') return false;
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw dbCorrupt({ zh: '这不是一个文件', en: 'it is not a file' }, path);
    size = st.size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  if (size === 0) return false;

  const header = readHeader(path);
  if (header.length < HEADER_BYTES || !header.subarray(0, 16).equals(SQLITE_MAGIC)) {
    throw dbCorrupt({ zh: '文件不是 SQLite 数据库', en: 'the file is not an SQLite database' }, path);
  }
  if (!isSoundHeader(header)) throw dbCorrupt({ zh: '文件头已损坏', en: 'its header is damaged' }, path);
  // user_version sits at byte 60 of the header: a newer database is refused before SQLite opens it at all.
  if (header.readUInt32BE(60) > latest) throw dbNewer(path, header.readUInt32BE(60), latest);

  const sidecars = [`${path}-wal`, `${path}-shm`].filter((p) => !existsSync(p));
  try {
    const check = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      const version = schemaVersion(check);
      if (version > latest) throw dbNewer(path, version, latest);
      const problems = check.pragma('quick_check', { simple: false }) as { quick_check: string }[];
      if (problems.length !== 1 || problems[0]?.quick_check !== 'ok') {
        const first = (problems[0]?.quick_check ?? '').split('\n').slice(0, 2).join(' ');
        throw dbCorrupt({ zh: `完整性检查未通过（${first}）`, en: `the integrity check failed (${first})` }, path);
      }
    } finally {
      check.close();
    }
  } catch (err) {
    // A read-only look at a WAL database leaves empty -wal/-shm files beside it: remove the ones it created.
    for (const p of sidecars) rmSync(p, { force: true });
    // A WAL database in a folder nobody may write to (a read-only USB stick or share) cannot be opened by SQLite at
    // all (it must create its -shm file): say so, rather than calling a sound file damaged.
    if (err instanceof Database.SqliteError && err.code === 'SQLITE_CANTOPEN' && !canWrite(dirname(path))) throw readOnlyFolder(path);
    if (err instanceof Database.SqliteError) throw dbCorrupt({ zh: err.message, en: err.message }, path);
    throw err;
  }
  return true;
}

/** Fields every SQLite header has fixed (page size a power of two, payload fractions 64/32/32). */
function isSoundHeader(h: Buffer): boolean {
  const pageSize = h.readUInt16BE(16);
  const pageSizeOk = pageSize === 1 || (pageSize >= 512 && (pageSize & (pageSize - 1)) === 0);
  return pageSizeOk && h[21] === 64 && h[22] === 32 && h[23] === 32;
}

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(HEADER_BYTES);
    const n = readSync(fd, buf, 0, HEADER_BYTES, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function dbNewer(path: string, version: number, latest: number): ApiError {
  return new ApiError(
    'DB_NEWER',
    `此数据库由更新版本的汇报创建（数据库版本 ${version}，本程序支持到 ${latest}）。请升级汇报后再打开：${path}。文件未作任何改动。`,
    `This database was written by a newer version of Huibao (schema ${version}; this version supports up to ${latest}). Update Huibao to open it: ${path}. The file was left untouched.`,
  );
}

/** Writable means the file and its folder (WAL keeps -wal and -shm files beside it). */
function isWritable(path: string): boolean {
  return canWrite(path) && canWrite(dirname(path));
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function readOnlyFolder(path: string): ApiError {
  return new ApiError(
    'DB_READ_ONLY',
    `数据库所在的文件夹是只读的（例如只读的U盘或网络共享），无法打开：${path}。请把数据库文件复制到可写的文件夹后再打开。文件未作任何改动。`,
    `The database is in a read-only folder (e.g. a read-only USB stick or share) and cannot be opened: ${path}. Copy it to a folder you can write to and open it there. The file was left untouched.`,
  );
}

function migrate(db: Db, path: string, migrations: readonly Migration[], readOnly: boolean): void {
  const from = schemaVersion(db);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return;
  if (readOnly) {
    const e = readOnlyError();
    throw new ApiError('DB_READ_ONLY', `${e.zh}（需要升级数据库结构）`, `${e.en} (the database needs an upgrade)`);
  }
  const tables = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
  if (from > 0 || tables.n > 0) keepCopy(db, path, from);
  for (const m of pending) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** Copies the database, as it is before the upgrade, to `<path>.v<from>.bak` (or a fresh name if that is taken). */
function keepCopy(db: Db, path: string, from: number): string {
  let target = `${path}.v${from}.bak`;
  if (existsSync(target)) target = `${path}.v${from}.${Date.now()}.bak`;
  // VACUUM INTO writes a consistent copy (including what is still in the WAL) in one synchronous step.
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}
