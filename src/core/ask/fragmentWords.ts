// A remembered fragment, prepared once per question. How each of its words compares with a
// passage's word is worked out once per distinct word and reused across every candidate: the
// same few thousand words recur in all of them, and the alignment asks for every pair.
import { comparePrepared, prepareWord, type PreparedWord } from '../search/similarWords.ts';
import type { WordSpan } from '../search/words.ts';

/** Per fragment word: 2 found as written, 1 similar (inflected, misspelled), 0 not. */
export type Kinds = Uint8Array;

export const EXACT = 2;
export const SIMILAR = 1;

export class FragmentWords {
  private readonly prepared: PreparedWord[];
  private readonly known = new Map<string, Kinds>();
  private readonly totalWeight: number;

  constructor(readonly words: readonly string[], readonly weights: readonly number[]) {
    this.prepared = words.map(prepareWord);
    this.totalWeight = weights.reduce((a, b) => a + b, 0);
  }

  /** How each fragment word compares with this passage word. */
  kinds(word: string): Kinds {
    let k = this.known.get(word);
    if (!k) {
      k = new Uint8Array(this.words.length);
      const actual = prepareWord(word);
      this.prepared.forEach((r, i) => {
        const m = comparePrepared(r, actual);
        k![i] = m === 'exact' ? EXACT : m === 'similar' ? SIMILAR : 0;
      });
      this.known.set(word, k);
    }
    return k;
  }

  /**
   * The most any alignment with these passage words could find: the fragment words that match
   * some word of the passage, and their share of the fragment's weight. A passage that cannot
   * reach a verdict's thresholds need not be aligned at all.
   */
  reach(passage: readonly WordSpan[]): { found: number; weightShare: number } {
    const hit = new Uint8Array(this.words.length);
    for (const w of passage) {
      const k = this.kinds(w.word);
      for (let i = 0; i < k.length; i++) hit[i] = hit[i]! | k[i]!;
    }
    let found = 0;
    let weight = 0;
    hit.forEach((h, i) => {
      if (h === 0) return;
      found++;
      weight += this.weights[i] ?? 0;
    });
    return { found, weightShare: this.totalWeight > 0 ? weight / this.totalWeight : 0 };
  }
}
