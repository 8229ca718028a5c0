// The evaluation's fragment rule (tests/eval/measures.ts): what counts as a bullet leaning on another.
import { describe, expect, it } from 'vitest';
import { isFragment } from '../../eval/measures.ts';

const displays = new Map([
  ['f1', '6.2万人'],
  ['f2', '5.5%'],
  ['f3', '2.1个百分点'],
]);

describe('isFragment', () => {
  it('takes a statement opening with 为 before a noun as whole', () => {
    expect(isFragment('为辖区65岁以上老年人免费健康体检{fig:f1}', displays)).toBe(false);
  });

  it('still flags 为 before a number, and the other continuing openings', () => {
    expect(isFragment('为{fig:f2}，高于全省平均', displays)).toBe(true);
    expect(isFragment('其中规上工业增加值增长{fig:f2}', displays)).toBe(true);
    expect(isFragment('提高{fig:f3}', displays)).toBe(true);
  });

  it('flags a bullet that ends expecting more, unbalanced quotes and very short text', () => {
    expect(isFragment('推进老旧小区改造、', displays)).toBe(true);
    expect(isFragment('建设“青春之城', displays)).toBe(true);
    expect(isFragment('改造', displays)).toBe(true);
    expect(isFragment('完成8个老旧小区改造，惠及居民3200户', displays)).toBe(false);
  });
});
