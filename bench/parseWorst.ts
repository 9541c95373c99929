// The worst parse of a 5 MB single-line upload (issue 12): hostile one-line files of the shapes
// that make patterns backtrack (a long run of letters, of spaces, a slash beside a digit, label
// punctuation repeated, …), each parsed as every file type an upload may be. The time is
// parseTranscript's, the work ingest does on an upload before it answers. Each shape runs in a
// child process with a time limit, since a parse that backtracks cannot be interrupted: one that
// runs past it is reported as over the limit.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseTranscript } from '../src/core/parse/parseTranscript.ts';

export interface ParseShape {
  shape: string;
  /** The slowest of the file types (a lower bound when `overLimit`), and which. */
  ms: number;
  file: string;
  overLimit: boolean;
}

const NAMES = ['upload.txt', 'upload.md', 'upload.vtt', 'upload.srt', 'upload.otter.txt'];

/** One line of `bytes` characters made by repeating `unit` (after `head`). */
function line(bytes: number, unit: string, head = '', tail = ''): string {
  const body = unit.repeat(Math.ceil((bytes - head.length - tail.length) / unit.length)).slice(0, bytes - head.length - tail.length);
  return head + body + tail;
}

const SHAPES: Array<[string, (bytes: number) => string]> = [
  ['letters, no slash', (n) => line(n, 'a', 'A')],
  ['letters, then a digit beside a slash', (n) => line(n, 'a', 'A', '1/x')],
  ['one run of spaces', (n) => line(n, ' ', 'A', 'b')],
  ['spaces, then an open parenthesis', (n) => line(n, ' ', 'A', 'b(')],
  ['words', (n) => line(n, 'Word ')],
  ['open parentheses', (n) => line(n, '(', 'A')],
  ['close parentheses', (n) => line(n, ')', 'A')],
  ['slashes', (n) => line(n, 'a/', 'A')],
  ['digits', (n) => line(n, '1')],
  ['timecode arrows', (n) => line(n, '00:00:01,000 --> ')],
  ['an open bracket, then letters', (n) => line(n, 'a', '[')],
  ['capitals and spaces', (n) => line(n, 'ABC DEF ')],
  ['quotes', (n) => line(n, '"a')],
  ['voice tags', (n) => line(n, '<v ')],
  ['speaker labels (MR. A:)', (n) => line(n, 'MR. A: ')],
  ['label-like name / title (note', (n) => line(n, 'Jane Roe / Trade (March 15, ')],
  ['Hangul', (n) => line(n, '가')],
  ['Q and a space', (n) => line(n, 'Q ')],
];

export function measureWorstParse(bytes: number, limitMs: number, log: (m: string) => void): ParseShape[] {
  const out: ParseShape[] = [];
  SHAPES.forEach(([shape], k) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), String(k), String(bytes)], { encoding: 'utf8', timeout: limitMs, maxBuffer: 1 << 20 });
    const timings = run.stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { file: string; ms: number });
    const overLimit = timings.length < NAMES.length;
    const slowest = timings.reduce((w, t) => (t.ms > w.ms ? t : w), { file: NAMES[timings.length] ?? '', ms: 0 });
    const worst: ParseShape = overLimit ? { shape, ms: limitMs, file: NAMES[timings.length]!, overLimit } : { shape, ...slowest, overLimit };
    log(`parse of a ${(bytes / 1048576).toFixed(0)} MB line, ${shape}: ${overLimit ? `over ${limitMs / 1000} s` : `${worst.ms.toFixed(0)} ms`} (${worst.file})`);
    out.push(worst);
  });
  return out.sort((a, b) => Number(b.overLimit) - Number(a.overLimit) || b.ms - a.ms);
}

/** In the child: parse shape `k` as each type, one JSON line per type as it finishes. */
function child(k: number, bytes: number): void {
  const text = SHAPES[k]![1](bytes);
  for (const file of NAMES) {
    const t0 = performance.now();
    parseTranscript(file, text);
    process.stdout.write(`${JSON.stringify({ file, ms: performance.now() - t0 })}\n`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) child(Number(process.argv[2]), Number(process.argv[3]));
