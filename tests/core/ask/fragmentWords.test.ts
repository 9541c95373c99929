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

  it('bounds what an alignment could find: the fragment words matching some passage word, and their weight', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 20 }),
        (weighted, passageWords) => {
          const fragment = weighted.map(([w]) => w);
          const weights = weighted.map(([, x]) => x);
          const matcher = new FragmentWords(fragment, weights);
          const text = passageWords.map((w, k) => (k % 3 === 0 ? w.toUpperCase() : w)).join(', ');
          const words = wordsOf(text);
          const hit = fragment.map((f) => words.some((w) => compareWords(f, w) !== 'none'));
          const total = weights.reduce((a, b) => a + b, 0);
          const share = hit.reduce((sum, h, i) => sum + (h ? weights[i]! : 0), 0) / total;
          // The same matcher answers for many passages in turn; each answer stands alone.
          matcher.reach('senate talks on the border wall');
          const reach = matcher.reach(text);
          expect(reach.found).toBe(hit.filter(Boolean).length);
          expect(reach.weightShare).toBeCloseTo(share, 10);
        },
      ),
      { numRuns: 500 },
    );
  });
});
