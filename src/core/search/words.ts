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

// Most newsroom text is plain ASCII; only other words pay for Unicode normalisation.
const ASCII = /^[\x00-\x7f]*$/;
// ASCII plus the typographic punctuation transcripts are full of (curly quotes and apostrophes,
// dashes, ellipses, no-break spaces): three quarters of real briefing passages have some, and
// none of it is a letter, so the fast scanner still cuts them exactly as the pattern does.
const ASCII_TYPESET = /^[\x00-\x7f\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]*$/;

export function normaliseWord(raw: string): string {
  return normaliseWordKeepingApostrophe(raw).replace(/'/g, '');
}

export function wordSpans(text: string): WordSpan[] {
  return ASCII_TYPESET.test(text) ? asciiWordSpans(text) : patternWordSpans(text);
}

/** The general path, by the WORD pattern; the ASCII one must agree with it (words.test.ts). */
export function patternWordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index ?? 0;
    const end = start + raw.length;
    // The common case, a plain ASCII word that is no contraction, without allocating.
    if (raw.indexOf("'") < 0 && ASCII.test(raw)) {
      const word = raw.toLowerCase();
      if (!BARE.has(word)) {
        spans.push({ word, start, end });
        continue;
      }
    }
    for (const word of expandContraction(raw)) spans.push({ word, start, end });
  }
  return spans;
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019;
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** WORD for ASCII text with typographic punctuation, by character codes: the same spans, several
 * times faster, and who-said cuts every candidate passage into words. */
function asciiWordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  scanAscii(text, (word, start, end) => spans.push({ word, start, end }));
  return spans;
}

/**
 * Each word of the text, in order, as wordSpans would give it, without building the spans:
 * who-said reads every candidate's words to bound what it could match, and keeping no object
 * per word keeps the garbage collector's pauses out of the answer time.
 */
export function eachWord(text: string, visit: (word: string) => void): void {
  if (ASCII_TYPESET.test(text)) scanAscii(text, visit);
  else for (const span of patternWordSpans(text)) visit(span.word);
}

function scanAscii(text: string, visit: (word: string, start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let apostrophe = false;
    for (;;) {
      while (i < n && isAlnum(text.charCodeAt(i))) i++;
      // An apostrophe continues the word only between letters or digits (don't, Nat'l, don’t).
      if (i + 1 < n && isApostrophe(text.charCodeAt(i)) && isAlnum(text.charCodeAt(i + 1))) {
        apostrophe = true;
        i++;
        continue;
      }
      break;
    }
    const raw = text.slice(start, i);
    const word = raw.toLowerCase();
    if (!apostrophe && !BARE.has(word)) visit(word, start, i);
    else for (const w of expandContraction(raw)) visit(w, start, i);
  }
}

/** Stands for the `'d` of we'd / I'd, which may be "had" or "would": see similarWords. */
export const CONTRACTED_D = 'd';

// Spelled without the apostrophe, as people type them; left out where the bare form is a word
// of its own (were, ill, well, shell, wed, id, its, lets, hell).
const BARE: ReadonlyMap<string, readonly string[]> = new Map(Object.entries({
  dont: ['do', 'not'], didnt: ['did', 'not'], doesnt: ['does', 'not'], isnt: ['is', 'not'],
  arent: ['are', 'not'], wasnt: ['was', 'not'], werent: ['were', 'not'], cant: ['can', 'not'],
  couldnt: ['could', 'not'], wouldnt: ['would', 'not'], shouldnt: ['should', 'not'], wont: ['will', 'not'],
  havent: ['have', 'not'], hasnt: ['has', 'not'], hadnt: ['had', 'not'], mustnt: ['must', 'not'],
  im: ['i', 'am'], ive: ['i', 'have'], youre: ['you', 'are'], theyre: ['they', 'are'], youve: ['you', 'have'],
  weve: ['we', 'have'], theyve: ['they', 'have'], youll: ['you', 'will'], theyll: ['they', 'will'],
  thats: ['that', 'is'], whats: ['what', 'is'], theres: ['there', 'is'], heres: ['here', 'is'],
}));
const IS_AFTER = new Set(['it', 'that', 'what', 'there', 'here', 'he', 'she', 'who', 'where', 'how']);
const NOT_BASE: Readonly<Record<string, string>> = { wo: 'will', ca: 'can', sha: 'shall', ai: 'is' };

/** "didn't" and "did not" are the same words to a person remembering them; so they are here. */
export function expandContraction(raw: string): string[] {
  const lower = normaliseWordKeepingApostrophe(raw);
  if (lower.indexOf("'") < 0 && !BARE.has(lower)) return [lower];
  const bare = BARE.get(lower);
  if (bare) return [...bare];
  const m = /^(.+?)'([a-z]+)$/.exec(lower);
  if (!m) return [lower.replace(/'/g, '')];
  const [, base, tail] = m as unknown as [string, string, string];
  if (tail === 't' && base.endsWith('n')) {
    const stem = base.slice(0, -1);
    return [NOT_BASE[stem] ?? stem, 'not'];
  }
  switch (tail) {
    case 're': return [base, 'are'];
    case 've': return [base, 'have'];
    case 'm': return [base, 'am'];
    case 'll': return [base, 'will'];
    case 'd': return [base, CONTRACTED_D];
    case 's': return IS_AFTER.has(base) ? [base, 'is'] : [base + 's'];
    default: return [base + tail];
  }
}

function normaliseWordKeepingApostrophe(raw: string): string {
  if (ASCII.test(raw)) return raw.toLowerCase();
  return raw.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[\u2019\u02bc]/g, "'").toLowerCase();
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
