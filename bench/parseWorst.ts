// The worst parse of a 5 MB single-line upload (issue 12): hostile one-line files of the shapes
// that make patterns backtrack (a long run of letters, of spaces, a slash beside a digit, label
// punctuation repeated, …), each parsed as every file type an upload may be. The time is
// parseTranscript's, the work ingest does on an upload before it answers.
import { parseTranscript } from '../src/core/parse/parseTranscript.ts';

export interface ParseShape {
  shape: string;
  /** The slowest of the file types, and which. */
  ms: number;
  file: string;
}

const NAMES = ['upload.txt', 'upload.md', 'upload.vtt', 'upload.srt', 'upload.otter.txt'];

/** One line of `bytes` characters made by repeating `unit` (after `head`). */
function line(bytes: number, unit: string, head = '', tail = ''): string {
  const body = unit.repeat(Math.ceil((bytes - head.length - tail.length) / unit.length)).slice(0, bytes - head.length - tail.length);
  return head + body + tail;
}

export function shapes(bytes: number): Array<[string, string]> {
  return [
    ['letters, no slash', line(bytes, 'a', 'A')],
    ['letters, then a digit beside a slash', line(bytes, 'a', 'A', '1/x')],
    ['one run of spaces', line(bytes, ' ', 'A', 'b')],
    ['spaces, then an open parenthesis', line(bytes, ' ', 'A', 'b(')],
    ['words', line(bytes, 'Word ')],
    ['open parentheses', line(bytes, '(', 'A')],
    ['close parentheses', line(bytes, ')', 'A')],
    ['slashes', line(bytes, 'a/', 'A')],
    ['digits', line(bytes, '1')],
    ['timecode arrows', line(bytes, '00:00:01,000 --> ')],
    ['an open bracket, then letters', line(bytes, 'a', '[')],
    ['capitals and spaces', line(bytes, 'ABC DEF ')],
    ['quotes', line(bytes, '"a')],
    ['voice tags', line(bytes, '<v ')],
    ['speaker labels (MR. A:)', line(bytes, 'MR. A: ')],
    ['label-like name / title (note', line(bytes, 'Jane Roe / Trade (March 15, ')],
    ['Hangul', line(bytes, '가')],
    ['Q and a space', line(bytes, 'Q ')],
  ];
}

export function measureWorstParse(bytes: number, log: (m: string) => void): ParseShape[] {
  const out: ParseShape[] = [];
  for (const [shape, text] of shapes(bytes)) {
    let worst: ParseShape = { shape, ms: 0, file: '' };
    for (const file of NAMES) {
      const t0 = performance.now();
      parseTranscript(file, text);
      const ms = performance.now() - t0;
      if (ms > worst.ms) worst = { shape, ms, file };
    }
    log(`parse of a ${(bytes / 1048576).toFixed(0)} MB line, ${shape}: ${worst.ms.toFixed(0)} ms (${worst.file})`);
    out.push(worst);
  }
  return out.sort((a, b) => b.ms - a.ms);
}
