// Where to cut a list of candidates weighed by summed word weights: the weight of the k-th
// heaviest, found in place without sorting or boxing a number. Few words make few distinct sums,
// so the partition is three-way: runs of equal values settle in one pass.

/** The k-th largest (1-based) of values[0..length), reordering them; -Infinity if k is out of range. */
export function kthLargest(values: Float64Array, length: number, k: number): number {
  if (k < 1 || k > length) return Number.NEGATIVE_INFINITY;
  let lo = 0;
  let hi = length - 1;
  const want = k - 1; // index in descending order
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    // Descending: [lo, gt) above the pivot, [gt, i) equal, (lt, hi] below.
    let gt = lo;
    let lt = hi;
    let i = lo;
    while (i <= lt) {
      const v = values[i]!;
      if (v > pivot) swap(values, gt++, i++);
      else if (v < pivot) swap(values, i, lt--);
      else i++;
    }
    if (want < gt) hi = gt - 1;
    else if (want > lt) lo = lt + 1;
    else return pivot;
  }
  return values[lo]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
