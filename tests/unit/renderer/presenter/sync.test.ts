import { describe, expect, it } from 'vitest';
import { blankMessage, blankOf, channelName, parsePresentMessage } from '../../../../renderer/src/presenter/sync.ts';
import { isNear, positionOf, positionOfDeckIndex, shownSlides } from '../../../../renderer/src/presenter/showSlides.ts';
import type { Slide } from '../../../../decks/common/model.ts';

describe('present messages', () => {
  it('names one channel per deck', () => {
    expect(channelName('abc')).toBe('huibao-present-abc');
  });
  it('accepts well-formed messages and refuses everything else', () => {
    expect(parsePresentMessage({ type: 'goto', index: 3, slideId: 's4' })).toEqual({ type: 'goto', index: 3, slideId: 's4' });
    expect(parsePresentMessage({ type: 'goto', index: 3 })).toEqual({ type: 'goto', index: 3 });
    expect(parsePresentMessage({ type: 'blackout', on: true, color: 'white' })).toEqual({ type: 'blackout', on: true, color: 'white' });
    expect(parsePresentMessage({ type: 'state', index: 0, blank: 'black' })).toEqual({ type: 'state', index: 0, blank: 'black' });
    expect(parsePresentMessage({ type: 'hello', extra: '<script>' })).toEqual({ type: 'hello' });
    for (const bad of [null, 'goto', { type: 'goto', index: -1 }, { type: 'goto', index: 1.5 }, { type: 'goto', index: '2' }, { type: 'goto', index: 1, slideId: 7 }, { type: 'blackout', on: 'yes', color: 'black' }, { type: 'blackout', on: true, color: 'red' }, { type: 'state', index: 1, blank: 'grey' }, { type: 'eval' }]) {
      expect(parsePresentMessage(bad)).toBeNull();
    }
  });
  it('turns a blank mode into a message and back', () => {
    for (const mode of ['none', 'black', 'white'] as const) {
      const m = blankMessage(mode);
      expect(m.type).toBe('blackout');
      if (m.type === 'blackout') expect(blankOf(m)).toBe(mode);
    }
  });
});

const slide = (id: string, layout: Slide['layout'], hidden = false): Slide => ({ id, layout, title: id, blocks: [], notes: '', hidden, section: null });

describe('shown slides', () => {
  const deck = { slides: [slide('t', 'title'), slide('a', 'section'), slide('h', 'points', true), slide('p', 'points'), slide('hs', 'section', true), slide('b', 'section'), slide('c', 'closing')] };
  const shown = shownSlides(deck);
  it('leaves hidden slides out and numbers the rest, sections counted among shown ones', () => {
    expect(shown.map((s) => s.slide.id)).toEqual(['t', 'a', 'p', 'b', 'c']);
    expect(shown.map((s) => s.number)).toEqual([1, 2, 3, 4, 5]);
    expect(shown.map((s) => s.deckIndex)).toEqual([0, 1, 3, 5, 6]);
    expect(shown.map((s) => s.sectionNumber)).toEqual([undefined, 1, undefined, 2, undefined]);
  });
  it('maps a route index onto a shown slide (a hidden one goes to the next shown)', () => {
    expect(positionOfDeckIndex(shown, 0)).toBe(0);
    expect(positionOfDeckIndex(shown, 2)).toBe(2);
    expect(positionOfDeckIndex(shown, 3)).toBe(2);
    expect(positionOfDeckIndex(shown, 4)).toBe(3);
    expect(positionOfDeckIndex(shown, 99)).toBe(4);
  });
  it('finds a slide by id, else keeps the index within range', () => {
    expect(positionOf(shown, 'b', 0)).toBe(3);
    expect(positionOf(shown, 'gone', 2)).toBe(2);
    expect(positionOf(shown, undefined, 17)).toBe(4);
  });
  it('leaves picture placeholders out, and slides of nothing but placeholders', () => {
    const A = 'a'.repeat(64);
    const withBlocks = (id: string, blocks: Slide['blocks']): Slide => ({ ...slide(id, 'image'), blocks });
    const photos = {
      slides: [slide('t', 'title'), withBlocks('wait', [{ kind: 'image', assetId: null, caption: '待补', credit: '' }]), withBlocks('gone', [{ kind: 'image', assetId: 'f'.repeat(64), caption: '', credit: '' }]), withBlocks('ok', [{ kind: 'image', assetId: A, caption: '', credit: '' }, { kind: 'image', assetId: null, caption: '', credit: '' }])],
      assets: [{ id: A, mime: 'image/png' as const, caption: '', credit: '', bytes: 1, displayId: null }],
    };
    const out = shownSlides(photos);
    expect(out.map((s) => [s.slide.id, s.number, s.deckIndex])).toEqual([
      ['t', 1, 0],
      ['ok', 2, 3],
    ]);
    expect(out[1]!.slide.blocks).toEqual([{ kind: 'image', assetId: A, caption: '', credit: '' }]);
  });
  it('renders only the neighbours of the current slide', () => {
    expect([0, 1, 2, 3, 4, 5, 6].filter((i) => isNear(i, 3))).toEqual([1, 2, 3, 4, 5]);
  });
});
