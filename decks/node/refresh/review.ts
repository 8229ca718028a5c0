// Refresh from a revised report (用新版报告更新), first half: the review. The report a deck was made from and a revised
// one are both read and generated as at import; their figures are matched by what they measure (label, unit, the
// sentence around them with numbers masked, the section), never by position, and their paragraphs, sections and
// captions are compared. Each change becomes an item of the review and a step of the plan that refreshApply carries out.
// Pure: no store, no clock.
import { diffChars } from 'diff';
import type { DiffPart, RefreshItem, RefreshReview } from '../../common/api.ts';
import { formatFigure } from '../../common/figures.ts';
import type { Figure, ReportDoc, ReportParagraph, Slide } from '../../common/model.ts';
import { generateDeck } from '../generate/index.ts';
import { figuresByParagraph, paragraphWithRefs, reportParagraphs, type ExtractedFigure } from '../report/figureExtract.ts';

/** What applying one item does (see refreshApply.ts). */
export type PlanStep =
  | { kind: 'set-figure'; key: string; revised: ExtractedFigure }
  | { kind: 'add-figure'; revised: ExtractedFigure }
  | { kind: 'replace-paragraph'; slideId: string; oldText: string; paragraph: ReportParagraph }
  | { kind: 'add-paragraph'; slideId: string; paragraph: ReportParagraph }
  | { kind: 'remove-paragraph'; slideId: string; oldText: string }
  | { kind: 'add-section'; afterSlideId: string | null; title: string; subtitle: string; paragraphs: ReportParagraph[] };

export interface RefreshPlan {
  review: RefreshReview;
  /** By item id: only items that can be applied have a step. */
  steps: Map<string, PlanStep>;
  /** Revised figure (by its key in the revised report) → the deck's key it matched, for references in applied text. */
  deckKeyOf: Map<string, string>;
  /** The revised report's figures by paragraph, to write applied paragraphs with references. */
  revisedByParagraph: Map<number, ExtractedFigure[]>;
}

export interface RefreshInput {
  /** The report the deck was last made or refreshed from. */
  base: ReportDoc;
  revised: ReportDoc;
  fileName: string;
  /** The deck as it is now. */
  deck: { slides: readonly Slide[]; figures: readonly Figure[] };
}

/** Digits (with their separators and decimals) masked: two sentences that differ only in numbers read the same. */
const NUMBER = /\d[\d,.]*/g;
const masked = (text: string) => text.replace(NUMBER, '#');

function sectionOf(doc: ReportDoc): Map<number, string> {
  const out = new Map<number, string>();
  for (const s of doc.sections) for (const p of s.paragraphs) out.set(p.index, s.title);
  return out;
}

const side = (f: Pick<Figure, 'value' | 'pattern' | 'decimals' | 'grouped' | 'qualifier' | 'source'>) => ({
  value: f.value,
  display: formatFigure(f),
  sentence: f.source?.sentence ?? '',
});

/**
 * Pairs each old figure with the revised figure that measures the same thing. Candidates share the unit and either the
 * label or the masked sentence; the best-scoring pairs are taken first (label, sentence, section, pattern, direction),
 * and among equals the one nearest in relative place, so two figures of one label are told apart by their sentences.
 */
export function matchFigures(
  old: readonly ExtractedFigure[],
  revised: readonly ExtractedFigure[],
  oldSection: Map<number, string>,
  newSection: Map<number, string>,
): Map<string, ExtractedFigure> {
  const byLabel = new Map<string, number[]>();
  const bySentence = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, k: string, i: number) => {
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  };
  revised.forEach((f, i) => {
    push(byLabel, `${f.unit}|${f.label}`, i);
    push(bySentence, `${f.unit}|${masked(f.source?.sentence ?? '')}`, i);
  });
  const pairs: { score: number; distance: number; o: number; n: number }[] = [];
  old.forEach((o, oi) => {
    const sentence = masked(o.source?.sentence ?? '');
    const candidates = new Set([...(byLabel.get(`${o.unit}|${o.label}`) ?? []), ...(sentence ? (bySentence.get(`${o.unit}|${sentence}`) ?? []) : [])]);
    for (const ni of candidates) {
      const n = revised[ni]!;
      const score =
        (n.label === o.label ? 8 : 0) +
        (sentence !== '' && masked(n.source?.sentence ?? '') === sentence ? 4 : 0) +
        (oldSection.get(o.source?.paragraph ?? -1) === newSection.get(n.source?.paragraph ?? -1) ? 2 : 0) +
        (n.pattern === o.pattern ? 1 : 0) +
        (n.direction === o.direction ? 1 : 0);
      pairs.push({ score, distance: Math.abs(oi / Math.max(1, old.length) - ni / Math.max(1, revised.length)), o: oi, n: ni });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.distance - b.distance);
  const out = new Map<string, ExtractedFigure>();
  const taken = new Set<number>();
  for (const p of pairs) {
    const o = old[p.o]!;
    if (out.has(o.key) || taken.has(p.n)) continue;
    out.set(o.key, revised[p.n]!);
    taken.add(p.n);
  }
  return out;
}

/** Similarity of two texts by their shared character pairs (Dice), 0..1. */
function similarity(a: string, b: string): number {
  const pairs = (t: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < t.length; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const pa = pairs(a);
  const pb = pairs(b);
  let shared = 0;
  for (const [k, n] of pa) shared += Math.min(n, pb.get(k) ?? 0);
  const total = Math.max(0, a.length - 1) + Math.max(0, b.length - 1);
  return total === 0 ? (a === b ? 1 : 0) : (2 * shared) / total;
}
/** Paragraphs at least this similar are the same paragraph rewritten; below it, one removed and one added. */
const SAME_PARAGRAPH = 0.5;

interface ParagraphMatch {
  /** Old paragraph index → revised paragraph, for every paragraph found again (changed or not). */
  pairs: Map<number, ReportParagraph>;
  changed: { old: ReportParagraph; revised: ReportParagraph }[];
}

/** Pairs paragraphs: the same text first, then the same but for numbers, then rewritten ones within a section. */
function matchParagraphs(old: readonly ReportParagraph[], revised: readonly ReportParagraph[], oldSection: Map<number, string>, newSection: Map<number, string>): ParagraphMatch {
  const pairs = new Map<number, ReportParagraph>();
  const taken = new Set<number>();
  const changed: ParagraphMatch['changed'] = [];
  for (const key of [(p: ReportParagraph) => p.text, (p: ReportParagraph) => masked(p.text)]) {
    const waiting = new Map<string, ReportParagraph[]>();
    for (const p of old) {
      if (pairs.has(p.index)) continue;
      const list = waiting.get(key(p));
      if (list) list.push(p);
      else waiting.set(key(p), [p]);
    }
    for (const n of revised) {
      if (taken.has(n.index)) continue;
      const o = waiting.get(key(n))?.shift();
      if (!o) continue;
      pairs.set(o.index, n);
      taken.add(n.index);
    }
  }
  const candidates: { score: number; o: ReportParagraph; n: ReportParagraph }[] = [];
  for (const o of old) {
    if (pairs.has(o.index)) continue;
    for (const n of revised) {
      if (taken.has(n.index) || oldSection.get(o.index) !== newSection.get(n.index)) continue;
      const score = similarity(masked(o.text), masked(n.text));
      if (score >= SAME_PARAGRAPH) candidates.push({ score, o, n });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  for (const c of candidates) {
    if (pairs.has(c.o.index) || taken.has(c.n.index)) continue;
    pairs.set(c.o.index, c.n);
    taken.add(c.n.index);
    changed.push({ old: c.o, revised: c.n });
  }
  changed.sort((a, b) => a.old.index - b.old.index);
  return { pairs, changed };
}

function textDiff(a: string, b: string): DiffPart[] {
  return diffChars(a, b).map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

function allCaptions(doc: ReportDoc): string[] {
  return [...doc.captions, ...doc.sections.flatMap((s) => s.captions)].map((c) => c.text);
}

/** Items of `a` not in `b`, counting repeats (a caption twice in one and once in the other differs once). */
function multisetMinus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const t of b) left.set(t, (left.get(t) ?? 0) + 1);
  return a.filter((t) => {
    const n = left.get(t) ?? 0;
    if (n > 0) left.set(t, n - 1);
    return n === 0;
  });
}

/** The review of a revised report against the one a deck was made from, and the plan to apply it. */
export function refreshPlan({ base, revised, fileName, deck }: RefreshInput): RefreshPlan {
  const baseGen = generateDeck(base);
  const newGen = generateDeck(revised);
  const oldSection = sectionOf(base);
  const newSection = sectionOf(revised);
  const oldParagraphs = reportParagraphs(base);
  const newParagraphs = reportParagraphs(revised);
  const oldFigures = figuresByParagraph(baseGen.figures);
  const revisedByParagraph = figuresByParagraph(newGen.figures);
  const deckFigures = new Map(deck.figures.map((f) => [f.key, f]));

  // Where the deck shows each old paragraph: the slide whose notes hold it as generated; else the slide the import put
  // it on, while the deck has it (staff rewrote the notes); else one using its figures.
  const deckSlideIds = new Set(deck.slides.map((s) => s.id));
  const slideOfOld = (p: ReportParagraph): string | null => {
    const text = paragraphWithRefs(p, oldFigures.get(p.index) ?? []);
    const inNotes = deck.slides.find((s) => s.notes.includes(text));
    if (inNotes) return inNotes.id;
    const generated = baseGen.slides.find((s) => s.notes.includes(text));
    if (generated && deckSlideIds.has(generated.id)) return generated.id;
    const refs = (oldFigures.get(p.index) ?? []).map((f) => `{fig:${f.key}}`);
    return refs.length === 0 ? null : (deck.slides.find((s) => refs.some((r) => s.notes.includes(r) || JSON.stringify(s.blocks).includes(r)))?.id ?? null);
  };
  const slideOfFigure = (key: string): string | null => {
    const ref = `{fig:${key}}`;
    return deck.slides.find((s) => JSON.stringify(s.blocks).includes(ref) || s.title.includes(ref))?.id ?? deck.slides.find((s) => s.notes.includes(ref))?.id ?? null;
  };

  // The deck's notes as read (references shown as their values): a paragraph already there was applied before.
  const shownNotes = deck.slides.map((s) => s.notes.replace(/\{fig:([A-Za-z0-9_.-]{1,64})\}/g, (ref, key: string) => deckFigures.get(key)?.display ?? ref));
  const inNotes = (text: string) => shownNotes.some((n) => n.includes(text));

  const items: RefreshItem[] = [];
  const steps = new Map<string, PlanStep>();

  // ---- Sections ----
  const oldTitles = base.sections.map((s) => s.title);
  const newTitles = revised.sections.map((s) => s.title);
  const addedSections = new Set(multisetMinus(newTitles, oldTitles));
  const removedSections = new Set(multisetMinus(oldTitles, newTitles));
  const sectionSlide = (title: string) => deck.slides.find((s) => s.layout === 'section' && s.title === title)?.id ?? null;

  // ---- Figures ----
  const matched = matchFigures(baseGen.figures, newGen.figures, oldSection, newSection);
  const deckKeyOf = new Map<string, string>();
  for (const [key, n] of matched) deckKeyOf.set(n.key, key);
  for (const o of baseGen.figures) {
    const now = deckFigures.get(o.key);
    if (!now) continue; // a figure staff no longer have: nothing of theirs to update
    const n = matched.get(o.key);
    if (!n) {
      if (removedSections.has(oldSection.get(o.source?.paragraph ?? -1) ?? '\u0000')) continue;
      items.push({ kind: 'figure-gone', id: `fig-${o.key}`, applicable: false, slideId: slideOfFigure(o.key), key: o.key, label: now.label, imported: side(o) });
      continue;
    }
    if (n.value === o.value) continue;
    // Already what the revised report says (typed in by hand, or applied before): nothing to do.
    if (now.value === n.value) continue;
    const conflict = now.value !== o.value;
    const id = `fig~${o.key}`;
    items.push({ kind: 'figure-changed', id, applicable: true, slideId: slideOfFigure(o.key), key: o.key, label: now.label, imported: side(o), current: side(now), revised: side(n), conflict });
    steps.set(id, { kind: 'set-figure', key: o.key, revised: n });
  }
  const matchedNew = new Set(matched.values());
  for (const n of newGen.figures) {
    if (matchedNew.has(n)) continue;
    if (addedSections.has(newSection.get(n.source?.paragraph ?? -1) ?? '\u0000')) continue;
    const id = `fig+${n.key}`;
    items.push({ kind: 'figure-added', id, applicable: true, slideId: null, label: n.label, revised: side(n) });
    steps.set(id, { kind: 'add-figure', revised: n });
  }

  // ---- Paragraphs ----
  const { pairs, changed } = matchParagraphs(oldParagraphs, newParagraphs, oldSection, newSection);
  for (const c of changed) {
    if (inNotes(c.revised.text)) continue;
    const id = `para~${c.old.index}`;
    const slideId = slideOfOld(c.old);
    items.push({ kind: 'paragraph-changed', id, applicable: slideId !== null, slideId, section: newSection.get(c.revised.index) ?? '', diff: textDiff(c.old.text, c.revised.text) });
    if (slideId) steps.set(id, { kind: 'replace-paragraph', slideId, oldText: paragraphWithRefs(c.old, oldFigures.get(c.old.index) ?? []), paragraph: c.revised });
  }
  const foundAgain = new Set([...pairs.values()].map((p) => p.index));
  const oldOf = new Map([...pairs.entries()].map(([o, n]) => [n.index, o]));
  const oldByIndex = new Map(oldParagraphs.map((p) => [p.index, p]));
  for (const o of oldParagraphs) {
    if (pairs.has(o.index) || removedSections.has(oldSection.get(o.index) ?? '\u0000')) continue;
    const id = `para-${o.index}`;
    const slideId = slideOfOld(o);
    items.push({ kind: 'paragraph-removed', id, applicable: slideId !== null, slideId, section: oldSection.get(o.index) ?? '', text: o.text });
    if (slideId) steps.set(id, { kind: 'remove-paragraph', slideId, oldText: paragraphWithRefs(o, oldFigures.get(o.index) ?? []) });
  }
  // A new paragraph goes into the notes of the slide that shows the paragraph before it (or after it, at the start).
  const anchorOf = (at: number): string | null => {
    for (let i = at - 1; i >= 0; i--) {
      const o = oldOf.get(newParagraphs[i]!.index);
      const slide = o === undefined ? null : slideOfOld(oldByIndex.get(o)!);
      if (slide) return slide;
    }
    for (let i = at + 1; i < newParagraphs.length; i++) {
      const o = oldOf.get(newParagraphs[i]!.index);
      const slide = o === undefined ? null : slideOfOld(oldByIndex.get(o)!);
      if (slide) return slide;
    }
    return null;
  };
  newParagraphs.forEach((n, at) => {
    if (foundAgain.has(n.index) || addedSections.has(newSection.get(n.index) ?? '\u0000') || inNotes(n.text)) return;
    const id = `para+${n.index}`;
    const slideId = anchorOf(at);
    items.push({ kind: 'paragraph-added', id, applicable: slideId !== null, slideId, section: newSection.get(n.index) ?? '', text: n.text });
    if (slideId) steps.set(id, { kind: 'add-paragraph', slideId, paragraph: n });
  });

  revised.sections.forEach((s, i) => {
    if (!addedSections.has(s.title) || sectionSlide(s.title) !== null) return;
    // After the slides of the section before it: the last slide that shows one of its paragraphs, else its section slide.
    const before = revised.sections[i - 1];
    let afterSlideId: string | null = null;
    if (before) {
      const shown = before.paragraphs.flatMap((p) => {
        const o = oldOf.get(p.index);
        const slide = o === undefined ? null : slideOfOld(oldByIndex.get(o)!);
        return slide ? [slide] : [];
      });
      const order = new Map(deck.slides.map((sl, k) => [sl.id, k]));
      afterSlideId = shown.sort((a, b) => order.get(b)! - order.get(a)!)[0] ?? sectionSlide(before.title);
    }
    const id = `section+${i}`;
    items.push({ kind: 'section-added', id, applicable: true, slideId: afterSlideId, title: s.title, paragraphs: s.paragraphs.length });
    steps.set(id, { kind: 'add-section', afterSlideId, title: s.title, subtitle: s.subtitle, paragraphs: s.paragraphs });
  });
  base.sections.forEach((s, i) => {
    if (removedSections.has(s.title)) items.push({ kind: 'section-removed', id: `section-${i}`, applicable: false, slideId: sectionSlide(s.title), title: s.title });
  });

  // ---- Captions (pictures are staff's: listed, never changed) ----
  const oldCaptions = allCaptions(base);
  const newCaptions = allCaptions(revised);
  multisetMinus(newCaptions, oldCaptions).forEach((text, i) => items.push({ kind: 'caption-added', id: `caption+${i}`, applicable: false, slideId: null, text }));
  multisetMinus(oldCaptions, newCaptions).forEach((text, i) => {
    const slideId = deck.slides.find((s) => s.blocks.some((b) => b.kind === 'image' && b.caption === text))?.id ?? null;
    items.push({ kind: 'caption-removed', id: `caption-${i}`, applicable: false, slideId, text });
  });

  return { review: { fileName, items }, steps, deckKeyOf, revisedByParagraph };
}
