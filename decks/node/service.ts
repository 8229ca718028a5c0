// The DeckService: the DeckApi implemented on the SQLite store, the report reader and the deck generator.
// Each method checks its arguments (so direct callers such as the CLI get the same errors as the hosts),
// runs its writes in one transaction, and turns SQLite failures into ApiErrors.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError, FILE_LIMITS, METHOD_NAMES, parseArgs, type DeckApi, type MethodName, type Result, type methods } from '../common/api.ts';
import { picturesShown } from '../common/audience.ts';
import { deleteSlides, duplicateSlides, insertSlide, moveSlides, parseFigureValue, withSections } from '../common/deckOps.ts';
import { sameFigure } from '../common/figures.ts';
import { newId } from '../common/ids.ts';
import { Deck, ImportWarning, LIMITS, type Asset, type DeckSummary, type Figure, type Revision, type Slide } from '../common/model.ts';
import { z } from 'zod';
import { BUNDLE_EXTENSION, BUNDLE_MIME, readBundle, writeBundle, type BundleContent } from './export/bundle.ts';
import { HTML_EXTENSION, HTML_MIME, writeHtml } from './export/html.ts';
import { PDF_EXTENSION, PDF_MIME, printHtmlToPdf, type PdfPrinter } from './export/pdf.ts';
import { PPTX_MIME, writePptx, type PptxImage } from './export/pptx.ts';
import { generateDeck } from './generate/index.ts';
import { DISPLAY_EDGE, isDisplayCopy, sniffImageMime, type ImageMime } from '../common/imageFormat.ts';
import { findAppRoot, rendererDir } from './paths.ts';
import { decodeReport, parseReport, readReportFile, type DecodedReport } from './report/index.ts';
import { openStore, SlideContent, StoredFigure, type Store } from './store/index.ts';
import type { DeckRow } from './store/deckRepository.ts';
import { fromSqliteError } from './store/sqliteErrors.ts';

export interface DeckService extends DeckApi {
  importDecodedReport(d: DecodedReport, title?: string): Promise<Result<'importReport'>>;
  close(): void;
}

/** Arguments as they are after validation (defaults applied, titles trimmed). */
type Parsed<M extends MethodName> = z.output<(typeof methods)[M]['args']>;
/** The methods that only touch the store, run synchronously (better-sqlite3 is synchronous). */
type StoreMethods = { [M in Exclude<MethodName, 'importReport' | 'exportDeck'>]: (args: Parsed<M>) => Result<M> };

// ensureSampleDeck needs to know whether a database has *ever* held a deck, which the DeckApi does not expose.
const storeOf = new WeakMap<DeckService, Store>();

const RESTORE_LABEL = '恢复前自动保存';
/** Automatic versions kept per deck (named versions are all kept). */
export const AUTO_REVISIONS_KEPT = 50;

/** What the generator must hand over; checked before anything is stored, so a generator bug cannot store bad data. */
const GeneratedContent = z.object({
  title: Deck.shape.title,
  subtitle: Deck.shape.subtitle,
  slides: z.array(SlideContent).max(LIMITS.slidesPerDeck),
  figures: z.array(StoredFigure.omit({ updatedAt: true })).max(LIMITS.figuresPerDeck),
  warnings: z.array(ImportWarning),
});

function notFound(what: { zh: string; en: string }, id: string): ApiError {
  return new ApiError('NOT_FOUND', `找不到${what.zh}：${id}`, `No such ${what.en}: ${id}`);
}

const SLIDE_CONFLICT = {
  zh: '此幻灯片已在别处被修改（另一个窗口或程序），本次更改未保存。请重新载入后再编辑。',
  en: 'This slide was changed elsewhere (another window or program); your change was not saved. Reload it and edit again.',
};
const FIGURE_CONFLICT = {
  zh: '此数字已在别处被修改（另一个窗口或程序），本次更改未保存。请重新载入后再编辑。',
  en: 'This figure was changed elsewhere (another window or program); your change was not saved. Reload it and edit again.',
};

const DECK_CONFLICT = {
  zh: '此演示稿已在别处被修改（另一个窗口或程序），本次更改未保存。请重新打开演示稿后再编辑。',
  en: 'This deck was changed elsewhere (another window or program); your change was not saved. Open the deck again and edit.',
};

/** A deck's next `updatedAt`: never equal to the last one, so a stale writer is always caught, even within one millisecond. */
function nextStamp(now: string, previous: string): string {
  return now > previous ? now : new Date(Date.parse(previous) + 1).toISOString();
}

function conflict(message: { zh: string; en: string }): ApiError {
  return new ApiError('CONFLICT', message.zh, message.en);
}

function invalid(zh: string, en: string): ApiError {
  return new ApiError('INVALID_ARGUMENT', zh, en);
}

/** Decodes base64 from a caller, refusing anything that is not base64. */
function decodeBase64(text: string): Uint8Array {
  const base64 = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
    throw invalid('文件内容的编码无效（应为 base64）。', 'The file contents are not valid base64.');
  }
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** The version in the app's package.json, written into bundles so a reader knows who made them. */
function appVersion(): string {
  try {
    const version = (JSON.parse(readFileSync(join(findAppRoot(), 'package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version.slice(0, 40) : 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The title for a copy of a deck (a duplicate, a bundle opened again): the title itself while no deck has it, else
 * “title（副本）”, then “title（副本 2）”, “title（副本 3）” … — never two decks of the same name from copying.
 */
export function titleOfCopy(title: string, taken: ReadonlySet<string>): string {
  if (!taken.has(title)) return title;
  // A copy of a copy counts on from the original's name: “title（副本 2）”, not “title（副本）（副本）”.
  const base = title.replace(/（副本(?: \d+)?）$/, '') || title;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '（副本）' : `（副本 ${n}）`;
    const candidate = base.slice(0, LIMITS.titleChars - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A file name made from a deck title: no path separators, reserved or control characters; never empty. */
export function exportFileName(title: string, extension: string): string {
  const base = title.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+|\.+$/g, '').slice(0, 80).trim();
  return (base || 'huibao') + extension;
}

const MIME_NAMES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'image/x-png': 'image/png' };

interface CheckedImage {
  id: string;
  mime: ImageMime;
  bytes: Uint8Array;
}

/** An image file as sent: decoded, within `limit`, a raster format recognised from its bytes that agrees with `mime`. */
function checkedImage(dataBase64: string, mime: string, limit: number): CheckedImage {
  const bytes = decodeBase64(dataBase64);
  if (bytes.length === 0) throw invalid('图片文件是空的。', 'The image file is empty.');
  if (bytes.length > limit) {
    const max = limit / 1024 / 1024;
    throw invalid(`图片过大（最多 ${max} MB）。`, `The image is too large (at most ${max} MB).`);
  }
  const sniffed = sniffImageMime(bytes);
  if (!sniffed) {
    throw invalid(
      '只能添加 PNG、JPEG、WebP 或 GIF 图片（SVG 等其他格式可能含有脚本，不予接受）。',
      'Only PNG, JPEG, WebP or GIF images can be added (SVG and other formats may carry script and are refused).',
    );
  }
  const declared = mime.trim().toLowerCase();
  if ((MIME_NAMES[declared] ?? declared) !== sniffed) {
    throw invalid(`文件内容是 ${sniffed}，与声明的类型 ${mime.slice(0, 60)} 不符。`, `The file holds ${sniffed}, not the declared ${mime.slice(0, 60)}.`);
  }
  return { id: createHash('sha256').update(bytes).digest('hex'), mime: sniffed, bytes };
}

function checkDisplayCopy(picture: CheckedImage, copy: CheckedImage): void {
  if (!isDisplayCopy(picture, copy)) {
    throw invalid(
      `显示用的图片副本无效：应小于原图，且长边不超过 ${DISPLAY_EDGE} 像素。`,
      `The display copy of the picture is not valid: it must be smaller than the picture and at most ${DISPLAY_EDGE} pixels on its longer side.`,
    );
  }
}

export interface ServiceOptions {
  dbPath: string;
  now?: () => Date;
  /** Prints PDF exports; the system's Chromium through playwright-core unless a host has its own (Electron). */
  pdfPrinter?: PdfPrinter;
  /** The renderer's build folder, which holds the HTML export's page; found from the app folder by default. */
  rendererDir?: string;
  /** The SQLite addon to load (OpenOptions.nativeBinding); the package's own build by default. */
  nativeBinding?: string;
}

export function createService(opts: ServiceOptions): DeckService {
  const store = openStore(opts.dbPath, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  const clock = opts.now ?? (() => new Date());
  const now = () => clock().toISOString();

  // ---- reading ----

  function requireDeck(deckId: string): DeckRow {
    const row = store.decks.get(deckId);
    if (!row) throw notFound({ zh: '演示稿', en: 'deck' }, deckId);
    return row;
  }

  function summary(deckId: string): DeckSummary {
    return store.decks.summary(deckId)!;
  }

  function requireFigure(deckId: string, key: string): Figure {
    const f = store.figures.get(deckId, key);
    if (!f) throw notFound({ zh: '数字', en: 'figure' }, key);
    return f;
  }

  /** Figures a save adds, by key: those the deck lacks. A key it holds for a different figure is refused. */
  function addedFigures(deckId: string, figures: readonly Figure[]): Map<string, Figure> {
    const added = new Map<string, Figure>();
    for (const f of figures) {
      const mine = store.figures.get(deckId, f.key);
      if (mine && sameFigure(mine, f)) continue;
      if (mine || added.has(f.key)) throw invalid(`数字的键已被占用：${f.key}`, `The figure key is taken: ${f.key}`);
      added.set(f.key, f);
    }
    if (added.size > 0 && store.figures.list(deckId).length + added.size > LIMITS.figuresPerDeck) {
      throw invalid(`一个演示稿最多 ${LIMITS.figuresPerDeck} 个数字`, `A deck holds at most ${LIMITS.figuresPerDeck} figures`);
    }
    return added;
  }

  function slidesOf(deckId: string): Slide[] {
    return withSections(store.slides.list(deckId));
  }

  function warningsOf(row: DeckRow, slideIds: Set<string>): ImportWarning[] {
    if (row.reportId === null) return [];
    const dismissed = store.reports.dismissed(row.id);
    return store.reports.warnings(row.reportId).map((w) => ({
      ...w,
      slideId: w.slideId !== null && slideIds.has(w.slideId) ? w.slideId : null,
      dismissed: dismissed.has(w.id),
    }));
  }

  function loadDeck(deckId: string): Deck {
    const row = requireDeck(deckId);
    const slides = slidesOf(deckId);
    return {
      ...row,
      sections: slides.filter((s) => s.layout === 'section').map((s) => ({ id: s.id, title: s.title })),
      slides,
      figures: store.figures.list(deckId),
      assets: store.assets.list(deckId),
      warnings: warningsOf(row, new Set(slides.map((s) => s.id))),
    };
  }

  function slideWithSection(deckId: string, slideId: string): Slide {
    return slidesOf(deckId).find((s) => s.id === slideId)!;
  }

  // ---- writing (each caller wraps these in a transaction) ----

  function saveSnapshot(deckId: string, label: string, auto: boolean): Revision {
    const snap = { slides: store.slides.list(deckId), figures: store.figures.list(deckId).map(({ display: _, ...f }) => f) };
    const revision = store.revisions.insert({ id: newId(), deckId, label, auto, createdAt: now() }, snap);
    // Automatic versions come every few minutes of editing: keep the recent ones, not a whole year of them.
    if (auto) store.revisions.pruneAuto(deckId, AUTO_REVISIONS_KEPT);
    return revision;
  }

  /** The titles of every deck, in the library and in the trash. */
  function takenTitles(): Set<string> {
    return new Set([...store.decks.list(false), ...store.decks.list(true)].map((d) => d.title));
  }

  function checkSlideCount(deckId: string, adding: number): void {
    if (store.slides.order(deckId).length + adding > LIMITS.slidesPerDeck) {
      throw invalid(`一个演示稿最多 ${LIMITS.slidesPerDeck} 张幻灯片`, `A deck holds at most ${LIMITS.slidesPerDeck} slides`);
    }
  }

  function insertDeck(row: Omit<DeckRow, 'createdAt' | 'updatedAt' | 'deletedAt'>, slides: SlideContent[], figures: StoredFigure[]): void {
    const at = now();
    store.decks.insert({ ...row, createdAt: at, updatedAt: at, deletedAt: null });
    slides.forEach((s, i) => store.slides.insert(row.id, s, i));
    store.figures.insertAll(row.id, figures);
  }

  const impl: StoreMethods = {
    listDecks: ({ trash }) => ({ decks: store.decks.list(trash === true) }),

    getDeck: ({ deckId }) => loadDeck(deckId),

    createDeck({ title, theme }) {
      const id = newId();
      const first: SlideContent = { id: newId(), layout: 'title', title, blocks: [], notes: '', hidden: false };
      store.transaction(() => insertDeck({ id, title, subtitle: '', theme: theme ?? 'official', reportId: null }, [first], []));
      return loadDeck(id);
    },

    renameDeck({ deckId, title }) {
      store.transaction(() => {
        const row = requireDeck(deckId);
        const at = nextStamp(now(), row.updatedAt);
        store.decks.rename(deckId, title, at);
        // The cover follows the deck's name, unless its title was edited by hand (it no longer reads the old name).
        const cover = store.slides.list(deckId)[0];
        if (cover && cover.layout === 'title' && cover.title === row.title) store.slides.update(deckId, { ...cover, title });
      });
      return summary(deckId);
    },

    setTheme({ deckId, theme }) {
      requireDeck(deckId);
      store.decks.setTheme(deckId, theme, now());
      return summary(deckId);
    },

    duplicateDeck({ deckId, title }) {
      const source = requireDeck(deckId);
      const id = newId();
      const copyTitle = title ?? titleOfCopy(source.title, takenTitles());
      store.transaction(() => {
        insertDeck({ id, title: copyTitle, subtitle: source.subtitle, theme: source.theme, reportId: source.reportId }, [], []);
        store.slides.copyDeck(deckId, id);
        store.figures.copyDeck(deckId, id);
        store.assets.copyLinks(deckId, id);
        store.reports.copyDismissed(deckId, id);
      });
      return loadDeck(id);
    },

    deleteDeck({ deckId }) {
      const row = requireDeck(deckId);
      if (row.deletedAt === null) store.decks.setDeleted(deckId, now());
      return { ok: true };
    },

    restoreDeck({ deckId }) {
      requireDeck(deckId);
      store.decks.setDeleted(deckId, null);
      return summary(deckId);
    },

    purgeDeck({ deckId }) {
      const row = requireDeck(deckId);
      if (row.deletedAt === null) {
        throw invalid('只能永久删除回收站中的演示稿，请先将其移到回收站。', 'Only a deck in the trash can be deleted for good; move it to the trash first.');
      }
      store.transaction(() => store.decks.purge(deckId));
      return { ok: true };
    },

    addSlide({ deckId, afterSlideId, layout, title, blocks, notes }) {
      requireDeck(deckId);
      const slide: SlideContent = { id: newId(), layout, title: title ?? '', blocks: blocks ?? [], notes: notes ?? '', hidden: false };
      store.transaction(() => {
        checkSlideCount(deckId, 1);
        const order = store.slides.order(deckId);
        const next = insertSlide(order, slide.id, afterSlideId);
        store.slides.insert(deckId, slide, order.length);
        store.slides.writeOrder(deckId, next);
        store.decks.touch(deckId, now());
      });
      return slideWithSection(deckId, slide.id);
    },

    updateSlide({ deckId, slideId, patch, expectedUpdatedAt }) {
      // Only the fields given: a key present with `undefined` (possible in direct calls) leaves the field as it is.
      const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      // Read, check and write in one transaction: another host on the same file cannot slip a write in between.
      store.transaction(() => {
        const row = requireDeck(deckId);
        const current = store.slides.get(deckId, slideId);
        if (!current) throw notFound({ zh: '幻灯片', en: 'slide' }, slideId);
        if (expectedUpdatedAt !== undefined && row.updatedAt !== expectedUpdatedAt) throw conflict(SLIDE_CONFLICT);
        store.slides.update(deckId, { ...current, ...changes });
        store.decks.touch(deckId, now());
      });
      return slideWithSection(deckId, slideId);
    },

    moveSlides({ deckId, slideIds, afterSlideId }) {
      requireDeck(deckId);
      return store.transaction(() => {
        const order = moveSlides(store.slides.order(deckId), slideIds, afterSlideId);
        store.slides.writeOrder(deckId, order);
        store.decks.touch(deckId, now());
        return { order };
      });
    },

    deleteSlides({ deckId, slideIds }) {
      requireDeck(deckId);
      return store.transaction(() => {
        const order = deleteSlides(store.slides.order(deckId), slideIds);
        store.slides.remove(deckId, slideIds);
        store.slides.writeOrder(deckId, order);
        store.decks.touch(deckId, now());
        return { order };
      });
    },

    duplicateSlides({ deckId, slideIds }) {
      requireDeck(deckId);
      const { order, copies } = store.transaction(() => {
        const current = store.slides.order(deckId);
        const result = duplicateSlides(current, slideIds, () => newId());
        checkSlideCount(deckId, result.copies.length);
        result.copies.forEach((c, i) => store.slides.insert(deckId, { ...store.slides.get(deckId, c.from)!, id: c.id }, current.length + i));
        store.slides.writeOrder(deckId, result.order);
        store.decks.touch(deckId, now());
        return result;
      });
      const all = new Map(slidesOf(deckId).map((s) => [s.id, s]));
      return { slides: copies.map((c) => all.get(c.id)!), order };
    },

    saveEdits({ deckId, slides = [], removed = [], order, figures = [], newFigures = [], theme, expectedUpdatedAt }) {
      requireDeck(deckId);
      // Everything is checked before the first write; the transaction then rolls back only on a storage failure.
      const figuresAdded = addedFigures(deckId, newFigures);
      const typedFigures = figures.map((f) => {
        const before = figuresAdded.get(f.key) ?? requireFigure(deckId, f.key);
        const typed = f.value === undefined ? { value: before.value, decimals: before.decimals, grouped: before.grouped } : parseFigureValue(f.value);
        return { before, typed: { ...typed, label: f.label ?? before.label } };
      });
      const written = new Set<string>();
      for (const s of slides) {
        if (written.has(s.id)) throw invalid(`幻灯片重复：${s.id}`, `Slide given twice: ${s.id}`);
        written.add(s.id);
      }
      return store.transaction(() => {
        const row = requireDeck(deckId);
        if (expectedUpdatedAt !== undefined && row.updatedAt !== expectedUpdatedAt) throw conflict(DECK_CONFLICT);
        const current = store.slides.order(deckId);
        const present = new Set(current);
        const gone = new Set(removed);
        const missing = removed.filter((id) => !present.has(id));
        if (missing.length > 0) throw notFound({ zh: '幻灯片', en: 'slide' }, missing.slice(0, 3).join(', '));
        if (slides.some((s) => gone.has(s.id))) throw invalid('同一张幻灯片不能既保存又删除', 'A slide cannot be both saved and removed');
        const added = slides.filter((s) => !present.has(s.id));
        const after = [...current.filter((id) => !gone.has(id)), ...added.map((s) => s.id)];
        let next = after;
        if (order) {
          const expected = new Set(after);
          if (order.length !== after.length || new Set(order).size !== order.length || order.some((id) => !expected.has(id))) {
            throw invalid('幻灯片顺序必须恰好列出每张幻灯片一次', 'The slide order must list every slide exactly once');
          }
          next = order;
        }
        if (next.length > LIMITS.slidesPerDeck) {
          throw invalid(`一个演示稿最多 ${LIMITS.slidesPerDeck} 张幻灯片`, `A deck holds at most ${LIMITS.slidesPerDeck} slides`);
        }
        const at = nextStamp(now(), row.updatedAt);
        store.figures.insertAll(deckId, [...figuresAdded.values()].map(({ display: _, ...f }) => f));
        store.slides.remove(deckId, removed);
        added.forEach((s, i) => store.slides.insert(deckId, s, current.length + i));
        for (const s of slides) if (present.has(s.id)) store.slides.update(deckId, s);
        if (removed.length > 0 || added.length > 0 || order) store.slides.writeOrder(deckId, next);
        for (const { before, typed } of typedFigures) store.figures.setValue(deckId, before, typed, at);
        if (theme !== undefined) store.decks.setTheme(deckId, theme, at);
        store.decks.touch(deckId, at);
        return { order: next, figures: typedFigures.map(({ before }) => requireFigure(deckId, before.key)), updatedAt: at };
      });
    },

    listFigures({ deckId }) {
      requireDeck(deckId);
      return { figures: store.figures.list(deckId) };
    },

    updateFigure({ deckId, key, value, label, expectedUpdatedAt }) {
      store.transaction(() => {
        requireDeck(deckId);
        const before = requireFigure(deckId, key);
        const typed = parseFigureValue(value);
        if (expectedUpdatedAt !== undefined && before.updatedAt !== expectedUpdatedAt) throw conflict(FIGURE_CONFLICT);
        const at = now();
        store.figures.setValue(deckId, before, { ...typed, label: label ?? before.label }, at);
        store.decks.touch(deckId, at);
      });
      return requireFigure(deckId, key);
    },

    figureHistory({ deckId, key }) {
      requireDeck(deckId);
      requireFigure(deckId, key);
      return { changes: store.figures.history(deckId, key) };
    },

    listRevisions({ deckId }) {
      requireDeck(deckId);
      return { revisions: store.revisions.list(deckId) };
    },

    saveRevision({ deckId, label, auto }) {
      requireDeck(deckId);
      return store.transaction(() => saveSnapshot(deckId, label, auto === true));
    },

    restoreRevision({ deckId, revisionId }) {
      requireDeck(deckId);
      const snap = store.revisions.snapshot(deckId, revisionId);
      if (!snap) throw notFound({ zh: '版本', en: 'revision' }, revisionId);
      const keptAs = store.transaction(() => {
        const kept = saveSnapshot(deckId, RESTORE_LABEL, true);
        const at = now();
        store.slides.replaceAll(deckId, snap.slides);
        store.figures.replaceAll(deckId, snap.figures, at);
        store.decks.touch(deckId, at);
        return kept;
      });
      return { deck: loadDeck(deckId), keptAs };
    },

    dismissWarning({ deckId, warningId }) {
      const row = requireDeck(deckId);
      const known = row.reportId !== null && store.reports.warnings(row.reportId).some((w) => w.id === warningId);
      if (!known) throw notFound({ zh: '提示', en: 'warning' }, warningId);
      store.reports.dismiss(deckId, warningId);
      return { ok: true };
    },

    addAsset({ deckId, dataBase64, mime, caption, credit, display }) {
      requireDeck(deckId);
      const picture = checkedImage(dataBase64, mime, FILE_LIMITS.assetBytes);
      const copy = display && checkedImage(display.dataBase64, display.mime, FILE_LIMITS.displayBytes);
      if (copy) checkDisplayCopy(picture, copy);
      // The deck's `updatedAt` stays: a stored picture changes nothing shown until a slide uses it (an edit, which an
      // editor saving from its last known state must not find refused as a conflict).
      store.transaction(() => {
        store.assets.add(deckId, { id: picture.id, mime: picture.mime, caption: caption ?? '', credit: credit ?? '', bytes: picture.bytes.length }, picture.bytes);
        if (copy) {
          store.assets.add(deckId, { id: copy.id, mime: copy.mime, caption: '', credit: '', bytes: copy.bytes.length }, copy.bytes);
          store.assets.setDisplay(deckId, picture.id, copy.id);
        }
      });
      return store.assets.get(deckId, picture.id)!;
    },

    getAsset({ deckId, assetId }) {
      requireDeck(deckId);
      const asset = store.assets.get(deckId, assetId);
      const data = asset && store.assets.data(asset.id);
      if (!asset || !data) throw notFound({ zh: '图片', en: 'image' }, assetId);
      return { asset, dataBase64: Buffer.from(data).toString('base64') };
    },

    openBundle({ dataBase64 }) {
      // Everything is read and checked first; only a bundle that passed every check reaches the transaction.
      const { deck, assets } = readBundle(decodeBase64(dataBase64));
      const deckId = newId();
      store.transaction(() => {
        insertDeck({ id: deckId, title: titleOfCopy(deck.title, takenTitles()), subtitle: deck.subtitle, theme: deck.theme, reportId: null }, deck.slides, deck.figures);
        store.figures.insertHistory(deckId, deck.figureHistory);
        for (const a of assets) store.assets.add(deckId, a.asset, a.bytes);
        for (const a of assets) if (a.asset.displayId) store.assets.setDisplay(deckId, a.asset.id, a.asset.displayId);
      });
      return { deckId, slides: deck.slides.length, figures: deck.figures.length };
    },
  };

  /** What a bundle carries: the deck as stored (without derived fields), its figure history and its images. */
  function bundleContent(deckId: string): BundleContent {
    const row = requireDeck(deckId);
    const assets = store.assets.list(deckId);
    return {
      deck: {
        title: row.title,
        subtitle: row.subtitle,
        theme: row.theme,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        slides: store.slides.list(deckId),
        figures: store.figures.list(deckId).map(({ display: _, ...f }) => f),
        figureHistory: store.figures.allHistory(deckId),
        assets,
      },
      assets: assets.map((asset) => ({ asset, bytes: store.assets.data(asset.id)! })),
    };
  }

  /** The bytes shown for each picture the slides use: its display copy when it has one (see addAsset). */
  function shownImages(deck: Deck): Map<string, PptxImage> {
    const byId = new Map(deck.assets.map((a: Asset) => [a.id, a]));
    const images = new Map<string, PptxImage>();
    for (const id of picturesShown(deck.slides)) {
      const asset = byId.get(id);
      if (!asset) continue;
      const shown = (asset.displayId && byId.get(asset.displayId)) || asset;
      const bytes = store.assets.data(shown.id);
      if (bytes) images.set(id, { mime: shown.mime, bytes });
    }
    return images;
  }

  async function exportDeck({ deckId, format, notes }: Parsed<'exportDeck'>): Promise<Result<'exportDeck'>> {
    if (format === 'html' || format === 'pdf') {
      // PDF is the HTML export printed: one rendering of slides for the screen, the file and the paper.
      const deck = loadDeck(deckId);
      const withNotes = notes === true;
      const html = writeHtml(deck, shownImages(deck), opts.rendererDir ?? rendererDir(findAppRoot()), { notes: withNotes });
      if (format === 'html') {
        const name = exportFileName(deck.title, withNotes ? `（含备注）${HTML_EXTENSION}` : HTML_EXTENSION);
        return { fileName: name, mime: HTML_MIME, dataBase64: Buffer.from(html, 'utf8').toString('base64') };
      }
      const bytes = await printHtmlToPdf(html, withNotes ? 'handout' : 'slides', opts.pdfPrinter);
      return { fileName: exportFileName(deck.title, withNotes ? `（讲义）${PDF_EXTENSION}` : PDF_EXTENSION), mime: PDF_MIME, dataBase64: Buffer.from(bytes).toString('base64') };
    }
    if (format === 'huibao') {
      const content = bundleContent(deckId);
      const bytes = writeBundle(content, { appVersion: appVersion(), createdAt: now() });
      return { fileName: exportFileName(content.deck.title, BUNDLE_EXTENSION), mime: BUNDLE_MIME, dataBase64: Buffer.from(bytes).toString('base64') };
    }
    const deck = loadDeck(deckId);
    const bytes = await writePptx(deck, shownImages(deck));
    return { fileName: exportFileName(deck.title, '.pptx'), mime: PPTX_MIME, dataBase64: Buffer.from(bytes).toString('base64') };
  }

  async function importDecodedReport(d: DecodedReport, title?: string): Promise<Result<'importReport'>> {
    const deck = generateDeck(parseReport(d), title ? { title } : undefined);
    // A report can be valid text and still make more than a deck may hold: say so plainly, not as an internal error.
    if (deck.slides.length > LIMITS.slidesPerDeck || deck.figures.length > LIMITS.figuresPerDeck) {
      throw new ApiError(
        'REPORT_TOO_LARGE',
        `报告内容过多：生成了 ${deck.slides.length} 张幻灯片、${deck.figures.length} 个数据（上限 ${LIMITS.slidesPerDeck} 张、${LIMITS.figuresPerDeck} 个）。请拆分报告后分别导入。`,
        `The report holds too much: it made ${deck.slides.length} slides and ${deck.figures.length} figures (at most ${LIMITS.slidesPerDeck} and ${LIMITS.figuresPerDeck}). Split the report and import the parts.`,
      );
    }
    const checked = GeneratedContent.safeParse(deck);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const where = `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`;
      throw new ApiError('INTERNAL', `内部错误：生成的演示稿无效（${where}）`, `Internal error: the generated deck is invalid (${where})`);
    }
    const generated = checked.data;
    const deckId = newId();
    const at = now();
    store.transaction(() => {
      const reportId = newId();
      store.reports.insert({
        id: reportId,
        fileName: d.fileName,
        encoding: d.encoding,
        format: d.format,
        sha256: d.sha256,
        text: d.text,
        warnings: generated.warnings,
        importedAt: at,
      });
      const figures = generated.figures.map((f) => ({ ...f, updatedAt: at }));
      insertDeck({ id: deckId, title: generated.title, subtitle: generated.subtitle, theme: 'official', reportId }, generated.slides, figures);
    });
    return { deckId, slides: generated.slides.length, figures: generated.figures.length, warnings: generated.warnings };
  }

  async function importReport(args: Parsed<'importReport'>): Promise<Result<'importReport'>> {
    const decoded = await decodeReport(decodeBase64(args.dataBase64), args.fileName);
    return importDecodedReport(decoded, args.title || undefined);
  }

  const api = {} as Record<MethodName, (args: unknown) => Promise<unknown>>;
  for (const name of METHOD_NAMES) {
    const run = (name === 'importReport' ? importReport : name === 'exportDeck' ? exportDeck : impl[name]) as (a: unknown) => unknown;
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
