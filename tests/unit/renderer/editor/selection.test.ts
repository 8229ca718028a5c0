import { describe, expect, it } from 'vitest';
import { clickSelect, reconcile, single, stepSelect } from '../../../../renderer/src/editor/selection.ts';

const order = ['a', 'b', 'c', 'd', 'e'];

describe('sorter selection', () => {
  it('click selects one, Ctrl toggles, Shift selects a range from the anchor', () => {
    let sel = clickSelect(single('a'), order, 'b', {});
    expect(sel).toEqual({ ids: ['b'], current: 'b', anchor: 'b' });
    sel = clickSelect(sel, order, 'd', { toggle: true });
    expect(sel.ids).toEqual(['b', 'd']);
    sel = clickSelect(sel, order, 'b', { toggle: true });
    expect(sel).toEqual({ ids: ['d'], current: 'd', anchor: 'd' });
    expect(clickSelect(sel, order, 'd', { toggle: true }).ids).toEqual(['d']);
    sel = clickSelect(sel, order, 'b', { shift: true });
    expect(sel).toEqual({ ids: ['b', 'c', 'd'], current: 'b', anchor: 'd' });
  });
  it('arrows move the current slide, Shift+arrows extend, both clamped to the deck', () => {
    let sel = stepSelect(single('b'), order, 1, false);
    expect(sel).toEqual(single('c'));
    sel = stepSelect(sel, order, 1, true);
    sel = stepSelect(sel, order, 1, true);
    expect(sel).toEqual({ ids: ['c', 'd', 'e'], current: 'e', anchor: 'c' });
    expect(stepSelect(sel, order, 10, false)).toEqual(single('e'));
    expect(stepSelect(single('a'), order, -1, false)).toEqual(single('a'));
  });
  it('reconciles after slides are deleted: the next slide becomes current', () => {
    const sel = { ids: ['b', 'c'], current: 'c', anchor: 'b' };
    expect(reconcile(sel, ['a', 'd', 'e'], order)).toEqual(single('d'));
    expect(reconcile(sel, ['a', 'b'], order)).toEqual({ ids: ['b'], current: 'b', anchor: 'b' });
    expect(reconcile(sel, ['c', 'a'], order)).toEqual({ ids: ['c'], current: 'c', anchor: 'c' });
  });
});
