// One way of cutting text into words, shared by the index, the alignment and the marking of
// matched words, so that what is searched and what is shown always agree.

export interface WordSpan {
  /** Normalised: lower case, no accents, apostrophes dropped (`don't` → `dont`). */
  word: string;
  /** Character offsets of the word in the original text. */
  start: number;
  end: number;
}

// Letters and digits, with apostrophes inside a word kept together (don't, Nat'l, I'm).
const WORD = /[\p{L}\p{N}]+(?:['\u2019\u02bc][\p{L}\p{N}]+)*/gu;

export function normaliseWord(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/['\u2019\u02bc]/g, '')
    .toLowerCase();
}

export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    spans.push({ word: normaliseWord(m[0]), start, end: start + m[0].length });
  }
  return spans;
}

export function wordsOf(text: string): string[] {
  return wordSpans(text).map((s) => s.word);
}

/** Function words that carry no topic. They stay in passages (alignment reads the full text)
 * but are left out of the inverted index, where they would cost the most and tell the least. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a an and are as at be been but by for from had has have he her his i if in into is it its ' +
    'me my of on or our she so that the their them they this to was we were will with you your')
    .split(' '),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}
