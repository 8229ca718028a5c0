// SQLite failures as the API's errors: the user sees “disk full” or “database busy”, not an SQLite code.
import Database from 'better-sqlite3';
import { ApiError } from '../../common/api.ts';

export function dbCorrupt(why: { zh: string; en: string }, path?: string): ApiError {
  return new ApiError(
    'DB_CORRUPT',
    `数据库文件已损坏或不是汇报数据库${path ? `（${path}）` : ''}：${why.zh}`,
    `The database file is damaged or is not a Huibao database${path ? ` (${path})` : ''}: ${why.en}`,
  );
}

export const readOnlyError = (): ApiError =>
  new ApiError('DB_READ_ONLY', '数据库是只读的，无法保存更改。', 'The database is read-only; changes cannot be saved.');

/** Turns an SQLite error into an ApiError; anything else is returned unchanged. */
export function fromSqliteError(err: unknown): unknown {
  if (!(err instanceof Database.SqliteError)) return err;
  const code = err.code;
  if (code.startsWith('SQLITE_FULL')) {
    return new ApiError('DB_FULL', '磁盘已满，更改未能保存。请腾出空间后重试。', 'The disk is full; the change was not saved. Free some space and try again.');
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new ApiError('DB_BUSY', '数据库正被另一个程序使用，请稍后重试。', 'The database is in use by another program; try again shortly.');
  }
  if (code.startsWith('SQLITE_READONLY')) return readOnlyError();
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return dbCorrupt({ zh: err.message, en: err.message });
  return err;
}
