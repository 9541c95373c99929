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
  /** The last fragment word, where two of them match one passage word ("any time", "anytime"). */
  fragmentTo?: number;
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
  /** Those words as differences: a run of up to CLAUSE_WORDS counts once. */
  extraRuns: number;
  /** A negation (not, never, nobody…) the fragment has and the passage does not, or the other
   * way round: the words may line up, the meaning does not. */
  negationDiffers: boolean;
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

// A word the fragment leaves out costs less the more of them stand in a row: people drop a
// clause ("which also sparked on Thursday morning") more easily than they scatter words.
const SCORE = { exact: 2, similar: 1.2, substitute: -1, gap: -1, extraOpen: -1, extraGo: -0.4, swap: 3, merge: 2.6 } as const;
// Traceback moves, kept in a byte array.
const Move = { Stop: 0, Diagonal: 1, Up: 2, Left: 3, Swap: 4, MergePassage: 5, MergeFragment: 6 } as const;
/** Passage words left out in a row that count as one difference: about a clause. */
export const CLAUSE_WORDS = 8;
/** Words that turn a statement into its opposite. */
const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'nobody', 'none', 'nothing', 'nowhere', 'neither', 'nor', 'without', 'noone', 'unless', 'cannot']);

/** Whether a normalised word turns a statement round. */
export function isNegation(word: string): boolean {
  return NEGATIONS.has(word);
}

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
  // Best score of a stretch ending in passage words the fragment left out (Gotoh's affine gaps).
  const gapScore = new Float64Array((n + 1) * width).fill(-Infinity);
  const gapExtends = new Uint8Array((n + 1) * width);
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
      const open = score[here - 1]! + SCORE.extraOpen;
      const extend = gapScore[here - 1]! + SCORE.extraGo;
      gapScore[here] = extend > open ? extend : open;
      gapExtends[here] = extend > open ? 1 : 0;
      let v = 0;
      let mv: number = Move.Stop;
      const diag = score[here - width - 1]! + diagGain;
      if (diag > v) { v = diag; mv = Move.Diagonal; }
      const up = score[here - width]! + SCORE.gap; // fragment word with no passage word
      if (up > v) { v = up; mv = Move.Up; }
      if (gapScore[here]! > v) { v = gapScore[here]!; mv = Move.Left; } // passage word the fragment left out
      if (i > 1 && j > 1 && f === passage[j - 2]!.word && fragment[i - 2] === passage[j - 1]!.word && f !== fragment[i - 2]) {
        const swap = score[here - 2 * width - 2]! + SCORE.swap;
        if (swap > v) { v = swap; mv = Move.Swap; }
      }
      // "anytime" for "any time", "set up" for "established", and the other way round.
      if (j > 1 && ((f.length > 3 && f === passage[j - 2]!.word + passage[j - 1]!.word) || matcher.phraseMatches(i - 1, passage[j - 2]!.word, passage[j - 1]!.word))) {
        const merged = score[here - width - 2]! + SCORE.merge;
        if (merged > v) { v = merged; mv = Move.MergePassage; }
      }
      if (i > 1 && matcher.pairKind(rows[j - 1]!, i - 2)) {
        const merged = score[here - 2 * width - 1]! + SCORE.merge;
        if (merged > v) { v = merged; mv = Move.MergeFragment; }
      }
      score[here] = v;
      move[here] = mv;
      kinds[here] = cmp;
      if (v > best) { best = v; bestAt = here; }
    }
  }
  if (best <= 0) return null;

  // Walk back from the best cell, counting what kind of step each one was.
  let exact = 0, similar = 0, missing = 0, extra = 0, extraRuns = 0, swapped = 0;
  // Negations on each side that the other does not line up with: a flip when they do not pair.
  let negatedInFragment = 0;
  let negatedInPassage = 0;
  let found = 0;
  const marks: CharSpan[] = [];
  const edits: Edit[] = [];
  const spanAt = (k: number): CharSpan => ({ start: passage[k]!.start, end: passage[k]!.end });
  let i = Math.floor(bestAt / width);
  let j = bestAt % width;
  const lastI = i;
  const lastJ = j;
  let inGap = false;
  let run = 0;
  let runNegated = false;
  const closeRun = () => {
    if (run > 0) extraRuns += run <= CLAUSE_WORDS ? 1 : run;
    // A "not" left out alone flips the statement; one inside a clause left out whole does not
    // ("… the harbour, which nobody had prepared for, and took the cranes").
    if (runNegated && run <= 2) negatedInPassage++;
    run = 0;
    runNegated = false;
  };
  while (i > 0 && j > 0 && (inGap || move[i * width + j] !== Move.Stop)) {
    const at = i * width + j;
    if (inGap || move[at] === Move.Left) {
      // In a run of left-out passage words: it continues while the gap was extended.
      extra++;
      run++;
      if (NEGATIONS.has(passage[j - 1]!.word)) runNegated = true;
      edits.push({ kind: 'dropped', fragment: null, passage: spanAt(j - 1) });
      inGap = gapExtends[at] === 1;
      j--;
      continue;
    }
    closeRun();
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
          if (NEGATIONS.has(fragment[i - 1]!)) negatedInFragment++;
          if (NEGATIONS.has(passage[j - 1]!.word)) negatedInPassage++;
          edits.push({ kind: 'changed', fragment: i - 1, passage: spanAt(j - 1) });
        }
        i--; j--;
        break;
      }
      case Move.Up:
        missing++;
        if (NEGATIONS.has(fragment[i - 1]!)) negatedInFragment++;
        edits.push({ kind: 'added', fragment: i - 1, passage: null });
        i--;
        break;
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
      case Move.MergePassage: {
        similar++;
        const stretch = { start: passage[j - 2]!.start, end: passage[j - 1]!.end };
        edits.push({ kind: 'similar', fragment: i - 1, passage: stretch });
        found += weights[i - 1] ?? 0;
        marks.push(stretch);
        i--; j -= 2;
        break;
      }
      case Move.MergeFragment: {
        similar++;
        edits.push({ kind: 'similar', fragment: i - 2, passage: spanAt(j - 1), fragmentTo: i - 1 });
        found += (weights[i - 1] ?? 0) + (weights[i - 2] ?? 0);
        marks.push(spanAt(j - 1));
        i -= 2; j--;
        break;
      }
      default: i = 0;
    }
  }
  closeRun();
  // Fragment words before and after the aligned stretch were not found either.
  missing += i + (n - lastI);
  for (let k = 0; k < i; k++) if (NEGATIONS.has(fragment[k]!)) negatedInFragment++;
  for (let k = lastI; k < n; k++) if (NEGATIONS.has(fragment[k]!)) negatedInFragment++;
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
    extraRuns,
    // "unless" for "if … not" pairs up; "will lift" for "will not lift" does not.
    negationDiffers: negatedInFragment !== negatedInPassage,
    swapped,
    weightFound: total > 0 ? found / total : 0,
    span: { start: firstWord.start, end: lastWord.end },
    marks,
    edits,
  };
}

/** How many differences between fragment and passage: what "Close match: 2 differences"
 * counts. Passage words left out in a row count once, up to a clause. */
export function wordsDiffering(a: Alignment): number {
  return a.similar + a.missing + a.extraRuns + a.swapped;
}
