import { describe, expect, it } from 'vitest';
import { rowAt, rowOffsets, scrollToShow, visibleRange } from '../../../../renderer/src/editor/windowing.ts';

describe('windowed list', () => {
  const heights = [30, 100, 100, 30, 100, 100, 100];
  const { tops, total } = rowOffsets(heights);
  it('computes tops and the total height', () => {
    expect(tops).toEqual([0, 30, 130, 230, 260, 360, 460]);
    expect(total).toBe(560);
  });
  it('finds the row at a height and the rows meeting a viewport, with overscan', () => {
    expect(rowAt(tops, heights, 0)).toBe(0);
    expect(rowAt(tops, heights, 30)).toBe(1);
    expect(rowAt(tops, heights, 259)).toBe(3);
    expect(visibleRange(tops, heights, 130, 130, 0)).toEqual([2, 5]);
    expect(visibleRange(tops, heights, 130, 130, 1)).toEqual([1, 6]);
    expect(visibleRange([], [], 0, 100)).toEqual([0, 0]);
  });
  it('scrolls only as far as needed to show a row', () => {
    expect(scrollToShow(tops, heights, 2, 0, 300, 0)).toBe(0);
    expect(scrollToShow(tops, heights, 6, 0, 300, 0)).toBe(260);
    expect(scrollToShow(tops, heights, 1, 200, 300, 0)).toBe(30);
  });
});
