// The show's sliding window: which slides reveal.js holds, on opening, after a press, after a jump.
import { describe, expect, it } from 'vitest';
import { RENDER_DISTANCE, showWindow } from '../../../../renderer/src/presenter/showSlides.ts';

describe('showWindow', () => {
  it('holds only the first slide on opening, so it is painted before any other is laid out', () => {
    expect(showWindow(500, 0, null)).toEqual([0]);
    expect(showWindow(500, 250, null)).toEqual([250]);
  });

  it('holds the settled slide and its neighbours, clipped to the deck', () => {
    expect(RENDER_DISTANCE).toBe(2);
    expect(showWindow(500, 250, 250)).toEqual([248, 249, 250, 251, 252]);
    expect(showWindow(500, 0, 0)).toEqual([0, 1, 2]);
    expect(showWindow(500, 499, 499)).toEqual([497, 498, 499]);
    expect(showWindow(1, 0, 0)).toEqual([0]);
    expect(showWindow(0, 0, null)).toEqual([]);
  });

  it('keeps its size whatever the deck: a press changes no section until the window settles on the new slide', () => {
    for (const count of [50, 500, 5000]) expect(showWindow(count, 21, 20)).toEqual([18, 19, 20, 21, 22]);
    // The press forward already had its slide; the next one joins only once the window settles.
    expect(showWindow(500, 21, 20)).toEqual(showWindow(500, 20, 20));
    expect(showWindow(500, 21, 21)).toEqual([19, 20, 21, 22, 23]);
  });

  it('after a jump far away, holds the new slide and its neighbours beside the old window, in order', () => {
    expect(showWindow(500, 400, 20)).toEqual([18, 19, 20, 21, 22, 399, 400, 401]);
    expect(showWindow(500, 400, 400)).toEqual([398, 399, 400, 401, 402]);
  });
});
