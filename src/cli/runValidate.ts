// `soundbite validate`: every problem in the corpus, one per line, like a compiler's errors.
import type { LoadedCorpus } from '../app/corpusFolder.ts';
import { EXIT, type Io } from './io.ts';
import type { FileEntry } from '../core/search/CorpusIndex.ts';
import { issueLine, shownText } from './shownText.ts';

export function runValidate(c: LoadedCorpus, io: Io, json: boolean, perFile = false): number {
  const sorted = [...c.issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const entries = [...c.index.fileEntries()].sort((a, b) => a.file.localeCompare(b.file));
  if (json) {
    const readings = entries.map((e) => ({ file: e.file, reader: e.reading?.reader ?? e.format, labels: e.reading?.labels ?? null, turns: e.reading?.turns ?? null, passages: e.passageIds.length, unattributed: e.reading?.unattributed ?? null }));
    io.out(JSON.stringify({ files: c.files, skipped: c.skipped, passages: c.index.passageCount, issues: sorted, ...(perFile ? { readings } : {}) }));
  } else {
    // How each file was read, so a file read badly (no labels found, few turns) shows.
    if (perFile) for (const e of entries) io.out(readingLine(e));
    for (const i of sorted) io.out(issueLine(i));
    const files = new Set(sorted.map((i) => i.file)).size;
    io.out(sorted.length === 0
      ? `${c.files} files, ${c.index.passageCount} passages: no problems.`
      : `${sorted.length} problem${sorted.length === 1 ? '' : 's'} in ${files} of ${c.files} files; ${c.skipped} file${c.skipped === 1 ? ' was' : 's were'} skipped, the rest indexed (${c.index.passageCount} passages).`);
  }
  return sorted.length === 0 ? EXIT.ok : EXIT.failed;
}

/** `cnn/show.txt: cable reader · 5 labels · 9 turns · 12 passages (1 unattributed)`. */
function readingLine(e: FileEntry): string {
  const r = e.reading;
  const reader = r ? (r.reader === 'general' ? 'general reader' : `${r.reader} reader`) : `${e.format ?? 'no'} reader`;
  const parts = [reader];
  if (r) parts.push(`${r.labels} label${r.labels === 1 ? '' : 's'}`, `${r.turns} turn${r.turns === 1 ? '' : 's'}`);
  parts.push(`${e.passageIds.length} passage${e.passageIds.length === 1 ? '' : 's'}${r && r.unattributed > 0 ? ` (${r.unattributed} unattributed)` : ''}`);
  return `${shownText(e.file)}: ${parts.join(' · ')}`;
}
