// The scored search behind /search and the typo paths: each query word, with its prefix and
// fuzzy expansions, scored with BM25 in each field, summed per passage. Slower than counting
// postings, so the hot paths (who-said candidates, timelines) count instead.
import { grownTo } from './growArray.ts';
import type { IndexField } from './indexOptions.ts';
import { kthLargest } from './kthLargest.ts';
import type { WordPostings } from './wordPostings.ts';

export interface ScoreOptions {
  fields: readonly IndexField[];
  /** Edit distance as a share of the word's length (minisearch's convention), or false. */
  fuzzy: number | false;
  /** Whether a query word also finds the longer words it begins. */
  prefix: (word: string) => boolean;
  combineWith: 'AND' | 'OR';
  boost: Partial<Record<IndexField, number>>;
  /** Whether a slot holds a passage that may be returned. */
  accept: (slot: number) => boolean;
  /** Passages in use, for the rarity of words. */
  passageCount: number;
}

export interface ScoredSlot {
  slot: number;
  score: number;
  /** The query words (as given) this passage matched. */
  queryTerms: string[];
}

// BM25's usual constants; a match by prefix or by a near spelling counts for less than the word itself.
const K1 = 1.2;
const B = 0.7;

/** BM25's term part: a word used `tf` times in a field `length` words long, against the average. */
export function bm25(tf: number, length: number, averageLength: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / (averageLength || 1)));
}

const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;

/** How much a match on `w`, a longer word `word` begins, counts: less the more it adds. */
export function prefixWeight(word: string, w: string): number {
  return (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * (w.length - word.length));
}

/** How much a match on a spelling `d` edits from `word` counts. */
export function fuzzyWeight(word: string, d: number): number {
  return (FUZZY_WEIGHT * word.length) / (word.length + d);
}

/** The edits a near spelling of `word` may be away, for a fuzziness share of its length. */
export function fuzzyDistance(word: string, fuzzy: number): number {
  return Math.min(MAX_FUZZY, Math.round(word.length * fuzzy));
}

/** The best MAX_EXPANSIONS - 1 expansions of a word, heaviest first, ties to the more `used` word,
 * then the alphabet (in place). */
export function keepBestExpansions(others: Array<[string, number]>, used: (w: string) => number): void {
  if (others.length <= MAX_EXPANSIONS - 1) return;
  others.sort((a, b) => b[1] - a[1] || used(b[0]) - used(a[0]) || (a[0] < b[0] ? -1 : 1));
  others.length = MAX_EXPANSIONS - 1;
}

/** BM25's inverse document frequency of a word in `df` of `n` passages. */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
/** A short word begins thousands of others ("con"): each query word stands for at most this many
 * (itself and its best-weighted expansions), so a question's work does not grow with the vocabulary. */
export const MAX_EXPANSIONS = 48;
/** Postings a question reads at most: the query words' own lists always, expansions while under it. */
export const MAX_POSTINGS = 4_000_000;

/** The indexed words a query word stands for, each with how much a match on it counts: itself,
 * then at most MAX_EXPANSIONS - 1 others, heaviest first (shorter prefixes, nearer spellings),
 * ties to the more used word, then the alphabet. */
function expansions(postings: WordPostings, word: string, o: ScoreOptions): Array<[string, number]> {
  const out = new Map<string, number>();
  if (o.prefix(word)) {
    for (const w of postings.withPrefix(word)) {
      if (w !== word) out.set(w, prefixWeight(word, w));
    }
  }
  if (o.fuzzy !== false) {
    const distance = fuzzyDistance(word, o.fuzzy);
    if (distance > 0) {
      for (const [w, d] of postings.similar(word, distance)) {
        if (w !== word && !out.has(w)) out.set(w, fuzzyWeight(word, d));
      }
    }
  }
  const others = [...out];
  keepBestExpansions(others, (w) => o.fields.reduce((n, f) => n + (postings.list(w, f)?.length ?? 0), 0));
  return [[word, 1], ...others];
}

// What `accept` said of a slot: not asked yet, refused, or accepted (and listed among the touched).
const UNASKED = 0;
const REFUSED = 1;
const COUNTED = 2;

/**
 * Every passage holding a query word (or an expansion), by summed BM25, best first; with
 * `limit`, only the best that many (ties by slot). Per-passage sums live in typed arrays, and
 * objects are made only for the passages returned: a frequent word touches half the archive.
 */
export function scoreTerms(postings: WordPostings, words: readonly string[], o: ScoreOptions & { limit?: number }): ScoredSlot[] {
  const query = [...new Set(words)];
  const slotTotal = postings.slotTotal;
  const stride = Math.ceil(query.length / 32) || 1;
  const scores = new Float64Array(slotTotal);
  const found = new Uint32Array(slotTotal * stride);
  const verdicts = new Uint8Array(slotTotal);
  let touched = new Uint32Array(1024);
  let n = 0;
  let read = 0;
  query.forEach((q, qi) => {
    const bit = 1 << (qi & 31);
    const word = qi >> 5;
    for (const [w, weight] of expansions(postings, q, o)) {
      const lists = o.fields.map((field) => postings.list(w, field));
      const size = lists.reduce((t, l) => t + (l?.length ?? 0), 0);
      if (w !== q && read + size > MAX_POSTINGS) continue;
      read += size;
      o.fields.forEach((field, k) => {
        const list = lists[k];
        if (!list) return;
        const boost = o.boost[field] ?? 1;
        const termIdf = idf(list.length, o.passageCount);
        const avg = postings.averageLength(field);
        for (let i = 0; i < list.length; i++) {
          const slot = list.slots[i]!;
          const v = verdicts[slot]!;
          if (v === REFUSED) continue;
          if (v === UNASKED) {
            if (!o.accept(slot)) {
              verdicts[slot] = REFUSED;
              continue;
            }
            verdicts[slot] = COUNTED;
            touched = grownTo(touched, n + 1, (size) => new Uint32Array(size));
            touched[n++] = slot;
          }
          scores[slot] = scores[slot]! + weight * boost * termIdf * bm25(list.counts[i]!, postings.lengthOf(field, slot), avg);
          found[slot * stride + word] = found[slot * stride + word]! | bit;
        }
      });
    }
  });
  // AND keeps passages that hold every query word.
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const slot = touched[i]!;
    if (o.combineWith === 'AND' && countBits(found, slot * stride, stride) !== query.length) continue;
    touched[kept++] = slot;
  }
  let chosen: Uint32Array = touched.subarray(0, kept);
  if (o.limit !== undefined && kept > o.limit) chosen = best(chosen, scores, o.limit);
  const hits: ScoredSlot[] = [];
  for (const slot of chosen) {
    const terms: string[] = [];
    query.forEach((q, qi) => {
      if (found[slot * stride + (qi >> 5)]! & (1 << (qi & 31))) terms.push(q);
    });
    hits.push({ slot, score: scores[slot]!, queryTerms: terms });
  }
  return hits.sort((a, b) => b.score - a.score || a.slot - b.slot);
}

/** The `limit` best slots: all above the cut, then those at it by ascending slot. */
function best(slots: Uint32Array, scores: Float64Array, limit: number): Uint32Array {
  const values = Float64Array.from(slots, (s) => scores[s]!);
  const cut = kthLargest(values, values.length, limit);
  const above = slots.filter((s) => scores[s]! > cut);
  const at = slots.filter((s) => scores[s] === cut).sort();
  const out = new Uint32Array(limit);
  out.set(above);
  out.set(at.subarray(0, limit - above.length), above.length);
  return out;
}

function countBits(words: Uint32Array, from: number, count: number): number {
  let n = 0;
  for (let k = from; k < from + count; k++) {
    let v = words[k]!;
    while (v) {
      v &= v - 1;
      n++;
    }
  }
  return n;
}
