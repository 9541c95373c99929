// What an Otter, Rev or caption export says about itself: next to nothing. The date comes from
// the file name; without one the passages stay undated and the admin is told why.
import type { SourceLine } from '../sourceText.ts';
import type { ParseIssue, TranscriptMeta } from '../../model.ts';
import type { ParseInput } from '../parser.ts';
import { dateFromFileName } from '../dateFromFileName.ts';
import { createLabelSpeaker, type LabelSpeaker } from './labelSpeaker.ts';

export function timedFileMeta(file: string, headline: string | null, issues: ParseIssue[]): TranscriptMeta {
  const aired = dateFromFileName(file);
  if (aired === null) {
    issues.push({
      file,
      line: 1,
      message: 'The file carries no date and its name has none (name it like 2025-03-04-council.otter.txt), so its passages are undated.',
      severity: 'warning',
    });
  }
  return { aired, program: null, headline, url: null };
}

/** What every speaker-header export starts from: its title line, date and speaker resolver. */
export interface TimedFile {
  issues: ParseIssue[];
  /** Index of the first speaker header, or -1. */
  firstHeader: number;
  title: string | null;
  meta: TranscriptMeta;
  speakerOf: LabelSpeaker;
}

export function openTimedFile(input: ParseInput, header: RegExp): TimedFile {
  const { file, lines } = input;
  const issues: ParseIssue[] = [];
  const firstHeader = lines.findIndex((l) => header.test(l.text));
  // Anything above the first speaker is the recording's title, as the user named it.
  const title = lines.slice(0, Math.max(firstHeader, 0)).find((l) => l.text.trim() !== '')?.text.trim() ?? null;
  const meta = timedFileMeta(file, title, issues);
  const speakerOf = createLabelSpeaker({
    date: meta.aired,
    title,
    text: lines.map((l) => l.text).join('\n'),
    ...(input.aliases ? { aliases: input.aliases } : {}),
  });
  return { issues, firstHeader, title, meta, speakerOf };
}

/** Whether a lone header opens the file: above it at most a title and a date, short lines
 * that are not sentences. A header further down, under paragraphs, is not a one-speaker export
 * (the reader would take everything above it for the title and lose it). */
export function headerOpensFile(lines: readonly SourceLine[], isHeader: (text: string) => boolean): boolean {
  const first = lines.findIndex((l) => isHeader(l.text));
  if (first < 0) return false;
  const above = lines.slice(0, first).map((l) => l.text.trim()).filter((t) => t !== '');
  return above.length <= 3 && above.every((t) => t.split(/\s+/).length <= 15 && !/[.!?]["”’']?$/.test(t));
}
