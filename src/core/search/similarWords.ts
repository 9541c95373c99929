import { editDistance } from '../editDistance.ts';
import { lemmasOf, NO_SYNONYMS, type Lexicon } from './lexicon.ts';
import { CONTRACTED_D, isStopword } from './words.ts';
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

/** A word prepared once per question rather than once per comparison: its light stem, its base
 * forms, and (for a remembered word) the base forms of its synonyms. */
export interface PreparedWord {
  word: string;
  stem: string;
  lemmas: readonly string[];
  synonyms: ReadonlySet<string> | null;
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** `lexicon` given: the word is a remembered one, and its synonyms count as the same word. */
export function prepareWord(word: string, lexicon?: Lexicon): PreparedWord {
  const lemmas = lemmasOf(word);
  let synonyms: ReadonlySet<string> | null = null;
  if (lexicon) {
    const found = new Set<string>(EQUIVALENT.get(word) ?? NO_WORDS);
    // Function words have no synonyms worth trusting: "the" is not "this".
    if (!isStopword(word) && word.length >= 3) for (const l of lemmas) for (const s of lexicon.synonymsOf(l)) found.add(s);
    synonyms = found;
  }
  return { word, stem: stem(word), lemmas, synonyms };
}

/** Closed-class words spelled more than one way, and the abbreviations transcripts use: what a
 * person types for them is the same word. (Synonyms of open-class words come from WordNet.) */
const EQUIVALENT: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const groups = [
    ['anyone', 'anybody'], ['everyone', 'everybody'], ['someone', 'somebody'], ['noone', 'nobody'],
    ['hon', 'honourable', 'honorable'], ['govt', 'government'], ['dept', 'department'], ['sen', 'senator'],
    ['rep', 'representative'], ['gov', 'governor'], ['gen', 'general'], ['pres', 'president'], ['prof', 'professor'],
    ['sec', 'secretary'], ['amb', 'ambassador'], ['mr', 'mister'], ['dr', 'doctor'], ['st', 'saint', 'street'],
    ['mt', 'mount'], ['ft', 'fort'], ['lt', 'lieutenant'], ['col', 'colonel'], ['sgt', 'sergeant'], ['capt', 'captain'],
    ['pm', 'prime'], ['okay', 'ok'], ['till', 'until'], ['toward', 'towards'], ['among', 'amongst'], ['while', 'whilst'],
    ['percent', 'per', 'cent'],
  ];
  const map = new Map<string, Set<string>>();
  for (const g of groups) for (const w of g) map.set(w, new Set(g.filter((x) => x !== w)));
  return map;
})();

export function compareWords(remembered: string, actual: string, lexicon: Lexicon = NO_SYNONYMS): WordMatch {
  return comparePrepared(prepareWord(remembered, lexicon), prepareWord(actual));
}

export function comparePrepared(r: PreparedWord, a: PreparedWord): WordMatch {
  const remembered = r.word;
  const actual = a.word;
  if (remembered === actual) return 'exact';
  // Inflected (ran, run), or a synonym of one of its base forms (country, nation).
  if (r.lemmas.some((l) => a.lemmas.includes(l))) return 'similar';
  if (r.synonyms !== null && a.lemmas.some((l) => r.synonyms!.has(l))) return 'similar';
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
