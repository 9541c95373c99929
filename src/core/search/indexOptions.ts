// What the index holds of a passage, and the word rules, in one place, so that building an
// index and loading a saved one agree.
import { eachWord, isStopword } from './words.ts';

/** Bump whenever the word rules (words.ts) or what the index keeps change: saved snapshots
 * built by other rules are then rebuilt instead of trusted. */
export const INDEX_VERSION = 3;

/** The passage fields that are searchable. `speaker` is name, label and title together. */
export const INDEX_FIELDS = ['text', 'speaker', 'headline'] as const;
export type IndexField = (typeof INDEX_FIELDS)[number];

/** The words of a field that are indexed: all but stopwords, which only the alignment reads. */
export function indexedWords(text: string): string[] {
  // eachWord gives wordsOf's words without a span object per word: indexing a large archive
  // tokenises every passage, and the objects were most of that time.
  const out: string[] = [];
  eachWord(text, (w) => {
    if (!isStopword(w)) out.push(w);
  });
  return out;
}
