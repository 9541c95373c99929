// The top of a broadcast page: ` date 2025-06-12 [News Today] “headline”`, or a bare headline,
// or Korean page chrome with a posted time `입력 2019.03.14 (15:13)`. Reads what it can and says
// where the script itself starts.
import type { SourceLine } from '../sourceText.ts';
import { readSectionMarker, sectionFromMarker, type Section } from './sections.ts';
import { endsSentence, hasHangul } from './textShape.ts';

export interface BroadcastHeader {
  aired: string | null;
  program: string | null;
  headline: string | null;
  /** Index into the lines of the first line after the header. */
  bodyStart: number;
  /** A section opened on the header line itself: ` date 2018-02-07 [Anchor Lead]`. */
  openingSection: Section | null;
}

const DATE_LINE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*(.*)$/i;
const POSTED = /입력\s*(\d{4})[.-](\d{2})[.-](\d{2})/;
const BARE_DATE = /^\s*(\d{4})[.-](\d{2})[.-](\d{2})\.?\s*$/;
const PROGRAM_IN_BRACKETS = /^\[([^\]]+)\]\s*(.*)$/;
/** A programme name at the end of the chrome: "Historic Exhibition News Today". */
const TRAILING_PROGRAM = /(?:^|\s)(News(?:\s+(?:Today|Plus|Line|Night|Focus|\d{1,2}))?)$/;
/** The header is never longer than this many non-blank lines. */
const MAX_HEADER_LINES = 6;

export function readBroadcastHeader(lines: SourceLine[]): BroadcastHeader {
  const header: BroadcastHeader = {
    aired: null,
    program: null,
    headline: null,
    bodyStart: 0,
    openingSection: null,
  };
  let posted: string | null = null;
  let seen = 0;
  let i = 0;
  for (; i < lines.length && seen < MAX_HEADER_LINES; i++) {
    const text = (lines[i]?.text ?? '').trim();
    if (text === '') continue;
    seen++;
    if (readSectionMarker(text)) break;
    const dated = DATE_LINE.exec(text);
    if (dated?.[1] !== undefined) {
      header.aired ??= dated[1];
      posted ??= readChrome(dated[2] ?? '', header);
      continue;
    }
    const bare = BARE_DATE.exec(text);
    if (bare) {
      posted ??= `${bare[1]}-${bare[2]}-${bare[3]}`;
      continue;
    }
    if (hasHangul(text) || PROGRAM_IN_BRACKETS.test(text)) {
      posted ??= readChrome(text, header);
      continue;
    }
    // A headline is short and is not a sentence; the first sentence starts the script.
    if (header.headline === null && !endsSentence(text) && !text.startsWith('[') && text.split(/\s+/).length <= 16) {
      const program = TRAILING_PROGRAM.exec(text);
      const before = program ? text.slice(0, program.index).trim() : '';
      if (program?.[1] !== undefined && before !== '') {
        header.program ??= program[1];
        header.headline = unquote(before);
      } else {
        header.headline = unquote(text);
      }
      continue;
    }
    break;
  }
  header.bodyStart = i;
  header.aired ??= posted ?? postedAnywhere(lines);
  return header;
}

/** Reads program, headline and an opening section from header chrome; returns a posted date. */
function readChrome(raw: string, header: BroadcastHeader): string | null {
  const posted = POSTED.exec(raw);
  const hangulAt = raw.search(/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/);
  let rest = (hangulAt >= 0 ? raw.slice(0, hangulAt) : raw).trim();
  const bracket = PROGRAM_IN_BRACKETS.exec(rest);
  if (bracket?.[1] !== undefined) {
    const section = sectionFromMarker(bracket[1]);
    if (section) {
      header.openingSection ??= section;
      rest = '';
    } else {
      header.program ??= bracket[1].trim();
      rest = bracket[2] ?? '';
    }
  } else {
    const program = TRAILING_PROGRAM.exec(rest);
    if (program?.[1] !== undefined) {
      header.program ??= program[1];
      rest = rest.slice(0, program.index).trim();
    }
  }
  if (rest.trim() !== '') header.headline ??= unquote(rest.trim());
  return posted ? `${posted[1]}-${posted[2]}-${posted[3]}` : null;
}

/** Pages whose header says nothing may still carry the posted time further down. */
function postedAnywhere(lines: SourceLine[]): string | null {
  for (const line of lines) {
    const m = POSTED.exec(line.text);
    if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  return null;
}

function unquote(s: string): string {
  return s.replace(/^["“]\s*/, '').replace(/\s*["”]$/, '').trim();
}
