// The slides a presentation shows: the deck's slides without the hidden ones, as the audience sees them (no picture
// placeholders: audience.ts), each with its 1-based number as the audience sees it and, for section slides, the
// section number (一、二、三 … counting shown sections only).
import { forAudience } from '../../../decks/common/audience.ts';
import type { Deck, Slide } from '../../../decks/common/model.ts';

export interface ShownSlide {
  slide: Slide;
  /** Position in the deck (counting hidden slides), as routes and the editor count. */
  deckIndex: number;
  /** 1-based number among shown slides (“n / N”). */
  number: number;
  sectionNumber?: number;
}

export function shownSlides(deck: Pick<Deck, 'slides'> & Partial<Pick<Deck, 'assets'>>): ShownSlide[] {
  const out: ShownSlide[] = [];
  const pictures = deck.assets && new Set(deck.assets.map((a) => a.id));
  let sections = 0;
  deck.slides.forEach((whole, deckIndex) => {
    const slide = whole.hidden ? null : forAudience(whole, pictures);
    if (!slide) return;
    const entry: ShownSlide = { slide, deckIndex, number: out.length + 1 };
    if (slide.layout === 'section') entry.sectionNumber = ++sections;
    out.push(entry);
  });
  return out;
}

/** The shown position for a route's deck index: that slide, or the next shown one when it is hidden (else the last). */
export function positionOfDeckIndex(shown: readonly ShownSlide[], deckIndex: number): number {
  if (shown.length === 0) return 0;
  const at = shown.findIndex((s) => s.deckIndex >= deckIndex);
  return at < 0 ? shown.length - 1 : at;
}

/** The position of a slide by id, else `fallback` kept within range (used when a sync message names a slide). */
export function positionOf(shown: readonly ShownSlide[], slideId: string | undefined, fallback: number): number {
  if (slideId !== undefined) {
    const at = shown.findIndex((s) => s.slide.id === slideId);
    if (at >= 0) return at;
  }
  return Math.min(Math.max(fallback, 0), Math.max(shown.length - 1, 0));
}

/** Slides further than this from the current one are left empty in the audience view (see PresentPage). */
export const RENDER_DISTANCE = 2;

export function isNear(position: number, current: number): boolean {
  return Math.abs(position - current) <= RENDER_DISTANCE;
}
