// A windowed list for the sorter: rows of known heights (section headers and slide rows), only the visible ones rendered.
// Pure: offsets from heights, and which rows meet a viewport.

/** The top of each row and the total height, from the rows' heights. */
export function rowOffsets(heights: readonly number[]): { tops: number[]; total: number } {
  const tops = new Array<number>(heights.length);
  let y = 0;
  for (let i = 0; i < heights.length; i++) {
    tops[i] = y;
    y += heights[i]!;
  }
  return { tops, total: y };
}

/** The first row whose bottom is below `y` (binary search over the tops). */
export function rowAt(tops: readonly number[], heights: readonly number[], y: number): number {
  let lo = 0;
  let hi = tops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tops[mid]! + heights[mid]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo);
}

/** Rows to render for a viewport from `scrollTop` of `height`, with `overscan` rows either side: [start, end). */
export function visibleRange(tops: readonly number[], heights: readonly number[], scrollTop: number, height: number, overscan = 3): [number, number] {
  if (tops.length === 0) return [0, 0];
  const first = rowAt(tops, heights, scrollTop);
  const last = rowAt(tops, heights, scrollTop + height);
  return [Math.max(0, first - overscan), Math.min(tops.length, last + 1 + overscan)];
}

/** The scrollTop that brings row `i` into view (unchanged when it is already visible). */
export function scrollToShow(tops: readonly number[], heights: readonly number[], i: number, scrollTop: number, height: number, margin = 8): number {
  const top = tops[i];
  if (top === undefined) return scrollTop;
  const bottom = top + heights[i]!;
  if (top - margin < scrollTop) return Math.max(0, top - margin);
  if (bottom + margin > scrollTop + height) return bottom + margin - height;
  return scrollTop;
}
