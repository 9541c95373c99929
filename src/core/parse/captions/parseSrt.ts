// Format E, SubRip captions: numbered cues, `00:01:14,815 --> 00:01:18,114`, a `Name:` prefix
// where the speaker changes; a cue without one continues the previous speaker.
import type { ParseIssue, Transcript } from '../../model.ts';
import type { FormatParser, ParseInput } from '../parser.ts';
import type { SourceLine } from '../sourceText.ts';
import { createLabelSpeaker } from '../services/labelSpeaker.ts';
import { timedFileMeta } from '../services/timedFileMeta.ts';
import { transcriptFromTurns } from '../services/turnTranscript.ts';
import { mergeCues } from './mergeCues.ts';
import { readSrtCues, SRT_TIMING } from './readSrtCues.ts';

const SNIFF_LINES = 80;
/** A numbered cue with a SubRip timing under it is unmistakable. */
const SURE = 20;

export function sniffSrt(lines: readonly SourceLine[]): number {
  const head = lines.slice(0, SNIFF_LINES);
  const numbered = head.filter((l, i) => /^\s*\d+\s*$/.test(l.text) && /,\d{1,3}\s*-->/.test(head[i + 1]?.text ?? '') && SRT_TIMING.test(head[i + 1]?.text ?? '')).length;
  return numbered > 0 ? SURE : 0;
}

export function parseSrt(input: ParseInput): Transcript {
  const { file, lines } = input;
  const issues: ParseIssue[] = [];
  const cues = readSrtCues(file, lines, issues);
  const meta = timedFileMeta(file, null, issues);
  const speakerOf = createLabelSpeaker({
    date: meta.aired,
    title: null,
    text: cues.flatMap((c) => c.payload.map((l) => l.text)).join('\n'),
    ...(input.aliases ? { aliases: input.aliases } : {}),
  });
  return transcriptFromTurns({ file, format: 'srt', meta, turns: mergeCues(cues, speakerOf), issues });
}

export const srtParser: FormatParser = {
  format: 'srt',
  sniff: (lines) => sniffSrt(lines),
  parse: (input) => parseSrt(input),
};
