// What the audience sees of a slide. A picture placeholder (an image block without a picture, or whose picture the deck
// does not hold) is a note to the editor: it never reaches the show, the PDF, the PPTX or the HTML file. A content
// slide that held nothing but such placeholders is left out altogether (a title over an empty page says nothing).
// The editor lists these as missing photos.
import type { Block, ImageBlock, Slide } from './model.ts';

const COVERS: ReadonlySet<Slide['layout']> = new Set(['title', 'section', 'closing']);

/** Whether a block is a picture placeholder: no picture, or one that `pictures` (the deck's asset ids, when given) lacks. */
export function isPicturePlaceholder(b: Block, pictures?: ReadonlySet<string>): b is ImageBlock {
  return b.kind === 'image' && (b.assetId === null || (pictures !== undefined && !pictures.has(b.assetId)));
}

/** The slide as the audience sees it (the same object when nothing is left out), or null when nothing is left to show. */
export function forAudience<S extends Slide>(slide: S, pictures?: ReadonlySet<string>): S | null {
  if (!slide.blocks.some((b) => isPicturePlaceholder(b, pictures))) return slide;
  const blocks = slide.blocks.filter((b) => !isPicturePlaceholder(b, pictures));
  if (blocks.length === 0 && !COVERS.has(slide.layout)) return null;
  return { ...slide, blocks };
}

/** Each slide as the audience sees it, in order, without the ones left out (hidden slides are the caller's choice). */
export function audienceSlides<S extends Slide>(slides: readonly S[], pictures?: ReadonlySet<string>): S[] {
  return slides.flatMap((s) => {
    const shown = forAudience(s, pictures);
    return shown ? [shown] : [];
  });
}

/** The slides that wait for a photo, with how many each lacks, in deck order: the editor's list of missing photos. */
export function missingPictures(slides: readonly Slide[], pictures?: ReadonlySet<string>): { slide: Slide; count: number; leftOut: boolean }[] {
  return slides.flatMap((slide) => {
    const count = slide.blocks.filter((b) => isPicturePlaceholder(b, pictures)).length;
    return count > 0 ? [{ slide, count, leftOut: forAudience(slide, pictures) === null }] : [];
  });
}

/** The ids of the pictures the slides show. */
export function picturesShown(slides: readonly Slide[]): Set<string> {
  return new Set(slides.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'image' && b.assetId !== null ? [b.assetId] : []))));
}
