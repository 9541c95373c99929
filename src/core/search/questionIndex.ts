// What the questions read of an archive, and nothing more: the in-memory CorpusIndex satisfies it
// directly, and the database backend (app/postgres) with a view loaded for one question at a time.
// Synchronous on purpose: the core decides answers without I/O; a backend that must fetch fills
// its view first (see app/postgres/questionView.ts).
import type { SpeakerSummary } from '../ask/answer.ts';
import type { Passage } from '../model.ts';
import type { CountedWord, FileEntry, Hit, TermSearch, TopicHit, TopicLimits, TopicTerm, Weighed } from './CorpusIndex.ts';
import type { Lexicon } from './lexicon.ts';

/** A word and how much finding it counts. */
export interface WeighedWord {
  term: string;
  weight: number;
}

export interface QuestionIndex {
  /** Synonyms and base forms for who-said's comparison of words. */
  readonly lexicon: Lexicon;
  readonly passageCount: number;
  /** Files in the archive: a timeline's stories are files, so a term's rarity is counted
   * against them. */
  readonly fileCount: number;
  /** Moves on with every change of the archive, so what is derived from it (the people and
   * programmes a topic may name) is made again only then. */
  readonly version: number;
  passage(id: string): Passage | undefined;
  /** A file's entry: its passages in reading order (for /context). */
  file(file: string): FileEntry | undefined;
  /** How many passages contain the word (0 for a word the archive never uses). */
  docFrequency(word: string): number;
  /** How many files use the word (or, with `prefix`, any word it starts; or any of `also`) in
   * their text or headline. */
  filesWith(term: string, prefix?: boolean, also?: readonly string[]): number;
  /** Every programme the archive's files name, once each, in no particular order. */
  programmes(): string[];
  /** Inverse document frequency: how much finding this word tells us. */
  weightOf(word: string): number;
  /** Indexed words within `maxDistance` edits of `word`, not the word itself. */
  similarWords(word: string, maxDistance: number): string[];
  /** Passages whose text holds any of the words, heaviest summed weight first, at most `limit`.
   * Words of one group count once per passage (the heaviest it holds); ungrouped words come
   * first, then each group heaviest first, and equal sums keep that order of the first word a
   * passage holds, then archive order. */
  passagesWithWords(words: readonly CountedWord[], limit: number, filter?: (p: Passage) => boolean): Weighed[];
  /** BM25 of each passage's text over the words, for breaking ties among a few hundred. */
  densities(passages: readonly Passage[], words: readonly WeighedWord[]): number[];
  /** Every passage holding topic terms (text or headline; speaker for a term naming people) whose
   * terms, with those of its neighbours within `limits.near` indexed words in the same file, weigh
   * at least `atLeast`; in archive order (a file's passages together, in reading order). Which
   * terms it and its neighbours hold are bit masks (bit i: term i), summed in term order. */
  weighTopic(terms: readonly TopicTerm[], atLeast: number, limits?: TopicLimits): TopicHit[];
  /** Scored search, best first: BM25 with prefix and fuzzy expansion. */
  findTerms(terms: readonly string[], opts?: TermSearch): Hit[];
  /** Every speaker with passages, most quoted first (speakerDirectory.ts builds it). */
  speakerDirectory(): SpeakerSummary[];
  /** Every passage by one of these speakers (canonical names) that passes `filter`, in archive
   * order (a file's passages together, in reading order). */
  passagesBy(speakers: ReadonlySet<string>, filter: (p: Passage) => boolean): Passage[];
}
