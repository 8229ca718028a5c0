// What every part of the DeckService shares: the open store, the clock, and the reads and writes several parts need.
// Each part (decks.ts, slides.ts, figures.ts, …) is a function of this context returning its methods.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ApiError, type MethodName, type Result, type methods } from '../../common/api.ts';
import { withSections } from '../../common/deckOps.ts';
import { newId } from '../../common/ids.ts';
import type { Deck, DeckSummary, Figure, ImportWarning, Revision, Slide } from '../../common/model.ts';
import type { PdfPrinter } from '../export/pdf.ts';
import { findAppRoot } from '../paths.ts';
import { approvalOf } from './approval.ts';
import type { SlideContent, Store, StoredFigure } from '../store/index.ts';
import type { DeckRow } from '../store/deckRepository.ts';

export interface ServiceOptions {
  dbPath: string;
  now?: () => Date;
  /** Prints PDF exports; the system's Chromium through playwright-core unless a host has its own (Electron). */
  pdfPrinter?: PdfPrinter;
  /** Gets that printer ready ahead of an export (prepareExport), where a host keeps one ready for a run of exports. */
  pdfPrepare?: () => void;
  /** The renderer's build folder, which holds the HTML export's page; found from the app folder by default. */
  rendererDir?: string;
  /** The SQLite addon to load (OpenOptions.nativeBinding); the package's own build by default. */
  nativeBinding?: string;
}

/** Arguments as they are after validation (defaults applied, titles trimmed). */
export type Parsed<M extends MethodName> = z.output<(typeof methods)[M]['args']>;
/** A part of the service: some of the DeckApi's methods, each taking validated arguments. */
export type Methods<M extends MethodName> = { [K in M]: (args: Parsed<K>) => Result<K> | Promise<Result<K>> };

/** Automatic versions kept per deck (named versions are all kept). */
export const AUTO_REVISIONS_KEPT = 50;

export function notFound(what: { zh: string; en: string }, id: string): ApiError {
  return new ApiError('NOT_FOUND', `找不到${what.zh}：${id}`, `No such ${what.en}: ${id}`);
}

export function conflict(message: { zh: string; en: string }): ApiError {
  return new ApiError('CONFLICT', message.zh, message.en);
}

export function invalid(zh: string, en: string): ApiError {
  return new ApiError('INVALID_ARGUMENT', zh, en);
}

/** A deck's next `updatedAt`: never equal to the last one, so a stale writer is always caught, even within one millisecond. */
export function nextStamp(now: string, previous: string): string {
  return now > previous ? now : new Date(Date.parse(previous) + 1).toISOString();
}

/** Decodes base64 from a caller, refusing anything that is not base64. */
export function decodeBase64(text: string): Uint8Array {
  const base64 = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
    throw invalid('文件内容的编码无效（应为 base64）。', 'The file contents are not valid base64.');
  }
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** The version in the app's package.json, written into bundles so a reader knows who made them. */
export function appVersion(): string {
  try {
    const version = (JSON.parse(readFileSync(join(findAppRoot(), 'package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version.slice(0, 40) : 'unknown';
  } catch {
    return 'unknown';
  }
}

export function createContext(store: Store, opts: ServiceOptions) {
  const clock = opts.now ?? (() => new Date());
  const now = () => clock().toISOString();

  function requireDeck(deckId: string): DeckRow {
    const row = store.decks.get(deckId);
    if (!row) throw notFound({ zh: '演示稿', en: 'deck' }, deckId);
    return row;
  }

  function summary(deckId: string): DeckSummary {
    return { ...store.decks.summary(deckId)!, approval: approvalOf(store, deckId) };
  }

  function requireFigure(deckId: string, key: string): Figure {
    const f = store.figures.get(deckId, key);
    if (!f) throw notFound({ zh: '数字', en: 'figure' }, key);
    return f;
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
      approval: approvalOf(store, deckId),
    };
  }

  /** The titles of every deck, in the library and in the trash. */
  function takenTitles(): Set<string> {
    return new Set([...store.decks.list(false), ...store.decks.list(true)].map((d) => d.title));
  }

  // ---- writing (each caller wraps these in a transaction) ----

  function insertDeck(row: Omit<DeckRow, 'createdAt' | 'updatedAt' | 'deletedAt'>, slides: SlideContent[], figures: StoredFigure[]): void {
    const at = now();
    store.decks.insert({ ...row, createdAt: at, updatedAt: at, deletedAt: null });
    slides.forEach((s, i) => store.slides.insert(row.id, s, i));
    store.figures.insertAll(row.id, figures);
  }

  function saveSnapshot(deckId: string, label: string, auto: boolean): Revision {
    const snap = { slides: store.slides.list(deckId), figures: store.figures.list(deckId).map(({ display: _, ...f }) => f) };
    const revision = store.revisions.insert({ id: newId(), deckId, label, auto, createdAt: now() }, snap);
    // Automatic versions come every few minutes of editing: keep the recent ones, not a whole year of them.
    if (auto) store.revisions.pruneAuto(deckId, AUTO_REVISIONS_KEPT);
    return revision;
  }

  return { store, opts, now, requireDeck, summary, requireFigure, slidesOf, loadDeck, takenTitles, insertDeck, saveSnapshot };
}

export type ServiceContext = ReturnType<typeof createContext>;
