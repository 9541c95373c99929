// A remembered fragment, prepared once per question. How each of its words compares with a
// passage's word is worked out once per distinct word and reused across every candidate: the
// same few thousand words recur in all of them, and the alignment asks for every pair.
import { comparePrepared, prepareWord, type PreparedWord } from '../search/similarWords.ts';
import { grownTo } from '../search/growArray.ts';
import { eachWord } from '../search/words.ts';

/** How a fragment word compares with a passage word: found as written, similar (inflected,
 * misspelled), or not at all. */
export const EXACT = 2;
export const SIMILAR = 1;

/** The most an alignment with a passage could find: see FragmentWords.reach. */
export interface Reach {
  found: number;
  weightShare: number;
}

export class FragmentWords {
  private readonly prepared: PreparedWord[];
  /** Passage word → its row in `table`: one byte per fragment word, EXACT, SIMILAR or 0. */
  private readonly rows = new Map<string, number>();
  // One table for every row, not an array per word: a question meets thousands of distinct
  // words, and an object for each was most of what it left for the garbage collector.
  private table = new Uint8Array(0);
  private readonly hit: Uint8Array;
  private readonly totalWeight: number;

  constructor(readonly words: readonly string[], readonly weights: readonly number[]) {
    this.prepared = words.map(prepareWord);
    this.hit = new Uint8Array(words.length);
    this.totalWeight = weights.reduce((a, b) => a + b, 0);
  }

  /** The row of this passage word, comparing it with each fragment word the first time. */
  rowOf(word: string): number {
    let row = this.rows.get(word);
    if (row === undefined) {
      row = this.rows.size;
      const n = this.words.length;
      this.table = grownTo(this.table, (row + 1) * n, (size) => new Uint8Array(size));
      const actual = prepareWord(word);
      for (let i = 0; i < n; i++) {
        const m = comparePrepared(this.prepared[i]!, actual);
        this.table[row * n + i] = m === 'exact' ? EXACT : m === 'similar' ? SIMILAR : 0;
      }
      this.rows.set(word, row);
    }
    return row;
  }

  /** How fragment word `i` compares with the passage word in `row`. */
  kind(row: number, i: number): number {
    return this.table[row * this.words.length + i]!;
  }

  /**
   * The most any alignment with this passage could find: the fragment words that match some
   * word of it, and their share of the fragment's weight. A passage that cannot reach a
   * verdict's thresholds need not be aligned at all.
   */
  reach(text: string): Reach {
    const hit = this.hit;
    const n = this.words.length;
    hit.fill(0);
    eachWord(text, (word) => {
      const at = this.rowOf(word) * n;
      const table = this.table;
      for (let i = 0; i < n; i++) hit[i] = hit[i]! | table[at + i]!;
    });
    let found = 0;
    let weight = 0;
    for (let i = 0; i < n; i++) {
      if (hit[i] === 0) continue;
      found++;
      weight += this.weights[i] ?? 0;
    }
    return { found, weightShare: this.totalWeight > 0 ? weight / this.totalWeight : 0 };
  }
}
