// The benchmark measures the project's own snapshot (src/app/snapshot.ts), the one the bot and
// the terminal load at start-up, on an index built in memory: a header with no files to
// fingerprint, the index written and read back exactly as a newsroom's would be.
import { stat } from 'node:fs/promises';
import { readSnapshot, SNAPSHOT_FORMAT, writeSnapshot, type SnapshotHeader } from '../src/app/snapshot.ts';
import { PARSER_VERSION } from '../src/core/parse/parserVersion.ts';
import type { CorpusIndex } from '../src/core/search/CorpusIndex.ts';
import { INDEX_VERSION } from '../src/core/search/indexOptions.ts';

const HEADER: SnapshotHeader = {
  magic: 'soundbite-index',
  format: SNAPSHOT_FORMAT,
  parserVersion: PARSER_VERSION,
  indexVersion: INDEX_VERSION,
  corpus: 'bench',
  aliasesHash: '',
  files: {},
  unindexed: {},
};

/** Writes the snapshot; returns its size in bytes. */
export async function saveSnapshot(index: CorpusIndex, file: string): Promise<number> {
  await writeSnapshot(file, HEADER, index);
  return (await stat(file)).size;
}

export async function loadSnapshot(file: string): Promise<CorpusIndex> {
  const read = await readSnapshot(file, { parserVersion: PARSER_VERSION });
  if (!read.ok) throw new Error(`snapshot ${file} could not be loaded: ${read.reason}`);
  return read.snapshot.index;
}
