// Narration is split into sentences only to pick out the ones that report speech; the split
// errs toward fewer, longer sentences around abbreviations such as `U.S.` or `Jan. 20`.

export interface SentenceSpan {
  /** Offset of the sentence's first character in the paragraph. */
  start: number;
  text: string;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'st', 'jr', 'sr', 'no', 'vs', 'etc', 'inc',
  'corp', 'co', 'ltd', 'gov', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'approx', 'est', 'dept', 'univ', 'lt', 'col', 'capt', 'sgt', 'ave',
]);

/** A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes) before a space and a
 * capital, digit or opening quote. */
const BOUNDARY = /[.!?…]+["'”’)\]]*(?=\s+["“‘'(]?[\p{Lu}\p{N}])/gu;

export function splitSentences(paragraph: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const m of paragraph.matchAll(BOUNDARY)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && isAbbreviation(paragraph, start, m.index)) continue;
    pushSpan(spans, paragraph, start, end);
    start = end;
  }
  pushSpan(spans, paragraph, start, paragraph.length);
  return spans;
}

/** Whether the word ending at `end` (not before `from`) is an abbreviation. */
function isAbbreviation(text: string, from: number, end: number): boolean {
  // Only the last word matters, read back at most 32 characters: reading from the sentence's
  // start would make a line of a million abbreviations quadratic.
  let at = end;
  while (at > from && end - at < 32 && !isSpace(text.charCodeAt(at - 1))) at--;
  const word = text.slice(at, end);
  if (word.length <= 6 && ABBREVIATIONS.has(word.toLowerCase())) return true;
  // Single initials such as `J` in `J. Roe`; `U.S`, `a.m`.
  if (word.length === 1) return /^\p{Lu}$/u.test(word);
  return word.includes('.') && /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160 || (code >= 0x2000 && code <= 0x200a) || code === 0x3000;
}

function pushSpan(spans: SentenceSpan[], paragraph: string, from: number, to: number): void {
  const raw = paragraph.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text !== '') spans.push({ start: from + lead, text });
}
