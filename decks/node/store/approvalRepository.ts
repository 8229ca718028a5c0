// A deck's sign-off (定稿) and its refresh base (the revised report last applied to it).
import type { Db } from './database.ts';

export interface ApprovalRow {
  approver: string;
  approvedAt: string;
  sha256: string;
}

export interface RefreshBaseRow {
  fileName: string;
  format: string;
  sha256: string;
  text: string;
  appliedAt: string;
}

export function createApprovalRepository(db: Db) {
  const get = db.prepare<[string], ApprovalRow>(`SELECT approver, approved_at AS approvedAt, sha256 FROM approvals WHERE deck_id = ?`);
  const set = db.prepare(
    `INSERT INTO approvals (deck_id, approver, approved_at, sha256) VALUES (@deckId, @approver, @approvedAt, @sha256)
     ON CONFLICT (deck_id) DO UPDATE SET approver = excluded.approver, approved_at = excluded.approved_at, sha256 = excluded.sha256`,
  );
  const getBase = db.prepare<[string], RefreshBaseRow>(
    `SELECT file_name AS fileName, format, sha256, text, applied_at AS appliedAt FROM refresh_bases WHERE deck_id = ?`,
  );
  const setBase = db.prepare(
    `INSERT INTO refresh_bases (deck_id, file_name, format, sha256, text, applied_at) VALUES (@deckId, @fileName, @format, @sha256, @text, @appliedAt)
     ON CONFLICT (deck_id) DO UPDATE SET file_name = excluded.file_name, format = excluded.format, sha256 = excluded.sha256,
       text = excluded.text, applied_at = excluded.applied_at`,
  );
  return {
    get: (deckId: string): ApprovalRow | undefined => get.get(deckId),
    set: (deckId: string, a: ApprovalRow) => void set.run({ deckId, ...a }),
    refreshBase: (deckId: string): RefreshBaseRow | undefined => getBase.get(deckId),
    setRefreshBase: (deckId: string, b: RefreshBaseRow) => void setBase.run({ deckId, ...b }),
  };
}

export type ApprovalRepository = ReturnType<typeof createApprovalRepository>;
