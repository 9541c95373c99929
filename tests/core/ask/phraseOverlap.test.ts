import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhraseOverlap } from '../../../src/core/ask/phraseOverlap.ts';
import { wordsOf } from '../../../src/core/search/words.ts';

/** The plain definition, over word arrays. */
function expected(fragment: readonly string[], text: string): number {
  const words = wordsOf(text);
  const n = fragment.length;
  let pairs = 0;
  for (let k = 0; k + 1 < n; k++) {
    if (words.some((w, j) => w === fragment[k] && words[j + 1] === fragment[k + 1])) pairs++;
  }
  const whole = words.some((_, j) => fragment.every((f, i) => words[j + i] === f));
  return whole ? pairs + n : pairs;
}

describe('PhraseOverlap', () => {
  it('counts adjacent pairs and the whole fragment as the plain definition does', () => {
    // A small vocabulary, so pairs, repeats and whole fragments are common.
    const word = fc.constantFrom('the', 'of', 'border', 'talks', "don't", 'do', 'not', 'I\u2019m', 'am');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.array(fc.oneof(word, fc.constantFrom(', ', '. ', ' \u2014 ', ' ')), { maxLength: 30 }), (typed, parts) => {
        const fragment = wordsOf(typed.join(' '));
        const text = parts.join(' ');
        const overlap = new PhraseOverlap(fragment);
        overlap.score('the of the border talks'); // one instance scores many passages in turn
        expect(overlap.score(text)).toBe(expected(fragment, text));
      }),
      { numRuns: 2000 },
    );
  });

  it('ranks the whole fragment above any partial overlap, and reads words, not characters', () => {
    const overlap = new PhraseOverlap(wordsOf("we don't negotiate with them"));
    expect(overlap.score('Today we do not negotiate with them, he said.')).toBe(5 + 6);
    expect(overlap.score('We negotiate with them.')).toBe(2);
    expect(overlap.score('Them with negotiate.')).toBe(0);
    // A curly apostrophe typed, a straight one transcribed: the same words.
    expect(new PhraseOverlap(wordsOf('No I\u2019m going to say more')).score("No, I'm going to say more.")).toBe(6 + 7);
  });
});
