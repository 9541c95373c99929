// Reading minisearch's posting lists directly. Who-said needs only "which passages contain these
// rare words, and how many of them", not BM25 scores: counting is several times cheaper than
// minisearch's scored search. minisearch has no public API for this, so this file, and only
// this file, reads its internals; it checks their shape and answers null when they differ
// (another minisearch version), and callers then fall back to the public search.
import type MiniSearch from 'minisearch';

type FieldPostings = Map<number, Map<number, number>>;

/** minisearch 7's internals: term → field id → short document id → term frequency. */
interface Internals {
  _index: {
    get(term: string): FieldPostings | undefined;
    /** The terms under a prefix, as minisearch's own radix tree gives them. */
    atPrefix(prefix: string): Iterable<[string, FieldPostings]>;
  };
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
}

function internalsOf(search: MiniSearch<never> | MiniSearch<object>): Internals | null {
  const s = search as unknown as Partial<Internals>;
  const ok = typeof s._index?.get === 'function' && typeof s._index.atPrefix === 'function' && s._documentIds instanceof Map && typeof s._fieldIds === 'object' && s._fieldIds !== null;
  return ok ? (s as Internals) : null;
}

export interface Counted {
  id: string;
  /** Sum of the weights of the words the passage contains. */
  weight: number;
}

/**
 * Passages containing any of `terms` in `field`, by the summed weight of the terms they hold,
 * heaviest first, at most `limit`. Null when minisearch's internals are not as expected.
 */
export function countPostings(
  search: MiniSearch<object>,
  field: string,
  terms: ReadonlyArray<{ term: string; weight: number }>,
  limit: number,
  accept?: (id: string) => boolean,
): Counted[] | null {
  const internals = internalsOf(search);
  const fieldId = internals?._fieldIds[field];
  if (!internals || fieldId === undefined) return null;
  const weights = new Map<number, number>();
  for (const { term, weight } of terms) {
    const docs = internals._index.get(term)?.get(fieldId);
    if (!docs) continue;
    for (const shortId of docs.keys()) weights.set(shortId, (weights.get(shortId) ?? 0) + weight);
  }
  // A handful of words can only add up to a handful of different sums: bucket by sum and take
  // the heaviest buckets, rather than sort every passage that holds a common word.
  const buckets = new Map<number, number[]>();
  for (const [shortId, weight] of weights) {
    const bucket = buckets.get(weight);
    if (bucket) bucket.push(shortId);
    else buckets.set(weight, [shortId]);
  }
  const out: Counted[] = [];
  for (const weight of [...buckets.keys()].sort((a, b) => b - a)) {
    for (const shortId of buckets.get(weight)!) {
      // Discarded documents stay in the posting lists until minisearch vacuums them.
      const id = internals._documentIds.get(shortId);
      if (typeof id !== 'string' || (accept && !accept(id))) continue;
      out.push({ id, weight });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

export interface TopicTerm {
  term: string;
  weight: number;
  /** Also every indexed word that starts with `term` (a stem: tariff → tariffs). */
  prefix: boolean;
}

/**
 * Every passage holding the topic's words in any of `fields`, with the summed weight of the
 * words it holds (each word counted once, however many forms or fields matched). Unscored and
 * unsorted: a timeline orders by date. Null when minisearch's internals are not as expected.
 */
export function weighPostings(search: MiniSearch<object>, fields: readonly string[], terms: readonly TopicTerm[]): Map<string, number> | null {
  const internals = internalsOf(search);
  if (!internals) return null;
  const fieldIds = fields.map((f) => internals._fieldIds[f]).filter((f): f is number => f !== undefined);
  const weights = new Map<number, number>();
  for (const { term, weight, prefix } of terms) {
    const holders = new Set<number>();
    const take = (postings: FieldPostings | undefined) => {
      if (!postings) return;
      for (const f of fieldIds) for (const shortId of postings.get(f)?.keys() ?? []) holders.add(shortId);
    };
    if (prefix) for (const [, postings] of internals._index.atPrefix(term)) take(postings);
    else take(internals._index.get(term));
    for (const shortId of holders) weights.set(shortId, (weights.get(shortId) ?? 0) + weight);
  }
  const out = new Map<string, number>();
  for (const [shortId, weight] of weights) {
    const id = internals._documentIds.get(shortId);
    if (typeof id === 'string') out.set(id, weight);
  }
  return out;
}
