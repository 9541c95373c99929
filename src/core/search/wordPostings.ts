// The inverted index: minisearch's radix tree of words (its public SearchableMap, which also
// does the fuzzy and prefix lookups), where each word holds, per field, the passage slots that
// use it (ascending) and how often, in typed arrays. minisearch's own index keeps a Map per word
// per field with an entry per passage: at 200k passages that was 295 MB and 2 s to restore, and
// five times both at a million; these arrays take a fraction of it and restore as views on the
// bytes read.
import SearchableMap from 'minisearch/SearchableMap';
import { grownTo } from './growArray.ts';
import { INDEX_FIELDS, type IndexField } from './indexOptions.ts';

/** A word's postings in a field: `slots[i]` uses it `counts[i]` times (at most 255); i < length. */
export interface PostingList {
  readonly slots: Uint32Array;
  readonly counts: Uint8Array;
  readonly length: number;
}

/** Every list as flat arrays, for a snapshot: per field, the lists one after another in `terms` order. */
export interface PackedPostings {
  terms: string[];
  fields: Record<IndexField, PackedField>;
}

export interface PackedField {
  /** Postings per term (0: the term is not in this field). */
  sizes: Uint32Array;
  slots: Uint32Array;
  counts: Uint8Array;
  /** Words in the field, per slot (at most 65,535). */
  lengths: Uint16Array;
}

class GrowingList implements PostingList {
  constructor(public slots: Uint32Array, public counts: Uint8Array, public length: number) {}

  push(slot: number, count: number): void {
    // A list restored from a snapshot is a view on shared bytes: growing copies it out first.
    this.slots = grownTo(this.slots, this.length + 1, (n) => new Uint32Array(n));
    this.counts = grownTo(this.counts, this.length + 1, (n) => new Uint8Array(n));
    this.slots[this.length] = slot;
    this.counts[this.length] = Math.min(255, count);
    this.length++;
  }

  /** Keeps the postings of slots still in use, renumbered (-1: dropped; the order is kept). A
   * list left at under a quarter of its room moves to a smaller array, so room is given back. */
  renumber(to: Int32Array): void {
    let w = 0;
    for (let r = 0; r < this.length; r++) {
      const slot = to[this.slots[r]!]!;
      if (slot < 0) continue;
      this.slots[w] = slot;
      this.counts[w] = this.counts[r]!;
      w++;
    }
    this.length = w;
    if (w > 0 && w * 4 < this.slots.length) {
      this.slots = this.slots.slice(0, w * 2);
      this.counts = this.counts.slice(0, w * 2);
    }
  }
}

type WordLists = { [F in IndexField]?: GrowingList };

/** Per field: words per slot, and their sum over the passages in use (for BM25's average). */
class FieldLengths {
  lengths: Uint16Array = new Uint16Array(1024);
  sum = 0;
  documents = 0;

  set(slot: number, n: number): void {
    this.lengths = grownTo(this.lengths, slot + 1, (size) => new Uint16Array(size));
    this.lengths[slot] = Math.min(65_535, n);
    this.sum += n;
    this.documents++;
  }
}

export class WordPostings {
  // The same entries twice: a Map for the many exact look-ups (several times faster than a walk
  // down the tree), the radix tree for the fuzzy and prefix ones.
  private readonly words = new Map<string, WordLists>();
  private readonly tree = new SearchableMap<WordLists>();
  private readonly lengths = {} as Record<IndexField, FieldLengths>;
  private slotCount = 0;

  constructor() {
    for (const f of INDEX_FIELDS) this.lengths[f] = new FieldLengths();
  }

  /** Indexes one field of a passage; each field's slots must come in ascending order. */
  add(slot: number, field: IndexField, words: readonly string[]): void {
    const tf = new Map<string, number>();
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    for (const [w, n] of tf) {
      let lists = this.words.get(w);
      if (!lists) {
        lists = {};
        this.words.set(w, lists);
        this.tree.set(w, lists);
      }
      (lists[field] ??= new GrowingList(new Uint32Array(1), new Uint8Array(1), 0)).push(slot, n);
    }
    this.lengths[field].set(slot, words.length);
    this.slotCount = Math.max(this.slotCount, slot + 1);
  }

  /** A passage left the index: its postings stay until `sweep`, and readers skip its slot. */
  forget(slot: number): void {
    for (const f of INDEX_FIELDS) {
      const l = this.lengths[f];
      l.sum -= l.lengths[slot] ?? 0;
      l.documents--;
    }
  }

  /** Renumbers every slot by `to` (-1: no longer in use, dropped), keeping their order, so
   * slots run 0..slotTotal-1 again; words left without postings leave the index. */
  compact(to: Int32Array, slotTotal: number): void {
    const empty: string[] = [];
    for (const [word, lists] of this.words) {
      let left = 0;
      for (const f of INDEX_FIELDS) {
        const list = lists[f];
        if (!list) continue;
        list.renumber(to);
        if (list.length === 0) delete lists[f];
        else left++;
      }
      if (left === 0) empty.push(word);
    }
    for (const w of empty) {
      this.words.delete(w);
      this.tree.delete(w);
    }
    for (const f of INDEX_FIELDS) {
      const l = this.lengths[f];
      const lengths = new Uint16Array(Math.max(1024, slotTotal));
      for (let from = 0; from < Math.min(to.length, l.lengths.length); from++) {
        const slot = to[from]!;
        if (slot >= 0) lengths[slot] = l.lengths[from]!;
      }
      l.lengths = lengths;
    }
    this.slotCount = slotTotal;
  }

  /** One past the highest slot any list may hold. */
  get slotTotal(): number {
    return this.slotCount;
  }

  list(word: string, field: IndexField): PostingList | undefined {
    return this.words.get(word)?.[field];
  }

  /** Indexed words within `maxDistance` edits of `word` (itself included), with the distance. */
  similar(word: string, maxDistance: number): Array<[string, number]> {
    return [...this.tree.fuzzyGet(word, maxDistance)].map(([w, [, d]]) => [w, d]);
  }

  /** Indexed words starting with `prefix` (itself included). */
  withPrefix(prefix: string): string[] {
    return [...this.tree.atPrefix(prefix).keys()];
  }

  lengthOf(field: IndexField, slot: number): number {
    return this.lengths[field].lengths[slot] ?? 0;
  }

  /** Mean words per passage in the field, over the passages in use. */
  averageLength(field: IndexField): number {
    const l = this.lengths[field];
    return l.documents <= 0 ? 0 : l.sum / l.documents;
  }

  /** The postings with slots renumbered by `renumber` (-1: left out); the new numbers must keep
   * the old order, so every list stays ascending. */
  pack(renumber: Int32Array, slotTotal: number): PackedPostings {
    // Live postings per word and field, counted once; words with none anywhere are left out.
    const live: Array<[string, WordLists, number[]]> = [];
    for (const [word, lists] of this.words) {
      const sizes = INDEX_FIELDS.map((f) => (lists[f] ? liveIn(lists[f], renumber) : 0));
      if (sizes.some((n) => n > 0)) live.push([word, lists, sizes]);
    }
    const fields = {} as Record<IndexField, PackedField>;
    INDEX_FIELDS.forEach((f, k) => {
      const sizes = Uint32Array.from(live, ([, , n]) => n[k]!);
      const total = sizes.reduce((a, b) => a + b, 0);
      const slots = new Uint32Array(total);
      const counts = new Uint8Array(total);
      let at = 0;
      for (const [, lists] of live) {
        const l = lists[f];
        if (!l) continue;
        for (let i = 0; i < l.length; i++) {
          const to = renumber[l.slots[i]!]!;
          if (to < 0) continue;
          slots[at] = to;
          counts[at++] = l.counts[i]!;
        }
      }
      const lengths = new Uint16Array(slotTotal);
      const from = this.lengths[f].lengths;
      for (let old = 0; old < this.slotCount; old++) {
        const to = renumber[old]!;
        if (to >= 0) lengths[to] = from[old]!;
      }
      fields[f] = { sizes, slots, counts, lengths };
    });
    return { terms: live.map(([word]) => word), fields };
  }

  /** Restores packed postings without copying them: each list is a view on the packed arrays.
   * Throws a RangeError when the parts do not fit together. */
  static unpack(packed: PackedPostings, slotTotal: number): WordPostings {
    const out = new WordPostings();
    const { terms } = packed;
    const lists: WordLists[] = terms.map(() => ({}));
    for (const f of INDEX_FIELDS) {
      const { sizes, slots, counts, lengths } = packed.fields[f];
      if (sizes.length !== terms.length) throw new RangeError(`${f}: ${sizes.length} list sizes for ${terms.length} words`);
      if (slots.length !== counts.length) throw new RangeError(`${f}: ${slots.length} postings but ${counts.length} counts`);
      if (lengths.length !== slotTotal) throw new RangeError(`${f}: word counts for ${lengths.length} passages, not ${slotTotal}`);
      let at = 0;
      for (let t = 0; t < terms.length; t++) {
        const n = sizes[t]!;
        if (n === 0) continue;
        if (at + n > slots.length) throw new RangeError(`${f}: the lists are longer than the postings`);
        let previous = -1;
        for (let i = at; i < at + n; i++) {
          const slot = slots[i]!;
          if (slot <= previous || slot >= slotTotal) throw new RangeError(`${f}: the list of "${terms[t]}" is out of order or out of range`);
          previous = slot;
        }
        lists[t]![f] = new GrowingList(slots.subarray(at, at + n), counts.subarray(at, at + n), n);
        at += n;
      }
      if (at !== slots.length) throw new RangeError(`${f}: postings left over after the last list`);
      const l = out.lengths[f];
      l.lengths = lengths;
      l.documents = slotTotal;
      for (let s = 0; s < slotTotal; s++) l.sum += lengths[s]!;
    }
    terms.forEach((w, t) => {
      out.words.set(w, lists[t]!);
      out.tree.set(w, lists[t]!);
    });
    out.slotCount = slotTotal;
    return out;
  }
}

function liveIn(list: GrowingList, renumber: Int32Array): number {
  let n = 0;
  for (let i = 0; i < list.length; i++) if (renumber[list.slots[i]!]! >= 0) n++;
  return n;
}
