// Format C: `[Soundbite] Name(Title) : "words"`. A tag with a label and no words is a cut
// soundbite: the label stays on record, but there is nothing to quote.
import type { SourceLine } from '../sourceText.ts';
import { readSectionMarker } from './sections.ts';
import { quoteIsOpen, stripOuterQuotes, type SoundbiteReader } from './soundbite.ts';

const TAG = /^\s*\[\s*soundbite\s*\]\s*(.*)$/i;
const MAX_WRAPPED_LINES = 6;

export const readTaggedSoundbite: SoundbiteReader = (lines, i) => {
  const first = lines[i];
  const tag = first ? TAG.exec(first.text) : null;
  if (!first || tag?.[1] === undefined) return null;
  let rest = tag[1].trim();
  let restLine = first.n;
  let next = i + 1;
  // The tag alone on its line: the label and words follow on the next line.
  if (rest === '') {
    const k = nextNonBlank(lines, next);
    const candidate = k === null ? '' : (lines[k]?.text ?? '').trim();
    if (k !== null && candidate !== '' && !candidate.startsWith('[') && /^["“]|\)\s*:|:\s*["“]/.test(candidate)) {
      rest = candidate;
      restLine = lines[k]?.n ?? restLine;
      next = k + 1;
    } else {
      return { label: null, words: null, next, issue: null };
    }
  }

  let label: string | null = null;
  let words = rest;
  if (!/^["“]/.test(rest)) {
    const colon = /\s*:\s*(?=["“])/.exec(rest) ?? /\)\s*:\s*/.exec(rest);
    if (!colon) return { label: rest, words: null, next, issue: null };
    const cut = rest[colon.index] === ')' ? colon.index + 1 : colon.index;
    label = rest.slice(0, cut).trim();
    words = rest.slice(colon.index + colon[0].length).trim();
  }
  // Words that open a quote and wrap onto following lines, until the quote closes.
  if (quoteIsOpen(words)) {
    const more = wrappedLines(lines, next, words);
    if (more) {
      words = more.text;
      next = more.next;
    }
  }
  const text = stripOuterQuotes(words);
  return { label, words: text === '' ? null : { text, line: restLine }, next, issue: null };
};

function nextNonBlank(lines: SourceLine[], from: number): number | null {
  for (let k = from; k < lines.length; k++) if ((lines[k]?.text ?? '').trim() !== '') return k;
  return null;
}

/** Follows a wrapped quote over adjacent lines; null when it never closes (a cut page). */
function wrappedLines(lines: SourceLine[], from: number, start: string): { text: string; next: number } | null {
  let text = start;
  for (let k = from; k < lines.length && k < from + MAX_WRAPPED_LINES; k++) {
    const t = (lines[k]?.text ?? '').trim();
    if (t === '' || t.startsWith('[') || readSectionMarker(t)) return null;
    text = `${text} ${t}`;
    if (!quoteIsOpen(text)) return { text, next: k + 1 };
  }
  return null;
}
