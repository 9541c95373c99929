// Otter.ai's text export: `Name  0:08` (two spaces, then the time), the words on the lines
// below, and a `Transcribed by https://otter.ai` footer that nobody said.
import type { Speaker } from '../../model.ts';
import type { FormatParser, ParseInput } from '../parser.ts';
import type { SourceLine } from '../sourceText.ts';
import { secondsFromClock, formatTimecode } from './timecode.ts';
import { headerOpensFile, openTimedFile } from './timedFileMeta.ts';
import { transcriptFromTurns, type Turn } from './turnTranscript.ts';

/** A name of a few words, two or more spaces, a clock time, nothing after it. The run of spaces
 * is bounded: unbounded, a line of a million spaces is tried a million ways at each name length. */
const HEADER = /^(\S[^\t]{0,60}?) {2,12}((?:\d{1,2}:)?\d{1,2}:\d{2})\s*$/;
/** Otter without speaker identification writes the time alone. */
const TIME_ONLY = /^\s*((?:\d{1,2}:)?\d{1,2}:\d{2})\s*$/;
const FOOTER = /^\s*Transcribed by\s+(?:https?:\/\/)?(?:www\.)?otter\.ai\/?\s*$/i;
const SNIFF_LINES = 80;

interface OtterHeader {
  /** null for a time-only header: the words go on with the previous speaker. */
  name: string | null;
  timecode: string;
}

function readHeader(text: string): OtterHeader | null {
  const m = HEADER.exec(text) ?? TIME_ONLY.exec(text);
  if (!m) return null;
  const clock = m[2] ?? m[1] ?? '';
  const seconds = secondsFromClock(clock);
  if (seconds === null) return null;
  return { name: m[2] === undefined ? null : (m[1] ?? '').trim(), timecode: formatTimecode(seconds) };
}

export function sniffOtter(lines: readonly SourceLine[]): number {
  const head = lines.slice(0, SNIFF_LINES);
  if (head[0]?.text.trim() === '---') return 0;
  const named = head.filter((l) => HEADER.test(l.text) && readHeader(l.text) !== null).length;
  const footer = lines.slice(-5).some((l) => FOOTER.test(l.text));
  if (named >= 2 || (named >= 1 && footer)) return 10 + Math.min(named, 5);
  // One header makes a one-speaker export only where it opens the file.
  return named === 1 && headerOpensFile(head, (t) => HEADER.test(t)) ? 3 : 0;
}

export function parseOtter(input: ParseInput): ReturnType<FormatParser['parse']> {
  const { file, lines } = input;
  const { issues, firstHeader, meta, speakerOf } = openTimedFile(input, HEADER);

  const turns: Turn[] = [];
  let pending: OtterHeader | null = null;
  for (const line of lines.slice(Math.max(firstHeader, 0))) {
    const text = line.text.trim();
    if (text === '' || FOOTER.test(text)) continue;
    const header = readHeader(line.text);
    if (header) {
      pending = header;
      continue;
    }
    const current = turns.at(-1);
    if (pending) {
      const speaker: Speaker | undefined = pending.name === null ? current?.speaker : speakerOf(pending.name);
      if (!speaker) issues.push({ file, line: line.n, message: 'These words come before any speaker is named; they were kept under an unknown speaker.', severity: 'warning' });
      turns.push({ speaker: speaker ?? speakerOf(''), line: line.n, timecode: pending.timecode, text, section: null });
      pending = null;
    } else if (current) {
      current.text += ` ${text}`;
    }
  }
  return transcriptFromTurns({ file, format: 'otter', meta, turns, issues });
}

export const otterParser: FormatParser = {
  format: 'otter',
  sniff: (lines) => sniffOtter(lines),
  parse: (input) => parseOtter(input),
};
