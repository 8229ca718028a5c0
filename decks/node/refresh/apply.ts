// Refresh from a revised report, second half: the accepted items of a review applied to a deck. Figures take their
// revised values (every slide shows them through their references); paragraph changes go into the notes of the slide
// that shows the paragraph; a new section gets a section slide. Slide text, order, hidden slides, pictures and the theme
// stay as staff left them. Pure: the service writes the result.
import type { Figure, ReportParagraph, Slide } from '../../common/model.ts';
import { paragraphWithRefs, type ExtractedFigure } from '../report/figureExtract.ts';
import type { StoredFigure } from '../store/index.ts';
import type { RefreshPlan } from './review.ts';

export interface RefreshResult {
  /** Every slide in the new order; slides not in `changed` are the deck's own objects, untouched. */
  slides: Slide[];
  /** Ids of slides whose notes changed or that are new. */
  changed: Set<string>;
  added: Set<string>;
  /** New values (as the revised report writes them) and sources of existing figures. */
  figures: { before: Figure; value: number; decimals: number; grouped: boolean; source: ExtractedFigure['source'] }[];
  newFigures: Omit<StoredFigure, 'updatedAt'>[];
  /** How many of the accepted items changed something. */
  applied: number;
}

/** The mark before a revised paragraph that could not replace its old text (staff had rewritten the notes). */
export const REVISED_MARK = '【新版报告】';

function nextKeys(figures: readonly Pick<Figure, 'key'>[]): () => string {
  const taken = new Set(figures.map((f) => f.key));
  let n = figures.reduce((max, f) => Math.max(max, /^f(\d+)$/.exec(f.key) ? Number(f.key.slice(1)) : 0), 0);
  return () => {
    while (taken.has(`f${++n}`));
    taken.add(`f${n}`);
    return `f${n}`;
  };
}

export function applyRefresh(deck: { slides: readonly Slide[]; figures: readonly Figure[] }, plan: RefreshPlan, accept: ReadonlySet<string>, newId: () => string): RefreshResult {
  const result: RefreshResult = { slides: [...deck.slides], changed: new Set(), added: new Set(), figures: [], newFigures: [], applied: 0 };
  const deckFigures = new Map(deck.figures.map((f) => [f.key, f]));
  const newKey = nextKeys(deck.figures);
  // Revised figure key → the deck's key, for the matched ones and those added now.
  const keyOf = new Map([...plan.deckKeyOf].filter(([, deckKey]) => deckFigures.has(deckKey)));
  const accepted = [...plan.steps].filter(([id]) => accept.has(id));

  // Figures first, so applied paragraphs can refer to the ones added now.
  for (const [, step] of accepted) {
    if (step.kind === 'set-figure') {
      const before = deckFigures.get(step.key);
      if (!before) continue;
      const { value, decimals, grouped, source } = step.revised;
      result.figures.push({ before, value, decimals, grouped, source });
      result.applied++;
    } else if (step.kind === 'add-figure') {
      const key = newKey();
      keyOf.set(step.revised.key, key);
      result.newFigures.push({ ...step.revised, key });
      result.applied++;
    }
  }

  const textOf = (p: ReportParagraph) => {
    const own = (plan.revisedByParagraph.get(p.index) ?? []).flatMap((f) => {
      const key = keyOf.get(f.key);
      return key ? [{ ...f, key }] : [];
    });
    // Figures the deck does not hold stay as the report writes them: paragraphWithRefs leaves their text in place.
    return paragraphWithRefs(p, own);
  };
  const index = new Map(result.slides.map((s, i) => [s.id, i]));
  const setNotes = (slideId: string, notes: (old: string) => string | null): boolean => {
    const at = index.get(slideId);
    if (at === undefined) return false;
    const slide = result.slides[at]!;
    const next = notes(slide.notes);
    if (next === null || next === slide.notes) return false;
    result.slides[at] = { ...slide, notes: next };
    result.changed.add(slideId);
    return true;
  };
  const appended = (old: string, text: string) => (old.trim() === '' ? text : `${old.replace(/\s+$/, '')}\n\n${text}`);

  for (const [, step] of accepted) {
    let done = false;
    if (step.kind === 'replace-paragraph') {
      const text = textOf(step.paragraph);
      done = setNotes(step.slideId, (old) => (old.includes(step.oldText) ? old.replace(step.oldText, () => text) : appended(old, REVISED_MARK + text)));
    } else if (step.kind === 'add-paragraph') {
      done = setNotes(step.slideId, (old) => appended(old, textOf(step.paragraph)));
    } else if (step.kind === 'remove-paragraph') {
      done = setNotes(step.slideId, (old) => (old.includes(step.oldText) ? old.replace(step.oldText, '').replace(/\n{3,}/g, '\n\n').trim() : null));
    } else if (step.kind === 'add-section') {
      const slide: Slide = {
        id: newId(),
        layout: 'section',
        title: step.title,
        blocks: step.subtitle ? [{ kind: 'text', text: step.subtitle, role: 'subtitle' }] : [],
        notes: step.paragraphs.map(textOf).join('\n\n'),
        hidden: false,
        section: null,
      };
      const after = step.afterSlideId === null ? -1 : result.slides.findIndex((s) => s.id === step.afterSlideId);
      // Without a place to follow, before the closing slide (the last one), as the generator puts sections.
      const at = after >= 0 ? after + 1 : Math.max(0, result.slides.length - (result.slides.at(-1)?.layout === 'closing' ? 1 : 0));
      result.slides.splice(at, 0, slide);
      index.clear();
      result.slides.forEach((s, i) => index.set(s.id, i));
      result.added.add(slide.id);
      result.changed.add(slide.id);
      done = true;
    }
    if (done) result.applied++;
  }
  return result;
}
