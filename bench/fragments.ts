// Who-said fragments, cut from passages the way a journalist remembers them: exactly; with one
// word misspelled; with one word dropped; with two adjacent words swapped. Plus fragments that
// are in no passage at all, checked against every passage's normalised text.
import type { Passage } from '../src/core/model.ts';
import { isNegation } from '../src/core/ask/alignFragment.ts';
import { isStopword, normaliseWord, wordsOf } from '../src/core/search/words.ts';
import type { Rng } from './synthCorpus.ts';

export type Variant = 'exact' | 'misspelled' | 'dropped' | 'swapped';
export const VARIANTS: readonly Variant[] = ['exact', 'misspelled', 'dropped', 'swapped'];

export interface Fragment {
  variant: Variant | 'absent';
  text: string;
  /** The passage it was cut from; null for absent fragments. */
  sourceId: string | null;
  /** The source passage's normalised words joined by spaces: identical text elsewhere counts as right. */
  sourceKey: string | null;
  /** The words as cut, before any misremembering, normalised: the same speaker saying exactly
   * these words in another passage (a line repeated from one briefing to the next) is right too. */
  cutKey: string | null;
  /** Who said them. */
  sourceSpeaker: string | null;
}

export interface FragmentSet {
  byVariant: Record<Variant, Fragment[]>;
  absent: Fragment[];
}

/** Surface words of a passage, as typed (punctuation at word edges dropped). */
export function surfaceWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['\u2019\u02bc][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Normalised text, words separated by single spaces, padded so `includes(' a b ')` matches whole words. */
export function textKey(text: string): string {
  return wordsOf(text).join(' ');
}

export const MIN_CONTENT_WORDS = 3;

const KEYS = 'qwertyuiopasdfghjklzxcvbnm';

/** One slip of the keyboard in a word of five letters or more: swap, drop, double or change a letter. */
export function misspell(word: string, rng: Rng): string {
  for (let tries = 0; tries < 20; tries++) {
    const i = rng.between(1, word.length - 2); // keep the first letter, as people do
    let out: string;
    switch (rng.int(4)) {
      case 0: out = word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2); break;
      case 1: out = word.slice(0, i) + word.slice(i + 1); break;
      case 2: out = word.slice(0, i) + word[i]! + word.slice(i); break;
      default: {
        const at = KEYS.indexOf(word[i]!.toLowerCase());
        const near = KEYS[(at + (rng.next() < 0.5 ? 1 : KEYS.length - 1)) % KEYS.length]!;
        out = word.slice(0, i) + near + word.slice(i + 1);
      }
    }
    if (normaliseWord(out) !== normaliseWord(word)) return out;
  }
  return word.slice(0, 1) + word.slice(2);
}

/** One base cut and its three misremembered variants, or null when the passage is too short or too plain. */
export function cutFragment(passage: Passage, rng: Rng): Record<Variant, string> | null {
  const words = surfaceWords(passage.text);
  if (words.length < 6) return null;
  const len = Math.min(words.length, rng.between(6, 10));
  const start = rng.int(words.length - len + 1);
  const cut = words.slice(start, start + len);
  const norm = cut.map(normaliseWord);
  // Nobody remembers "of the and it was": a remembered fragment carries at least three content words.
  if (norm.filter((w) => !isStopword(w)).length < MIN_CONTENT_WORDS) return null;

  const spellable = cut.map((w, i) => i).filter((i) => cut[i]!.length >= 5 && /^\p{L}+$/u.test(cut[i]!) && !isStopword(norm[i]!));
  if (spellable.length === 0) return null;
  const spellAt = rng.pick(spellable);
  const misspelled = cut.slice();
  misspelled[spellAt] = misspell(cut[spellAt]!, rng);

  // Drop an inner word: dropping the first or last is just a shorter exact fragment. Never a
  // negation: "I am in a position to comment" is the opposite quote, which who-said rightly refuses.
  const droppable = norm.map((_, i) => i).filter((i) => i > 0 && i < len - 1 && !wordsOf(cut[i]!).some(isNegation));
  if (droppable.length === 0) return null;
  const dropAt = rng.pick(droppable);
  const dropped = cut.filter((_, i) => i !== dropAt);

  const swappable = norm.map((_, i) => i).filter((i) => i + 1 < len && norm[i] !== norm[i + 1]);
  if (swappable.length === 0) return null;
  const swapAt = rng.pick(swappable);
  const swapped = cut.slice();
  swapped[swapAt] = cut[swapAt + 1]!;
  swapped[swapAt + 1] = cut[swapAt]!;

  return { exact: cut.join(' '), misspelled: misspelled.join(' '), dropped: dropped.join(' '), swapped: swapped.join(' ') };
}

export interface FragmentOptions {
  count: number;
  absent: number;
  /** Only passages passing this are cut (e.g. quotes only for the real briefings). */
  eligible?: (p: Passage) => boolean;
}

/**
 * @param passages the indexed passages (the index's own, so every source is really searchable)
 * @param haystack every passage's normalised text, padded with spaces, for the absence check
 * @param wordPool words to build absent fragments from, as often as the corpus uses them
 */
export function makeFragments(
  passages: readonly Passage[],
  haystack: readonly string[],
  wordPool: () => string,
  rng: Rng,
  opts: FragmentOptions,
): FragmentSet {
  const byVariant: Record<Variant, Fragment[]> = { exact: [], misspelled: [], dropped: [], swapped: [] };
  const pool = opts.eligible ? passages.filter(opts.eligible) : passages;
  if (pool.length === 0) throw new Error('no passage to cut fragments from');
  let guard = 0;
  while (byVariant.exact.length < opts.count && guard++ < opts.count * 50) {
    const p = rng.pick(pool);
    const cut = cutFragment(p, rng);
    if (!cut) continue;
    const key = textKey(p.text);
    const cutKey = textKey(cut.exact);
    for (const v of VARIANTS) byVariant[v].push({ variant: v, text: cut[v], sourceId: p.id, sourceKey: key, cutKey, sourceSpeaker: p.speaker.name });
  }
  const absent: Fragment[] = [];
  guard = 0;
  while (absent.length < opts.absent && guard++ < opts.absent * 50) {
    const len = rng.between(6, 10);
    const ws: string[] = [];
    for (let i = 0; i < len; i++) ws.push(wordPool());
    const text = ws.join(' ');
    if (isPresent(textKey(text), haystack)) continue;
    absent.push({ variant: 'absent', text, sourceId: null, sourceKey: null, cutKey: null, sourceSpeaker: null });
  }
  return { byVariant, absent };
}

/** Whether the normalised word sequence occurs, whole words, in any passage. */
export function isPresent(key: string, haystack: readonly string[]): boolean {
  const needle = ` ${key} `;
  for (const h of haystack) if (h.includes(needle)) return true;
  return false;
}
