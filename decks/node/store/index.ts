// The store: an open database and one repository per table group. SQL lives in the repositories, nowhere else.
import { createApprovalRepository } from './approvalRepository.ts';
import { createAssetRepository } from './assetRepository.ts';
import { openDatabase, type Db, type OpenOptions } from './database.ts';
import { createDeckRepository } from './deckRepository.ts';
import { createFigureRepository } from './figureRepository.ts';
import { createFindingRepository } from './findingRepository.ts';
import { createReportRepository } from './reportRepository.ts';
import { createRevisionRepository } from './revisionRepository.ts';
import { createSlideRepository } from './slideRepository.ts';

export { openDatabase, schemaVersion, type Db, type OpenOptions } from './database.ts';
export { SlideContent } from './slideRepository.ts';
export { StoredFigure } from './figureRepository.ts';

export function openStore(path: string, opts?: OpenOptions) {
  const db: Db = openDatabase(path, opts);
  return {
    db,
    decks: createDeckRepository(db),
    slides: createSlideRepository(db),
    figures: createFigureRepository(db),
    revisions: createRevisionRepository(db),
    reports: createReportRepository(db),
    assets: createAssetRepository(db),
    approvals: createApprovalRepository(db),
    findings: createFindingRepository(db),
    /**
     * Runs `fn` in one transaction: all of its writes land, or none do. IMMEDIATE takes the write lock first: a
     * deferred transaction that reads and then writes fails at once with SQLITE_BUSY (no waiting) when another
     * process (a second window, `huibao serve`) committed in between; this one waits its turn (busy_timeout).
     */
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    close: () => db.close(),
  };
}

export type Store = ReturnType<typeof openStore>;
