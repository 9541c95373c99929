// The rules that decide a who-said answer, in one place: when an alignment is an exact match, a
// close one, reported speech, or nothing. Strict on purpose: naming the wrong speaker is worse than
// naming none. tests/core/ask/verdict.test.ts holds each boundary, one case inside, one outside.
import type { PassageKind, Verdict } from '../model.ts';
import { wordsDiffering, type Alignment } from './alignFragment.ts';

/** A close match finds this share of the fragment's words, and of its weight (rare words weigh more). */
export const MIN_FOUND = 0.7;
export const MIN_WEIGHT_FOUND = 0.6;

/** Exact, close, reported (narration), or null: not found. */
export type Judgement = Exclude<Verdict, 'not_found'> | null;

/** How many differences a close match may have: a remembered sentence drifts more the longer it
 * is, and the words found must still dominate. A clause left out counts as one. */
export function allowedDiffering(n: number): number {
  return n <= 4 ? 1 : n <= 8 ? 2 : Math.ceil(n / 3);
}

/**
 * Whether a stretch of passage holding these of the fragment's words could be judged anything
 * but not found: judge's thresholds, on what the best alignment there could find at most.
 */
export function mayBeAccepted(found: number, weightShare: number, n: number): boolean {
  return found / n >= MIN_FOUND && found >= n - allowedDiffering(n) && weightShare >= MIN_WEIGHT_FOUND;
}

/**
 * Differences as the verdict weighs them: words the transcript has and the fragment left out
 * weigh half (memory drops words more readily than it invents them: "the largest rally in the
 * city's history" for "the largest public rally in this city's long history"), a clause left
 * out weighing as one word left out.
 */
export function weighedDiffering(a: Alignment): number {
  return wordsDiffering(a) - a.extraRuns / 2;
}

/** The verdict on one alignment of an `n`-word fragment with a passage of this kind. */
export function judge(a: Alignment, n: number, kind: PassageKind): Judgement {
  const spokenBySomeone = kind === 'quote' || kind === 'question';
  const isExact = a.exact === n && a.similar === 0 && a.extra === 0 && a.swapped === 0 && a.missing === 0;
  if (isExact) return spokenBySomeone ? 'exact' : 'reported';
  // "We will not lift the tariffs" is not "we will lift the tariffs", however well they line up.
  if (a.negationDiffers) return null;
  const found = a.exact + a.similar;
  const close = weighedDiffering(a) <= allowedDiffering(n) && found / n >= MIN_FOUND && a.weightFound >= MIN_WEIGHT_FOUND && a.exact >= Math.min(3, n - 1);
  if (!close) return null;
  return spokenBySomeone ? 'close' : 'reported';
}
