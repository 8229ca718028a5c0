// The editable texts of a slide, named by a key (`slideId:title`, `slideId:b3`, `slideId:notes`, and a picture's
// `slideId:b3:caption` / `slideId:b3:credit`), read and written as values of the model. Pure.
import { updateSlide } from '../../../decks/common/deckOps.ts';
import { LIMITS, type Block, type Slide } from '../../../decks/common/model.ts';

export type FieldRef =
  | { slideId: string; part: 'title' }
  | { slideId: string; part: 'notes' }
  | { slideId: string; part: 'block'; index: number }
  /** The caption or the credit of picture block `index`. */
  | { slideId: string; part: 'caption' | 'credit'; index: number };

export function fieldKey(ref: FieldRef): string {
  if (ref.part === 'block') return `${ref.slideId}:b${ref.index}`;
  if (ref.part === 'caption' || ref.part === 'credit') return `${ref.slideId}:b${ref.index}:${ref.part}`;
  return `${ref.slideId}:${ref.part}`;
}

export function parseFieldKey(key: string): FieldRef | null {
  const m = /^(.+):(title|notes|b(\d+)(?::(caption|credit))?)$/.exec(key);
  if (!m) return null;
  const slideId = m[1]!;
  if (m[2] === 'title') return { slideId, part: 'title' };
  if (m[2] === 'notes') return { slideId, part: 'notes' };
  const index = Number(m[3]);
  return m[4] === 'caption' || m[4] === 'credit' ? { slideId, part: m[4], index } : { slideId, part: 'block', index };
}

export function fieldText(slides: readonly Slide[], ref: FieldRef): string | null {
  const slide = slides.find((s) => s.id === ref.slideId);
  if (!slide) return null;
  if (ref.part === 'title') return slide.title;
  if (ref.part === 'notes') return slide.notes;
  const b = slide.blocks[ref.index];
  if (ref.part === 'caption' || ref.part === 'credit') return b?.kind === 'image' ? b[ref.part] : null;
  return b && (b.kind === 'bullet' || b.kind === 'text') ? b.text : null;
}

/** The slides with one text replaced (unchanged when the field no longer exists). */
export function setFieldText(slides: readonly Slide[], ref: FieldRef, text: string): readonly Slide[] {
  const slide = slides.find((s) => s.id === ref.slideId);
  if (!slide) return slides;
  if (ref.part === 'title') return slide.title === text ? slides : updateSlide(slides, slide.id, { title: text });
  if (ref.part === 'notes') return slide.notes === text ? slides : updateSlide(slides, slide.id, { notes: text });
  const b = slide.blocks[ref.index];
  if (ref.part === 'caption' || ref.part === 'credit') {
    if (b?.kind !== 'image' || b[ref.part] === text) return slides;
    const blocks: Block[] = [...slide.blocks];
    blocks[ref.index] = { ...b, [ref.part]: text.slice(0, LIMITS.labelChars * 2) };
    return updateSlide(slides, slide.id, { blocks });
  }
  if (!b || (b.kind !== 'bullet' && b.kind !== 'text') || b.text === text) return slides;
  const blocks: Block[] = [...slide.blocks];
  blocks[ref.index] = { ...b, text };
  return updateSlide(slides, slide.id, { blocks });
}
