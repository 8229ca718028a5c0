// The export tests' setup: a service on a fresh SQLite file per test, and the sample report imported on demand.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createService, type DeckService } from '../../../decks/node/service.ts';

const SAMPLE = new URL('../../../decks/samples/shangyu-youth-city.txt', import.meta.url);

export interface SampleService {
  /** This test's temp folder (removed after it) and its service. */
  readonly dir: string;
  readonly service: DeckService;
  /** Imports the sample report; resolves to the new deck's id. */
  importSample(): Promise<string>;
}

/** Registers the hooks; read `dir` and `service` inside tests only. */
export function useSampleService(prefix: string): SampleService {
  const ctx = { dir: '', service: null as unknown as DeckService };
  beforeEach(() => {
    ctx.dir = mkdtempSync(join(tmpdir(), prefix));
    ctx.service = createService({ dbPath: join(ctx.dir, 'huibao.db') });
  });
  afterEach(() => {
    ctx.service.close();
    rmSync(ctx.dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return ctx.dir;
    },
    get service() {
      return ctx.service;
    },
    async importSample() {
      return (await ctx.service.importReport({ fileName: 'shangyu-youth-city.txt', dataBase64: readFileSync(SAMPLE).toString('base64') })).deckId;
    },
  };
}
