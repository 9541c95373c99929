// What every soundbite reader hands back, whatever the format wrote.
import type { SourceLine } from '../sourceText.ts';

export interface SoundbiteWords {
  text: string;
  /** 1-based line where the words start. */
  line: number;
}

export interface SoundbiteRead {
  /** The label as written; null for a soundbite with no label (`[Soundbite] "Help!"`). */
  label: string | null;
  /** null for a cut soundbite: a label whose words the page does not carry. */
  words: SoundbiteWords | null;
  /** Index of the first line after the soundbite. */
  next: number;
  /** A plain sentence about something odd, such as a bracket the page never closes. */
  issue: string | null;
}

/** Reads a soundbite that starts at `lines[i]`, or returns null when that line is not one. */
export type SoundbiteReader = (lines: SourceLine[], i: number) => SoundbiteRead | null;

/** Strips one pair of outer quotes, straight or curly; a missing closing quote is tolerated. */
export function stripOuterQuotes(s: string): string {
  const t = s.trim();
  if (!/^["“]/.test(t)) return t;
  return t.slice(1).replace(/["”]\s*$/, '').trim();
}

/** Whether an opened quote has been closed: quote characters come in pairs. */
export function quoteIsOpen(s: string): boolean {
  const straight = (s.match(/"/g) ?? []).length;
  const open = (s.match(/“/g) ?? []).length;
  const close = (s.match(/”/g) ?? []).length;
  return straight % 2 === 1 || open > close;
}
