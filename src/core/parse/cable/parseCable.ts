// Format F, the cable-news rush transcript: a header (show, headlines, `Aired ...`), then
// upper-case `NAME, TITLE:` turns, with `(BEGIN VIDEO CLIP)` ... `(END VIDEO CLIP)` around tape.
import type { ParseIssue, Speaker, Transcript } from '../../model.ts';
import { dateFromFileName } from '../dateFromFileName.ts';
import type { FormatParser, ParseInput } from '../parser.ts';
import type { SourceLine } from '../sourceText.ts';
import { createLabelSpeaker, UNKNOWN_SPEAKER } from '../services/labelSpeaker.ts';
import { transcriptFromTurns, type Turn } from '../services/turnTranscript.ts';
import { HEADER_KEYS, readCableLabel, type CableLabel } from './cableLabel.ts';
import { createCableSpeaker } from './cableSpeakers.ts';
import { readStageLine, removeInlineNotes } from './cableStageNotes.ts';
import { readCableHeader } from './readCableHeader.ts';

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

export function parseCable(input: ParseInput): Transcript {
  const { file, lines } = input;
  const issues: ParseIssue[] = [];
  const header = readCableHeader(lines);
  const aired = header.aired ?? dateFromFileName(file);
  if (aired === null) {
    issues.push({ file, line: 1, message: 'The transcript has no "Aired" date and its name has none, so its passages are undated.', severity: 'warning' });
  }
  const meta = { aired, program: header.program, headline: header.headline, url: null };
  const body = lines.slice(header.bodyStart);
  const speakerOf = createLabelSpeaker({
    date: aired,
    title: header.headline,
    text: body.map((l) => l.text).join('\n'),
    ...(input.aliases ? { aliases: input.aliases } : {}),
  });
  const labels = body.map((l) => bodyLabel(l.text)).filter((l) => l !== null);
  const cableSpeaker = createCableSpeaker(labels, speakerOf, file, issues);

  const turns: Turn[] = [];
  let current: Turn | null = null;
  let inClip = false;
  /** Who spoke before the tape rolled: unlabelled words after it are theirs again. */
  let beforeClip: Speaker | null = null;
  const open = (speaker: Speaker, line: SourceLine, words: string): void => {
    current = { speaker, line: line.n, timecode: null, text: words, section: inClip ? 'clip' : null };
    turns.push(current);
  };

  for (const line of body) {
    const text = line.text.trim();
    if (text === '') continue;
    const stage = readStageLine(text);
    if (stage === 'clip-begin' || stage === 'clip-end') {
      if (stage === 'clip-begin') beforeClip = inClip ? beforeClip : (turns.at(-1)?.speaker ?? null);
      inClip = stage === 'clip-begin';
      current = null;
      continue;
    }
    if (stage !== null) {
      if (stage === 'break') current = null;
      continue;
    }
    const label = bodyLabel(text);
    const words = removeInlineNotes(label ? label.rest : text).trim();
    if (label) {
      if (!inClip) beforeClip = null;
      open(cableSpeaker(label, line.n), line, words);
    } else if (current !== null) {
      const turn: Turn = current;
      turn.text = turn.text === '' ? words : `${turn.text} ${words}`;
      if (turn.text === words) turn.line = line.n;
    } else if (words !== '') {
      // Tape nobody labelled, or the anchor back after a clip or a break.
      const speaker = inClip ? { ...UNKNOWN_SPEAKER, name: 'Unidentified voice' } : (beforeClip ?? turns.at(-1)?.speaker ?? UNKNOWN_SPEAKER);
      open(speaker, line, words);
    }
  }
  return transcriptFromTurns({ file, format: 'cable', meta, turns, issues });
}

export const cableParser: FormatParser = {
  format: 'cable',
  sniff: (lines) => sniffCable(lines),
  parse: (input) => parseCable(input),
};
