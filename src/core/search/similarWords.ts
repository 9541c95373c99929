import { editDistance } from '../editDistance.ts';
import { CONTRACTED_D } from './words.ts';
// When is a remembered word "the same word" as the transcript's? Equal, the same after a
// light stemming (happier ~ happy, meetings ~ meeting), or one slip of the keyboard apart.

export type WordMatch = 'exact' | 'similar' | 'none';

const SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['iest', 'y'], ['ier', 'y'], ['ies', 'y'], ['ied', 'y'],
  ['ing', ''], ['est', ''], ['ers', ''], ['er', ''], ['ed', ''], ['es', ''], ['ly', ''], ['s', ''],
];

/** A deliberately light stemmer: enough for the inflections people misremember. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      return word.slice(0, word.length - suffix.length) + replacement;
    }
  }
  return word;
}

/** Typos allowed grow with the word: none for short words, where one letter changes meaning. */
export function typoBudget(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}

/** In a four-letter word a changed letter is usually another word (wall, will); a swap is a slip. */
function isSwapOnly(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

/** A remembered word, prepared once per question rather than once per comparison. */
export interface PreparedWord {
  word: string;
  stem: string;
}

export function prepareWord(word: string): PreparedWord {
  return { word, stem: stem(word) };
}

export function compareWords(remembered: string, actual: string): WordMatch {
  return comparePrepared(prepareWord(remembered), prepareWord(actual));
}

export function comparePrepared(r: PreparedWord, a: PreparedWord): WordMatch {
  const remembered = r.word;
  const actual = a.word;
  if (remembered === actual) return 'exact';
  // We'd is "we had" or "we would"; either reading of a remembered contraction is fair.
  if (remembered === CONTRACTED_D || actual === CONTRACTED_D) {
    return remembered === 'had' || remembered === 'would' || actual === 'had' || actual === 'would' ? 'similar' : 'none';
  }
  if (r.stem === a.stem) return 'similar';
  const shorter = Math.min(remembered.length, actual.length);
  const budget = typoBudget(shorter);
  if (budget === 0 || Math.abs(remembered.length - actual.length) > budget) return 'none';
  // A slip keeps the first or the second letter (or swaps the two): a cheap test that spares
  // the edit distance for almost every pair of unrelated words.
  const r0 = remembered.charCodeAt(0), r1 = remembered.charCodeAt(1), a0 = actual.charCodeAt(0), a1 = actual.charCodeAt(1);
  if (r0 !== a0 && r1 !== a1 && !(r0 === a1 && r1 === a0)) return 'none';
  if (editDistance(remembered, actual, budget) > budget) return 'none';
  // Two four-letter words one letter apart are usually two words (wall, will); a letter dropped
  // from or added to a longer word (uion, union) is a slip.
  if (remembered.length === 4 && actual.length === 4 && !isSwapOnly(remembered, actual)) return 'none';
  return 'similar';
}
