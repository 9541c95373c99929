// minisearch options in one place, so that building an index and loading a saved one agree.
import type { Options } from 'minisearch';
import { isStopword, wordsOf } from './words.ts';

/** Bump whenever the word rules (words.ts) or these options change what the index holds:
 * saved snapshots built by other rules are then rebuilt instead of trusted. */
export const INDEX_VERSION = 2;

/** What minisearch sees of a passage. The passage itself lives in CorpusIndex. */
export interface IndexedDoc {
  id: string;
  text: string;
  speaker: string;
  headline: string;
}

export const INDEX_FIELDS = ['text', 'speaker', 'headline'] as const;
export type IndexField = (typeof INDEX_FIELDS)[number];

// The index counts each passage's words for its own statistics too; this one-entry memo lets
// minisearch reuse that tokenisation instead of cutting the same text twice.
let memoText = '';
let memoWords: string[] = [];

export function tokenizeOnce(text: string): string[] {
  if (text !== memoText) {
    memoText = text;
    memoWords = wordsOf(text);
  }
  return memoWords;
}

export const indexOptions: Options<IndexedDoc> = {
  idField: 'id',
  fields: [...INDEX_FIELDS],
  storeFields: [],
  tokenize: (text) => tokenizeOnce(text),
  // Stopwords are not indexed: the alignment reads the passage itself, so they still count there.
  processTerm: (term) => (isStopword(term) ? null : term),
};
