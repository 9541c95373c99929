// A narration paragraph becomes one narration passage, unless it reports someone's words:
// then each reporting sentence becomes a 'reported' passage by its source, and the sentences
// around it stay narration.
import type { Passage, Source, Speaker } from '../../model.ts';
import { passageId } from '../passageId.ts';
import { reportedSpeaker, reportedSpeech, type ReportedSpeech } from '../reportedSpeech.ts';
import { squash } from '../sourceText.ts';
import { splitSentences } from './splitSentences.ts';

export interface ParagraphLine {
  /** 1-based line number. */
  n: number;
  text: string;
}

/** Everything a passage's source needs except the line. */
export type SourceBase = Omit<Source, 'line'>;

export function narrationPassages(paragraph: ParagraphLine[], voice: Speaker, base: SourceBase): Passage[] {
  // Join the lines, remembering where each starts so a sentence can name its own line.
  let text = '';
  const starts: { offset: number; n: number }[] = [];
  for (const line of paragraph) {
    if (text !== '') text += ' ';
    starts.push({ offset: text.length, n: line.n });
    text += line.text.trim();
  }
  const lineAt = (offset: number): number => {
    let n = starts[0]?.n ?? 1;
    for (const s of starts) if (s.offset <= offset) n = s.n;
    return n;
  };

  type Run = { start: number; texts: string[]; reported: ReportedSpeech | null };
  const runs: Run[] = [];
  for (const sentence of splitSentences(text)) {
    const reported = reportedSpeech(sentence.text);
    const last = runs[runs.length - 1];
    if (reported === null && last && last.reported === null) last.texts.push(sentence.text);
    else runs.push({ start: sentence.start, texts: [sentence.text], reported });
  }

  const partsOnLine = new Map<number, number>();
  return runs.map((run): Passage => {
    const line = lineAt(run.start);
    const part = partsOnLine.get(line) ?? 0;
    partsOnLine.set(line, part + 1);
    const speaker = run.reported === null ? voice : reportedSpeaker(run.reported);
    return {
      id: passageId(base.file, line, part),
      speaker,
      kind: run.reported === null ? 'narration' : 'reported',
      text: squash(run.texts.join(' ')),
      source: { ...base, line },
    };
  });
}
