import { describe, expect, it } from 'vitest';
import { groupSlides, sectionNumbers } from '../../../../renderer/src/editor/slideList.ts';
import { sampleDeck } from '../slides/deckFixture.ts';

describe('groupSlides', () => {
  it('groups slides under the section slide that opens them, in order', () => {
    const groups = groupSlides(sampleDeck());
    expect(groups.map((g) => g.section?.title ?? null)).toEqual([null, '兴产业强平台', '促融合提能级']);
    expect(groups.map((g) => g.slides.map((s) => s.slide.id))).toEqual([['s1', 's2', 's3'], ['s4', 's5', 's6'], ['s7', 's8', 's9']]);
    expect(groups.flatMap((g) => g.slides.map((s) => s.index))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...sectionNumbers(groups)]).toEqual([['s4', 1], ['s7', 2]]);
  });

  it('resolves figure references in titles for names', () => {
    const deck = sampleDeck();
    deck.slides[4] = { ...deck.slides[4]!, title: '增长{fig:gdp}' };
    expect(groupSlides(deck)[1]!.slides[1]!.plainTitle).toBe('增长5.5%');
  });

  it('handles a deck without sections or slides', () => {
    expect(groupSlides({ slides: [], figures: [] })).toEqual([]);
    const noSections = sampleDeck();
    noSections.slides = noSections.slides.filter((s) => s.layout !== 'section');
    expect(groupSlides(noSections)).toHaveLength(1);
  });
});
