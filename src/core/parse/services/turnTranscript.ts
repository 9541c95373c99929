// The last step shared by the timed formats (Otter, Rev, WebVTT, SRT) and cable: turns, each a
// speaker's words with where they start, become passages with a full source.
import type { FormatId, ParseIssue, Passage, Speaker, Transcript, TranscriptMeta } from '../../model.ts';
import { passageId } from '../passageId.ts';
import { squash } from '../sourceText.ts';

export interface Turn {
  speaker: Speaker;
  /** 1-based line where the words start. */
  line: number;
  /** `03:04` where the format times its words, else null. */
  timecode: string | null;
  /** The words, possibly hard-wrapped; squashed here. */
  text: string;
  /** `clip` for a cable video clip, else null. */
  section: string | null;
}

export interface TurnFile {
  file: string;
  format: FormatId;
  meta: TranscriptMeta;
  turns: readonly Turn[];
  issues: ParseIssue[];
}

export function transcriptFromTurns({ file, format, meta, turns, issues }: TurnFile): Transcript {
  const perLine = new Map<number, number>();
  const passages: Passage[] = [];
  for (const turn of turns) {
    const text = squash(turn.text);
    if (text === '') continue;
    // Two speakers can share a caption line (`Yes. >> No.`): the second gets a part number.
    const part = perLine.get(turn.line) ?? 0;
    perLine.set(turn.line, part + 1);
    passages.push({
      id: passageId(file, turn.line, part),
      speaker: turn.speaker,
      kind: 'quote',
      text,
      source: {
        file,
        line: turn.line,
        format,
        program: meta.program,
        headline: meta.headline,
        section: turn.section,
        aired: meta.aired,
        // A clip was recorded before the show, on a day the transcript does not say.
        spoken: turn.section === 'clip' ? null : meta.aired,
        note: null,
        url: meta.url,
        timecode: turn.timecode,
      },
    });
  }
  if (passages.length === 0) {
    issues.push({ file, line: 1, message: `The ${format} file has no spoken words in it, so nothing from it can be quoted.`, severity: 'error' });
  }
  return { file, format, meta, passages, issues };
}
