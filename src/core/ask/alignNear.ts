// Aligning a fragment with a candidate passage cheaply: tokenisations of recent candidates are
// cached, and long passages are aligned only near the fragment's content words.
import type { Passage } from '../model.ts';
import { wordSpans, type WordSpan } from '../search/words.ts';
import { alignFragment, CLAUSE_WORDS, type Alignment } from './alignFragment.ts';
import { FragmentWords } from './fragmentWords.ts';

// Candidates recur across questions (the same speeches are asked about all day); keep the most
// recent tokenisations rather than cutting the same text again. Bounded, so memory stays flat.
const SPAN_CACHE_SIZE = 2_000;
// Keyed by the passage object: a changed file brings new objects, so nothing stale is served.
const spanCache = new Map<Passage, WordSpan[]>();

export function spansOf(p: Passage): WordSpan[] {
  const hit = spanCache.get(p);
  if (hit && spanCache.delete(p)) {
    spanCache.set(p, hit);
    return hit;
  }
  const spans = wordSpans(p.text);
  spanCache.set(p, spans);
  if (spanCache.size > SPAN_CACHE_SIZE) spanCache.delete(spanCache.keys().next().value!);
  return spans;
}

/**
 * Aligns only the stretches of a long passage near the fragment's content words: a remembered
 * fragment lines up with at most its own length plus a few words, so the rest cannot matter.
 */
export function alignNear(words: readonly string[], weights: readonly number[], spans: readonly WordSpan[], anchors: ReadonlySet<string>, matcher = new FragmentWords(words, weights)): Alignment | null {
  const reach = words.length + 3 + CLAUSE_WORDS;
  if (spans.length <= reach * 3) return alignFragment(words, weights, spans, matcher);
  const windows: Array<[number, number]> = [];
  for (let j = 0; j < spans.length; j++) {
    if (!anchors.has(spans[j]!.word)) continue;
    const from = Math.max(0, j - reach);
    const to = Math.min(spans.length, j + reach + 1);
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else windows.push([from, to]);
  }
  // No content word as written (all misspelled or inflected): fall back to the whole passage.
  if (windows.length === 0) return alignFragment(words, weights, spans, matcher);
  let best: Alignment | null = null;
  for (const [from, to] of windows) {
    const a = alignFragment(words, weights, spans.slice(from, to), matcher);
    if (a && (!best || a.score > best.score)) best = a;
  }
  return best;
}
