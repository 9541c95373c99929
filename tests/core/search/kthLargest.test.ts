import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kthLargest } from '../../../src/core/search/kthLargest.ts';

describe('kthLargest', () => {
  it('agrees with sorting, however many values repeat', () => {
    // Few distinct values, as few words make few distinct sums, and many distinct ones.
    const value = fc.oneof(fc.constantFrom(0.5, 1.25, 3, 7.75), fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x + 0));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.nat(), (values, pick) => {
        const k = 1 + (pick % values.length);
        const expected = [...values].sort((a, b) => b - a)[k - 1];
        expect(kthLargest(Float64Array.from(values), values.length, k)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads only the given length, and answers -Infinity for a k out of range', () => {
    const values = Float64Array.from([1, 9, 4, 100, 100]);
    expect(kthLargest(values, 3, 1)).toBe(9);
    expect(kthLargest(values, 3, 3)).toBe(1);
    expect(kthLargest(values, 3, 4)).toBe(Number.NEGATIVE_INFINITY);
    expect(kthLargest(values, 3, 0)).toBe(Number.NEGATIVE_INFINITY);
  });
});
