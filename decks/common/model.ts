// The domain model of Huibao: plain data, shared by the core, both hosts and the renderer.
// Schemas (zod) are the single source of truth; the TypeScript types are inferred from them,
// so what the hosts validate at run time is exactly what the code type-checks against.
import { z } from 'zod';
import { LIMITS } from './limits.ts';

/** Slide layouts. `section` slides open a section (a pillar of the report); `chart` slides show a chart of figures. */
export const LAYOUTS = ['title', 'figures', 'agenda', 'section', 'points', 'image', 'quote', 'closing', 'chart'] as const;
export const Layout = z.enum(LAYOUTS);
export type Layout = z.infer<typeof Layout>;

export const THEMES = ['official', 'light', 'contrast'] as const;
export const Theme = z.enum(THEMES);
export type Theme = z.infer<typeof Theme>;

/** Upper bounds on what a deck may hold: keep hostile input from exhausting memory or disk. */
export { LIMITS } from './limits.ts';

const Id = z.string().min(1).max(64);
const TableCell = z.string().max(LIMITS.labelChars * 2);
const FigureKey = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/);

/** Chart kinds: grouped columns or bars, a line, a ranking (bars in order, a progress bar for shares), a pie of shares. */
export const CHART_KINDS = ['column', 'bar', 'line', 'ranking', 'pie'] as const;
export const ChartKind = z.enum(CHART_KINDS);
export type ChartKind = z.infer<typeof ChartKind>;

/**
 * One value of a chart: a reference to a figure of the deck (the chart shows its current value, as text does), or a
 * value typed by hand where the report gives none (last year's, say), which the chart marks as entered by hand.
 */
export const ChartPoint = z.union([z.object({ fig: FigureKey }).strict(), z.object({ value: z.number().finite() }).strict()]);
export type ChartPoint = z.infer<typeof ChartPoint>;

export const ChartSeries = z.object({
  name: z.string().max(LIMITS.labelChars),
  /** One point a category, in the categories' order; null where the series has no value. */
  points: z.array(ChartPoint.nullable()).max(LIMITS.chartCategories),
});
export type ChartSeries = z.infer<typeof ChartSeries>;

/**
 * Inline text of a slide or note. Numbers that a figure owns are never copied into text:
 * the text holds a reference `{fig:KEY}` and the renderer shows the figure's current value.
 */
export { FIGURE_REF } from './figures.ts'; // defined there, so the show's page draws slides without loading zod

/**
 * Emphasis (Ctrl+B) in inline text: `{em}…{/em}` around the emphasised part. Markers, never markup: the themes show
 * it (bold in the theme's accent), the PPTX has bold runs. An unclosed `{em}` runs to the end of the text; a stray
 * `{/em}` means nothing.
 */
export const EMPHASIS_OPEN = '{em}';
export const EMPHASIS_CLOSE = '{/em}';
/** Every piece of inline text that is one unit: a figure reference, an emphasis marker, or one character. */
export const INLINE_TOKEN = /\{fig:[A-Za-z0-9_.-]{1,64}\}|\{em\}|\{\/em\}|[\s\S]/gu;

export const Block = z.discriminatedUnion('kind', [
  /** A bullet point; `level` 0 is top level, 1..3 are indents. */
  z.object({ kind: z.literal('bullet'), text: z.string().max(LIMITS.textChars), level: z.number().int().min(0).max(3) }),
  /** Free text (a subtitle, a byline, a quote). */
  z.object({ kind: z.literal('text'), text: z.string().max(LIMITS.textChars), role: z.enum(['subtitle', 'byline', 'date', 'body', 'quote']) }),
  /** A figure callout: the big number with its label. */
  z.object({ kind: z.literal('figure'), key: z.string().min(1).max(64), caption: z.string().max(LIMITS.labelChars).optional() }),
  /** An image, or a placeholder for one (assetId null) carrying the report's caption and credit. */
  z.object({
    kind: z.literal('image'),
    assetId: z.string().max(64).nullable(),
    caption: z.string().max(LIMITS.labelChars * 2),
    credit: z.string().max(LIMITS.labelChars * 2),
    /** How the picture meets its frame (absent: `fit`, as decks made before the choice existed show it). */
    fit: z.enum(['fit', 'fill']).optional(),
    /** With `fill`: the point of the picture kept in view when it is cropped, 0..1 from the left and top (absent: the centre). */
    focus: z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).optional(),
  }),
  /** A table from the report: a header row and body rows of cell text (cells may hold figure references). */
  z.object({
    kind: z.literal('table'),
    header: z.array(TableCell).min(1).max(LIMITS.tableColumns),
    rows: z.array(z.array(TableCell).max(LIMITS.tableColumns)).max(LIMITS.tableRows),
  }),
  /** A chart of figures (see charts.ts): categories along one axis, one or more series of points. */
  z.object({
    kind: z.literal('chart'),
    chart: ChartKind,
    /** A line over the chart (may be empty: the slide's title usually says it). */
    title: z.string().max(LIMITS.labelChars),
    categories: z.array(z.string().max(LIMITS.labelChars)).min(1).max(LIMITS.chartCategories),
    series: z.array(ChartSeries).min(1).max(LIMITS.chartSeries),
    legend: z.boolean(),
    /** Which of the theme's chart colours the first series takes (the others follow in the theme's order). */
    color: z.number().int().min(0).max(5),
  }),
]);
export type Block = z.infer<typeof Block>;
export type ImageBlock = Extract<Block, { kind: 'image' }>;
export type ImageFit = NonNullable<ImageBlock['fit']>;
export type ChartBlock = Extract<Block, { kind: 'chart' }>;

export const Slide = z.object({
  id: Id,
  layout: Layout,
  title: z.string().max(LIMITS.titleChars),
  blocks: z.array(Block).max(LIMITS.blocksPerSlide),
  notes: z.string().max(LIMITS.notesChars),
  hidden: z.boolean(),
  /** Id of the section slide this slide belongs to (derived from order: the nearest section slide before it), or null. */
  section: Id.nullable(),
});
export type Slide = z.infer<typeof Slide>;

/** Where a figure was found in the source report. */
export const FigureSource = z.object({
  paragraph: z.number().int().min(0),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  sentence: z.string().max(LIMITS.textChars),
});
export type FigureSource = z.infer<typeof FigureSource>;

/** Written before the number (约 超 近 逾), between number and unit (余), or after the unit (左右 以上 以下 以内). */
export const Qualifier = z.enum(['', '约', '余', '左右', '超', '近', '逾', '以上', '以下', '以内']);
export type Qualifier = z.infer<typeof Qualifier>;
export const Direction = z.enum(['', '增长', '下降', '上升', '提高', '减少']);
export type Direction = z.infer<typeof Direction>;

export const Figure = z.object({
  /** Stable slug, unique in its deck; slide text refers to it as `{fig:KEY}`. */
  key: FigureKey,
  /** What is measured, e.g. “地区生产总值增长”. */
  label: z.string().max(LIMITS.labelChars),
  value: z.number().finite(),
  /** The unit as reports write it: %, 亿元, 万人, 位 … (empty for a bare count). */
  unit: z.string().max(20),
  /**
   * How the number is written around its value: `{v}` stands for the number, e.g. `{v}%`, `第{v}位`, `前{v}`; a range
   * keeps its second number as written (`{v}至5个`: the value is the first).
   */
  pattern: z.string().max(60).regex(/\{v\}/),
  /** Digits after the decimal point when shown. */
  decimals: z.number().int().min(0).max(6),
  /** Whether thousands are separated (“1,286.4”). */
  grouped: z.boolean(),
  qualifier: Qualifier,
  direction: Direction,
  asOf: z.string().max(40).nullable(),
  source: FigureSource.nullable(),
  /** The figure as shown now, e.g. “约4.38亿元”, derived from the fields above (see figures.ts formatFigure). */
  display: z.string(),
  updatedAt: z.string(),
  /**
   * When a person confirmed the value (in the 数据 panel or the pre-flight check, or by typing it); null while it is as
   * imported and never looked at. Absent in bundles and snapshots made before confirmations existed.
   */
  confirmedAt: z.string().nullable().optional(),
});
export type Figure = z.infer<typeof Figure>;

export const FigureChange = z.object({
  key: z.string(),
  oldValue: z.number(),
  newValue: z.number(),
  changedAt: z.string(),
});
export type FigureChange = z.infer<typeof FigureChange>;

export const Asset = z.object({
  /** sha256 of the bytes, hex: assets are content-addressed. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  mime: z.enum(['image/png', 'image/jpeg', 'image/webp', 'image/gif']),
  caption: z.string().max(LIMITS.labelChars * 2),
  credit: z.string().max(LIMITS.labelChars * 2),
  bytes: z.number().int().min(0),
  /**
   * A smaller copy of a large picture, itself an asset of the deck, shown and exported in its place; the picture stays
   * whole in the store and in bundles. Null (or absent, from bundles made before renditions) when it is small enough.
   */
  displayId: z.string().regex(/^[0-9a-f]{64}$/).nullable().optional(),
});
export type Asset = z.infer<typeof Asset>;

/** A repair or doubt raised while reading a report; kept with the deck so the editor can show it. */
export const WarningKind = z.enum([
  'duplicate-removed',
  'lines-joined',
  'truncated',
  'caption',
  'heading-guessed',
  'encoding',
  'empty-section',
  /** Title-page lines (dateline, byline, salutation, a signature at the end) moved to the cover. */
  'front-matter',
  /** Page numbers and running headers removed. */
  'page-furniture',
  /** A report too long for a full deck was made into a condensed one. */
  'condensed',
]);
export type WarningKind = z.infer<typeof WarningKind>;
export const ImportWarning = z.object({
  id: z.string(),
  kind: WarningKind,
  /** Index of the paragraph concerned in the repaired report (ReportDoc order), or -1 when not tied to one. */
  paragraph: z.number().int(),
  /** A short excerpt of the text concerned. */
  excerpt: z.string().max(400),
  /** What was done, in Chinese and English. */
  message: z.object({ zh: z.string(), en: z.string() }),
  /** The slide that shows this paragraph, when there is one. */
  slideId: z.string().nullable(),
  dismissed: z.boolean(),
});
export type ImportWarning = z.infer<typeof ImportWarning>;

/**
 * A deck's sign-off (定稿): who approved it, when, and the SHA-256 of its content then (decks/node/approval.ts).
 * `current` tells whether the content is still what was approved. An honest record, not a cryptographic signature:
 * anyone with the database could write one.
 */
export const Approval = z.object({
  approver: z.string().max(100),
  approvedAt: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  current: z.boolean(),
});
export type Approval = z.infer<typeof Approval>;

export const DeckSummary = z.object({
  id: Id,
  title: z.string(),
  theme: Theme,
  slides: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When the deck was moved to the trash; null for a live deck. */
  deletedAt: z.string().nullable(),
  /** The deck's last sign-off, or null (absent from hosts older than 定稿). */
  approval: Approval.nullable().optional(),
});
export type DeckSummary = z.infer<typeof DeckSummary>;

export const Section = z.object({ id: Id, title: z.string() });
export type Section = z.infer<typeof Section>;

export const Deck = z.object({
  id: Id,
  title: z.string().max(LIMITS.titleChars),
  subtitle: z.string().max(LIMITS.titleChars),
  theme: Theme,
  reportId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  /** Derived from the section slides, in order. */
  sections: z.array(Section),
  slides: z.array(Slide),
  figures: z.array(Figure),
  assets: z.array(Asset),
  warnings: z.array(ImportWarning),
  /** The deck's last sign-off, or null. */
  approval: Approval.nullable().optional(),
});
export type Deck = z.infer<typeof Deck>;

export const Revision = z.object({
  id: Id,
  deckId: Id,
  label: z.string().max(LIMITS.titleChars),
  /** Automatic versions are taken at intervals and before a restore; named ones by the user. */
  auto: z.boolean(),
  createdAt: z.string(),
  slides: z.number().int(),
});
export type Revision = z.infer<typeof Revision>;

// ---- The report, as understood (report import → generation) ----

export interface ReportCaption {
  text: string;
  credit: string;
  /** Index of the paragraph the caption follows (its place in the report), or -1 before any. */
  after: number;
}

/** A table of the report (Markdown or Word): the header row and the body rows, as cell text. */
export interface ReportTable {
  header: string[];
  rows: string[][];
}

export interface ReportParagraph {
  /** Index in ReportDoc order, stable across the whole doc (lead, sections, closing). */
  index: number;
  /** The text; for a table, its cells: one line a row (header first), cells separated by tabs (see tableText). */
  text: string;
  /** True when the paragraph ends mid-sentence (cut off in the source). */
  truncated: boolean;
  /**
   * True for a sub-heading inside a section (e.g. “（一）…” under “一、…”, Markdown ###, Word Heading 2), kept in order
   * as its own paragraph: it opens a sub-part of the section, which runs to the next sub-heading.
   */
  subheading?: boolean;
  /** Set when the paragraph is a table. */
  table?: ReportTable;
}

/** A table's text as a paragraph holds it: one line a row, header first, cells separated by tabs. */
export function tableText(t: ReportTable): string {
  return [t.header, ...t.rows].map((row) => row.join('\t')).join('\n');
}

export interface ReportSection {
  /** The pillar's short title, e.g. “兴产业强平台”. */
  title: string;
  /** The rest of the heading line, e.g. “打造创新创业创造高地”. */
  subtitle: string;
  paragraphs: ReportParagraph[];
  captions: ReportCaption[];
}

/** What a report warning concerns when it is not a paragraph: the cover, a section (by position), or a caption. */
export type WarningPlace = { cover: true } | { section: number } | { caption: ReportCaption };

export interface ReportDoc {
  title: string;
  /** The line under the title: a subtitle or a dateline (“——2024年1月10日在…会议上”), or ''. */
  subtitle: string;
  /** Byline lines as written (“XX区人民政府办公室 XX研究室”, “区长 王XX”, a signature or date at the end). */
  bylines: string[];
  /** The salutation (“各位代表：”), or ''. It opens the speech: it goes in the cover's notes. */
  salutation: string;
  lead: ReportParagraph[];
  sections: ReportSection[];
  closing: ReportParagraph[];
  /** The heading the closing stands under (“结语”, “展望”), or '' when it had none. */
  closingTitle: string;
  /** Captions outside any section (before the first or after the closing). */
  captions: ReportCaption[];
  warnings: (Omit<ImportWarning, 'id' | 'slideId' | 'dismissed'> & { place?: WarningPlace })[];
}
