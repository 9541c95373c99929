// The archive in PostgreSQL as the core's QuestionIndex, for one question. The core is
// synchronous and reads what it needs as it decides; the database is asked asynchronously. So a
// question runs against this view, and when it reads something the view has not loaded, the view
// throws NeedsLoading saying what; askDatabase.ts loads it and runs the question again from the
// start (the core is deterministic, and everything before the first alignment is cheap). Near
// spellings and file counts are put off instead: the run goes on with a stand-in (none, zero),
// so that all a timeline's terms ask in one round, and whatever the run reads next, or its answer,
// waits until they are loaded. A who-said takes two or three rounds (word counts, near spellings,
// candidates), a timeline usually three (near spellings and file counts, then the counts of the
// near spellings' files, then its passages; two to four in the parity tests).
import type { SpeakerSummary } from '../../core/ask/answer.ts';
import type { Passage } from '../../core/model.ts';
import { wordWeight, type CountedWord, type FileEntry, type Hit, type TermSearch, type TopicHit, type TopicLimits, type TopicTerm, type Weighed } from '../../core/search/CorpusIndex.ts';
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
  | { kind: 'filesWith'; key: string; term: string; prefix: boolean; also: readonly string[] }
  | { kind: 'terms'; key: string; terms: readonly string[]; opts: TermSearch }
  | { kind: 'by'; key: string; speakers: ReadonlySet<string>; filter: (p: Passage) => boolean };

export class NeedsLoading extends Error {
  constructor(readonly requests: readonly ViewRequest[]) {
    super(`the question needs ${requests.map((r) => r.kind).join(', ')} from the database`);
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
  /** What this run of the question put off, by key. */
  private readonly deferred = new Map<string, ViewRequest>();

  constructor(
    readonly lexicon: Lexicon,
    readonly totals: ArchiveTotals,
    private readonly directory: () => SpeakerSummary[],
    private readonly programmeList: () => string[],
  ) {}

  get passageCount(): number {
    return this.totals.passages;
  }

  get fileCount(): number {
    return this.totals.files;
  }

  get version(): number {
    return this.totals.version;
  }

  /** A run of the question starts: what the last one put off has been loaded. */
  beginRun(): void {
    this.deferred.clear();
  }

  /** What this run put off: its answer stands only when this is empty. */
  putOff(): ViewRequest[] {
    return [...this.deferred.values()];
  }

  /** Stops the run for `request`, or for what was put off, which whatever is read next may
   * depend on (a stand-in weight changes which passages a timeline asks for). */
  private need(request: ViewRequest): never {
    throw new NeedsLoading(this.deferred.size > 0 ? this.putOff() : [request]);
  }

  /** Keeps passages the database returned, so `passage(id)` finds them without another round. */
  hold(passages: Iterable<Passage>): void {
    for (const p of passages) this.byId.set(p.id, p);
  }

  passage(id: string): Passage | undefined {
    const p = this.byId.get(id);
    if (p) return p;
    if (this.results.has(`missing:${id}`)) return undefined;
    return this.need({ kind: 'passages', ids: [id] });
  }

  file(file: string): FileEntry | undefined {
    const entry = this.files.get(file);
    if (entry === undefined) return this.need({ kind: 'file', file });
    return entry ?? undefined;
  }

  docFrequency(word: string): number {
    const n = this.df.get(word);
    if (n === undefined) return this.need({ kind: 'words', words: [word] });
    return n;
  }

  weightOf(word: string): number {
    return wordWeight(word, this.docFrequency(word), this.totals.passages);
  }

  /** Put off when not loaded yet: none, meanwhile. */
  similarWords(word: string, maxDistance: number): string[] {
    if (maxDistance <= 0) return [];
    const key = `${maxDistance}:${word}`;
    const near = this.near.get(key);
    if (!near) {
      this.deferred.set(`similar:${key}`, { kind: 'similar', word, maxDistance });
      return [];
    }
    return near.flatMap(([w]) => (w === word ? [] : [w]));
  }

  /** Put off when not loaded yet: none, meanwhile. */
  filesWith(term: string, prefix = false, also: readonly string[] = []): number {
    const key = `files:${prefix ? '*' : ''}:${JSON.stringify([term, ...also])}`;
    const n = this.results.get(key);
    if (n !== undefined) return n as number;
    this.deferred.set(key, { kind: 'filesWith', key, term, prefix, also });
    return 0;
  }

  programmes(): string[] {
    return this.programmeList();
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

  weighTopic(terms: readonly TopicTerm[], atLeast: number, limits: TopicLimits = {}): TopicHit[] {
    const key = `topic:${JSON.stringify({
      atLeast, since: limits.since, until: limits.until, near: limits.near, filter: Boolean(limits.filter),
      files: limits.files ? [...limits.files].sort() : null,
      terms: terms.map((t) => [t.term, t.weight, t.prefix, t.also ?? [], t.speakers ? [...t.speakers].sort() : null]),
    })}`;
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
    if (!this.results.has(key)) return this.need(request());
    return this.results.get(key) as T;
  }
}

/** How often each word occurs. Counts are capped as the in-memory lists keep them (a byte). */
export function termCounts(words: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
  return tf;
}
