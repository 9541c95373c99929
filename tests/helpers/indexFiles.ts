// Real indexes from real files on disk, for tests that want a corpus or a slice of one.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openCorpus, type OpenedCorpus } from '../../src/app/openCorpus.ts';
import { readCorpusFile } from '../../src/app/readCorpusFile.ts';
import { EMPTY_ALIASES } from '../../src/core/parse/aliasList.ts';
import { CorpusIndex } from '../../src/core/search/CorpusIndex.ts';

export async function indexFiles(dir: string, files: readonly string[], index = new CorpusIndex()): Promise<CorpusIndex> {
  for (const f of files) {
    const read = await readCorpusFile(dir, f, EMPTY_ALIASES);
    if (read?.transcript.format) index.addTranscript(read.transcript);
  }
  return index;
}

/** A corpus folder opened as the bot and the terminal open it, its saved index kept out of the project. */
export function openTestCorpus(dir: string): Promise<OpenedCorpus> {
  return openCorpus(dir, { dataDir: mkdtempSync(path.join(tmpdir(), 'soundbite-test-data-')), save: false });
}

/** Every nth item, so a sample spreads across the whole (date-sorted) corpus. */
export function everyNth<T>(items: readonly T[], n: number): T[] {
  return items.filter((_, i) => i % n === 0);
}
