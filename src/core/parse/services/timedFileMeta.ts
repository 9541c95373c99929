// What an Otter, Rev or caption export says about itself: next to nothing. The date comes from
// the file name; without one the passages stay undated and the admin is told why.
import type { ParseIssue, TranscriptMeta } from '../../model.ts';
import { dateFromFileName } from '../dateFromFileName.ts';

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
