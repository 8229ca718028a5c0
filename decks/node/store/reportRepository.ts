// Imported reports (the decoded source text, kept as read) and their warnings, which a deck may dismiss one by one.
import { z } from 'zod';
import { ImportWarning } from '../../common/model.ts';
import type { Db } from './database.ts';

export interface ReportRow {
  id: string;
  fileName: string;
  encoding: string;
  format: string;
  sha256: string;
  text: string;
  warnings: ImportWarning[];
  importedAt: string;
}

const Warnings = z.array(ImportWarning);

export function createReportRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO reports (id, file_name, encoding, format, sha256, text, warnings, imported_at)
     VALUES (@id, @fileName, @encoding, @format, @sha256, @text, @warnings, @importedAt)`,
  );
  const warnings = db.prepare<[string], { warnings: string }>(`SELECT warnings FROM reports WHERE id = ?`);
  const source = db.prepare<[string], Pick<ReportRow, 'fileName' | 'format' | 'text'>>(`SELECT file_name AS fileName, format, text FROM reports WHERE id = ?`);
  const dismissed = db.prepare<[string], { id: string }>(`SELECT warning_id AS id FROM dismissed_warnings WHERE deck_id = ?`);
  const dismiss = db.prepare<[string, string]>(`INSERT OR IGNORE INTO dismissed_warnings (deck_id, warning_id) VALUES (?, ?)`);
  const copyDismissed = db.prepare<[string, string]>(
    `INSERT INTO dismissed_warnings (deck_id, warning_id) SELECT ?, warning_id FROM dismissed_warnings WHERE deck_id = ?`,
  );

  return {
    insert: (r: ReportRow) => void insert.run({ ...r, warnings: JSON.stringify(r.warnings) }),
    /** The warnings raised when the report was read, as generated (not yet marked dismissed for any deck). */
    warnings(reportId: string): ImportWarning[] {
      const row = warnings.get(reportId);
      return row ? Warnings.parse(JSON.parse(row.warnings)) : [];
    },
    /** The report's text as decoded at import, with its file name and format (a revised report is compared with it). */
    source: (reportId: string) => source.get(reportId),
    dismissed: (deckId: string): Set<string> => new Set(dismissed.all(deckId).map((r) => r.id)),
    dismiss: (deckId: string, warningId: string) => void dismiss.run(deckId, warningId),
    copyDismissed: (fromDeckId: string, toDeckId: string) => void copyDismissed.run(toDeckId, fromDeckId),
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
