// Reading minisearch's posting lists directly. Who-said needs only "which passages contain these
// rare words, and how many of them", not BM25 scores: counting is several times cheaper than
// minisearch's scored search. minisearch has no public API for this, so this file, and only
// this file, reads its internals; it checks their shape and answers null when they differ
// (another minisearch version), and callers then fall back to the public search.
import type MiniSearch from 'minisearch';

/** minisearch 7's internals: term → field id → short document id → term frequency. */
interface Internals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
}

function internalsOf(search: MiniSearch<never> | MiniSearch<object>): Internals | null {
  const s = search as unknown as Partial<Internals>;
  const ok = typeof s._index?.get === 'function' && s._documentIds instanceof Map && typeof s._fieldIds === 'object' && s._fieldIds !== null;
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
