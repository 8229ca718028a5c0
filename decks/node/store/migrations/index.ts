// Every migration, oldest first. A database's `PRAGMA user_version` is the version of the last one applied.
// To change the schema, add a file `NNNN-what.ts` exporting a Migration and list it here; never edit a shipped one.
import type Database from 'better-sqlite3';
import initial from './0001-initial.ts';
import assetRenditions from './0002-asset-renditions.ts';
import preflight from './0003-preflight.ts';
import refreshApproval from './0004-refresh-approval.ts';

export interface Migration {
  /** 1, 2, 3 … in order, no gaps. */
  version: number;
  name: string;
  /** Runs inside a transaction; a throw leaves the database as it was. */
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [initial, assetRenditions, preflight, refreshApproval];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
