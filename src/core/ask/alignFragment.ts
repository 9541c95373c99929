// Lining up a remembered fragment with a passage, word by word: a local alignment
// (Smith–Waterman over words) that tolerates a word changed, dropped, added, misspelled or two
// words swapped, and reports exactly which of the passage's words matched.
import type { WordSpan } from '../search/words.ts';
import { EXACT, FragmentWords, SIMILAR } from './fragmentWords.ts';

export interface CharSpan {
  start: number;
  end: number;
}

/** One way the remembered fragment differs from the passage: `fragment` is the index of the
 * fragment's word (the first of a swapped pair), `passage` where the passage's word stands. */
export interface Edit {
  kind: 'similar' | 'changed' | 'added' | 'dropped' | 'swapped';
  fragment: number | null;
  passage: CharSpan | null;
}

export interface Alignment {
  score: number;
  /** Fragment words found as written. */
  exact: number;
  /** Fragment words found inflected or misspelled. */
  similar: number;
  /** Fragment words with no counterpart in the passage (changed, or never said). */
  missing: number;
  /** Passage words inside the matched stretch that the fragment left out. */
  extra: number;
  /** Adjacent fragment words found in the other order (counted once per pair). */
  swapped: number;
  /** Share of the fragment's weight (rare words weigh more) that was found. */
  weightFound: number;
  /** The stretch of passage text the fragment lines up with. */
  span: CharSpan;
  /** The passage's words that matched, for marking. */
  marks: CharSpan[];
  /** Where fragment and passage differ, in reading order. */
  edits: Edit[];
}

const SCORE = { exact: 2, similar: 1.2, substitute: -1, gap: -1, swap: 3 } as const;
// Traceback moves, kept in a byte array.
const Move = { Stop: 0, Diagonal: 1, Up: 2, Left: 3, Swap: 4 } as const;

/**
 * @param fragment normalised words of the remembered fragment
 * @param weights one weight per fragment word (rarer words weigh more)
 * @param passage the passage's word spans
 */
export function alignFragment(
  fragment: readonly string[],
  weights: readonly number[],
  passage: readonly WordSpan[],
  matcher: FragmentWords = new FragmentWords(fragment, weights),
): Alignment | null {
  const n = fragment.length;
  const m = passage.length;
  if (n === 0 || m === 0) return null;
  const width = m + 1;
  const score = new Float64Array((n + 1) * width);
  const move = new Uint8Array((n + 1) * width);
  const kinds = new Uint8Array((n + 1) * width); // EXACT, SIMILAR or 0, for Diagonal
  let best = 0;
  let bestAt = 0;
  const rows = new Int32Array(m);
  for (let j = 0; j < m; j++) rows[j] = matcher.rowOf(passage[j]!.word);

  for (let i = 1; i <= n; i++) {
    const f = fragment[i - 1]!;
    for (let j = 1; j <= m; j++) {
      const cmp = matcher.kind(rows[j - 1]!, i - 1);
      const here = i * width + j;
      const diagGain = cmp === EXACT ? SCORE.exact : cmp === SIMILAR ? SCORE.similar : SCORE.substitute;
      let v = 0;
      let mv: number = Move.Stop;
      const diag = score[here - width - 1]! + diagGain;
      if (diag > v) { v = diag; mv = Move.Diagonal; }
      const up = score[here - width]! + SCORE.gap; // fragment word with no passage word
      if (up > v) { v = up; mv = Move.Up; }
      const left = score[here - 1]! + SCORE.gap; // passage word the fragment left out
      if (left > v) { v = left; mv = Move.Left; }
      if (i > 1 && j > 1 && f === passage[j - 2]!.word && fragment[i - 2] === passage[j - 1]!.word && f !== fragment[i - 2]) {
        const swap = score[here - 2 * width - 2]! + SCORE.swap;
        if (swap > v) { v = swap; mv = Move.Swap; }
      }
      score[here] = v;
      move[here] = mv;
      kinds[here] = cmp;
      if (v > best) { best = v; bestAt = here; }
    }
  }
  if (best <= 0) return null;

  // Walk back from the best cell, counting what kind of step each one was.
  let exact = 0, similar = 0, missing = 0, extra = 0, swapped = 0;
  let found = 0;
  const marks: CharSpan[] = [];
  const edits: Edit[] = [];
  const spanAt = (k: number): CharSpan => ({ start: passage[k]!.start, end: passage[k]!.end });
  let i = Math.floor(bestAt / width);
  let j = bestAt % width;
  const lastI = i;
  const lastJ = j;
  while (i > 0 && j > 0 && move[i * width + j] !== Move.Stop) {
    const at = i * width + j;
    switch (move[at]) {
      case Move.Diagonal: {
        const k = kinds[at]!;
        if (k > 0) {
          if (k === EXACT) exact++;
          else {
            similar++;
            edits.push({ kind: 'similar', fragment: i - 1, passage: spanAt(j - 1) });
          }
          found += weights[i - 1] ?? 0;
          const w = passage[j - 1]!;
          marks.push({ start: w.start, end: w.end });
        } else {
          missing++;
          edits.push({ kind: 'changed', fragment: i - 1, passage: spanAt(j - 1) });
        }
        i--; j--;
        break;
      }
      case Move.Up: missing++; edits.push({ kind: 'added', fragment: i - 1, passage: null }); i--; break;
      case Move.Left: extra++; edits.push({ kind: 'dropped', fragment: null, passage: spanAt(j - 1) }); j--; break;
      case Move.Swap: {
        swapped++;
        edits.push({ kind: 'swapped', fragment: i - 2, passage: { start: passage[j - 2]!.start, end: passage[j - 1]!.end } });
        exact += 2;
        found += (weights[i - 1] ?? 0) + (weights[i - 2] ?? 0);
        marks.push({ start: passage[j - 1]!.start, end: passage[j - 1]!.end });
        marks.push({ start: passage[j - 2]!.start, end: passage[j - 2]!.end });
        i -= 2; j -= 2;
        break;
      }
      default: i = 0;
    }
  }
  // Fragment words before and after the aligned stretch were not found either.
  missing += i + (n - lastI);
  const head: Edit[] = Array.from({ length: i }, (_, k) => ({ kind: 'added', fragment: k, passage: null }));
  const tail: Edit[] = Array.from({ length: n - lastI }, (_, k) => ({ kind: 'added', fragment: lastI + k, passage: null }));
  const total = weights.reduce((a, b) => a + b, 0);
  const firstWord = passage[j]!;
  const lastWord = passage[lastJ - 1]!;
  marks.reverse();
  edits.reverse();
  edits.unshift(...head);
  edits.push(...tail);
  return {
    score: best,
    exact,
    similar,
    missing,
    extra,
    swapped,
    weightFound: total > 0 ? found / total : 0,
    span: { start: firstWord.start, end: lastWord.end },
    marks,
    edits,
  };
}

/** How many words differ between fragment and passage: what "Close match: 2 words differ" counts. */
export function wordsDiffering(a: Alignment): number {
  return a.similar + a.missing + a.extra + a.swapped;
}
