// Build a real index from real files on disk, for tests that want a corpus or a slice of one.
import { readTranscript } from '../../src/app/loadCorpus.ts';
import { CorpusIndex } from '../../src/core/search/CorpusIndex.ts';

export async function indexFiles(dir: string, files: readonly string[], index = new CorpusIndex()): Promise<CorpusIndex> {
  for (const f of files) {
    const t = await readTranscript(dir, f);
    if (t.format) index.addTranscript(t);
  }
  return index;
}

/** Every nth item, so a sample spreads across the whole (date-sorted) corpus. */
export function everyNth<T>(items: readonly T[], n: number): T[] {
  return items.filter((_, i) => i % n === 0);
}
