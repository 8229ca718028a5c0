// The DeckApi's errors, apart from its schemas (api.ts re-exports them): a page that must load fast (the show) can
// turn a host's error into an ApiError without loading zod and every method's schema.
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'UNKNOWN_METHOD',
  'DB_NEWER', // the database was written by a newer Huibao
  'DB_CORRUPT', // not a SQLite database, or a damaged one
  'DB_READ_ONLY',
  'DB_FULL', // disk full while saving
  'DB_BUSY',
  'CONFLICT', // a write based on a state that another window or program has changed since (optimistic concurrency)
  'REPORT_EMPTY',
  'REPORT_BINARY',
  'REPORT_TOO_LARGE',
  'REPORT_UNREADABLE',
  'REPORT_ENCODING',
  'REPORT_FORMAT',
  'BUNDLE_INVALID',
  'EXPORT_FAILED',
  'UNAUTHORIZED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export type ApiErrorShape = { code: ErrorCode; message: { zh: string; en: string } };

/** An error with a stable code and a readable message in Chinese and English. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly zh: string;
  readonly en: string;
  constructor(code: ErrorCode, zh: string, en: string) {
    super(en);
    this.name = 'ApiError';
    this.code = code;
    this.zh = zh;
    this.en = en;
  }
  toJSON(): ApiErrorShape {
    return { code: this.code, message: { zh: this.zh, en: this.en } };
  }
  static from(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message.zh, shape.message.en);
  }
}

/** The message in the user's language. */
export function errorMessage(err: unknown, lang: 'zh' | 'en'): string {
  if (err instanceof ApiError) return lang === 'zh' ? err.zh : err.en;
  return err instanceof Error ? err.message : String(err);
}
