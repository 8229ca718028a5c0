// The slide list of a deck, grouped by section (a section slide opens a group that runs to the next one). Pure.
import { resolveFigureRefs } from '../../../decks/common/figures.ts';
import type { Deck, Slide } from '../../../decks/common/model.ts';

export interface ListedSlide {
  slide: Slide;
  /** 0-based position in the deck. */
  index: number;
  /** The title with figure references resolved, for names and labels. */
  plainTitle: string;
}

export interface SlideGroup {
  /** The section slide opening the group, with its 1-based section number; null for the slides before any section. */
  section: { id: string; number: number; title: string } | null;
  slides: ListedSlide[];
}

export function groupSlides(deck: Pick<Deck, 'slides' | 'figures'>): SlideGroup[] {
  const figures = new Map(deck.figures.map((f) => [f.key, f]));
  const groups: SlideGroup[] = [];
  let sections = 0;
  deck.slides.forEach((slide, index) => {
    const plainTitle = resolveFigureRefs(slide.title, figures).trim();
    if (slide.layout === 'section') {
      sections += 1;
      groups.push({ section: { id: slide.id, number: sections, title: plainTitle }, slides: [] });
    } else if (groups.length === 0) {
      groups.push({ section: null, slides: [] });
    }
    groups[groups.length - 1]!.slides.push({ slide, index, plainTitle });
  });
  return groups;
}

/** The section number of each section slide, by slide id (for the 一、二、三 on section slides). */
export function sectionNumbers(groups: readonly SlideGroup[]): Map<string, number> {
  return new Map(groups.flatMap((g) => (g.section ? [[g.section.id, g.section.number] as const] : [])));
}
