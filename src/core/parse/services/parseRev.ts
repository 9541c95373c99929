// Rev's text export: `Name (03:04):`, then the words. A long turn carries bare `(03:45)` stamps
// on their own line or before a paragraph: the same speaker goes on, from that time.
import type { FormatParser, ParseInput } from '../parser.ts';
import type { SourceLine } from '../sourceText.ts';
import { formatTimecode, secondsFromClock } from './timecode.ts';
import { headerOpensFile, openTimedFile } from './timedFileMeta.ts';
import { transcriptFromTurns, type Turn } from './turnTranscript.ts';

const CLOCK = '(?:\\d{1,2}:)?\\d{1,2}:\\d{2}';
/** `Jane Roe (03:04):` and whatever follows on the line. The name has no parentheses. The space
 * before the time is bounded, so a line of spaces is not tried a million ways per name length. */
const HEADER = new RegExp(`^\\s*([^()\\s][^()]{0,60}?)\\s{0,8}[([](${CLOCK})[)\\]]\\s*:\\s*(.*)$`);
/** `(03:45)` or `[03:45]` starting a line, maybe with words after it. */
const STAMP = new RegExp(`^\\s{0,8}[([](${CLOCK})[)\\]]\\s*(.*)$`);
const SNIFF_LINES = 80;

export function sniffRev(lines: readonly SourceLine[]): number {
  const head = lines.slice(0, SNIFF_LINES);
  if (head[0]?.text.trim() === '---') return 0;
  const headers = head.filter((l) => HEADER.test(l.text)).length;
  if (headers === 0) return 0;
  // One header makes a one-speaker export only where it opens the file.
  return headers >= 2 || headerOpensFile(head, (t) => HEADER.test(t)) ? 10 + Math.min(headers, 5) : 0;
}

export function parseRev(input: ParseInput): ReturnType<FormatParser['parse']> {
  const { file, lines } = input;
  const { issues, firstHeader, meta, speakerOf } = openTimedFile(input, HEADER);

  const turns: Turn[] = [];
  // `current` takes further words; `opened` is a header or stamp whose words have not started.
  const at: { current: Turn | null; opened: Omit<Turn, 'line' | 'text'> | null } = { current: null, opened: null };
  const addWords = (line: SourceLine, words: string): void => {
    if (words === '') return;
    if (at.opened) {
      at.current = { ...at.opened, line: line.n, text: words };
      turns.push(at.current);
      at.opened = null;
    } else if (at.current) {
      at.current.text += ` ${words}`;
    }
  };

  for (const line of lines.slice(Math.max(firstHeader, 0))) {
    const header = HEADER.exec(line.text);
    const stamp = header ? null : STAMP.exec(line.text);
    const clock = header?.[2] ?? stamp?.[1];
    const seconds = clock === undefined ? null : secondsFromClock(clock);
    if (header && seconds !== null) {
      at.opened = { speaker: speakerOf(header[1] ?? ''), timecode: formatTimecode(seconds), section: null };
      addWords(line, (header[3] ?? '').trim());
    } else if (stamp && seconds !== null && (at.current || at.opened)) {
      const speaker = at.opened?.speaker ?? at.current?.speaker;
      if (speaker) at.opened = { speaker, timecode: formatTimecode(seconds), section: null };
      addWords(line, (stamp[2] ?? '').trim());
    } else {
      addWords(line, line.text.trim());
    }
  }
  return transcriptFromTurns({ file, format: 'rev', meta, turns, issues });
}

export const revParser: FormatParser = {
  format: 'rev',
  sniff: (lines) => sniffRev(lines),
  parse: (input) => parseRev(input),
};
