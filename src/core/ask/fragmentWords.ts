// A remembered fragment, prepared once per question. How each of its words compares with a
// passage's word is worked out once per distinct word and reused across every candidate: the
// same few thousand words recur in all of them, and the alignment asks for every pair.
import { NO_SYNONYMS, type Lexicon } from '../search/lexicon.ts';
import { lemmasOf } from '../search/lexicon.ts';
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
  /** For reach: how many words of the window match each fragment word, and the window's rows. */
  private readonly count: Int32Array;
  private ring = new Int32Array(0);
  private readonly totalWeight: number;
  /** Per pair of adjacent fragment words, the base forms of the phrase's synonyms ("set up" →
   * establish, found), or null. */
  private readonly pairSynonyms: Array<ReadonlySet<string> | null>;
  /** For each row, one byte per adjacent fragment pair: whether the passage word is that pair
   * as one word (`anytime` for "any time") or a synonym of it. */
  private pairTable = new Uint8Array(0);
  /** What reach counts: a fragment word matched by the passage word alone, or as part of a pair
   * or phrase (`table`, widened), so the bound stays at or above what an alignment can find. */
  private reachTable = new Uint8Array(0);
  private readonly rowWords: string[] = [];

  constructor(readonly words: readonly string[], readonly weights: readonly number[], lexicon: Lexicon = NO_SYNONYMS) {
    this.prepared = words.map((w) => prepareWord(w, lexicon));
    this.count = new Int32Array(words.length);
    this.totalWeight = weights.reduce((a, b) => a + b, 0);
    this.pairSynonyms = words.slice(1).map((w, k) => phraseSynonyms(this.prepared[k]!, this.prepared[k + 1]!, lexicon));
  }

  /** Whether passage words `a` then `b` are one fragment word's two-word synonym: "set up" in the
   * transcript for a remembered "established". */
  phraseMatches(i: number, a: string, b: string): boolean {
    const syn = this.prepared[i]?.synonyms;
    if (!syn || syn.size === 0 || !this.hasPhrases(i)) return false;
    for (const x of lemmasOf(a)) for (const y of lemmasOf(b)) if (syn.has(`${x}_${y}`)) return true;
    return false;
  }

  private readonly phrases = new Map<number, boolean>();
  private hasPhrases(i: number): boolean {
    let has = this.phrases.get(i);
    if (has === undefined) {
      has = [...(this.prepared[i]?.synonyms ?? [])].some((s) => s.includes('_'));
      this.phrases.set(i, has);
    }
    return has;
  }

  /** Whether the passage word in `row` stands for fragment words `k` and `k + 1` together. */
  pairKind(row: number, k: number): boolean {
    const pairs = this.words.length - 1;
    return pairs > 0 && this.pairTable[row * pairs + k] === 1;
  }

  /** The passage word of a row. */
  wordOf(row: number): string {
    return this.rowWords[row] ?? '';
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
      const pairs = n - 1;
      if (pairs > 0) {
        this.pairTable = grownTo(this.pairTable, (row + 1) * pairs, (size) => new Uint8Array(size));
        for (let k = 0; k < pairs; k++) {
          const joined = word.length > 3 && word === this.words[k]! + this.words[k + 1]!;
          const syn = this.pairSynonyms[k];
          const synonym = syn !== null && syn !== undefined && actual.lemmas.some((l) => syn.has(l));
          this.pairTable[row * pairs + k] = joined || synonym ? 1 : 0;
        }
      }
      this.reachTable = grownTo(this.reachTable, (row + 1) * n, (size) => new Uint8Array(size));
      for (let i = 0; i < n; i++) {
        const inPair = (i > 0 && this.pairTable[row * pairs + i - 1] === 1) || (i < pairs && this.pairTable[row * pairs + i] === 1);
        const inPhrase = this.hasPhrases(i) && actual.lemmas.some((l) => [...this.prepared[i]!.synonyms!].some((s) => s.startsWith(`${l}_`) || s.endsWith(`_${l}`)));
        this.reachTable[row * n + i] = this.table[row * n + i] !== 0 || inPair || inPhrase ? 1 : 0;
      }
      this.rowWords[row] = word;
      this.rows.set(word, row);
    }
    return row;
  }

  /** How fragment word `i` compares with the passage word in `row`. */
  kind(row: number, i: number): number {
    return this.table[row * this.words.length + i]!;
  }

  /**
   * The most an alignment with this passage could find, as fragment words matching some word of
   * it and their share of the fragment's weight, within any `window` consecutive passage words:
   * a close match lines up with a stretch barely longer than the fragment, so words scattered
   * over a long passage cannot make one. Windows are tried until one is `enough`; if none is,
   * the fullest is returned, so passages that cannot match can still be ranked as near misses.
   */
  reach(text: string, window: number, enough: (found: number, weightShare: number) => boolean): Reach {
    const n = this.words.length;
    const count = this.count;
    count.fill(0);
    const ring = this.ringFor(window);
    let seen = 0;
    let found = 0;
    let weight = 0;
    let bestFound = 0;
    let bestWeight = 0;
    let done = false;
    const share = (w: number) => (this.totalWeight > 0 ? w / this.totalWeight : 0);
    eachWord(text, (word) => {
      if (done) return;
      const row = this.rowOf(word);
      const table = this.reachTable;
      // The word leaving the window, then the word entering it.
      if (seen >= window) {
        const out = ring[seen % window]! * n;
        for (let i = 0; i < n; i++) {
          if (table[out + i] !== 0 && --count[i]! === 0) {
            found--;
            weight -= this.weights[i] ?? 0;
          }
        }
      }
      const at = row * n;
      for (let i = 0; i < n; i++) {
        if (table[at + i] !== 0 && count[i]!++ === 0) {
          found++;
          weight += this.weights[i] ?? 0;
        }
      }
      ring[seen % window] = row;
      seen++;
      // Every window is asked: one with fewer words but more of the weight may be the one.
      if (enough(found, share(weight))) {
        bestFound = found;
        bestWeight = weight;
        done = true;
      } else if (found > bestFound || (found === bestFound && weight > bestWeight)) {
        bestFound = found;
        bestWeight = weight;
      }
    });
    return { found: bestFound, weightShare: share(bestWeight) };
  }

  private ringFor(window: number): Int32Array {
    if (this.ring.length < window) this.ring = new Int32Array(window);
    return this.ring;
  }
}

/** The synonyms of two adjacent words read as one phrase ("set up"), if the lexicon has it. */
function phraseSynonyms(a: PreparedWord, b: PreparedWord, lexicon: Lexicon): ReadonlySet<string> | null {
  const found = new Set<string>();
  for (const x of a.lemmas) for (const y of b.lemmas) for (const s of lexicon.synonymsOf(`${x}_${y}`)) found.add(s);
  return found.size > 0 ? found : null;
}
