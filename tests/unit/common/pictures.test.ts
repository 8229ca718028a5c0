// Placing and changing pictures as pure edits of the slides: where Insert › Picture puts one, a placeholder filled, a
// picture's fit, focus, caption changed.
import { describe, expect, it } from 'vitest';
import { placePicture, updatePicture } from '../../../decks/common/deckOps.ts';
import type { Block, Slide } from '../../../decks/common/model.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const slide = (id: string, layout: Slide['layout'], blocks: Block[]): Slide => ({ id, layout, title: id, blocks, notes: '', hidden: false, section: null });
const ids = () => {
  let n = 0;
  return () => `new${++n}`;
};

describe('placing a picture', () => {
  it('fills the first empty placeholder of the slide, filling its frame', () => {
    const slides = [slide('s1', 'image', [{ kind: 'bullet', text: '要点', level: 0 }, { kind: 'image', assetId: null, caption: '待补', credit: '' }])];
    const r = placePicture(slides, 's1', A, ids());
    expect(r).toMatchObject({ slideId: 's1', index: 1 });
    expect(r.slides[0]!.blocks[1]).toEqual({ kind: 'image', assetId: A, caption: '待补', credit: '', fit: 'fill' });
    expect(slides[0]!.blocks[1]).toMatchObject({ assetId: null });
  });

  it('sets it beside the points of a bullet slide, which becomes an image slide', () => {
    const r = placePicture([slide('p', 'points', [{ kind: 'bullet', text: '一', level: 0 }])], 'p', A, ids());
    expect(r.slides[0]!.layout).toBe('image');
    expect(r.slides[0]!.blocks.map((b) => b.kind)).toEqual(['image', 'bullet']);
  });

  it('gives it its own image slide after an agenda, a quote, figures or a cover', () => {
    for (const layout of ['agenda', 'quote', 'figures', 'title', 'section', 'closing'] as const) {
      const r = placePicture([slide('x', layout, []), slide('y', 'points', [])], 'x', A, ids());
      expect(r.slides.map((s) => s.id)).toEqual(['x', 'new1', 'y']);
      expect(r).toMatchObject({ slideId: 'new1', index: 0 });
      expect(r.slides[1]).toMatchObject({ layout: 'image', blocks: [{ kind: 'image', assetId: A, fit: 'fill' }] });
    }
  });

  it('changes one picture (fit, focus, caption) and refuses a block that is not one', () => {
    const slides = [slide('s', 'image', [{ kind: 'image', assetId: A, caption: '', credit: '' }, { kind: 'bullet', text: 'x', level: 0 }])];
    expect(updatePicture(slides, 's', 0, { fit: 'fill', focus: { x: 0.2, y: 0.8 }, caption: '新城' })[0]!.blocks[0]).toEqual({
      kind: 'image',
      assetId: A,
      caption: '新城',
      credit: '',
      fit: 'fill',
      focus: { x: 0.2, y: 0.8 },
    });
    expect(() => updatePicture(slides, 's', 1, { fit: 'fit' })).toThrow(/No such picture/);
    expect(() => placePicture(slides, 'nope', A, ids())).toThrow(/No such slide/);
  });
});
