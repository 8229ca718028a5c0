import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../decks/common/api.ts';
import { deleteSlides, duplicateSlides, insertSlide, moveSlides, withSections } from '../../../decks/common/deckOps.ts';

const order = ['a', 'b', 'c', 'd', 'e'];

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof ApiError ? err.code : 'not an ApiError';
  }
  return undefined;
}

describe('insertSlide', () => {
  it('puts a slide last, first, or after another', () => {
    expect(insertSlide(order, 'x')).toEqual(['a', 'b', 'c', 'd', 'e', 'x']);
    expect(insertSlide(order, 'x', null)).toEqual(['x', 'a', 'b', 'c', 'd', 'e']);
    expect(insertSlide(order, 'x', 'c')).toEqual(['a', 'b', 'c', 'x', 'd', 'e']);
  });
  it('refuses an unknown anchor', () => {
    expect(codeOf(() => insertSlide(order, 'x', 'zz'))).toBe('NOT_FOUND');
  });
});

describe('moveSlides', () => {
  it('moves one slide forward and backward', () => {
    expect(moveSlides(order, ['a'], 'c')).toEqual(['b', 'c', 'a', 'd', 'e']);
    expect(moveSlides(order, ['e'], 'a')).toEqual(['a', 'e', 'b', 'c', 'd']);
  });
  it('moves to the start with a null anchor', () => {
    expect(moveSlides(order, ['d'], null)).toEqual(['d', 'a', 'b', 'c', 'e']);
  });
  it('keeps the moved slides in deck order, whatever order they were given in', () => {
    expect(moveSlides(order, ['e', 'b'], 'c')).toEqual(['a', 'c', 'b', 'e', 'd']);
  });
  it('anchors on the nearest staying slide before the anchor when the anchor is itself moved', () => {
    expect(moveSlides(order, ['b', 'd'], 'd')).toEqual(['a', 'c', 'b', 'd', 'e']);
    expect(moveSlides(order, ['a', 'b'], 'b')).toEqual(order);
  });
  it('does not lose or repeat slides', () => {
    const moved = moveSlides(order, ['a', 'c', 'e'], 'b');
    expect([...moved].sort()).toEqual([...order].sort());
  });
  it('refuses unknown slides and anchors', () => {
    expect(codeOf(() => moveSlides(order, ['zz'], null))).toBe('NOT_FOUND');
    expect(codeOf(() => moveSlides(order, ['a'], 'zz'))).toBe('NOT_FOUND');
  });
});

describe('deleteSlides', () => {
  it('removes the given slides and keeps the rest in order', () => {
    expect(deleteSlides(order, ['b', 'd'])).toEqual(['a', 'c', 'e']);
  });
  it('refuses an unknown slide', () => {
    expect(codeOf(() => deleteSlides(order, ['a', 'zz']))).toBe('NOT_FOUND');
  });
});

describe('duplicateSlides', () => {
  it('puts the copies, in deck order, after the last selected slide', () => {
    let n = 0;
    const r = duplicateSlides(order, ['d', 'b'], () => `copy${++n}`);
    expect(r.copies).toEqual([
      { from: 'b', id: 'copy1' },
      { from: 'd', id: 'copy2' },
    ]);
    expect(r.order).toEqual(['a', 'b', 'c', 'd', 'copy1', 'copy2', 'e']);
  });
  it('refuses an unknown slide', () => {
    expect(codeOf(() => duplicateSlides(order, ['zz'], () => 'x'))).toBe('NOT_FOUND');
  });
});

describe('withSections', () => {
  it('gives each slide the nearest section slide at or before it', () => {
    const slides = [
      { id: 't', layout: 'title' as const },
      { id: 's1', layout: 'section' as const },
      { id: 'p1', layout: 'points' as const },
      { id: 's2', layout: 'section' as const },
      { id: 'p2', layout: 'figures' as const },
    ];
    expect(withSections(slides).map((s) => s.section)).toEqual([null, 's1', 's1', 's2', 's2']);
  });
});

// ---- The editor's model: slides and figures as values ----
import type { Figure, Slide } from '../../../decks/common/model.ts';
import {
  arrangeSlides,
  blankSlide,
  deleteSlideValues,
  diffFigures,
  diffSlides,
  dropAnchor,
  duplicateSlideValues,
  expandSections,
  figureUsage,
  insertSlideValue,
  moveSlideValues,
  resection,
  setFigureLabel,
  setFigureValue,
  stepAnchor,
  updateSlide,
} from '../../../decks/common/deckOps.ts';

function mk(id: string, layout: Slide['layout'] = 'points', extra: Partial<Slide> = {}): Slide {
  return { id, layout, title: id.toUpperCase(), blocks: [], notes: '', hidden: false, section: null, ...extra };
}
// t | S1: a b | S2: c d
const deck = resection([mk('t', 'title'), mk('S1', 'section'), mk('a'), mk('b'), mk('S2', 'section'), mk('c'), mk('d')]);
const ids = (slides: readonly Slide[]) => slides.map((s) => s.id);

const gdp: Figure = {
  key: 'gdp', label: '地区生产总值增长', value: 5.5, unit: '%', pattern: '{v}%', decimals: 1, grouped: false,
  qualifier: '', direction: '增长', asOf: null, source: null, display: '5.5%', updatedAt: '2024-01-01T00:00:00.000Z',
};

describe('resection and arrangeSlides', () => {
  it('recomputes sections and keeps the identity of slides whose section did not change', () => {
    expect(deck.map((s) => s.section)).toEqual([null, 'S1', 'S1', 'S1', 'S2', 'S2', 'S2']);
    const again = resection(deck);
    again.forEach((s, i) => expect(s).toBe(deck[i]));
    const moved = arrangeSlides(deck, ['t', 'S1', 'a', 'S2', 'b', 'c', 'd']);
    expect(moved.find((s) => s.id === 'b')!.section).toBe('S2');
    expect(moved.find((s) => s.id === 'a')).toBe(deck[2]);
  });
  it('refuses an order that is not a permutation of the slides', () => {
    expect(codeOf(() => arrangeSlides(deck, ['t', 'S1']))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => arrangeSlides(deck, ['t', 'S1', 'a', 'b', 'S2', 'c', 'zz']))).toBe('NOT_FOUND');
  });
});

describe('updateSlide', () => {
  it('changes only the fields given and leaves the input untouched', () => {
    const next = updateSlide(deck, 'a', { title: '新标题', notes: undefined });
    expect(next[2]).toMatchObject({ id: 'a', title: '新标题', notes: '' });
    expect(deck[2]!.title).toBe('A');
    expect(next[3]).toBe(deck[3]);
  });
  it('recomputes sections when a layout changes', () => {
    const next = updateSlide(deck, 'b', { layout: 'section' });
    expect(next.map((s) => s.section)).toEqual([null, 'S1', 'S1', 'b', 'S2', 'S2', 'S2']);
  });
  it('refuses an unknown slide', () => {
    expect(codeOf(() => updateSlide(deck, 'zz', { title: 'x' }))).toBe('NOT_FOUND');
  });
});

describe('insert, duplicate, delete and move as values', () => {
  it('inserts a blank slide of a layout after a slide, into that slide’s section', () => {
    const next = insertSlideValue(deck, blankSlide('n', 'points'), 'b');
    expect(ids(next)).toEqual(['t', 'S1', 'a', 'b', 'n', 'S2', 'c', 'd']);
    expect(next[4]).toMatchObject({ section: 'S1', blocks: [{ kind: 'bullet', text: '', level: 0 }] });
    expect(blankSlide('q', 'quote').blocks).toEqual([{ kind: 'text', text: '', role: 'quote' }]);
  });
  it('duplicates after the last selected slide with the ids given', () => {
    let n = 0;
    const r = duplicateSlideValues(deck, ['c', 'a'], () => `copy${++n}`);
    expect(ids(r.slides)).toEqual(['t', 'S1', 'a', 'b', 'S2', 'c', 'copy1', 'copy2', 'd']);
    expect(r.copies).toEqual(['copy1', 'copy2']);
    expect(r.slides[6]).toMatchObject({ title: 'A', section: 'S2' });
    expect(r.slides[7]).toMatchObject({ title: 'C', section: 'S2' });
  });
  it('deletes and re-sections: deleting a section slide joins its slides to the section before', () => {
    const next = deleteSlideValues(deck, ['S2']);
    expect(ids(next)).toEqual(['t', 'S1', 'a', 'b', 'c', 'd']);
    expect(next.at(-1)!.section).toBe('S1');
  });
  it('moves across sections', () => {
    const next = moveSlideValues(deck, ['a'], 'c');
    expect(ids(next)).toEqual(['t', 'S1', 'b', 'S2', 'c', 'a', 'd']);
    expect(next[5]!.section).toBe('S2');
  });
});

describe('sections move as a whole', () => {
  it('expands a section slide to its whole section', () => {
    expect(expandSections(deck, ['S1'])).toEqual(['S1', 'a', 'b']);
    expect(expandSections(deck, ['d', 'S1'])).toEqual(['S1', 'a', 'b', 'd']);
    expect(expandSections(deck, ['a'])).toEqual(['a']);
  });
  it('lands a section dropped inside another section at that section’s end', () => {
    expect(dropAnchor(deck, ['S1', 'a', 'b'], 'c')).toBe('d');
    expect(dropAnchor(deck, ['a'], 'c')).toBe('c');
    expect(dropAnchor(deck, ['S2', 'c', 'd'], 't')).toBe('t');
    expect(dropAnchor(deck, ['S2', 'c', 'd'], null)).toBeNull();
  });
  it('steps one slide, or one whole section, up and down (Alt+↑/↓)', () => {
    expect(stepAnchor(deck, ['a'], 1)).toBe('b');
    expect(stepAnchor(deck, ['b'], 1)).toBe('S2');
    expect(stepAnchor(deck, ['a'], -1)).toBe('t');
    expect(stepAnchor(deck, ['t'], -1)).toBeUndefined();
    expect(stepAnchor(deck, ['d'], 1)).toBeUndefined();
    expect(stepAnchor(deck, ['S1'], 1)).toBe('d');
    expect(stepAnchor(deck, ['S2'], -1)).toBe('t');
    expect(ids(moveSlideValues(deck, expandSections(deck, ['S2']), stepAnchor(deck, ['S2'], -1)!))).toEqual(['t', 'S2', 'c', 'd', 'S1', 'a', 'b']);
    expect(stepAnchor(deck, ['t'], 1)).toBe('S1');
  });
});

describe('figures', () => {
  it('sets a value as typed, reformats the display and reports the change', () => {
    const r = setFigureValue([gdp], 'gdp', ' 5.80 ', '2024-02-01T00:00:00.000Z');
    expect(r.figures[0]).toMatchObject({ value: 5.8, decimals: 2, display: '5.80%', updatedAt: '2024-02-01T00:00:00.000Z' });
    expect(r.change).toEqual({ key: 'gdp', oldValue: 5.5, newValue: 5.8, changedAt: '2024-02-01T00:00:00.000Z' });
    expect(gdp.value).toBe(5.5);
  });
  it('refuses what is not a number with a clear message in both languages, and an unknown key', () => {
    let err: unknown;
    try {
      setFigureValue([gdp], 'gdp', 'abc', 'x');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('INVALID_ARGUMENT');
    expect((err as ApiError).zh).toContain('“abc”不是有效的数字');
    expect((err as ApiError).en).toContain('is not a number');
    expect(codeOf(() => setFigureValue([gdp], 'nope', '1', 'x'))).toBe('NOT_FOUND');
  });
  it('finds which slides show each figure: in titles, bullets, callouts, table cells and notes', () => {
    const slides = resection([
      mk('x', 'points', { blocks: [{ kind: 'bullet', text: '增长{fig:gdp}', level: 0 }] }),
      mk('y', 'figures', { blocks: [{ kind: 'figure', key: 'rank' }] }),
      mk('z', 'points', { notes: '备注{fig:gdp}和{fig:jobs}' }),
      mk('t', 'points', { blocks: [{ kind: 'table', header: ['指标', '{fig:year}'], rows: [['就业', '{fig:jobs}']] }] }),
    ]);
    expect(Object.fromEntries(figureUsage(slides))).toEqual({ gdp: ['x', 'z'], rank: ['y'], jobs: ['z', 't'], year: ['t'] });
  });
  it('diffs figure values into what to send, written as shown', () => {
    const changed = setFigureValue([gdp], 'gdp', '1,286.4', 'x').figures;
    expect(diffFigures([gdp], changed)).toEqual([{ key: 'gdp', value: '1,286.4' }]);
    expect(diffFigures([gdp], [gdp])).toEqual([]);
  });
  it('renames a figure once for every slide: its label, and the cards that carried a copy of the old one', () => {
    const slides = resection([
      mk('x', 'figures', { blocks: [{ kind: 'figure', key: 'gdp', caption: gdp.label }, { kind: 'figure', key: 'gdp', caption: '自定的说明' }] }),
      mk('y', 'points', { blocks: [{ kind: 'bullet', text: '增长{fig:gdp}', level: 0 }] }),
    ]);
    const r = setFigureLabel({ slides, figures: [gdp] }, 'gdp', '  地区生产总值  增长 ');
    expect(r.figures[0]!.label).toBe('地区生产总值 增长');
    expect(r.slides[0]!.blocks).toEqual([{ kind: 'figure', key: 'gdp' }, { kind: 'figure', key: 'gdp', caption: '自定的说明' }]);
    expect(r.slides[1]).toBe(slides[1]);
    expect(gdp.label).not.toBe('地区生产总值 增长');
    // The same label again is no edit at all.
    const same = { slides, figures: [gdp] };
    expect(setFigureLabel(same, 'gdp', gdp.label)).toBe(same);
  });
  it('refuses a blank or overlong label, and an unknown key, in both languages', () => {
    const model = { slides: [], figures: [gdp] };
    expect(codeOf(() => setFigureLabel(model, 'gdp', '  '))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => setFigureLabel(model, 'gdp', '长'.repeat(201)))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => setFigureLabel(model, 'nope', '名称'))).toBe('NOT_FOUND');
    try {
      setFigureLabel(model, 'gdp', '');
    } catch (e) {
      expect((e as ApiError).zh).toContain('数据名称不能为空');
      expect((e as ApiError).en).toContain('needs a name');
    }
  });
  it('diffs labels too, so the autosave sends a new label with or without a new value', () => {
    const renamed = setFigureLabel({ slides: [], figures: [gdp] }, 'gdp', '经济增速').figures;
    expect(diffFigures([gdp], renamed)).toEqual([{ key: 'gdp', label: '经济增速' }]);
    const both = setFigureValue(renamed, 'gdp', '6', 'x').figures;
    expect(diffFigures([gdp], both)).toEqual([{ key: 'gdp', value: '6', label: '经济增速' }]);
  });
});

describe('diffSlides', () => {
  it('finds nothing to save when nothing changed, even when slide objects were remade', () => {
    expect(diffSlides(deck, deck)).toEqual({ slides: [], removed: [], order: null });
    expect(diffSlides(deck, deck.map((s) => ({ ...s, blocks: [...s.blocks] })))).toEqual({ slides: [], removed: [], order: null });
  });
  it('writes changed and new slides whole (without their section), removals, and the order when it changed', () => {
    const edited = updateSlide(deck, 'a', { title: '改' });
    expect(diffSlides(deck, edited)).toEqual({ slides: [{ id: 'a', layout: 'points', title: '改', blocks: [], notes: '', hidden: false }], removed: [], order: null });
    const moved = moveSlideValues(deck, ['d'], 't');
    expect(diffSlides(deck, moved)).toEqual({ slides: [], removed: [], order: ['t', 'd', 'S1', 'a', 'b', 'S2', 'c'] });
    const removed = deleteSlideValues(deck, ['b']);
    expect(diffSlides(deck, removed)).toEqual({ slides: [], removed: ['b'], order: null });
    const added = insertSlideValue(deck, blankSlide('n', 'closing'), null);
    const d = diffSlides(deck, added);
    expect(d.slides.map((s) => s.id)).toEqual(['n']);
    expect(d.order![0]).toBe('n');
  });
});
