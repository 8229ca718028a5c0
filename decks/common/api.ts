// The DeckApi contract: every method the renderer (or any other client) may call on the core.
// Each host (Electron IPC, loopback HTTP) validates arguments with these schemas on the way in and
// results on the way out, so a bug or an attacker on one side cannot hand the other malformed data.
import { z } from 'zod';
import { Approval, Asset, Block, Deck, DeckSummary, Figure, FigureChange, FigureSource, ImportWarning, Layout, LIMITS, Revision, Slide, Theme } from './model.ts';
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
const Ok = z.object({ ok: z.literal(true) });

/** A partial slide: the fields an edit may change (the editor's `updateSlide` in deckOps). */
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
    /** Where the figure stands in the report: sent back by the editor when it undoes or redoes a refresh, which moves it. */
    source: FigureSource.nullable().optional(),
  })
  .strict()
  .refine((e) => e.value !== undefined || e.label !== undefined || e.source !== undefined, { message: 'value, label or source' });
export type FigureEdit = z.infer<typeof FigureEdit>;

// ---- Refresh from a revised report (用新版报告更新) ----

/** A figure as one version shows it: its value as written and the sentence it stands in. */
const FigureSide = z.object({ value: z.number(), display: z.string(), sentence: z.string() });
/** A piece of a paragraph's diff: text both versions share, or text only the old or only the revised one has. */
export const DiffPart = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });
export type DiffPart = z.infer<typeof DiffPart>;
const ItemBase = {
  /** Stable for the same deck and revised report: what `refreshApply` names to apply the item. */
  id: z.string().max(80),
  /** Whether applying it changes the deck; the others are for staff to act on by hand (a gone figure, a removed section). */
  applicable: z.boolean(),
  /** The slide that shows it now (or where it would go), to jump to; null when there is none. */
  slideId: z.string().nullable(),
};
/** One change between the report a deck was made from and a revised one. */
export const RefreshItem = z.discriminatedUnion('kind', [
  /** A figure whose value changed; `conflict` when staff changed it by hand since the import (then `current` differs from `imported`). */
  z.object({ kind: z.literal('figure-changed'), ...ItemBase, key: z.string(), label: z.string(), imported: FigureSide, current: FigureSide, revised: FigureSide, conflict: z.boolean() }),
  z.object({ kind: z.literal('figure-added'), ...ItemBase, label: z.string(), revised: FigureSide }),
  z.object({ kind: z.literal('figure-gone'), ...ItemBase, key: z.string(), label: z.string(), imported: FigureSide }),
  z.object({ kind: z.literal('paragraph-changed'), ...ItemBase, section: z.string(), diff: z.array(DiffPart) }),
  z.object({ kind: z.literal('paragraph-added'), ...ItemBase, section: z.string(), text: z.string() }),
  z.object({ kind: z.literal('paragraph-removed'), ...ItemBase, section: z.string(), text: z.string() }),
  z.object({ kind: z.literal('section-added'), ...ItemBase, title: z.string(), paragraphs: z.number().int() }),
  z.object({ kind: z.literal('section-removed'), ...ItemBase, title: z.string() }),
  z.object({ kind: z.literal('caption-added'), ...ItemBase, text: z.string() }),
  z.object({ kind: z.literal('caption-removed'), ...ItemBase, text: z.string() }),
]);
export type RefreshItem = z.infer<typeof RefreshItem>;
export const RefreshReview = z.object({ fileName: z.string(), items: z.array(RefreshItem) });
export type RefreshReview = z.infer<typeof RefreshReview>;
/** A revised report as sent: its file name and bytes (any format importReport reads). */
const RevisedReport = {
  fileName: z.string().min(1).max(255),
  dataBase64: z.string().max(Math.ceil((LIMITS.reportBytes * 4) / 3) + 4),
};

// ---- The pre-flight check (放映前检查) ----

/** What the pre-flight check lists (see decks/common/preflight.ts, which finds them). */
export const FINDING_KINDS = ['broken-ref', 'overflow', 'consistency', 'missing-photo', 'unconfirmed', 'figure-changed', 'import-warning', 'hidden', 'no-notes'] as const;
export const FindingKind = z.enum(FINDING_KINDS);
export type FindingKind = z.infer<typeof FindingKind>;
/** `block`: the audience would see something wrong; `warn`: look before presenting; `info`: worth knowing. */
export const Severity = z.enum(['block', 'warn', 'info']);
export type Severity = z.infer<typeof Severity>;
/** The obvious fixes a finding offers: confirm the figure, hide the slide, choose the missing picture. */
export const FindingFix = z.enum(['confirm', 'hide', 'picture']);
export type FindingFix = z.infer<typeof FindingFix>;
/** A place a finding names: a slide, a figure, the report sentence (each may be unknown). */
export const FindingPlace = z.object({ slideId: z.string().nullable(), figureKey: z.string().nullable(), sentence: z.string().nullable() });
export const PreflightFinding = z.object({
  /** Stable while the fault stays: a dismissal is stored by it. */
  id: z.string().max(200),
  kind: FindingKind,
  severity: Severity,
  message: z.object({ zh: z.string(), en: z.string() }),
  /** Where to jump: the slide, and the figure (in the 数据 panel), when there is one. */
  slideId: z.string().nullable(),
  figureKey: z.string().nullable(),
  /** Every place the finding names (a consistency finding names two: the slide or figure, and the report sentence). */
  places: z.array(FindingPlace),
  fixes: z.array(FindingFix),
  dismissed: z.boolean(),
});
export type PreflightFinding = z.infer<typeof PreflightFinding>;
export const PreflightResult = z.object({
  findings: z.array(PreflightFinding),
  /** Findings of severity `block` not dismissed: `huibao check` exits 1 when there are any. */
  blocking: z.number().int(),
  /** Whether overflow was measured: only a renderer can (it lays the slides out) and sends what it measured. */
  overflowMeasured: z.boolean(),
});
export type PreflightResult = z.infer<typeof PreflightResult>;

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

  /**
   * The editor's autosave: several slide and figure edits (and the theme) in one transaction. `slides` are written whole
   * (inserted when their id is new to the deck, ids chosen by the client), `removed` are deleted, `order` (when given) must list every
   * slide the deck then holds; `figures` take new values as typed, new labels and/or a place in the report;
   * `newFigures` are added whole (slides pasted from another deck bring theirs) — a key the deck already holds for the same
   * figure is left as it is, a key it holds for another figure is refused; `removedFigures` are dropped. All of it is
   * checked first: on any error nothing changes.
   */
  saveEdits: method(
    DeckId.extend({
      slides: z.array(SlideContent).max(LIMITS.slidesPerDeck).optional(),
      removed: z.array(z.string().min(1).max(64)).max(LIMITS.slidesPerDeck).optional(),
      order: z.array(z.string().min(1).max(64)).max(LIMITS.slidesPerDeck).optional(),
      figures: z.array(FigureEdit).max(LIMITS.figuresPerDeck).optional(),
      newFigures: z.array(Figure).max(LIMITS.figuresPerDeck).optional(),
      /** Figures the deck drops (those a refresh added, when the editor undoes it); refused while a slide still shows one. */
      removedFigures: z.array(z.string().min(1).max(64)).max(LIMITS.figuresPerDeck).optional(),
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

  /**
   * The pre-flight check: everything to look at before presenting or exporting. `overflowing` lists the slides whose
   * text the renderer measured as not fitting (the core cannot lay text out); without it overflow is not checked.
   */
  checkDeck: method(
    DeckId.extend({ overflowing: z.array(z.string().min(1).max(64)).max(LIMITS.slidesPerDeck).optional() }).strict(),
    PreflightResult,
  ),
  /** Marks figures as confirmed by a person (or, with `confirmed: false`, as not yet confirmed). Not an edit of the deck. */
  confirmFigures: method(
    DeckId.extend({ keys: z.array(z.string().min(1).max(64)).min(1).max(LIMITS.figuresPerDeck), confirmed: z.boolean().optional() }).strict(),
    z.object({ figures: z.array(Figure) }),
  ),
  /** Dismisses a pre-flight finding (or brings it back, `dismissed: false`); an import warning's is its dismissal too. */
  dismissFinding: method(DeckId.extend({ findingId: z.string().min(1).max(200), dismissed: z.boolean().optional() }).strict(), Ok),

  importReport: method(
    z.object({
      fileName: z.string().min(1).max(255),
      /** The file's bytes, base64 (JSON-safe across both hosts). */
      dataBase64: z.string().max(Math.ceil((LIMITS.reportBytes * 4) / 3) + 4),
      title: z.string().trim().max(LIMITS.titleChars).optional(),
    }).strict(),
    z.object({
      deckId: z.string(),
      slides: z.number().int(),
      figures: z.number().int(),
      warnings: z.array(ImportWarning),
      /** The consistency check's findings on the new deck (数据一致性), to look at before anything else. */
      consistency: z.array(PreflightFinding),
    }),
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
  /**
   * Gets an export ready before it is chosen (the export menu has opened): for a PDF, the host starts the browser or
   * window it prints with, so the export does not wait for it. `prepared` is false where the host has nothing to start
   * ahead (it prints with a browser started for each export).
   */
  prepareExport: method(z.object({ format: ExportFormat }).strict(), z.object({ prepared: z.boolean() })),
  /**
   * Opens a .huibao bundle as a new deck (never overwrites one); validated completely before anything is stored.
   * `approval` is the bundle's sign-off, if it carries one, with `current` telling whether its content still matches.
   */
  openBundle: method(
    z.object({ fileName: z.string().min(1).max(255), dataBase64: z.string().max(base64Max(FILE_LIMITS.bundleBytes)) }).strict(),
    z.object({ deckId: z.string(), slides: z.number().int(), figures: z.number().int(), approval: Approval.nullable().optional() }),
  ),

  /** What a revised report would change in a deck made from an earlier one: a review, nothing written. */
  refreshPreview: method(DeckId.extend(RevisedReport).strict(), RefreshReview),
  /**
   * Applies the review's items named in `accept` (ids from refreshPreview for the same file), in one transaction, after
   * keeping the deck as a named version. Staff's text edits, order, hidden slides, pictures and theme are kept.
   */
  refreshApply: method(
    DeckId.extend({
      ...RevisedReport,
      accept: z.array(z.string().min(1).max(80)).max(LIMITS.figuresPerDeck),
      expectedUpdatedAt: z.string().max(40).optional(),
    }).strict(),
    z.object({ deck: Deck, keptAs: Revision, applied: z.number().int() }),
  ),
  /** Signs the deck off (定稿) as it is now: the approver's name, the time and the SHA-256 of its content. */
  approveDeck: method(DeckId.extend({ approver: z.string().trim().min(1).max(100) }).strict(), Approval),
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
