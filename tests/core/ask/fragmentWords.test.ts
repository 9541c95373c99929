import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXACT, FragmentWords, SIMILAR } from '../../../src/core/ask/fragmentWords.ts';
import { compareWords } from '../../../src/core/search/similarWords.ts';
import { wordsOf } from '../../../src/core/search/words.ts';

// Words that are equal, inflected, misspelled or unrelated to one another.
const VOCABULARY = ['border', 'borders', 'boarder', 'the', 'of', 'senate', 'seante', 'senator', 'peace', 'piece', 'talks', 'talking', 'wall', 'will'];

describe('FragmentWords', () => {
  it('compares each fragment word with a passage word as compareWords does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 8 }), fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 20 }), (fragment, passage) => {
        const matcher = new FragmentWords(fragment, fragment.map(() => 1));
        for (const word of passage) {
          const row = matcher.rowOf(word);
          fragment.forEach((f, i) => {
            const m = compareWords(f, word);
            expect(matcher.kind(row, i)).toBe(m === 'exact' ? EXACT : m === 'similar' ? SIMILAR : 0);
          });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('bounds what an alignment could find within any window of passage words, as a brute force over windows does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 30 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom(0, 0.3, 0.6, 0.9),
        (weighted, passageWords, window, wanted, minShare) => {
          const fragment = weighted.map(([w]) => w);
          const weights = weighted.map(([, x]) => x);
          const total = weights.reduce((a, b) => a + b, 0);
          const text = passageWords.map((w, k) => (k % 3 === 0 ? w.toUpperCase() : w)).join(', ');
          const words = wordsOf(text);
          // Every window of `window` words (the whole passage when it is shorter).
          const windows = words.length <= window ? [words] : words.slice(0, words.length - window + 1).map((_, s) => words.slice(s, s + window));
          const reaches = windows.map((ws) => {
            const hit = fragment.map((f) => ws.some((w) => compareWords(f, w) !== 'none'));
            return { found: hit.filter(Boolean).length, weightShare: hit.reduce((sum, h, i) => sum + (h ? weights[i]! : 0), 0) / total };
          });
          const matcher = new FragmentWords(fragment, weights);
          // The same matcher answers for many passages in turn; each answer stands alone.
          matcher.reach('senate talks on the border wall', 3, () => false);

          const fullest = matcher.reach(text, window, () => false);
          const most = Math.max(...reaches.map((r) => r.found));
          expect(fullest.found).toBe(most);
          expect(fullest.weightShare).toBeCloseTo(Math.max(...reaches.filter((r) => r.found === most).map((r) => r.weightShare)), 10);

          // As who-said asks: enough words and enough of their weight, in the same window. A
          // window with fewer words but more weight can be the only one that is enough.
          const enough = (found: number, share: number) => found >= wanted && share >= minShare;
          const got = matcher.reach(text, window, enough);
          expect(enough(got.found, got.weightShare)).toBe(reaches.some((r) => enough(r.found, r.weightShare)));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('finds the window that is enough even when an earlier one holds more words but less weight', () => {
    const matcher = new FragmentWords(['senate', 'talks', 'border', 'wall'], [5, 1, 1, 1]);
    const enough = (found: number, share: number) => found >= 2 && share >= 0.6;
    // "talks border wall": three words, 3/8 of the weight; "senate talks": two words, 6/8.
    const reach = matcher.reach('talks border wall x x x senate talks x', 3, enough);
    expect(reach).toEqual({ found: 2, weightShare: 0.75 });
    // With nothing enough, the fullest window is given, for ranking near misses.
    expect(matcher.reach('talks border wall x x x senate talks x', 3, () => false)).toEqual({ found: 3, weightShare: 0.375 });
  });
});
