// The rules that decide a who-said answer, pinned at their boundaries: one case just inside,
// one just outside. Loosening any tolerance (words found, weight found, differences allowed, a
// clause's length) turns one of these red.
import { describe, expect, it } from 'vitest';
import { alignFragment, CLAUSE_WORDS, type Alignment } from '../../../src/core/ask/alignFragment.ts';
import { allowedDiffering, judge, mayBeAccepted, MIN_FOUND, MIN_WEIGHT_FOUND } from '../../../src/core/ask/verdict.ts';
import { wordSpans, wordsOf } from '../../../src/core/search/words.ts';

function alignment(parts: Partial<Alignment>): Alignment {
  return { score: 1, exact: 0, similar: 0, missing: 0, extra: 0, extraRuns: 0, negationDiffers: false, swapped: 0, weightFound: 1, span: { start: 0, end: 1 }, marks: [], edits: [], ...parts };
}

describe('judge', () => {
  it.each([
    // n, alignment, verdict for a quote
    ['every word as written', 9, { exact: 9 }, 'exact'],
    ['one word changed', 9, { exact: 8, missing: 1, weightFound: 0.9 }, 'close'],
    ['differences at the limit (10 words, 4 allowed), 70% found', 10, { exact: 7, missing: 3, weightFound: 0.7 }, 'close'],
    ['one word fewer found: 60%', 10, { exact: 6, missing: 4, weightFound: 0.7 }, null],
    ['weight found at the limit', 10, { exact: 9, missing: 1, weightFound: MIN_WEIGHT_FOUND }, 'close'],
    ['weight found just under', 10, { exact: 9, missing: 1, weightFound: MIN_WEIGHT_FOUND - 0.01 }, null],
    // Passage words the fragment left out weigh half a difference each (a clause, half once).
    ['12 words, 8 passage words left out one by one: weighs 4, the limit', 12, { exact: 12, extra: 8, extraRuns: 8 }, 'close'],
    ['12 words, 9 left out one by one: weighs 4.5, over', 12, { exact: 12, extra: 9, extraRuns: 9 }, null],
    ['9 words, one changed and 4 left out: weighs 3, the limit', 9, { exact: 8, missing: 1, extra: 4, extraRuns: 4, weightFound: 0.9 }, 'close'],
    ['9 words, one changed and 5 left out: weighs 3.5, over', 9, { exact: 8, missing: 1, extra: 5, extraRuns: 5, weightFound: 0.9 }, null],
    ['a negation the passage does not have', 9, { exact: 8, missing: 1, weightFound: 0.9, negationDiffers: true }, null],
    ['a clause left out counts once', 9, { exact: 9, extra: CLAUSE_WORDS, extraRuns: 1 }, 'close'],
    ['three words, one misspelled: two as written', 3, { exact: 2, similar: 1 }, 'close'],
    ['three words, two misspelled: one as written', 3, { exact: 1, similar: 2 }, null],
    ['five words, two misspelled, three as written', 5, { exact: 3, similar: 2, weightFound: 0.8 }, 'close'],
    ['five words, three misspelled', 5, { exact: 2, similar: 3, weightFound: 0.8 }, null],
  ] as const)('%s (%i words) → %s', (_what, n, parts, verdict) => {
    expect(judge(alignment(parts), n, 'quote')).toBe(verdict);
  });

  it('narration and reported speech are never a quote: an exact or close match on them is reported', () => {
    expect(judge(alignment({ exact: 9 }), 9, 'narration')).toBe('reported');
    expect(judge(alignment({ exact: 8, missing: 1 }), 9, 'reported')).toBe('reported');
    expect(judge(alignment({ exact: 9 }), 9, 'question')).toBe('exact');
    expect(judge(alignment({ exact: 6, missing: 4 }), 10, 'narration')).toBeNull();
  });
});

describe('allowedDiffering and mayBeAccepted', () => {
  it.each([[3, 1], [4, 1], [5, 2], [8, 2], [9, 3], [10, 4], [12, 4], [13, 5]])('%i words may differ by %i', (n, allowed) => {
    expect(allowedDiffering(n)).toBe(allowed);
  });

  it.each([
    [10, 7, 0.6, true],
    [10, 6, 0.9, false],
    [10, 9, 0.59, false],
    [3, 2, 0.7, false], // 3 words: two found is under 70%
    [4, 3, 0.7, true],
  ])('%i words, %i found, weight %f: %s', (n, found, weight, ok) => {
    expect(mayBeAccepted(found, weight, n)).toBe(ok);
  });

  it('holds the thresholds named in the architecture document', () => {
    expect([MIN_FOUND, MIN_WEIGHT_FOUND]).toEqual([0.7, 0.6]);
  });
});

describe('a clause left out, as the alignment counts it', () => {
  const fragment = 'the mayor said the bridge would reopen on friday';
  const words = wordsOf(fragment);
  const insert = (k: number) => `The mayor said ${Array.from({ length: k }, (_, i) => `w${i}x`).join(' ')} the bridge would reopen on Friday.`;
  it(`${CLAUSE_WORDS} words in a row are one difference`, () => {
    const a = alignFragment(words, words.map(() => 1), wordSpans(insert(CLAUSE_WORDS)))!;
    expect(a.extra).toBe(CLAUSE_WORDS);
    expect(a.extraRuns).toBe(1);
  });
  it(`${CLAUSE_WORDS + 1} words in a row are each a difference`, () => {
    const a = alignFragment(words, words.map(() => 1), wordSpans(insert(CLAUSE_WORDS + 1)));
    expect(a === null || a.extraRuns === 0 || a.extraRuns > CLAUSE_WORDS || a.exact < words.length).toBe(true);
  });
});
