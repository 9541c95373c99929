// A cable turn opens with an upper-case label: `JANE ROE, CNN ANCHOR:` the first time,
// `ROE:` after that, `SEN. JOHN DOE (R-OH):`, `UNIDENTIFIED MALE:`, and a delivery note in
// mixed case, `(voice-over)`. A line that merely holds a colon in mixed case is not a label.
import { straightenQuotes } from '../sourceText.ts';

export interface CableLabel {
  /** Everything before the colon, as written. */
  label: string;
  /** The person part, upper case, without party or delivery notes: `JOHN DOE`. */
  name: string;
  /** After the first comma, or the party in parentheses: `CNN ANCHOR`, `R-OH`. */
  title: string | null;
  /** The words on the same line after the colon. */
  rest: string;
}

/** Fields at the top of a rush transcript that look like labels and are not speakers. */
export const HEADER_KEYS = new Set([
  'AIRED', 'SHOW', 'PROGRAM', 'DATE', 'TIME', 'HEADLINE', 'HEADLINES', 'TITLE', 'GUESTS', 'GUEST', 'BYLINE',
  'SECTION', 'LENGTH', 'NETWORK', 'CHANNEL', 'TRANSCRIPT', 'TYPE', 'HIGHLIGHT', 'LOAD-DATE', 'LANGUAGE', 'SOURCE',
  'SPEAKERS', 'DOCUMENT-TYPE', 'PUBLICATION-TYPE', 'COPYRIGHT', 'UPDATE', 'NOTE', 'EDITOR\'S NOTE',
]);

const LINE = /^([^:]{2,160}?):(?:\s+(.*))?$/;
/** `(voice-over)`, `(on camera)`, `(through translator)`: how, not who. */
const DELIVERY = /\s*\([^()]*\p{Ll}[^()]*\)\s*$/u;
const NAME = /^[A-Z][A-Z.'\- ]*[A-Z.]$/;
const PARTY = /^(.*?)\s*\(([A-Z][A-Z\-, ]{0,12})\)$/;
const MAX_NAME_WORDS = 6;
const MAX_TITLE_WORDS = 14;

export function readCableLabel(rawText: string): CableLabel | null {
  const text = straightenQuotes(rawText).trim();
  const m = LINE.exec(text);
  if (!m) return null;
  const label = (m[1] ?? '').trim();
  let head = label;
  while (DELIVERY.test(head)) head = head.replace(DELIVERY, '');
  // Labels are upper case; `Here is the thing:` is a sentence.
  if (/\p{Ll}/u.test(head)) return null;
  const comma = head.indexOf(',');
  let name = (comma < 0 ? head : head.slice(0, comma)).trim();
  let title: string | null = comma < 0 ? null : head.slice(comma + 1).trim().replace(/\s+/g, ' ') || null;
  const party = PARTY.exec(name);
  if (party) {
    name = (party[1] ?? '').trim();
    title ??= party[2] ?? null;
  }
  name = name.replace(/\s+/g, ' ');
  if (!NAME.test(name) || !/[A-Z]{2}/.test(name) || name.split(' ').length > MAX_NAME_WORDS) return null;
  if (title !== null && title.split(' ').length > MAX_TITLE_WORDS) return null;
  return { label, name, title, rest: (m[2] ?? '').trim() };
}
