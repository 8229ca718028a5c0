// The DeckService: the DeckApi implemented on the SQLite store, the report reader and the deck generator.
// Each concern is a part under service/ (decks, slides and edits, figures, revisions, sign-off (approval), pictures,
// import, refresh from a revised report, export, the pre-flight check),
// a function of the shared context returning its methods; createService composes them. Each method checks its
// arguments (so direct callers such as the CLI get the same errors as the hosts), runs its writes in one
// transaction, and turns SQLite failures into ApiErrors.
import { METHOD_NAMES, parseArgs, type DeckApi, type MethodName, type Result } from '../common/api.ts';
import type { DecodedReport } from './report/index.ts';
import { readReportFile } from './report/index.ts';
import { openStore, type Store } from './store/index.ts';
import { fromSqliteError } from './store/sqliteErrors.ts';
import { createContext, type Methods, type ServiceOptions } from './service/context.ts';
import { checkMethods } from './service/check.ts';
import { deckMethods } from './service/decks.ts';
import { exportMethods } from './service/export.ts';
import { figureMethods } from './service/figures.ts';
import { importMethods } from './service/import.ts';
import { pictureMethods } from './service/pictures.ts';
import { revisionMethods } from './service/revisions.ts';
import { slideMethods } from './service/slides.ts';
import { approvalMethods } from './service/approval.ts';
import { refreshMethods } from './service/refresh.ts';

export { AUTO_REVISIONS_KEPT, type ServiceOptions } from './service/context.ts';
export { titleOfCopy } from './service/decks.ts';
export { exportFileName } from './service/export.ts';

export interface DeckService extends DeckApi {
  importDecodedReport(d: DecodedReport, title?: string): Promise<Result<'importReport'>>;
  close(): void;
}

// ensureSampleDeck needs to know whether a database has *ever* held a deck, which the DeckApi does not expose.
const storeOf = new WeakMap<DeckService, Store>();

export function createService(opts: ServiceOptions): DeckService {
  const store = openStore(opts.dbPath, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  const ctx = createContext(store, opts);
  const { importDecodedReport, ...imports } = importMethods(ctx);
  // Every method of the contract, each from exactly one part: the type fails to check if one is missing.
  const impl: Methods<MethodName> = {
    ...deckMethods(ctx),
    ...slideMethods(ctx),
    ...figureMethods(ctx),
    ...revisionMethods(ctx),
    ...pictureMethods(ctx),
    ...imports,
    ...exportMethods(ctx),
    ...refreshMethods(ctx),
    ...approvalMethods(ctx),
    ...checkMethods(ctx),
  };

  const api = {} as Record<MethodName, (args: unknown) => Promise<unknown>>;
  for (const name of METHOD_NAMES) {
    const run = impl[name] as (a: unknown) => unknown;
    api[name] = (args) => guarded(async () => run(parseArgs(name, args)));
  }
  const service: DeckService = {
    ...(api as unknown as DeckApi),
    importDecodedReport: (d, title) => guarded(() => importDecodedReport(d, title)),
    close: () => store.close(),
  };
  storeOf.set(service, store);
  return service;
}

/** Runs a call and turns SQLite failures (disk full, busy, read-only …) into ApiErrors. */
async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw fromSqliteError(err);
  }
}

/** Imports the sample report when the database has never held a deck; returns the new deck's id, or null. */
export async function ensureSampleDeck(service: DeckService, samplePath: string): Promise<string | null> {
  const store = storeOf.get(service);
  const held = store
    ? store.decks.hasEverHeldDeck()
    : (await service.listDecks({})).decks.length + (await service.listDecks({ trash: true })).decks.length > 0;
  if (held) return null;
  const result = await service.importDecodedReport(await readReportFile(samplePath));
  return result.deckId;
}
