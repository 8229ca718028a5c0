// The DeckApi contract: every method the renderer (or any other client) may call on the core.
// Each host (Electron IPC, loopback HTTP) validates arguments with these schemas on the way in and
// results on the way out, so a bug or an attacker on one side cannot hand the other malformed data.
import { z } from 'zod';
import { Asset, Block, Deck, DeckSummary, Figure, FigureChange, ImportWarning, Layout, LIMITS, Revision, Slide, Theme } from './model.ts';
import { ApiError, ERROR_CODES } from './apiError.ts';

// ---- Errors (the class in apiError.ts; here, their schema) ----

export { ApiError, ERROR_CODES, errorMessage } from './apiError.ts';
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiErrorShape = z.object({
  code: ErrorCode,
  message: z.object({ zh: z.string(), en: z.string() }),
});
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

// ---- Methods ----

const DeckId = z.object({ deckId: z.string().min(1).max(64) });
const SlideIds = z.array(z.string().min(1).max(64)).min(1).max(LIMITS.slidesPerDeck);
const Ok = z.object({ ok: z.literal(true) });

/** A partial slide: the fields an edit may change. */
export const SlidePatch = z
  .object({
    layout: Layout,
    title: z.string().max(LIMITS.titleChars),
    blocks: z.array(Block).max(LIMITS.blocksPerSlide),
    notes: z.string().max(LIMITS.notesChars),
    hidden: z.boolean(),
  })
  .partial()
  .strict();
export type SlidePatch = z.infer<typeof SlidePatch>;

/** A slide as the client writes it whole (its section is derived from the order, never sent). */
export const SlideContent = Slide.omit({ section: true }).strict();
export type SlideContent = z.infer<typeof SlideContent>;

/** Sizes of what travels as files: an image added to a deck, a .huibao bundle opened. */
export const FILE_LIMITS = {
  assetBytes: 15 * 1024 * 1024,
  /** The display copy of a large picture (see addAsset). */
  displayBytes: 6 * 1024 * 1024,
  bundleBytes: 200 * 1024 * 1024,
} as const;
const base64Max = (bytes: number) => Math.ceil((bytes * 4) / 3) + 4;

/** Formats a deck can be exported to through the API. */
export const EXPORT_FORMATS = ['pptx', 'huibao', 'pdf', 'html'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

function method<A extends z.ZodType, R extends z.ZodType>(args: A, result: R) {
  return { args, result };
}

/** One figure's edit as the editor's autosave sends it: a new value as typed, a new label, or both. */
export const FigureEdit = z
  .object({
    key: z.string().min(1).max(64),
    value: z.string().trim().min(1).max(40).optional(),
    /** A new label, stored as written; a blank one is refused (a figure must say what it measures). */
    label: z
      .string()
      .max(LIMITS.labelChars)
      .refine((l) => l.trim() !== '', { message: 'blank label' })
      .optional(),
  })
  .strict()
  .refine((e) => e.value !== undefined || e.label !== undefined, { message: 'value or label' });
export type FigureEdit = z.infer<typeof FigureEdit>;

export const methods = {
  listDecks: method(z.object({ trash: z.boolean().optional() }).strict(), z.object({ decks: z.array(DeckSummary) })),
  getDeck: method(DeckId.strict(), Deck),
  createDeck: method(
    z.object({ title: z.string().trim().min(1).max(LIMITS.titleChars), theme: Theme.optional() }).strict(),
    Deck,
  ),
  renameDeck: method(DeckId.extend({ title: z.string().trim().min(1).max(LIMITS.titleChars) }).strict(), DeckSummary),
  setTheme: method(DeckId.extend({ theme: Theme }).strict(), DeckSummary),
  duplicateDeck: method(DeckId.extend({ title: z.string().trim().min(1).max(LIMITS.titleChars).optional() }).strict(), Deck),
  /** Moves the deck to the trash; `restoreDeck` brings it back, `purgeDeck` removes it for good. */
  deleteDeck: method(DeckId.strict(), Ok),
  restoreDeck: method(DeckId.strict(), DeckSummary),
  purgeDeck: method(DeckId.strict(), Ok),

  addSlide: method(
    DeckId.extend({
      /** Insert after this slide; null puts it first; omitted puts it last. */
      afterSlideId: z.string().max(64).nullable().optional(),
      layout: Layout,
      title: z.string().max(LIMITS.titleChars).optional(),
      blocks: z.array(Block).max(LIMITS.blocksPerSlide).optional(),
      notes: z.string().max(LIMITS.notesChars).optional(),
    }).strict(),
    Slide,
  ),
  /**
   * `expectedUpdatedAt` (optional): the deck's `updatedAt` as the caller last read it. When given and the deck has been
   * changed since (by another window, or `huibao serve` on the same database), nothing is written: CONFLICT.
   */
  updateSlide: method(DeckId.extend({ slideId: z.string().min(1).max(64), patch: SlidePatch, expectedUpdatedAt: z.string().max(40).optional() }).strict(), Slide),
  /** Moves the slides (kept in their current relative order) to just after `afterSlideId` (null: to the start). */
  moveSlides: method(DeckId.extend({ slideIds: SlideIds, afterSlideId: z.string().max(64).nullable() }).strict(), z.object({ order: z.array(z.string()) })),
  deleteSlides: method(DeckId.extend({ slideIds: SlideIds }).strict(), z.object({ order: z.array(z.string()) })),
  duplicateSlides: method(DeckId.extend({ slideIds: SlideIds }).strict(), z.object({ slides: z.array(Slide), order: z.array(z.string()) })),
  /**
   * The editor's autosave: several slide and figure edits (and the theme) in one transaction. `slides` are written whole
   * (inserted when their id is new to the deck, ids chosen by the client), `removed` are deleted, `order` (when given) must list every
   * slide the deck then holds; `figures` take new values as typed and/or new labels (at least one of the two each);
   * `newFigures` are added whole (slides pasted from another deck bring theirs) — a key the deck already holds for the same
   * figure is left as it is, a key it holds for another figure is refused. All of it is checked first: on any error
   * nothing changes.
   */
  saveEdits: method(
    DeckId.extend({
      slides: z.array(SlideContent).max(LIMITS.slidesPerDeck).optional(),
      removed: z.array(z.string().min(1).max(64)).max(LIMITS.slidesPerDeck).optional(),
      order: z.array(z.string().min(1).max(64)).max(LIMITS.slidesPerDeck).optional(),
      figures: z.array(FigureEdit).max(LIMITS.figuresPerDeck).optional(),
      newFigures: z.array(Figure).max(LIMITS.figuresPerDeck).optional(),
      /** The deck's theme, when the editor changed it (one undoable step there, saved with the rest). */
      theme: Theme.optional(),
      /** Optional: the deck's `updatedAt` as the editor last knew it; a deck changed since elsewhere is not overwritten (CONFLICT). */
      expectedUpdatedAt: z.string().max(40).optional(),
    }).strict(),
    z.object({ order: z.array(z.string()), figures: z.array(Figure), updatedAt: z.string() }),
  ),

  listFigures: method(DeckId.strict(), z.object({ figures: z.array(Figure) })),
  updateFigure: method(
    DeckId.extend({
      key: z.string().min(1).max(64),
      /** The new value as the user typed it (“5.8”, “1,286.4”), so the shown decimals follow what was typed. */
      value: z.string().trim().min(1).max(40),
      label: z.string().max(LIMITS.labelChars).optional(),
      /** Optional: the figure's `updatedAt` as the caller last read it; a figure changed since is not overwritten (CONFLICT). */
      expectedUpdatedAt: z.string().max(40).optional(),
    }).strict(),
    Figure,
  ),
  figureHistory: method(DeckId.extend({ key: z.string().min(1).max(64) }).strict(), z.object({ changes: z.array(FigureChange) })),

  listRevisions: method(DeckId.strict(), z.object({ revisions: z.array(Revision) })),
  saveRevision: method(DeckId.extend({ label: z.string().trim().max(LIMITS.titleChars), auto: z.boolean().optional() }).strict(), Revision),
  /** Restores a version; the current state is first kept as an automatic version, so a restore can be undone. */
  restoreRevision: method(DeckId.extend({ revisionId: z.string().min(1).max(64) }).strict(), z.object({ deck: Deck, keptAs: Revision })),

  importReport: method(
    z.object({
      fileName: z.string().min(1).max(255),
      /** The file's bytes, base64 (JSON-safe across both hosts). */
      dataBase64: z.string().max(Math.ceil((LIMITS.reportBytes * 4) / 3) + 4),
      title: z.string().trim().max(LIMITS.titleChars).optional(),
    }).strict(),
    z.object({ deckId: z.string(), slides: z.number().int(), figures: z.number().int(), warnings: z.array(ImportWarning) }),
  ),
  dismissWarning: method(DeckId.extend({ warningId: z.string().min(1).max(64) }).strict(), Ok),

  /**
   * Adds an image (PNG, JPEG, WebP or GIF, recognised from its bytes) to a deck; stored once by its sha256. A picture
   * larger than DISPLAY_EDGE pixels comes with `display`, a copy at most that size made by the client (which decodes
   * every format natively): screens and exports show the copy, the store and bundles keep the picture whole.
   */
  addAsset: method(
    DeckId.extend({
      dataBase64: z.string().max(base64Max(FILE_LIMITS.assetBytes)),
      /** The type the caller believes the file has; it must agree with the bytes. */
      mime: z.string().min(1).max(100),
      caption: Asset.shape.caption.optional(),
      credit: Asset.shape.credit.optional(),
      display: z.object({ dataBase64: z.string().max(base64Max(FILE_LIMITS.displayBytes)), mime: z.string().min(1).max(100) }).strict().optional(),
    }).strict(),
    Asset,
  ),
  getAsset: method(DeckId.extend({ assetId: z.string().min(1).max(64) }).strict(), z.object({ asset: Asset, dataBase64: z.string() })),

  /**
   * The deck as a file: an editable PowerPoint (.pptx, hidden slides kept and marked hidden), a .huibao bundle for
   * another Huibao, a PDF (one page per shown slide; with `notes`, a handout with the speaker notes under each slide) or
   * one self-contained HTML file (without the speaker notes, for sending; with `notes`, carrying them for the presenter).
   */
  exportDeck: method(
    DeckId.extend({ format: ExportFormat, notes: z.boolean().optional() }).strict(),
    z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }),
  ),
  /** Opens a .huibao bundle as a new deck (never overwrites one); validated completely before anything is stored. */
  openBundle: method(
    z.object({ fileName: z.string().min(1).max(255), dataBase64: z.string().max(base64Max(FILE_LIMITS.bundleBytes)) }).strict(),
    z.object({ deckId: z.string(), slides: z.number().int(), figures: z.number().int() }),
  ),
} as const;

export type MethodName = keyof typeof methods;
export const METHOD_NAMES = Object.keys(methods) as MethodName[];
export type Args<M extends MethodName> = z.input<(typeof methods)[M]['args']>;
export type Result<M extends MethodName> = z.output<(typeof methods)[M]['result']>;

/** The whole contract as a TypeScript interface: one async function per method, one argument object each. */
export type DeckApi = { [M in MethodName]: (args: Args<M>) => Promise<Result<M>> };

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

function invalid(where: string, issues: z.core.$ZodIssue[]): ApiError {
  const detail = issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  return new ApiError('INVALID_ARGUMENT', `参数无效（${where}）：${detail}`, `Invalid ${where}: ${detail}`);
}

export function parseArgs<M extends MethodName>(name: M, args: unknown): z.output<(typeof methods)[M]['args']> {
  const r = methods[name].args.safeParse(args ?? {});
  if (!r.success) throw invalid(`${name} arguments`, r.error.issues);
  return wellFormedText(r.data) as z.output<(typeof methods)[M]['args']>;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * Every string in `value` as Unicode text: a lone surrogate (half an emoji from a broken paste, or a hostile file)
 * becomes U+FFFD, as browsers do when they encode text. UTF-8 (SQLite, JSON files) cannot hold one; stored as it
 * came, it would turn into invalid bytes that read back as three replacement characters. Strings are replaced in
 * place in the (freshly parsed) value, which is returned.
 */
export function wellFormedText<T>(value: T): T {
  if (typeof value === 'string') return (LONE_SURROGATE.test(value) ? value.replace(LONE_SURROGATES, '\uFFFD') : value) as T;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = wellFormedText(value[i]);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = wellFormedText(record[key]);
  }
  return value;
}

export function parseResult<M extends MethodName>(name: M, result: unknown): Result<M> {
  const r = methods[name].result.safeParse(result);
  if (!r.success) throw new ApiError('INTERNAL', `内部错误：${name} 返回了无效数据`, `Internal error: ${name} returned invalid data (${r.error.issues[0]?.message ?? ''})`);
  return r.data as Result<M>;
}

/** What travels over any host boundary: a result, or an error shape. */
export type Envelope = { ok: true; result: unknown } | { ok: false; error: ApiErrorShape };

/**
 * Runs a call on an implementation behind a host boundary: validates the arguments, calls, validates the result,
 * and turns every failure into an error envelope (never a stack trace, never a crash of the host).
 */
export async function dispatch(impl: DeckApi, name: string, args: unknown): Promise<Envelope> {
  try {
    if (!isMethodName(name)) throw new ApiError('UNKNOWN_METHOD', `未知的方法：${name.slice(0, 64)}`, `Unknown method: ${name.slice(0, 64)}`);
    const parsed = parseArgs(name, args);
    const result = await (impl[name] as (a: unknown) => Promise<unknown>)(parsed);
    return { ok: true, result: parseResult(name, result) };
  } catch (err) {
    return { ok: false, error: toErrorShape(err) };
  }
}

export function toErrorShape(err: unknown): ApiErrorShape {
  if (err instanceof ApiError) return err.toJSON();
  const text = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: { zh: `内部错误：${text}`, en: `Internal error: ${text}` } };
}

/**
 * Builds a typed DeckApi over any transport that carries a method name and arguments and returns an envelope.
 * Both clients (Electron preload, HTTP) use it, so the renderer cannot tell which host it talks to.
 */
export function createClient(transport: (name: MethodName, args: unknown) => Promise<unknown>): DeckApi {
  const api = {} as Record<MethodName, (args: unknown) => Promise<unknown>>;
  for (const name of METHOD_NAMES) {
    api[name] = async (args: unknown) => {
      const env = (await transport(name, args ?? {})) as Envelope;
      if (!env || typeof env !== 'object') throw new ApiError('INTERNAL', '主机返回了无效响应', 'The host returned an invalid response');
      if (!env.ok) {
        const shape = ApiErrorShape.safeParse(env.error);
        throw shape.success ? ApiError.from(shape.data) : new ApiError('INTERNAL', '主机返回了无效错误', 'The host returned an invalid error');
      }
      return parseResult(name, env.result);
    };
  }
  return api as unknown as DeckApi;
}
