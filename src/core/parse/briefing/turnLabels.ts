// Where a turn starts: `MS. ROE:  words`, `THE PRESIDENT:`, `Q    words`. A sentence that
// merely contains a colon ("We have three goals: jobs, ...") is not a label: labels are
// upper case, short, and start the line.
import { straightenQuotes } from '../sourceText.ts';

export type TurnStart =
  | { kind: 'label'; label: string; rest: string }
  | { kind: 'question'; rest: string };

/** Upper-case words (with dots, hyphens, apostrophes) of at most 48 characters, a colon,
 * then a space or the end of the line. Digits are out: `END 4:25 P.M.` and `H.R. 3537:`. */
const LABEL = /^\s*([A-Z][A-Z.'\- ]{0,47}?)\s*:(?:\s+(.*))?$/;
/** `Q` then spaces, a dash or a colon; also a bare `Q` line. */
const QUESTION = /^\s*Q(?::\s*|\s+|$)(.*)$/;
const MAX_LABEL_WORDS = 6;

/** Words a real speaker label starts with: an honorific, `THE` of an office, or a title. */
const SPEAKER_SHAPED =
  /^(?:MR|MS|MRS|MISS|DR|M)\.?\s|^THE\s|^(?:PRESIDENT|VICE PRESIDENT|SECRETARY|SENATOR|GOVERNOR|MAYOR|REPRESENTATIVE|AMBASSADOR|ADMINISTRATOR|DIRECTOR|CHAIR|PRIME MINISTER|ACTING|DEPUTY|GENERAL|ADMIRAL|CONGRESS(?:WO)?MAN)\b|(?:MODERATOR|OPERATOR|AUDIENCE|AUDIENCE MEMBERS?|OFFICIAL|AIDE|PARTICIPANT)$/;

/** The line as a turn start, or null. `generic` decides whether an upper-case label that
 * does not look like a person (`NATO:`, `PROMISES KEPT:`) may still open a turn: only in a
 * file already known to hold turns, and only after a blank line (see splitTurns). */
export function readTurnStart(rawText: string, generic: boolean): TurnStart | null {
  // Most lines are prose: no colon and no leading Q means no turn, without any regex.
  if (!rawText.includes(':') && !/^\s*Q(?:\s|$)/.test(rawText)) return null;
  const text = straightenQuotes(rawText);
  // Straightening keeps every character's place, so the words are cut from the raw line
  // and keep their curly quotes.
  const raw = (rest: string | undefined): string => rawText.slice(rawText.length - (rest ?? '').length);
  const q = QUESTION.exec(text);
  if (q) return { kind: 'question', rest: raw(q[1]) };
  const m = LABEL.exec(text);
  if (!m) return null;
  const label = (m[1] ?? '').trim().replace(/\s+/g, ' ');
  if (label.split(' ').length > MAX_LABEL_WORDS || !/[A-Z]{2}/.test(label)) return null;
  if (!generic && !isSpeakerShaped(label)) return null;
  return { kind: 'label', label, rest: raw(m[2]) };
}

export function isSpeakerShaped(label: string): boolean {
  return SPEAKER_SHAPED.test(label);
}
