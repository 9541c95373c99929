// The archive in PostgreSQL as the core's QuestionIndex, for one question. The core is
// synchronous and reads what it needs as it decides; the database is asked asynchronously. So a
// question runs against this view, and when it reads something the view has not loaded, the view
// throws NeedsLoading saying what; askDatabase.ts loads it and runs the question again from the
// start (the core is deterministic, and everything before the first alignment is cheap). A
// who-said takes two or three such rounds: word counts, near spellings, candidates.
import type { SpeakerSummary } from '../../core/ask/answer.ts';
import type { Passage } from '../../core/model.ts';
import { wordWeight, type CountedWord, type FileEntry, type Hit, type TermSearch, type TopicLimits, type TopicTerm, type Weighed } from '../../core/search/CorpusIndex.ts';
import { indexedWords } from '../../core/search/indexOptions.ts';
import type { Lexicon } from '../../core/search/lexicon.ts';
import type { QuestionIndex, WeighedWord } from '../../core/search/questionIndex.ts';
import { bm25 } from '../../core/search/scoreTerms.ts';

/** What the question read that the view does not hold yet. */
export type ViewRequest =
  | { kind: 'words'; words: string[] }
  | { kind: 'similar'; word: string; maxDistance: number }
  | { kind: 'passages'; ids: string[] }
  | { kind: 'file'; file: string }
  | { kind: 'withWords'; key: string; words: readonly CountedWord[]; limit: number; filter: ((p: Passage) => boolean) | undefined }
  | { kind: 'topic'; key: string; terms: readonly TopicTerm[]; atLeast: number; limits: TopicLimits }
  | { kind: 'terms'; key: string; terms: readonly string[]; opts: TermSearch }
  | { kind: 'by'; key: string; speakers: ReadonlySet<string>; filter: (p: Passage) => boolean };

export class NeedsLoading extends Error {
  constructor(readonly request: ViewRequest) {
    super(`the question needs ${request.kind} from the database`);
  }
}

/** Totals the whole archive shares, read once per question. */
export interface ArchiveTotals {
  passages: number;
  files: number;
  /** Total indexed words per field, for BM25's average lengths. */
  textLength: number;
  speakerLength: number;
  headlineLength: number;
  version: number;
}

export class QuestionView implements QuestionIndex {
  readonly df = new Map<string, number>();
  readonly near = new Map<string, Array<[string, number]>>();
  readonly byId = new Map<string, Passage>();
  readonly files = new Map<string, FileEntry | null>();
  readonly results = new Map<string, unknown>();

  constructor(
    readonly lexicon: Lexicon,
    readonly totals: ArchiveTotals,
    private readonly directory: () => SpeakerSummary[],
  ) {}

  get passageCount(): number {
    return this.totals.passages;
  }

  /** Keeps passages the database returned, so `passage(id)` finds them without another round. */
  hold(passages: Iterable<Passage>): void {
    for (const p of passages) this.byId.set(p.id, p);
  }

  passage(id: string): Passage | undefined {
    const p = this.byId.get(id);
    if (p) return p;
    if (this.results.has(`missing:${id}`)) return undefined;
    throw new NeedsLoading({ kind: 'passages', ids: [id] });
  }

  file(file: string): FileEntry | undefined {
    const entry = this.files.get(file);
    if (entry === undefined) throw new NeedsLoading({ kind: 'file', file });
    return entry ?? undefined;
  }

  docFrequency(word: string): number {
    const n = this.df.get(word);
    if (n === undefined) throw new NeedsLoading({ kind: 'words', words: [word] });
    return n;
  }

  weightOf(word: string): number {
    return wordWeight(word, this.docFrequency(word), this.totals.passages);
  }

  similarWords(word: string, maxDistance: number): string[] {
    if (maxDistance <= 0) return [];
    return this.nearWords(word, maxDistance).flatMap(([w]) => (w === word ? [] : [w]));
  }

  /** Words within `maxDistance` edits of `word` (itself included if indexed), with the distance. */
  nearWords(word: string, maxDistance: number): Array<[string, number]> {
    const near = this.near.get(`${maxDistance}:${word}`);
    if (!near) throw new NeedsLoading({ kind: 'similar', word, maxDistance });
    return near;
  }

  passagesWithWords(words: readonly CountedWord[], limit: number, filter?: (p: Passage) => boolean): Weighed[] {
    const key = `with:${limit}:${filter ? 'f' : ''}:${JSON.stringify(words)}`;
    return this.result(key, () => ({ kind: 'withWords', key, words, limit, filter }));
  }

  densities(passages: readonly Passage[], words: readonly WeighedWord[]): number[] {
    const average = this.totals.passages > 0 ? this.totals.textLength / this.totals.passages : 0;
    return passages.map((p) => {
      const tf = termCounts(indexedWords(p.text));
      const length = [...tf.values()].reduce((a, b) => a + b, 0);
      let score = 0;
      for (const { term, weight } of words) {
        const n = tf.get(term);
        if (n) score += weight * bm25(Math.min(n, 255), length, average);
      }
      return score;
    });
  }

  weighTopic(terms: readonly TopicTerm[], atLeast: number, limits: TopicLimits = {}): Weighed[] {
    const key = `topic:${atLeast}:${limits.since ?? ''}:${limits.until ?? ''}:${limits.filter ? 'f' : ''}:${JSON.stringify(terms)}`;
    return this.result(key, () => ({ kind: 'topic', key, terms, atLeast, limits }));
  }

  findTerms(terms: readonly string[], opts: TermSearch = {}): Hit[] {
    const { filter, ...rest } = opts;
    const key = `terms:${JSON.stringify(terms)}:${JSON.stringify({ ...rest, prefix: typeof rest.prefix === 'function' ? terms.map((t) => (rest.prefix as (t: string) => boolean)(t)) : rest.prefix })}:${filter ? 'f' : ''}`;
    return this.result(key, () => ({ kind: 'terms', key, terms, opts }));
  }

  speakerDirectory(): SpeakerSummary[] {
    return this.directory();
  }

  passagesBy(speakers: ReadonlySet<string>, filter: (p: Passage) => boolean): Passage[] {
    const key = `by:${JSON.stringify([...speakers].sort())}`;
    return this.result(key, () => ({ kind: 'by', key, speakers, filter }));
  }

  private result<T>(key: string, request: () => ViewRequest): T {
    if (!this.results.has(key)) throw new NeedsLoading(request());
    return this.results.get(key) as T;
  }
}

/** How often each word occurs. Counts are capped as the in-memory lists keep them (a byte). */
export function termCounts(words: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
  return tf;
}
