// Deck generation: a parsed report (ReportDoc) → slides, figures and warnings. Deterministic: the same report gives
// the same deck (slide ids s1, s2, …, figure keys f1, f2, …, warning ids w1, w2, …), so re-imports compare cleanly.
import type { Block, ImportWarning, ReportCaption, ReportDoc, ReportParagraph, ReportSection, Slide } from '../../common/model.ts';
import { LIMITS } from '../../common/model.ts';
import { sentenceAround } from '../../common/figures.ts';
import { extractFigures, paragraphWithRefs, type ExtractedFigure } from '../report/figureExtract.ts';
import { BULLET_MAX, displayLength, displaysOf, hasRef, paragraphPoints, splitClauses, TITLE_MAX, type Displays } from './points.ts';

export interface GeneratedDeck {
  title: string;
  subtitle: string;
  slides: Omit<Slide, 'section'>[];
  figures: ExtractedFigure[];
  warnings: ImportWarning[];
}

/** At most this many bullets on a content slide, and figure callouts on a figures slide. */
export const BULLETS_PER_SLIDE = 5;
export const FIGURES_PER_SLIDE = 6;
/** A section gets its own figure callouts from this many figures on. */
const SECTION_FIGURES_MIN = 2;

type NewSlide = Omit<Slide, 'section' | 'id'>;

class DeckBuilder {
  readonly slides: Omit<Slide, 'section'>[] = [];
  /** Paragraph index → the slide whose notes hold it. */
  readonly slideOfParagraph = new Map<number, string>();

  add(slide: NewSlide, paragraphs: readonly number[] = []): string {
    const id = `s${this.slides.length + 1}`;
    this.slides.push({
      id,
      ...slide,
      title: slide.title.slice(0, LIMITS.titleChars),
      notes: slide.notes.slice(0, LIMITS.notesChars),
    });
    for (const p of paragraphs) if (!this.slideOfParagraph.has(p)) this.slideOfParagraph.set(p, id);
    return id;
  }
}

function imageSlide(c: ReportCaption): NewSlide {
  const caption = c.text.slice(0, LIMITS.labelChars * 2);
  return {
    layout: 'image',
    title: caption,
    blocks: [{ kind: 'image', assetId: null, caption, credit: c.credit.slice(0, LIMITS.labelChars * 2) }],
    notes: c.credit ? `${c.text}（${c.credit}）` : c.text,
    hidden: false,
  };
}

function figureBlocks(figs: readonly ExtractedFigure[]): Block[] {
  return figs.map((f) => ({ kind: 'figure', key: f.key, caption: f.label.slice(0, LIMITS.labelChars) }));
}

interface ContentGroup {
  paragraphs: number[];
  bullets: string[];
  notes: string[];
  title: string | null;
}

/** Packs paragraphs' points into slides of at most BULLETS_PER_SLIDE bullets, a paragraph never split across two. */
function contentGroups(paragraphs: readonly ReportParagraph[], refTexts: Map<number, string>, figures: Map<string, ExtractedFigure>, displays: Displays): ContentGroup[] {
  const groups: ContentGroup[] = [];
  let current: ContentGroup | null = null;
  for (const p of paragraphs) {
    const refText = refTexts.get(p.index)!;
    const points = paragraphPoints(refText, figures, displays);
    const bullets = points.bullets.slice(0, BULLETS_PER_SLIDE);
    if (!current || current.bullets.length + bullets.length > BULLETS_PER_SLIDE) {
      current = { paragraphs: [], bullets: [], notes: [], title: null };
      groups.push(current);
    }
    current.paragraphs.push(p.index);
    current.bullets.push(...bullets);
    current.notes.push(refText);
    current.title ??= points.theme;
  }
  return groups;
}

function bulletBlocks(bullets: readonly string[]): Block[] {
  return bullets.map((text) => ({ kind: 'bullet', text, level: 0 }));
}

/** The sentences holding the given figures, with references, once each, in order. */
function figureSentences(figs: readonly ExtractedFigure[], refTexts: Map<number, string>): string {
  const out = new Set<string>();
  // Figures come in document order: each search starts where the previous one in its paragraph was found, so a
  // paragraph with very many figures costs one pass, not one pass per figure.
  const searchFrom = new Map<number, number>();
  for (const f of figs) {
    const text = refTexts.get(f.source!.paragraph)!;
    const ref = `{fig:${f.key}}`;
    let at = text.indexOf(ref, searchFrom.get(f.source!.paragraph) ?? 0);
    if (at < 0) at = text.indexOf(ref);
    searchFrom.set(f.source!.paragraph, at + ref.length);
    out.add(sentenceAround(text, at, at + ref.length));
  }
  return [...out].join('\n');
}

/** Pillars listed on one agenda slide. */
const AGENDA_PER_SLIDE = 6;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function addSection(b: DeckBuilder, s: ReportSection, refTexts: Map<number, string>, sectionFigures: readonly ExtractedFigure[], byKey: Map<string, ExtractedFigure>, displays: Displays): void {
  b.add({
    layout: 'section',
    title: s.title,
    blocks: s.subtitle ? [{ kind: 'text', text: s.subtitle, role: 'subtitle' }] : [],
    notes: [s.title, s.subtitle].filter(Boolean).join(' '),
    hidden: false,
  });
  if (sectionFigures.length >= SECTION_FIGURES_MIN) {
    for (const [i, figs] of chunk(sectionFigures, FIGURES_PER_SLIDE).entries()) {
      b.add({
        layout: 'figures',
        title: `${s.title}：关键数据${i > 0 ? `（${i + 1}）` : ''}`,
        blocks: figureBlocks(figs),
        notes: figureSentences(figs, refTexts),
        hidden: false,
      });
    }
  }
  const groups = contentGroups(s.paragraphs, refTexts, byKey, displays);
  const pending = [...s.captions];
  const seenTitles = new Map<string, number>();
  for (const g of groups) {
    let title = g.title ?? s.subtitle ?? s.title;
    if (!title || displayLength(title, displays) > TITLE_MAX * 2) title = s.title;
    const n = (seenTitles.get(title) ?? 0) + 1;
    seenTitles.set(title, n);
    b.add({ layout: 'points', title: n > 1 ? `${title}（${n}）` : title, blocks: bulletBlocks(g.bullets), notes: g.notes.join('\n\n'), hidden: false }, g.paragraphs);
    for (const c of pending.filter((c) => g.paragraphs.includes(c.after))) {
      b.add(imageSlide(c));
      pending.splice(pending.indexOf(c), 1);
    }
  }
  for (const c of pending) b.add(imageSlide(c));
}

/** The closing as a short quote: the fullest clause that fits one line, preferring words of resolve. */
function closingSlide(closing: readonly ReportParagraph[], refTexts: Map<number, string>, displays: Displays): NewSlide {
  const clauses = closing.flatMap((p) => splitClauses(refTexts.get(p.index)!));
  const first = clauses[0]?.text ?? '';
  const title = first && !hasRef(first) && displayLength(first, displays) <= TITLE_MAX ? first : '结语';
  const fitting = clauses
    .map((c) => c.text)
    .filter((t) => t !== title && displayLength(t, displays) <= BULLET_MAX && displayLength(t, displays) >= 6);
  const strong = /书写|奋力|建设|贡献|打造|争创|走好|迈向|实现/;
  const quote = [...fitting].sort((a, b) => Number(strong.test(b)) - Number(strong.test(a)) || displayLength(b, displays) - displayLength(a, displays))[0];
  return {
    layout: 'closing',
    title,
    blocks: quote ? [{ kind: 'text', text: quote, role: 'quote' }] : [],
    notes: closing.map((p) => refTexts.get(p.index)!).join('\n\n'),
    hidden: false,
  };
}

/** Builds the deck for a parsed report. `date` (as the user wants it shown) goes on the title slide when given. */
export function generateDeck(doc: ReportDoc, opts: { title?: string; date?: string } = {}): GeneratedDeck {
  const figures = extractFigures(doc);
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const displays = displaysOf(figures);
  const all = [...doc.lead, ...doc.sections.flatMap((s) => s.paragraphs), ...doc.closing];
  // Figures grouped by paragraph once: a long report has thousands of both, so no per-paragraph scans of all figures.
  const byParagraph = new Map<number, ExtractedFigure[]>();
  // Pushed in place: copying the list per figure made one paragraph with many figures quadratic.
  for (const f of figures) {
    if (!f.source) continue;
    const list = byParagraph.get(f.source.paragraph);
    if (list) list.push(f);
    else byParagraph.set(f.source.paragraph, [f]);
  }
  const refTexts = new Map(all.map((p) => [p.index, paragraphWithRefs(p, byParagraph.get(p.index) ?? [])]));
  const title = (opts.title?.trim() || doc.title.trim() || '汇报').slice(0, LIMITS.titleChars);
  const b = new DeckBuilder();

  const titleBlocks: Block[] = [];
  if (doc.byline) titleBlocks.push({ kind: 'text', text: doc.byline, role: 'byline' });
  if (opts.date) titleBlocks.push({ kind: 'text', text: opts.date, role: 'date' });
  b.add({ layout: 'title', title, blocks: titleBlocks, notes: '', hidden: false });

  // The lead: its figures as headline callouts, its other paragraphs as points.
  const leadFigureParas = doc.lead.filter((p) => figures.some((f) => f.source?.paragraph === p.index));
  const leadFigures = figures.filter((f) => f.source && leadFigureParas.some((p) => p.index === f.source!.paragraph));
  if (leadFigures.length > 0) {
    b.add(
      { layout: 'figures', title: '主要指标', blocks: figureBlocks(leadFigures.slice(0, FIGURES_PER_SLIDE)), notes: leadFigureParas.map((p) => refTexts.get(p.index)!).join('\n\n'), hidden: false },
      leadFigureParas.map((p) => p.index),
    );
  }
  const leadRest = doc.lead.filter((p) => !leadFigureParas.includes(p));
  for (const g of contentGroups(leadRest, refTexts, byKey, displays)) {
    b.add({ layout: 'points', title: g.title ?? '总体思路', blocks: bulletBlocks(g.bullets), notes: g.notes.join('\n\n'), hidden: false }, g.paragraphs);
  }
  const sectionStart = doc.sections[0]?.paragraphs[0]?.index ?? doc.closing[0]?.index ?? Infinity;
  for (const c of doc.captions.filter((c) => c.after < sectionStart)) b.add(imageSlide(c));

  // A long report's agenda runs over several slides rather than overflowing one.
  for (const [i, part] of chunk(doc.sections, AGENDA_PER_SLIDE).entries()) {
    b.add({
      layout: 'agenda',
      title: i === 0 ? '汇报提纲' : `汇报提纲（${i + 1}）`,
      blocks: bulletBlocks(part.map((s) => s.title)),
      notes: part.map((s) => [s.title, s.subtitle].filter(Boolean).join(' ')).join('\n'),
      hidden: false,
    });
  }
  for (const s of doc.sections) addSection(b, s, refTexts, s.paragraphs.flatMap((p) => byParagraph.get(p.index) ?? []), byKey, displays);
  // Captions after the sections (or after the closing) come before the closing slide, which ends the deck.
  for (const c of doc.captions.filter((c) => c.after >= sectionStart)) b.add(imageSlide(c));
  b.add(closingSlide(doc.closing, refTexts, displays), doc.closing.map((p) => p.index));

  const warnings: ImportWarning[] = doc.warnings.map((w, i) => ({
    ...w,
    id: `w${i + 1}`,
    slideId: b.slideOfParagraph.get(w.paragraph) ?? null,
    dismissed: false,
  }));
  return { title, subtitle: doc.byline, slides: b.slides, figures, warnings };
}

