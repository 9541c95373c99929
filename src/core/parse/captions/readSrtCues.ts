// SubRip's blocks: a cue number, `00:01:14,815 --> 00:01:18,114`, then the text. Exports that
// put a blank line inside a cue's text leave a block with no number or timing: it belongs to
// the cue before it.
import type { ParseIssue } from '../../model.ts';
import type { SourceLine } from '../sourceText.ts';
import { secondsFromClock } from '../services/timecode.ts';
import { blocksOf, type Cue } from './cue.ts';

/** Commas before the milliseconds are SubRip's mark; some tools write dots, so both pass. */
export const SRT_TIMING = /^\s*(\d{1,2}:\d{2}:\d{2}[,.]\d{1,3})\s*-->\s*(\d{1,2}:\d{2}:\d{2}[,.]\d{1,3})/;
const CUE_NUMBER = /^\s*\d+\s*$/;

export function readSrtCues(file: string, lines: readonly SourceLine[], issues: ParseIssue[]): Cue[] {
  const cues: Cue[] = [];
  for (const block of blocksOf(lines)) {
    const at = block.findIndex((l, i) => i <= 1 && SRT_TIMING.test(l.text));
    if (at < 0) {
      const previous = cues.at(-1);
      const first = block[0];
      if (previous && first && !CUE_NUMBER.test(first.text)) previous.payload.push(...block);
      else if (first) issues.push({ file, line: first.n, message: 'This block is not a cue (no "00:00:00,000 --> 00:00:00,000" timing line); its text was skipped.', severity: 'warning' });
      continue;
    }
    const timing = SRT_TIMING.exec(block[at]?.text ?? '');
    const start = secondsFromClock(timing?.[1] ?? '');
    const end = secondsFromClock(timing?.[2] ?? '');
    if (start === null || end === null) {
      issues.push({ file, line: block[at]?.n ?? 1, message: 'This cue\'s timing is not a clock time; its text was skipped.', severity: 'warning' });
      continue;
    }
    cues.push({ start, end, payload: block.slice(at + 1) });
  }
  return cues;
}
