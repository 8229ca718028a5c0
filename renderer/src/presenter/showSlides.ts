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

/** Slides further than this from the current one are not rendered in the audience view (see PresentPage). */
export const RENDER_DISTANCE = 2;

export function isNear(position: number, current: number): boolean {
  return Math.abs(position - current) <= RENDER_DISTANCE;
}

/**
 * The positions the audience view renders, ascending (a sliding window: reveal.js holds only these). `settled` is the
 * position whose neighbours have been rendered (it follows `position` a frame after a change), null on opening:
 * then only the first slide is rendered, so it is painted before any other is laid out. After a change the
 * neighbours of `settled` stay and the slide on either side of `position` joins, so the next press only flips
 * reveal.js's classes; a jump far away renders the new slide and its neighbours beside the old window.
 */
export function showWindow(count: number, position: number, settled: number | null): number[] {
  if (count === 0) return [];
  const at = new Set<number>([position]);
  if (settled !== null) {
    for (let i = settled - RENDER_DISTANCE; i <= settled + RENDER_DISTANCE; i++) at.add(i);
    at.add(position - 1).add(position + 1);
  }
  return [...at].filter((i) => i >= 0 && i < count).sort((a, b) => a - b);
}
