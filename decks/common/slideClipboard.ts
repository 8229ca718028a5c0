// Slides on the clipboard: what Ctrl+C puts there (the slides, and the figures and pictures they refer to), and what
// Ctrl+V makes of it in a deck — in the same deck or another one, in this window or another. Pure: the payload is
// checked as untrusted input (it may come from any program), ids are given by the caller.
import { z } from 'zod';
import { figuresOfSlide } from './deckOps.ts';
import { resolveFigureRefs, sameFigure } from './figures.ts';
import { Figure, FIGURE_REF, LIMITS, Slide, type Block } from './model.ts';

/** The clipboard type of copied slides (alongside a plain-text outline for other programs). */
export const SLIDES_MIME = 'application/x-huibao-slides+json';

export const SlidesPayload = z.object({
  huibao: z.literal('slides/1'),
  /** The deck the slides were copied from (their pictures are fetched from it when pasted elsewhere). */
  deckId: z.string().min(1).max(64),
  slides: z.array(Slide.omit({ section: true })).min(1).max(LIMITS.slidesPerDeck),
  figures: z.array(Figure).max(LIMITS.figuresPerDeck),
});
export type SlidesPayload = z.infer<typeof SlidesPayload>;

/** The figure keys slides refer to (titles, texts, callouts, notes), without repeats. */
function figureKeysOf(slides: readonly Pick<Slide, 'title' | 'blocks' | 'notes'>[]): Set<string> {
  return new Set(slides.flatMap((s) => figuresOfSlide(s)));
}

/** The picture assets slides show. */
export function assetIdsOf(slides: readonly Pick<Slide, 'blocks'>[]): string[] {
  return [...new Set(slides.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'image' && b.assetId ? [b.assetId] : []))))];
}

/** The payload for copying `ids` (in deck order) of a deck. */
export function copySlides(deck: { id: string; slides: readonly Slide[]; figures: readonly Figure[] }, ids: readonly string[]): SlidesPayload {
  const chosen = new Set(ids);
  const slides = deck.slides.filter((s) => chosen.has(s.id)).map(({ section: _, ...s }) => s);
  const keys = figureKeysOf(slides);
  return { huibao: 'slides/1', deckId: deck.id, slides, figures: deck.figures.filter((f) => keys.has(f.key)) };
}

/** Reads a payload from clipboard text; null when it is not one (or is malformed: a clipboard is untrusted). */
export function readSlidesPayload(text: string | null | undefined): SlidesPayload | null {
  if (!text) return null;
  try {
    const r = SlidesPayload.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

function freeKey(key: string, taken: ReadonlySet<string>): string {
  const base = key.slice(0, 58);
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function rekeyText(text: string, rename: ReadonlyMap<string, string>): string {
  if (rename.size === 0) return text;
  return text.replace(FIGURE_REF, (whole, key: string) => (rename.has(key) ? `{fig:${rename.get(key)}}` : whole));
}

function rekeyBlock(b: Block, rename: ReadonlyMap<string, string>): Block {
  if (b.kind === 'figure') return rename.has(b.key) ? { ...b, key: rename.get(b.key)! } : b;
  if (b.kind === 'bullet' || b.kind === 'text') {
    const text = rekeyText(b.text, rename);
    return text === b.text ? b : { ...b, text };
  }
  return b;
}

export interface PastedSlides {
  /** The new slides (new ids, figure references re-keyed), in the payload's order; sections are for the caller. */
  slides: Slide[];
  /** Figures the deck must gain for them (new keys, or keys it did not have). */
  figures: Figure[];
}

/**
 * What pasting `payload` into a deck holding `figures` adds. A figure the deck already has (same key, same figure)
 * is shared; a different figure under a key the deck uses is brought in under a new key, and the pasted text follows.
 */
export function pasteSlides(payload: SlidesPayload, figures: readonly Figure[], makeId: () => string): PastedSlides {
  const have = new Map(figures.map((f) => [f.key, f]));
  const taken = new Set(have.keys());
  const rename = new Map<string, string>();
  const added: Figure[] = [];
  const needed = figureKeysOf(payload.slides);
  for (const f of payload.figures) {
    if (!needed.has(f.key)) continue;
    const mine = have.get(f.key);
    if (mine && sameFigure(mine, f)) continue;
    const key = mine ? freeKey(f.key, taken) : f.key;
    taken.add(key);
    if (key !== f.key) rename.set(f.key, key);
    added.push({ ...f, key });
  }
  const slides = payload.slides.map((s) => ({
    ...s,
    id: makeId(),
    title: rekeyText(s.title, rename),
    blocks: s.blocks.map((b) => rekeyBlock(b, rename)),
    notes: rekeyText(s.notes, rename),
    section: null,
  }));
  return { slides, figures: added };
}

/** The slides as plain text for other programs: each title, then its texts indented. */
export function slidesOutline(slides: readonly Pick<Slide, 'title' | 'blocks'>[], figures: ReadonlyMap<string, Pick<Figure, 'display'>>): string {
  const show = (text: string) => resolveFigureRefs(text, figures);
  return slides
    .map((s) => [show(s.title), ...s.blocks.flatMap((b) => (b.kind === 'bullet' || b.kind === 'text' ? [`\t${show(b.text)}`] : []))].join('\n'))
    .join('\n\n');
}
