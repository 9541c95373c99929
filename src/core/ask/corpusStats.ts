// What the archive holds right now: the figures /stats and `soundbite stats` show.
import type { ParseIssue } from '../model.ts';
import type { CorpusIndex } from '../search/CorpusIndex.ts';

export interface CorpusStats {
  /** Files in the folder, including those skipped. */
  files: number;
  /** Files with passages in the index. */
  indexedFiles: number;
  passages: number;
  /** People quoted in their own words (not reporters, not anonymous voices). */
  speakers: number;
  firstDate: string | null;
  lastDate: string | null;
  issues: number;
  /** The first few problems, sorted by file and line. */
  firstIssues: ParseIssue[];
}

export function corpusStats(index: CorpusIndex, issues: readonly ParseIssue[], files: number, show = 5): CorpusStats {
  const people = new Set<string>();
  for (const p of index.passages()) {
    if (p.kind === 'quote' && !p.speaker.anonymous) people.add(p.speaker.name);
  }
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  for (const e of index.fileEntries()) {
    const d = e.meta.aired;
    if (d === null) continue;
    if (firstDate === null || d < firstDate) firstDate = d;
    if (lastDate === null || d > lastDate) lastDate = d;
  }
  const sorted = [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return {
    files,
    indexedFiles: index.fileCount,
    passages: index.passageCount,
    speakers: people.size,
    firstDate,
    lastDate,
    issues: issues.length,
    firstIssues: sorted.slice(0, show),
  };
}
