// Format B: the soundbite is one bracket, `[Name/Title: "words"]`; titles may hold commas and
// parentheses, so the label ends at the colon that opens the quote.
import type { SourceLine } from '../sourceText.ts';
import { readSectionMarker } from './sections.ts';
import { stripOuterQuotes, type SoundbiteRead, type SoundbiteReader } from './soundbite.ts';

/** How many lines a bracket may run over before we decide the page never closes it. */
const MAX_BRACKET_LINES = 6;

export const readBracketedSoundbite: SoundbiteReader = (lines, i) => {
  const first = lines[i];
  if (!first) return null;
  const text = first.text.trim();
  if (!text.startsWith('[') || readSectionMarker(text) || /^\[\s*soundbite\s*\]/i.test(text)) return null;
  // `[News Today] HEADLINE`: a bracket closed mid-line is chrome, not a soundbite.
  const firstClose = text.indexOf(']');
  if (firstClose >= 0 && firstClose < text.length - 1) return null;

  const { inner, next, closed } = gatherBracket(lines, i);
  const split = splitLabelAndWords(inner);
  if (split === null) return null;
  const cutOff = closed ? null : `The soundbite bracket on line ${first.n} is never closed; the page looks cut off.`;
  const words = split.words === null || split.words === '' ? null : { text: split.words, line: first.n };
  return { label: split.label, words, next, issue: cutOff };
};

interface Bracket {
  inner: string;
  next: number;
  closed: boolean;
}

/** The bracket's content, over several lines when the words wrap, but never across a blank. */
function gatherBracket(lines: SourceLine[], i: number): Bracket {
  const parts: string[] = [];
  for (let k = i; k < lines.length && k < i + MAX_BRACKET_LINES; k++) {
    const t = (lines[k]?.text ?? '').trim();
    if (t === '' || (k > i && t.startsWith('['))) break;
    parts.push(k === i ? t.slice(1) : t);
    if (t.endsWith(']')) {
      const joined = parts.join(' ');
      return { inner: joined.slice(0, -1).trim(), next: k + 1, closed: true };
    }
  }
  return { inner: (lines[i]?.text ?? '').trim().slice(1).trim(), next: i + 1, closed: false };
}

interface LabelAndWords {
  label: string | null;
  words: string | null;
}

function splitLabelAndWords(inner: string): LabelAndWords | null {
  if (/^["“]/.test(inner)) return { label: null, words: stripOuterQuotes(inner) };
  const colon = /:\s*(?=["“])/.exec(inner);
  if (colon) {
    const label = inner.slice(0, colon.index).trim();
    if (!plausibleLabel(label)) return null;
    return { label, words: stripOuterQuotes(inner.slice(colon.index + colon[0].length)) };
  }
  // `[Name/Title: words]` without quotes, or a label the page cut before its colon.
  const bare = /:\s+/.exec(inner);
  if (bare) {
    const label = inner.slice(0, bare.index).trim();
    if (plausibleLabel(label)) return { label, words: inner.slice(bare.index + bare[0].length).trim() };
  }
  return plausibleLabel(inner) && inner.includes('/') ? { label: inner, words: null } : null;
}

/** A label names someone: short, and not itself a sentence. */
function plausibleLabel(label: string): boolean {
  const words = label.split(/\s+/).length;
  return label !== '' && words <= 25 && !/[.!?]$/.test(label) && /^[\p{L}\p{N}]/u.test(label);
}

export type { SoundbiteRead };
