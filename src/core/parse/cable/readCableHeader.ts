// The top of a rush transcript, before the first speaker: the show, the headlines, `Aired
// March 4, 2025 - 20:00 ET` or `AIRED: ...`, `THIS IS A RUSH TRANSCRIPT...`, or database
// fields such as `SHOW:` and `HEADLINE:`.
import type { SourceLine } from '../sourceText.ts';
import { HEADER_KEYS, readCableLabel } from './cableLabel.ts';
import { readStageLine } from './cableStageNotes.ts';

export interface CableHeader {
  aired: string | null;
  program: string | null;
  headline: string | null;
  /** Index of the first line after the header. */
  bodyStart: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_DATE = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b/i;
const ISO_DATE = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/;
const AIRED = /^\s*aired\b\s*:?\s*/i;
const RUSH = /RUSH TRANSCRIPT|MAY NOT BE IN ITS FINAL FORM/i;
const FIELD = /^\s*([A-Z][A-Z'\-]*(?: [A-Z][A-Z'\-]*)?)\s*:\s*(.*)$/;

/** `March 4, 2025` or `2025-03-04` anywhere in the text, as YYYY-MM-DD. */
export function dateInText(text: string): string | null {
  const iso = ISO_DATE.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const m = MONTH_DATE.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf((m[1] ?? '').toLowerCase()) + 1;
  const day = Number(m[2]);
  if (month < 1 || day < 1 || day > 31) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function readCableHeader(lines: readonly SourceLine[]): CableHeader {
  const header: CableHeader = { aired: null, program: null, headline: null, bodyStart: lines.length };
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i]?.text ?? '').trim();
    if (text === '' || RUSH.test(text)) continue;
    const field = FIELD.exec(text);
    const key = field?.[1] ?? '';
    if (!HEADER_KEYS.has(key) && (readCableLabel(text) || readStageLine(text))) {
      header.bodyStart = i;
      return header;
    }
    const value = (field && HEADER_KEYS.has(key) ? field[2] ?? '' : text).trim();
    if (AIRED.test(text) || key === 'DATE') {
      header.aired ??= dateInText(text);
      continue;
    }
    if (key === 'SHOW' || key === 'PROGRAM') header.program ??= value;
    else if (key === 'HEADLINE' || key === 'HEADLINES' || key === 'TITLE') header.headline ??= value;
    else if (field && HEADER_KEYS.has(key)) continue;
    else if (header.program === null) header.program = value;
    // CNN's headline line ends with the hour it aired: `...; Aired 8-9p ET`.
    else header.headline ??= value.replace(/;?\s*Aired\s.*$/i, '').trim() || null;
    header.aired ??= dateInText(text);
  }
  return header;
}
