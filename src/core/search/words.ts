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
// Combining accents (a transcript saved with decomposed letters), soft hyphens and zero-width
// characters stay inside the word they sit in: "re\u0301sume\u0301" is one word, "résumé".
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\u00ad\u200b-\u200d\u2060]*(?:['\u2019\u02bc][\p{L}\p{N}\p{M}\u00ad\u200b-\u200d\u2060]+)*/gu;

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
  const spans: WordSpan[] = [];
  const visit = combining(text, (word, start, end) => spans.push({ word, start, end }));
  if (ASCII_TYPESET.test(text)) scanAscii(text, visit);
  else for (const s of rawPatternSpans(text)) visit(s.word, s.start, s.end);
  visit.flush();
  return spans;
}

/** The general path, by the WORD pattern; the ASCII one must agree with it (words.test.ts). */
export function patternWordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  const visit = combining(text, (word, start, end) => spans.push({ word, start, end }));
  for (const s of rawPatternSpans(text)) visit(s.word, s.start, s.end);
  visit.flush();
  return spans;
}

type Visit = (word: string, start: number, end: number) => void;

/** Numbers written out (`forty-two`, `fifteen`) read as their digits, and dotted abbreviations
 * (`U.S.`, `U.K.`) as the words they stand for, on every path: the index, the reach bound and the
 * alignment all see "42 states" and "the United States" however the transcript wrote them. */
function combining(text: string, out: Visit): Visit & { flush: () => void } {
  let tens: { value: number; start: number; end: number } | null = null;
  let letters = '';
  let lettersStart = 0;
  let lettersEnd = 0;
  const flushTens = () => {
    if (tens) out(String(tens.value), tens.start, tens.end);
    tens = null;
  };
  const flushLetters = () => {
    if (letters === '') return;
    const expanded = DOTTED.get(letters);
    if (expanded && text.charAt(lettersEnd) === '.') for (const w of expanded) out(w, lettersStart, lettersEnd + 1);
    else if (letters.length === 1) plain(letters, lettersStart, lettersEnd);
    else for (let k = 0; k < letters.length; k++) plain(letters.charAt(k), lettersStart + 2 * k, lettersStart + 2 * k + 1);
    letters = '';
  };
  const plain = (word: string, start: number, end: number) => {
    const n = NUMBER_WORDS.get(word);
    if (n === undefined) {
      flushTens();
      out(word, start, end);
      return;
    }
    const t: { value: number; start: number; end: number } | null = tens;
    // `forty-two`, `forty two`: a ten then a unit, nothing but a hyphen or a space between.
    if (t !== null && n < 10 && n > 0 && /^[\s‐‑-]$/.test(text.slice(t.end, start))) {
      tens = null;
      out(String(t.value + n), t.start, end);
      return;
    }
    flushTens();
    if (n >= 20 && n % 10 === 0) tens = { value: n, start, end };
    else out(String(n), start, end);
  };
  const visit = ((word: string, start: number, end: number) => {
    // `U.S.`: single letters, each followed by a full stop.
    if (word.length === 1 && text.charAt(end) === '.' && (letters === '' || (start === lettersEnd + 1 && letters.length < 4))) {
      if (letters === '') lettersStart = start;
      letters += word;
      lettersEnd = end;
      return;
    }
    flushLetters();
    plain(word, start, end);
  }) as Visit & { flush: () => void };
  visit.flush = () => {
    flushLetters();
    flushTens();
  };
  return visit;
}

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ...['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
    'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'].map((w, i): [string, number] => [w, i]),
  ...['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((w, i): [string, number] => [w, (i + 2) * 10]),
]);

/** Abbreviations written with full stops, and the words they stand for. */
const DOTTED: ReadonlyMap<string, readonly string[]> = new Map([
  ['us', ['united', 'states']], ['uk', ['united', 'kingdom']], ['un', ['united', 'nations']], ['eu', ['european', 'union']],
  ['usa', ['united', 'states']], ['ussr', ['soviet', 'union']],
]);

function rawPatternSpans(text: string): WordSpan[] {
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

/**
 * Each word of the text, in order, as wordSpans would give it, without building the spans:
 * who-said reads every candidate's words to bound what it could match, and keeping no object
 * per word keeps the garbage collector's pauses out of the answer time.
 */
export function eachWord(text: string, visit: (word: string) => void): void {
  const v = combining(text, (word) => visit(word));
  if (ASCII_TYPESET.test(text)) scanAscii(text, v);
  else for (const s of rawPatternSpans(text)) v(s.word, s.start, s.end);
  v.flush();
}

/** WORD for ASCII text with typographic punctuation, by character codes: the same spans as the
 * pattern, several times faster, and who-said cuts every candidate passage into words. */
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
  return raw.normalize('NFKD').replace(/[\p{M}\u00ad\u200b-\u200d\u2060]+/gu, '').replace(/[\u2019\u02bc]/g, "'").toLowerCase();
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
