// What the audience sees: picture placeholders left out of slides, slides of nothing but placeholders left out, the
// editor's list of missing photos.
import { describe, expect, it } from 'vitest';
import { audienceSlides, forAudience, isPicturePlaceholder, missingPictures, picturesShown } from '../../../decks/common/audience.ts';
import type { Block, Slide } from '../../../decks/common/model.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const picture = (assetId: string | null, caption = ''): Block => ({ kind: 'image', assetId, caption, credit: '' });
const bullet = (text: string): Block => ({ kind: 'bullet', text, level: 0 });
const slide = (id: string, layout: Slide['layout'], blocks: Block[]): Slide => ({ id, layout, title: id, blocks, notes: '', hidden: false, section: null });

describe('audience', () => {
  it('knows a placeholder: no picture, or one the deck does not hold', () => {
    expect(isPicturePlaceholder(picture(null))).toBe(true);
    expect(isPicturePlaceholder(picture(A))).toBe(false);
    expect(isPicturePlaceholder(picture(A), new Set([B]))).toBe(true);
    expect(isPicturePlaceholder(picture(A), new Set([A]))).toBe(false);
    expect(isPicturePlaceholder(bullet('x'))).toBe(false);
  });

  it('leaves placeholders out of a slide, and keeps the same object when there are none', () => {
    const plain = slide('s1', 'points', [bullet('一'), picture(A)]);
    expect(forAudience(plain)).toBe(plain);
    const mixed = slide('s2', 'image', [picture(null, '待补'), bullet('要点')]);
    expect(forAudience(mixed)?.blocks).toEqual([bullet('要点')]);
    expect(mixed.blocks).toHaveLength(2); // the slide itself is not changed
  });

  it('leaves out a content slide that held nothing but placeholders, never a cover', () => {
    expect(forAudience(slide('p', 'image', [picture(null), picture(null)]))).toBeNull();
    expect(forAudience(slide('q', 'points', [picture(A)]), new Set())).toBeNull();
    const section = slide('s', 'section', [picture(null)]);
    expect(forAudience(section)).toEqual({ ...section, blocks: [] });
    // An empty slide that never had a placeholder stays: what is left out is only what waits for a photo.
    const empty = slide('e', 'points', []);
    expect(forAudience(empty)).toBe(empty);
  });

  it('lists the slides the audience sees and the ones missing photos, in order', () => {
    const slides = [slide('1', 'title', []), slide('2', 'image', [picture(null)]), slide('3', 'image', [picture(A), picture(null)]), slide('4', 'points', [picture(B)])];
    expect(audienceSlides(slides, new Set([A, B])).map((s) => s.id)).toEqual(['1', '3', '4']);
    expect(missingPictures(slides, new Set([A])).map((m) => [m.slide.id, m.count, m.leftOut])).toEqual([
      ['2', 1, true],
      ['3', 1, false],
      ['4', 1, true],
    ]);
    expect([...picturesShown(slides)].sort()).toEqual([A, B]);
  });
});
