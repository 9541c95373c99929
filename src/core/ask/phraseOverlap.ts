// How much of a fragment a passage holds as typed: its adjacent word pairs found side by side,
// and the whole fragment word for word. A cheap ranking for the many passages that hold the same
// common words, before any of them is aligned.
import { eachWord } from '../search/words.ts';

export class PhraseOverlap {
  /** Each distinct fragment word → where it stands in the fragment. */
  private readonly at = new Map<string, number[]>();
  private readonly n: number;
  /** run[i]: how many fragment words up to i the passage holds in a row, ending at the word
   * before the current one; next[i] the same ending at the current one. */
  private readonly run: Int32Array;
  private readonly next: Int32Array;
  private readonly pairs: Uint8Array;

  constructor(words: readonly string[]) {
    this.n = words.length;
    words.forEach((w, i) => {
      const list = this.at.get(w);
      if (list) list.push(i);
      else this.at.set(w, [i]);
    });
    this.run = new Int32Array(this.n);
    this.next = new Int32Array(this.n);
    this.pairs = new Uint8Array(Math.max(0, this.n - 1));
  }

  /**
   * The number of the fragment's adjacent word pairs the passage holds side by side, plus one more
   * than there are pairs when it holds the whole fragment: a changed or misspelled word spoils
   * only the two pairs around it, and the whole fragment outranks any partial one.
   */
  score(text: string): number {
    const { n, run, next, pairs } = this;
    run.fill(0);
    pairs.fill(0);
    let running = false;
    let whole = false;
    eachWord(text, (word) => {
      const at = this.at.get(word);
      if (at === undefined) {
        if (running) run.fill(0);
        running = false;
        return;
      }
      next.fill(0);
      for (const i of at) {
        const before = i > 0 ? run[i - 1]! : 0;
        if (before > 0) pairs[i - 1] = 1;
        next[i] = before + 1;
        if (next[i] === n) whole = true;
      }
      run.set(next);
      running = true;
    });
    let found = 0;
    for (let i = 0; i < pairs.length; i++) found += pairs[i]!;
    return whole ? found + n : found;
  }
}
