// How many keystrokes apart two words are: insertions, deletions, substitutions and swaps of
// neighbouring letters (THE PRESIDNET is one slip from THE PRESIDENT). Used for typed words and labels.

// Three rows reused across calls: who-said compares thousands of word pairs per question, and
// fresh arrays per row were most of the cost.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal-string-alignment distance, giving up early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  if (rowA.length < cols) {
    rowA = new Int32Array(cols * 2);
    rowB = new Int32Array(cols * 2);
    rowC = new Int32Array(cols * 2);
  }
  let prevPrev = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j < cols; j++) {
    prevPrev[j] = 0;
    prev[j] = j;
  }
  let bestBefore = 0;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    cur[0] = i;
    let best = i;
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prevPrev[j - 2]! + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    // A swap reaches back two rows, so only two rows both past `max` mean it cannot come back.
    if (best > max && bestBefore > max) return max + 1;
    bestBefore = best;
    const spare = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = spare;
  }
  const d = prev[cols - 1]!;
  return d > max ? max + 1 : d;
}
