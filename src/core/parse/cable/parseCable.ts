// Format F, the cable-news rush transcript: a header (show, headlines, `Aired ...`), then
// upper-case `NAME, TITLE:` turns, with `(BEGIN VIDEO CLIP)` ... `(END VIDEO CLIP)` around tape.
import type { Transcript } from '../../model.ts';
import { parseGeneral } from '../general/parseGeneral.ts';
import type { FormatParser, ParseInput } from '../parser.ts';
import type { SourceLine } from '../sourceText.ts';
import { HEADER_KEYS, readCableLabel, type CableLabel } from './cableLabel.ts';
import { readStageLine } from './cableStageNotes.ts';

const SNIFF_LINES = 80;
/** Broadcast scripts (` date 2025-...`, `[Anchor]`) are formats A–C, never cable. */
const BROADCAST = /^\s*\[(?:anchor|report|lead|pkg|soundbite)|^\s+date\s+\d{4}-\d{2}-\d{2}/i;

function bodyLabel(text: string): CableLabel | null {
  const label = readCableLabel(text);
  return label && !HEADER_KEYS.has(label.name) ? label : null;
}

/** Several upper-case labels and something only a cable transcript has: a `NAME, TITLE:`
 * label, a clip or break marker, the rush-transcript notice. Briefings (front matter, `Q`
 * questions, no such marks) stay briefings. Scores above a briefing's 0.6, below the timed
 * formats' 10. */
export function sniffCable(lines: readonly SourceLine[]): number {
  const head = lines.slice(0, SNIFF_LINES);
  if (head[0]?.text.trim() === '---' || head.some((l) => BROADCAST.test(l.text))) return 0;
  const labels = head.map((l) => bodyLabel(l.text)).filter((l) => l !== null);
  if (labels.length < 2) return 0;
  const titled = labels.filter((l) => l.title !== null).length;
  const marks = head.filter((l) => readStageLine(l.text) !== null).length;
  const rush = head.some((l) => /RUSH TRANSCRIPT/i.test(l.text)) ? 2 : 0;
  const evidence = titled + marks + rush;
  return evidence === 0 ? 0 : 1 + Math.min(evidence, 5);
}

/** A rush transcript is read by the general reader, which knows its layouts and more (labels
 * mid-line after a cue, initials, anchors' copy as narration); it keeps the name of its format. */
export function parseCable(input: ParseInput): Transcript {
  const read = parseGeneral(input);
  return {
    ...read,
    format: 'cable',
    passages: read.passages.map((p) => ({ ...p, source: { ...p.source, format: 'cable' } })),
    ...(read.reading ? { reading: { ...read.reading, reader: 'cable' } } : {}),
  };
}

export const cableParser: FormatParser = {
  format: 'cable',
  sniff: (lines) => sniffCable(lines),
  parse: (input) => parseCable(input),
};
