// Format E, WebVTT captions: `WEBVTT` on the first line, then timed cues whose speaker comes
// from a `<v Name>` voice tag or a `Name:` prefix.
import type { ParseIssue, Transcript } from '../../model.ts';
import type { FormatParser, ParseInput } from '../parser.ts';
import { createLabelSpeaker } from '../services/labelSpeaker.ts';
import { timedFileMeta } from '../services/timedFileMeta.ts';
import { transcriptFromTurns } from '../services/turnTranscript.ts';
import { mergeCues } from './mergeCues.ts';
import { readWebVttCues, WEBVTT_SIGNATURE } from './readWebVttCues.ts';

/** The signature is required by the format, so a file that has it is WebVTT beyond doubt. */
const SURE = 20;

export function parseWebVtt(input: ParseInput): Transcript {
  const { file, lines } = input;
  const issues: ParseIssue[] = [];
  const vtt = readWebVttCues(file, lines, issues);
  const meta = timedFileMeta(file, vtt.title, issues);
  const speakerOf = createLabelSpeaker({
    date: meta.aired,
    title: vtt.title,
    text: vtt.cues.flatMap((c) => c.payload.map((l) => l.text)).join('\n'),
    ...(input.aliases ? { aliases: input.aliases } : {}),
  });
  return transcriptFromTurns({ file, format: 'webvtt', meta, turns: mergeCues(vtt.cues, speakerOf), issues });
}

export const webVttParser: FormatParser = {
  format: 'webvtt',
  sniff: (lines) => (WEBVTT_SIGNATURE.test(lines[0]?.text ?? '') ? SURE : 0),
  parse: (input) => parseWebVtt(input),
};
