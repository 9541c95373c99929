// Every passage of the corpus, searchable: minisearch for the inverted index, plus what
// minisearch does not keep for us (the passages themselves, files in reading order, and how
// many passages use each word, which decides which words are worth searching for).
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { Passage, ParseIssue, Transcript, TranscriptMeta, FormatId } from '../model.ts';
import { indexOptions, tokenizeOnce, type IndexField, type IndexedDoc } from './indexOptions.ts';
import { countPostings, weighPostings, type Counted, type TopicTerm } from './postings.ts';
import { isStopword, wordsOf } from './words.ts';

export interface FileEntry {
  file: string;
  format: FormatId | null;
  meta: TranscriptMeta;
  /** Passage ids in reading order. */
  passageIds: string[];
  issues: ParseIssue[];
}

export interface Hit {
  id: string;
  score: number;
  /** The query terms this passage matched (after fuzzy and prefix expansion, the originals). */
  queryTerms: string[];
}

export interface TermSearch {
  fields?: IndexField[];
  /** Edit distance as a share of the term's length (minisearch's convention), or false. */
  fuzzy?: number | false;
  /** true, or only for the query terms the predicate accepts (a short prefix matches too much). */
  prefix?: boolean | ((term: string) => boolean);
  combineWith?: 'AND' | 'OR';
  filter?: (passage: Passage) => boolean;
  boost?: Partial<Record<IndexField, number>>;
}

/** Everything an index holds, as plain data: what `toSnapshot` gives and `fromSnapshot` takes.
 * The app decides how to store it; minisearch's part is its own `toJSON` shape. */
export interface IndexSnapshot {
  search: AsPlainObject;
  docFreq: Array<[string, number]>;
  files: Array<{ entry: FileEntry; passages: Passage[] }>;
}

/** A snapshot whose parts disagree with each other: it was damaged and must not be used. */
export class SnapshotMismatchError extends Error {}

export class CorpusIndex {
  private search = new MiniSearch<IndexedDoc>(indexOptions);
  private readonly byId = new Map<string, Passage>();
  private readonly files = new Map<string, FileEntry>();
  private readonly docFreq = new Map<string, number>();
  private changes = 0;

  /** Goes up with every change, so derived views (the speaker list) know when to rebuild. */
  get version(): number {
    return this.changes;
  }

  /** Adds a file's passages, replacing what an earlier version of the same file contributed. */
  addTranscript(t: Transcript): void {
    this.removeFile(t.file);
    this.changes++;
    const ids: string[] = [];
    const issues = [...t.issues];
    for (const p of t.passages) {
      const other = this.byId.get(p.id);
      if (other) {
        // Ids come from path and line, so a clash is a parser emitting one passage twice or (next
        // to impossible with a 64-bit path hash) two paths hashing alike: said, never silent.
        issues.push({ file: t.file, line: p.source.line, severity: 'warning', message: `This passage has the same id (${p.id}) as one in ${other.source.file} line ${other.source.line}, and was not indexed. Please report it.` });
        continue;
      }
      this.byId.set(p.id, p);
      ids.push(p.id);
      const words = tokenizeOnce(p.text);
      this.search.add({ id: p.id, text: p.text, speaker: speakerField(p), headline: p.source.headline ?? '' });
      for (const w of new Set(words)) {
        if (!isStopword(w)) this.docFreq.set(w, (this.docFreq.get(w) ?? 0) + 1);
      }
    }
    this.files.set(t.file, { file: t.file, format: t.format, meta: t.meta, passageIds: ids, issues });
  }

  removeFile(file: string): boolean {
    const entry = this.files.get(file);
    if (!entry) return false;
    this.changes++;
    for (const id of entry.passageIds) {
      const p = this.byId.get(id);
      if (!p) continue;
      this.search.discard(id);
      for (const w of new Set(wordsOf(p.text))) {
        if (isStopword(w)) continue;
        const left = (this.docFreq.get(w) ?? 1) - 1;
        if (left > 0) this.docFreq.set(w, left);
        else this.docFreq.delete(w);
      }
      this.byId.delete(id);
    }
    this.files.delete(file);
    return true;
  }

  /** The index as plain data, cheap to restore: no passage is tokenised again on load. */
  toSnapshot(): IndexSnapshot {
    const files = [...this.files.values()].map((entry) => ({
      entry,
      passages: entry.passageIds.map((id) => this.byId.get(id)).filter((p): p is Passage => p !== undefined),
    }));
    return { search: this.search.toJSON(), docFreq: [...this.docFreq], files };
  }

  /** Restores an index saved by `toSnapshot`, with the same minisearch options. Throws
   * SnapshotMismatchError when the parts do not fit together (a damaged file). */
  static fromSnapshot(data: IndexSnapshot): CorpusIndex {
    const index = new CorpusIndex();
    for (const { entry, passages } of data.files) {
      if (passages.length !== entry.passageIds.length) throw new SnapshotMismatchError(`file ${entry.file} lists ${entry.passageIds.length} passages but holds ${passages.length}`);
      index.files.set(entry.file, entry);
      for (const p of passages) index.byId.set(p.id, p);
    }
    for (const [word, n] of data.docFreq) index.docFreq.set(word, n);
    try {
      index.search = MiniSearch.loadJS<IndexedDoc>(data.search, indexOptions);
    } catch (err) {
      throw new SnapshotMismatchError(`the search index could not be restored (${err instanceof Error ? err.message : String(err)})`);
    }
    if (index.search.documentCount !== index.byId.size) {
      throw new SnapshotMismatchError(`the search index holds ${index.search.documentCount} passages, the snapshot ${index.byId.size}`);
    }
    return index;
  }

  get passageCount(): number {
    return this.byId.size;
  }

  get fileCount(): number {
    return this.files.size;
  }

  passage(id: string): Passage | undefined {
    return this.byId.get(id);
  }

  passages(): IterableIterator<Passage> {
    return this.byId.values();
  }

  file(file: string): FileEntry | undefined {
    return this.files.get(file);
  }

  fileEntries(): IterableIterator<FileEntry> {
    return this.files.values();
  }

  /** How many passages contain the word (0 for a word the corpus never uses). */
  docFrequency(word: string): number {
    return this.docFreq.get(word) ?? 0;
  }

  /** Inverse document frequency: how much finding this word tells us. */
  weightOf(word: string): number {
    if (isStopword(word)) return 0.2;
    return Math.log(1 + (this.byId.size + 1) / (this.docFrequency(word) + 1));
  }

  /**
   * Passages whose text holds any of the words, by the summed weight of those they hold, at most
   * `limit`: candidate finding without scoring. Falls back to the scored search if minisearch's
   * internals are not readable.
   */
  passagesWithWords(words: ReadonlyArray<{ term: string; weight: number }>, limit: number, filter?: (p: Passage) => boolean): Counted[] {
    const accept = filter ? (id: string) => { const p = this.byId.get(id); return p ? filter(p) : false; } : undefined;
    const counted = countPostings(this.search as unknown as MiniSearch<object>, 'text', words, limit, accept);
    if (counted) return counted;
    return this.findTerms(words.map((w) => w.term), filter ? { filter } : {}).slice(0, limit).map((h) => ({ id: h.id, weight: h.score }));
  }

  /** Passages holding the topic's words in text or headline, with the summed weight of those
   * they hold; null when only the scored search can answer (see postings.ts). */
  weighTopic(terms: readonly TopicTerm[]): Map<string, number> | null {
    return weighPostings(this.search as unknown as MiniSearch<object>, ['text', 'headline'], terms);
  }

  /** Passages matching the terms, best first. */
  findTerms(terms: readonly string[], opts: TermSearch = {}): Hit[] {
    if (terms.length === 0) return [];
    const filter = opts.filter;
    const results = this.search.search(
      { queries: [...terms], combineWith: opts.combineWith ?? 'OR' },
      {
        fields: opts.fields ?? ['text'],
        fuzzy: opts.fuzzy ?? false,
        prefix: opts.prefix ?? false,
        ...(opts.boost ? { boost: opts.boost } : {}),
        ...(filter ? { filter: (r) => { const p = this.byId.get(String(r.id)); return p ? filter(p) : false; } } : {}),
      },
    );
    return results.map((r) => ({ id: String(r.id), score: r.score, queryTerms: r.queryTerms }));
  }
}

function speakerField(p: Passage): string {
  return [p.speaker.name, p.speaker.label, p.speaker.title ?? ''].join(' ');
}
