import { describe, expect, it } from 'vitest';
import { FIT_MIN, fitAll, fitSteps } from '../../../../renderer/src/slides/fitText.ts';

/** A fake slide whose text is `excess` times too large at full size; it records the scales it was given. */
function fake(excess: number) {
  return { excess, scale: 1, given: [] as number[] };
}
type Fake = ReturnType<typeof fake>;
const setScale = (f: Fake, s: number) => {
  f.scale = s;
  f.given.push(s);
};

describe('fitText', () => {
  it('tries full size down to the minimum in steps of 5%', () => {
    expect(fitSteps()).toEqual([1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7]);
    expect(fitSteps(0.8, 0.1)).toEqual([1, 0.9, 0.8]);
  });

  it('keeps full size when the text fits, shrinks to the largest size that fits, flags what never fits', () => {
    const fits = fake(1);
    const tall = fake(1.2); // fits from 1/1.2 ≈ 0.833 down: 0.8
    const hopeless = fake(2);
    let reads = 0;
    const results = fitAll([fits, tall, hopeless], setScale, (f) => {
      reads += 1;
      return f.excess * f.scale <= 1;
    });
    expect(results).toEqual([
      { scale: 1, overflow: false },
      { scale: 0.8, overflow: false },
      { scale: FIT_MIN, overflow: true },
    ]);
    expect(fits.given).toEqual([1]);
    expect(tall.given).toEqual([1, 0.95, 0.9, 0.85, 0.8]);
    expect(hopeless.given).toEqual(fitSteps());
    // Batched: one read per open slide per round, and only as many rounds as the slowest slide needs.
    expect(reads).toBe(1 + 5 + 7);
  });

  it('does nothing for no slides', () => {
    expect(fitAll([], setScale, () => true)).toEqual([]);
  });
});
