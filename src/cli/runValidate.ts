// `soundbite validate`: every problem in the corpus, one per line, like a compiler's errors.
import type { LoadedCorpus } from '../app/corpusFolder.ts';
import { EXIT, type Io } from './io.ts';
import { issueLine } from './shownText.ts';

export function runValidate(c: LoadedCorpus, io: Io, json: boolean): number {
  const sorted = [...c.issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  if (json) {
    io.out(JSON.stringify({ files: c.files, skipped: c.skipped, passages: c.index.passageCount, issues: sorted }));
  } else {
    for (const i of sorted) io.out(issueLine(i));
    const files = new Set(sorted.map((i) => i.file)).size;
    io.out(sorted.length === 0
      ? `${c.files} files, ${c.index.passageCount} passages: no problems.`
      : `${sorted.length} problem${sorted.length === 1 ? '' : 's'} in ${files} of ${c.files} files; ${c.skipped} file${c.skipped === 1 ? ' was' : 's were'} skipped, the rest indexed (${c.index.passageCount} passages).`);
  }
  return sorted.length === 0 ? EXIT.ok : EXIT.failed;
}
