// What the core knows about English words beyond their spelling: their base forms (irregular
// ones too: ran → run, children → child, better → good, from wink-lemmatizer's word lists) and
// their synonyms (WordNet's synsets, loaded by the app and handed in, since the core reads no
// files). A remembered word and the transcript's are "similar" when they share a base form or a
// common sense: "country" for "nation", "help" for "assistance", "updated" for "upgraded" is not.
import lemmatizer from 'wink-lemmatizer';

export interface Lexicon {
  /** Base forms sharing one of this base form's most common senses, itself excluded; empty when
   * the word is unknown or has none. */
  synonymsOf(lemma: string): ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/** A lexicon that knows no synonyms: the default until the app loads WordNet. */
export const NO_SYNONYMS: Lexicon = { synonymsOf: () => NONE };

// Base forms are asked for every distinct passage word a question meets; the same few thousand
// words recur, so they are kept, up to a bound that keeps memory flat.
const LEMMA_CACHE = 50_000;
const lemmaCache = new Map<string, readonly string[]>();

/** The word's base forms as a noun, a verb and an adjective, itself included, without repeats. */
export function lemmasOf(word: string): readonly string[] {
  const hit = lemmaCache.get(word);
  if (hit) return hit;
  let forms: readonly string[] = [word];
  // Numbers, single letters and words with digits have no inflections worth asking about.
  if (word.length > 2 && !/\d/.test(word)) {
    const set = new Set([word, lemmatizer.noun(word), lemmatizer.verb(word), lemmatizer.adjective(word)]);
    forms = [...set];
  }
  if (lemmaCache.size >= LEMMA_CACHE) lemmaCache.clear();
  lemmaCache.set(word, forms);
  return forms;
}
