// WebVTT's blocks: the `WEBVTT` header, then cues (an optional identifier, a timing line with
// optional settings, the text), and NOTE, STYLE and REGION blocks that are not text.
import type { ParseIssue } from '../../model.ts';
import type { SourceLine } from '../sourceText.ts';
import { secondsFromClock } from '../services/timecode.ts';
import { blocksOf, type Cue } from './cue.ts';

/** `00:00:11.000 --> 00:00:13.000 align:start`, hours optional; settings ignored. */
const TIMING = /^\s*((?:\d+:)?\d{2}:\d{2}\.\d{3})\s+-->\s+((?:\d+:)?\d{2}:\d{2}\.\d{3})(?:\s|$)/;
const NOT_TEXT = /^(?:NOTE|STYLE|REGION)(?:\s|$)/;
export const WEBVTT_SIGNATURE = /^WEBVTT(?:[ \t]|$)/;

export interface WebVttFile {
  /** `WEBVTT - Council meeting`: what follows the signature, as a title. */
  title: string | null;
  cues: Cue[];
}

export function readWebVttCues(file: string, lines: readonly SourceLine[], issues: ParseIssue[]): WebVttFile {
  const [header, ...blocks] = blocksOf(lines);
  const signature = header?.[0]?.text ?? '';
  const title = signature.replace(WEBVTT_SIGNATURE, '').replace(/^\s*-\s*/, '').trim();
  const cues: Cue[] = [];
  for (const block of blocks) {
    const first = block[0];
    if (!first || NOT_TEXT.test(first.text)) continue;
    // The timing line is first, or second after a cue identifier.
    const at = block.findIndex((l, i) => i <= 1 && l.text.includes('-->'));
    const timing = at < 0 ? null : TIMING.exec(block[at]?.text ?? '');
    const start = timing ? secondsFromClock(timing[1] ?? '') : null;
    const end = timing ? secondsFromClock(timing[2] ?? '') : null;
    if (start === null || end === null) {
      issues.push({ file, line: first.n, message: 'This block is not a cue (no "00:00:00.000 --> 00:00:00.000" timing line); its text was skipped.', severity: 'warning' });
      continue;
    }
    cues.push({ start, end, payload: block.slice(at + 1) });
  }
  return { title: title === '' ? null : title, cues };
}
