// Every passage of the corpus, searchable. Each passage has a slot, a small number that the
// posting lists (wordPostings.ts) hold instead of its id; the index keeps what the lists do not:
// the passages themselves, files in reading order, and how many passages use each word, which
// decides which words are worth searching for.
import { NO_SYNONYMS, type Lexicon } from './lexicon.ts';
import { dayRange, effectiveDate } from '../ask/dates.ts';
import type { FormatId, ParseIssue, Passage, Reading, Transcript, TranscriptMeta } from '../model.ts';
import { grownTo } from './growArray.ts';
import { IdSlots } from './idSlots.ts';
import { kthLargest } from './kthLargest.ts';
import { indexedWords, type IndexField } from './indexOptions.ts';
import { bm25, scoreTerms } from './scoreTerms.ts';
import { WordPostings, type PackedPostings, type PostingList } from './wordPostings.ts';
import { isStopword } from './words.ts';
import type { QuestionIndex } from './questionIndex.ts';
import type { SpeakerSummary } from '../ask/answer.ts';
import { directoryOf } from './speakerDirectory.ts';

export interface FileEntry {
  file: string;
  format: FormatId | null;
  meta: TranscriptMeta;
  /** Passage ids in reading order. */
  passageIds: string[];
  issues: ParseIssue[];
  /** Which reader took the file and what it found, for `validate --files`. */
  reading?: Reading;
}

/** A word who-said counts passages by; words sharing a `group` count once per passage. */
export interface CountedWord {
  term: string;
  weight: number;
  group?: number;
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
  /** Only the best this many (ties by slot): the rest are never made into hits. */
  limit?: number;
}

/** A passage and the summed weight of the asked-for words it holds. */
export interface Weighed {
  passage: Passage;
  weight: number;
}

export interface TopicTerm {
  term: string;
  weight: number;
  /** Also every indexed word that starts with `term` (a stem: tariff → tariffs). */
  prefix: boolean;
  /** Other spellings that count as this term (near spellings of a name). */
  also?: readonly string[];
  /** Passages whose speaker field holds the term count too when said by one of these people
   * (canonical names): "said by" a person named in the topic, whose label holds the surname.
   * Names, not a check, so that a database can test them too. */
  speakers?: ReadonlySet<string>;
}

/** Which passages a count keeps, checked in this order: the cheap date range first. */
export interface TopicLimits {
  /** Inclusive days, YYYY-MM-DD: passages whose date may fall in them, as inDateRange has it. */
  since?: string;
  until?: string;
  /** Only passages of these files (a follow's new files): a database reads only them. */
  files?: ReadonlySet<string>;
  filter?: (p: Passage) => boolean;
  /** Neighbours in the same file with at most this many indexed words between them and the
   * passage count their terms towards its weight: words of a topic said a sentence apart are as
   * much about it as words in one passage, however the transcript cut its passages. */
  near?: number;
}

/** A passage holding topic terms: which (bit i: term i), and their weight in it and around it. */
export interface TopicHit extends Weighed {
  /** The terms the passage itself holds (text, headline or speaker). */
  mask: number;
  /** The terms it and its neighbours hold (`near`); `weight` is theirs. */
  nearMask: number;
  /** The weight of `mask` alone. */
  own: number;
  /** How many times the passage's text uses the terms. */
  mentions: number;
}

/** At most this many terms in one topic count: one bit each in a 32-bit mask. */
export const MAX_TOPIC_TERMS = 31;

/** Everything an index holds, as plain data: what `toSnapshot` gives and `fromSnapshot` takes.
 * Slots in `postings` number the passages in the order `files` lists them. */
export interface IndexSnapshot {
  files: Array<{ entry: FileEntry; passages: Passage[] }>;
  postings: PackedPostings;
}

/** A snapshot whose parts disagree with each other: it was damaged and must not be used. */
export class SnapshotMismatchError extends Error {}

/** Removed passages leave dead slots; past this share of all slots the index is compacted. */
const DEAD_SHARE_COMPACTED = 0.25;

export class CorpusIndex implements QuestionIndex {
  /** Synonyms for who-said's comparison of words; the app hands in WordNet. */
  lexicon: Lexicon = NO_SYNONYMS;
  private postings = new WordPostings();
  private bySlot: Array<Passage | undefined> = [];
  private slotOf = new IdSlots((slot) => this.bySlot[slot]?.id);
  private readonly files = new Map<string, FileEntry>();
  private readonly docFreq = new Map<string, number>();
  // Each slot's first and last possible day (yyyymmdd), so a date range rejects passages without
  // reading them: at a million passages, reading an object is a cache miss, the array is not.
  private firstDay = new Int32Array(1024);
  private lastDay = new Int32Array(1024);
  // Which file each slot belongs to (a number per file added), so neighbours are found without
  // reading passages: a file's passages take consecutive slots.
  private fileOf = new Int32Array(1024);
  // Each file's first and last possible day over its passages, so a date-limited timeline skips a
  // file's postings without reading them (a common word is in a hundred thousand passages).
  private fileFirstDay = new Int32Array(1024).fill(UNDATED_FIRST);
  private fileLastDay = new Int32Array(1024).fill(UNDATED_LAST);
  private fileCounter = 0;
  // filesWith's answers until the next change: a topic plan weighs every term by it, and a
  // common word's count reads every passage that holds it.
  private filesWithCache = new Map<string, number>();
  private filesWithVersion = -1;
  private fileMarks = new Int32Array(1024);
  private fileRound = 0;
  private dead = 0;
  private changes = 0;
  // Reused by every count, so a question over a million passages allocates no million-slot array.
  private weights = new Float64Array(1024);
  private touched = new Uint32Array(1024);
  private sums = new Float64Array(1024);
  private masks = new Uint32Array(1024);
  // Per-slot round stamps: a passage counted once per round (one word group) without clearing.
  private marks = new Int32Array(1024);
  private markRound = 0;
  private mentionCounts = new Uint32Array(1024);
  private directory: { version: number; list: SpeakerSummary[] } | null = null;

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
    const fileNo = ++this.fileCounter;
    const headlines = new Map<string, string[]>();
    for (const p of t.passages) {
      const existing = this.slotOf.get(p.id);
      if (existing !== undefined) {
        const other = this.bySlot[existing]!;
        // Ids come from path and line, so a clash is a parser emitting one passage twice or (next
        // to impossible with a 64-bit path hash) two paths hashing alike: said, never silent.
        issues.push({ file: t.file, line: p.source.line, severity: 'warning', message: `This passage has the same id (${p.id}) as one in ${other.source.file} line ${other.source.line}, and was not indexed. Please report it.` });
        continue;
      }
      const slot = this.bySlot.length;
      this.bySlot.push(p);
      this.slotOf.add(p.id, slot);
      this.noteDays(slot, p);
      this.noteFile(slot, fileNo);
      ids.push(p.id);
      const words = indexedWords(p.text);
      this.postings.add(slot, 'text', words);
      this.postings.add(slot, 'speaker', indexedWords(speakerField(p)));
      const headline = p.source.headline ?? '';
      let headlineWords = headlines.get(headline);
      if (!headlineWords) headlines.set(headline, (headlineWords = indexedWords(headline)));
      this.postings.add(slot, 'headline', headlineWords);
      for (const w of new Set(words)) this.docFreq.set(w, (this.docFreq.get(w) ?? 0) + 1);
    }
    this.files.set(t.file, { file: t.file, format: t.format, meta: t.meta, passageIds: ids, issues, ...(t.reading ? { reading: t.reading } : {}) });
  }

  removeFile(file: string): boolean {
    const entry = this.files.get(file);
    if (!entry) return false;
    this.changes++;
    for (const id of entry.passageIds) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      const p = this.bySlot[slot]!;
      for (const w of new Set(indexedWords(p.text))) {
        const left = (this.docFreq.get(w) ?? 1) - 1;
        if (left > 0) this.docFreq.set(w, left);
        else this.docFreq.delete(w);
      }
      this.postings.forget(slot);
      // The table reads the id through the passage: out of the table first, then out of the slot.
      this.slotOf.delete(id);
      this.bySlot[slot] = undefined;
      this.dead++;
    }
    this.files.delete(file);
    if (this.dead > DEAD_SHARE_COMPACTED * this.bySlot.length) this.compact();
    return true;
  }

  /** Slots in use, live or dead: what the per-slot arrays are as long as (tests watch it stay bounded). */
  get slotCount(): number {
    return this.bySlot.length;
  }

  /** Renumbers the live passages 0..n-1 in their order (so every list stays ascending) and drops
   * the dead slots everywhere: the lists, the per-slot arrays, the id table, the scratch arrays.
   * Without it a file saved again every minute grew the index by its passages every minute. */
  private compact(): void {
    const renumber = new Int32Array(this.bySlot.length).fill(-1);
    const live: Passage[] = [];
    this.bySlot.forEach((p, slot) => {
      if (p) renumber[slot] = live.push(p) - 1;
    });
    const days = (old: Int32Array) => {
      const out = new Int32Array(Math.max(1024, live.length));
      renumber.forEach((to, from) => {
        if (to >= 0) out[to] = old[from]!;
      });
      return out;
    };
    this.firstDay = days(this.firstDay);
    this.lastDay = days(this.lastDay);
    this.fileOf = days(this.fileOf);
    this.postings.compact(renumber, live.length);
    this.bySlot = live;
    this.slotOf = new IdSlots((slot) => this.bySlot[slot]?.id, live.length);
    live.forEach((p, slot) => this.slotOf.add(p.id, slot));
    const size = Math.max(1024, live.length);
    this.weights = new Float64Array(size);
    this.touched = new Uint32Array(1024);
    this.sums = new Float64Array(1024);
    this.masks = new Uint32Array(size);
    this.marks = new Int32Array(size);
    this.markRound = 0;
    this.mentionCounts = new Uint32Array(size);
    this.dead = 0;
  }

  /** The index as plain data, cheap to restore: no passage is tokenised again on load. */
  toSnapshot(): IndexSnapshot {
    const renumber = new Int32Array(this.bySlot.length).fill(-1);
    let next = 0;
    const files = [...this.files.values()].map((entry) => {
      const passages: Passage[] = [];
      for (const id of entry.passageIds) {
        const slot = this.slotOf.get(id);
        if (slot === undefined) continue;
        renumber[slot] = next++;
        passages.push(this.bySlot[slot]!);
      }
      return { entry, passages };
    });
    // A file added again moves to the end of `files` with new, higher slots, so numbering the
    // passages in file order keeps every posting list ascending; check rather than trust it.
    let last = -1;
    for (const n of renumber) {
      if (n < 0) continue;
      if (n < last) throw new Error('passage slots are out of file order; cannot save the index');
      last = n;
    }
    return { files, postings: this.postings.pack(renumber, next) };
  }

  /** Restores an index saved by `toSnapshot`. Throws SnapshotMismatchError when the parts do
   * not fit together (a damaged file). */
  static fromSnapshot(data: IndexSnapshot): CorpusIndex {
    const index = new CorpusIndex();
    index.slotOf = new IdSlots((slot) => index.bySlot[slot]?.id, data.postings.fields.text.lengths.length);
    for (const { entry, passages } of data.files) {
      if (passages.length !== entry.passageIds.length) throw new SnapshotMismatchError(`file ${entry.file} lists ${entry.passageIds.length} passages but holds ${passages.length}`);
      index.files.set(entry.file, entry);
      const fileNo = ++index.fileCounter;
      for (const p of passages) {
        const slot = index.bySlot.length;
        index.bySlot.push(p);
        if (!index.slotOf.add(p.id, slot)) throw new SnapshotMismatchError(`passage ${p.id} is in the snapshot twice`);
        index.noteDays(slot, p);
        index.noteFile(slot, fileNo);
      }
    }
    try {
      index.postings = WordPostings.unpack(data.postings, index.bySlot.length);
    } catch (err) {
      throw new SnapshotMismatchError(`the word index does not fit the passages (${err instanceof Error ? err.message : String(err)})`);
    }
    // Word counts are the text lists' lengths: a packed snapshot has no dead slots.
    const { terms, fields } = data.postings;
    for (let t = 0; t < terms.length; t++) {
      const n = fields.text.sizes[t]!;
      if (n > 0) index.docFreq.set(terms[t]!, n);
    }
    return index;
  }

  get passageCount(): number {
    return this.slotOf.size;
  }

  get fileCount(): number {
    return this.files.size;
  }

  passage(id: string): Passage | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.bySlot[slot];
  }

  *passages(): IterableIterator<Passage> {
    for (const p of this.bySlot) if (p) yield p;
  }

  /** Rebuilt only after a change. */
  speakerDirectory(): SpeakerSummary[] {
    if (this.directory?.version !== this.changes) this.directory = { version: this.changes, list: directoryOf(this.passages()) };
    return this.directory.list;
  }

  passagesBy(speakers: ReadonlySet<string>, filter: (p: Passage) => boolean): Passage[] {
    const out: Passage[] = [];
    for (const p of this.bySlot) if (p && speakers.has(p.speaker.name) && filter(p)) out.push(p);
    return out;
  }

  file(file: string): FileEntry | undefined {
    return this.files.get(file);
  }

  fileEntries(): IterableIterator<FileEntry> {
    return this.files.values();
  }

  programmes(): string[] {
    const names = new Set<string>();
    for (const f of this.files.values()) if (f.meta.program) names.add(f.meta.program);
    return [...names];
  }

  /** How many passages contain the word (0 for a word the corpus never uses). */
  docFrequency(word: string): number {
    return this.docFreq.get(word) ?? 0;
  }

  /** How many files use the word (or, with `prefix`, any word it starts) in their text or
   * headline: a timeline's stories are files, so this is how telling the word is of a story. */
  filesWith(term: string, prefix = false, also: readonly string[] = []): number {
    if (this.filesWithVersion !== this.changes) {
      this.filesWithCache.clear();
      this.filesWithVersion = this.changes;
    }
    const key = `${prefix ? '*' : ''}${term}\u0000${also.join('\u0000')}`;
    const cached = this.filesWithCache.get(key);
    if (cached !== undefined) return cached;
    const n = this.countFilesWith(term, prefix, also);
    // Bounded: typed topics are few, but a long-running bot should not keep every one.
    if (this.filesWithCache.size >= FILES_WITH_CACHED) this.filesWithCache.clear();
    this.filesWithCache.set(key, n);
    return n;
  }

  private countFilesWith(term: string, prefix: boolean, also: readonly string[]): number {
    const seen = this.fileMarks = grownTo(this.fileMarks, this.fileCounter + 1, (n) => new Int32Array(n));
    const round = ++this.fileRound;
    let n = 0;
    for (const form of new Set([...(prefix ? this.postings.withPrefix(term) : [term]), ...also])) {
      for (const field of TOPIC_FIELDS) {
        const list = this.postings.list(form, field);
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const slot = list.slots[i]!;
          const file = this.fileOf[slot]!;
          if (seen[file] === round || !this.bySlot[slot]) continue;
          seen[file] = round;
          n++;
        }
      }
    }
    return n;
  }

  /** Inverse document frequency: how much finding this word tells us. */
  weightOf(word: string): number {
    return wordWeight(word, this.docFrequency(word), this.passageCount);
  }

  /** Indexed words within `maxDistance` edits of `word`, not the word itself. */
  similarWords(word: string, maxDistance: number): string[] {
    if (maxDistance <= 0) return [];
    return this.postings.similar(word, maxDistance).flatMap(([w]) => (w === word ? [] : [w]));
  }

  /**
   * Passages whose text holds any of the words, by the summed weight of those they hold,
   * heaviest first, at most `limit`: candidate finding by counting postings, without scoring.
   */
  passagesWithWords(words: ReadonlyArray<CountedWord>, limit: number, filter?: (p: Passage) => boolean): Weighed[] {
    const weights = this.scratch();
    const marks = this.marks;
    let touched = this.touched;
    let n = 0;
    // Words of one group (the near spellings of one misspelled word) count once per passage, the
    // heaviest first: a passage holding "set" and "spot" is not twice as likely to hold "spent".
    const ordered = [...words].sort((a, b) => (a.group ?? -1) - (b.group ?? -1) || (a.group === undefined ? 0 : b.weight - a.weight));
    let round = 0;
    let group: number | undefined;
    for (const { term, weight, group: g } of ordered) {
      const list = this.postings.list(term, 'text');
      // A zero weight would make its passages look untouched.
      if (!list || !(weight > 0)) continue;
      if (g === undefined || g !== group) round = ++this.markRound;
      group = g;
      touched = this.touched = grownTo(touched, n + list.length, (size) => new Uint32Array(size));
      for (let i = 0; i < list.length; i++) {
        const slot = list.slots[i]!;
        if (g !== undefined) {
          if (marks[slot] === round) continue;
          marks[slot] = round;
        }
        if (weights[slot] === 0) touched[n++] = slot;
        weights[slot] = weights[slot]! + weight;
      }
    }
    // The cut is the weight of the limit-th heaviest passage, found by selection over a copy of
    // the sums: no per-passage objects, since a common word touches a tenth of the archive.
    // With a filter, passages it rejects are dropped here (weight 0), so the cut counts only the
    // rest. Without one no passage is read yet: at this size each read is a cache miss.
    const sums = this.sums = grownTo(this.sums, n, (size) => new Float64Array(size));
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const slot = touched[i]!;
      if (filter) {
        const passage = this.bySlot[slot];
        if (!passage || !filter(passage)) {
          weights[slot] = 0;
          continue;
        }
      }
      sums[kept++] = weights[slot]!;
    }
    const cutoff = kept > limit ? kthLargest(sums, kept, limit) : 0;
    let heavier = 0;
    for (let i = 0; i < n; i++) if (weights[touched[i]!]! > cutoff) heavier++;
    // All passages heavier than the cut, and as many at the cut as there is room for.
    let atCutoff = limit - heavier;
    const out: Weighed[] = [];
    for (let i = 0; i < n; i++) {
      const slot = touched[i]!;
      const weight = weights[slot]!;
      weights[slot] = 0;
      if (weight === 0 || weight < cutoff || (weight === cutoff && atCutoff-- <= 0)) continue;
      // A removed file's slots linger in the lists until swept.
      const passage = this.bySlot[slot];
      if (passage) out.push({ passage, weight });
    }
    // Heaviest first; equal sums keep the order the lists were read in (the sort is stable).
    out.sort((x, y) => y.weight - x.weight);
    if (out.length > limit) out.length = limit;
    return out;
  }

  /**
   * How densely each passage uses the words: BM25 over them, in its text. For breaking ties
   * among a few hundred passages that hold the same words; each is looked up in the sorted lists.
   */
  densities(passages: readonly Passage[], words: ReadonlyArray<{ term: string; weight: number }>): number[] {
    const average = this.postings.averageLength('text');
    const lists = words.flatMap(({ term, weight }) => {
      const list = this.postings.list(term, 'text');
      return list ? [{ list, weight }] : [];
    });
    return passages.map((p) => {
      const slot = this.slotOf.get(p.id);
      if (slot === undefined) return 0;
      const length = this.postings.lengthOf('text', slot);
      let score = 0;
      for (const { list, weight } of lists) {
        const at = indexOfSlot(list, slot);
        if (at >= 0) score += weight * bm25(list.counts[at]!, length, average);
      }
      return score;
    });
  }

  /**
   * Every passage holding the topic's words in its text or headline (or, for a term that says so,
   * its speaker) whose summed weight, with its `near` neighbours' words, is at least `atLeast`
   * (each term counted once, however many of its forms or fields matched). Unscored and in slot
   * order (files in reading order): a timeline groups and orders them itself.
   */
  weighTopic(terms: readonly TopicTerm[], atLeast: number, limits: TopicLimits = {}): TopicHit[] {
    if (terms.length > MAX_TOPIC_TERMS) throw new RangeError(`a topic can have at most ${MAX_TOPIC_TERMS} terms`);
    const weights = this.scratch();
    const masks = this.masks;
    const mentions = this.mentionCounts;
    const touched: number[] = [];
    const since = limits.since ? dayNumber(limits.since) : NaN;
    const until = limits.until ? dayNumber(limits.until) : NaN;
    // A file with no passage in the date range has none near one either: its postings are skipped.
    const dated = !Number.isNaN(since) || !Number.isNaN(until);
    const fileFirst = this.fileFirstDay;
    const fileLast = this.fileLastDay;
    const fileOf = this.fileOf;
    terms.forEach(({ term, weight, prefix, also, speakers }, t) => {
      const bit = 1 << t;
      const forms = new Set([...(prefix ? this.postings.withPrefix(term) : [term]), ...(also ?? [])]);
      for (const form of forms) {
        for (const field of speakers ? FIELDS_WITH_SPEAKER : TOPIC_FIELDS) {
          const list = this.postings.list(form, field);
          if (!list) continue;
          for (let i = 0; i < list.length; i++) {
            const slot = list.slots[i]!;
            if (dated) {
              const file = fileOf[slot]!;
              if (fileLast[file]! < since || fileFirst[file]! > until) continue;
            }
            if (field === 'text') mentions[slot] = mentions[slot]! + list.counts[i]!;
            if (masks[slot]! & bit) continue;
            if (field === 'speaker') {
              const p = this.bySlot[slot];
              if (!p || !speakers!.has(p.speaker.name)) continue;
            }
            if (masks[slot] === 0) touched.push(slot);
            masks[slot] = masks[slot]! | bit;
            weights[slot] = weights[slot]! + weight;
          }
        }
      }
    });
    const near = Math.max(0, Math.floor(limits.near ?? 0));
    const order = Uint32Array.from(touched).sort();
    const nearMasks = near > 0 ? this.nearMasks(order, near) : null;
    const termWeights = terms.map((t) => t.weight);
    const out: TopicHit[] = [];
    for (let i = 0; i < order.length; i++) {
      const slot = order[i]!;
      const own = weights[slot]!;
      const mask = masks[slot]!;
      const count = mentions[slot]!;
      weights[slot] = 0;
      masks[slot] = 0;
      mentions[slot] = 0;
      const nearMask = nearMasks ? nearMasks[i]! : mask;
      const weight = nearMasks ? maskWeight(nearMask, termWeights) : own;
      if (weight < atLeast || this.lastDay[slot]! < since || this.firstDay[slot]! > until) continue;
      const passage = this.bySlot[slot];
      if (passage && (!limits.files || limits.files.has(passage.source.file)) && (!limits.filter || limits.filter(passage))) out.push({ passage, weight, own, mask, nearMask, mentions: count });
    }
    return out;
  }

  /** For each slot of `order` (ascending, masks set), the terms it and the slots of the same
   * file within `near` indexed words of it hold (and at most NEAR_SLOTS slots away). */
  private nearMasks(order: Uint32Array, near: number): Uint32Array {
    const out = new Uint32Array(order.length);
    const between = (a: number, b: number) => {
      let words = 0;
      for (let s = a + 1; s < b && words <= near; s++) words += this.postings.lengthOf('text', s);
      return words;
    };
    for (let i = 0; i < order.length; i++) {
      const slot = order[i]!;
      const file = this.fileOf[slot]!;
      let m = this.masks[slot]!;
      for (let j = i - 1; j >= 0 && slot - order[j]! <= NEAR_SLOTS; j--) {
        const other = order[j]!;
        if (this.fileOf[other] !== file || between(other, slot) > near) break;
        m |= this.masks[other]!;
      }
      for (let j = i + 1; j < order.length && order[j]! - slot <= NEAR_SLOTS; j++) {
        const other = order[j]!;
        if (this.fileOf[other] !== file || between(slot, other) > near) break;
        m |= this.masks[other]!;
      }
      out[i] = m;
    }
    return out;
  }

  /** Passages matching the terms, best first: BM25 with prefix and fuzzy expansion (scoreTerms.ts). */
  findTerms(terms: readonly string[], opts: TermSearch = {}): Hit[] {
    if (terms.length === 0) return [];
    const filter = opts.filter;
    const prefix = opts.prefix ?? false;
    const hits = scoreTerms(this.postings, terms, {
      fields: opts.fields ?? ['text'],
      fuzzy: opts.fuzzy ?? false,
      prefix: typeof prefix === 'function' ? prefix : () => prefix,
      combineWith: opts.combineWith ?? 'OR',
      boost: opts.boost ?? {},
      passageCount: this.passageCount,
      ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
      accept: (slot) => {
        const p = this.bySlot[slot];
        return p !== undefined && (!filter || filter(p));
      },
    });
    return hits.map((h) => ({ id: this.bySlot[h.slot]!.id, score: h.score, queryTerms: h.queryTerms }));
  }

  private noteDays(slot: number, p: Passage): void {
    this.firstDay = grownTo(this.firstDay, slot + 1, (n) => new Int32Array(n));
    this.lastDay = grownTo(this.lastDay, slot + 1, (n) => new Int32Array(n));
    const [first, last] = passageDays(p);
    this.firstDay[slot] = first;
    this.lastDay[slot] = last;
  }

  private noteFile(slot: number, fileNo: number): void {
    this.fileOf = grownTo(this.fileOf, slot + 1, (n) => new Int32Array(n));
    this.fileOf[slot] = fileNo;
    // A file not yet seen spans nothing: its first day after every day, its last before every day.
    this.fileFirstDay = grownTo(this.fileFirstDay, fileNo + 1, (n) => new Int32Array(n).fill(UNDATED_FIRST));
    this.fileLastDay = grownTo(this.fileLastDay, fileNo + 1, (n) => new Int32Array(n).fill(UNDATED_LAST));
    this.fileFirstDay[fileNo] = Math.min(this.fileFirstDay[fileNo]!, this.firstDay[slot]!);
    this.fileLastDay[fileNo] = Math.max(this.fileLastDay[fileNo]!, this.lastDay[slot]!);
  }

  /** The zeroed weight array, as long as there are slots (its masks and counts too). */
  private scratch(): Float64Array {
    // They are zero between uses, so growing by copy keeps them zeroed.
    const n = this.bySlot.length;
    this.weights = grownTo(this.weights, n, (size) => new Float64Array(size));
    this.masks = grownTo(this.masks, n, (size) => new Uint32Array(size));
    this.marks = grownTo(this.marks, n, (size) => new Int32Array(size));
    this.mentionCounts = grownTo(this.mentionCounts, n, (size) => new Uint32Array(size));
    return this.weights;
  }
}

/** Where `slot` stands in the ascending list, or -1. */
function indexOfSlot(list: PostingList, slot: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = list.slots[mid]!;
    if (s === slot) return mid;
    if (s < slot) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Topic words whose file counts are kept between questions. */
const FILES_WITH_CACHED = 10_000;
// An undated passage is in no range: its first day is after every range ends, its last before any starts.
const UNDATED_FIRST = 2 ** 31 - 1;
const UNDATED_LAST = -1;

/** How much finding a word tells: its inverse document frequency; little for a stopword. */
export function wordWeight(word: string, docFrequency: number, passages: number): number {
  if (isStopword(word)) return 0.2;
  return Math.log(1 + (passages + 1) / (docFrequency + 1));
}

/** A passage's first and last possible day as yyyymmdd, for rejecting it by a date range unread:
 * an undated passage is in no range, a date these numbers cannot hold in every one (the full
 * filter judges it). The database backend keeps the same two numbers per passage. */
export function passageDays(p: Passage): [number, number] {
  const d = effectiveDate(p);
  if (!d) return [UNDATED_FIRST, UNDATED_LAST];
  const [first, last] = dayRange(d);
  const a = dayNumber(first);
  const b = dayNumber(last);
  return Number.isNaN(a) || Number.isNaN(b) ? [0, 99_999_999] : [a, b];
}

/** YYYY-MM-DD as the number yyyymmdd, which orders as the string does; NaN for anything else. */
export function dayNumber(day: string): number {
  if (day.length !== 10 || day.charCodeAt(4) !== 45 || day.charCodeAt(7) !== 45) return NaN;
  let n = 0;
  for (const i of DIGIT_AT) {
    const c = day.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}
const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9];

const TOPIC_FIELDS = ['text', 'headline'] as const;
/** However short a transcript's passages, neighbours further than this are not near. */
export const NEAR_SLOTS = 12;
const FIELDS_WITH_SPEAKER = ['text', 'headline', 'speaker'] as const;

/** The summed weight of the terms whose bits are set, in term order (so every backend's sums
 * are the same to the last bit). */
export function maskWeight(mask: number, weights: readonly number[]): number {
  let sum = 0;
  for (let t = 0; mask !== 0; t++, mask >>>= 1) if (mask & 1) sum += weights[t]!;
  return sum;
}

/** The words a passage's `speaker` field is searched by: name, label and title. */
export function speakerField(p: Passage): string {
  return [p.speaker.name, p.speaker.label, p.speaker.title ?? ''].join(' ');
}
