// The scored search behind /search and the typo paths: each query word, with its prefix and
// fuzzy expansions, scored with BM25 in each field, summed per passage. Slower than counting
// postings, so the hot paths (who-said candidates, timelines) count instead.
import type { IndexField } from './indexOptions.ts';
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

/** The indexed words a query word stands for, each with how much a match on it counts. */
function expansions(postings: WordPostings, word: string, o: ScoreOptions): Map<string, number> {
  const out = new Map<string, number>([[word, 1]]);
  if (o.prefix(word)) {
    for (const w of postings.withPrefix(word)) {
      if (w !== word) out.set(w, (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * (w.length - word.length)));
    }
  }
  if (o.fuzzy !== false) {
    const distance = Math.min(MAX_FUZZY, Math.round(word.length * o.fuzzy));
    if (distance > 0) {
      for (const [w, d] of postings.similar(word, distance)) {
        if (!out.has(w)) out.set(w, (FUZZY_WEIGHT * word.length) / (word.length + d));
      }
    }
  }
  return out;
}

export function scoreTerms(postings: WordPostings, words: readonly string[], o: ScoreOptions): ScoredSlot[] {
  const query = [...new Set(words)];
  const found = new Map<number, ScoredSlot>();
  const verdicts = new Map<number, boolean>();
  const accept = (slot: number) => {
    let ok = verdicts.get(slot);
    if (ok === undefined) verdicts.set(slot, (ok = o.accept(slot)));
    return ok;
  };
  for (const q of query) {
    for (const [w, weight] of expansions(postings, q, o)) {
      for (const field of o.fields) {
        const list = postings.list(w, field);
        if (!list) continue;
        const boost = o.boost[field] ?? 1;
        const idf = Math.log(1 + (o.passageCount - list.length + 0.5) / (list.length + 0.5));
        const avg = postings.averageLength(field);
        for (let i = 0; i < list.length; i++) {
          const slot = list.slots[i]!;
          if (!accept(slot)) continue;
          const score = weight * boost * idf * bm25(list.counts[i]!, postings.lengthOf(field, slot), avg);
          const hit = found.get(slot);
          if (!hit) found.set(slot, { slot, score, queryTerms: [q] });
          else {
            hit.score += score;
            if (!hit.queryTerms.includes(q)) hit.queryTerms.push(q);
          }
        }
      }
    }
  }
  const hits = [...found.values()].filter((h) => o.combineWith === 'OR' || h.queryTerms.length === query.length);
  return hits.sort((a, b) => b.score - a.score || a.slot - b.slot);
}
