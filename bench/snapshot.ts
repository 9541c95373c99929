// A stand-in snapshot for the benchmark: the project's own snapshot format is not built yet, so
// this saves what a CorpusIndex holds (files, passages, word frequencies and minisearch's
// toJSON()) as JSON lines, and loads it back with MiniSearch.loadJS. It reaches into
// CorpusIndex's private fields because the core has no snapshot API; replace it with the core's
// once there is one. JSON lines rather than one JSON string: at a million passages the index
// alone is larger than the longest string V8 can hold.
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import MiniSearch from 'minisearch';
import type { Passage } from '../src/core/model.ts';
import { CorpusIndex, type FileEntry } from '../src/core/search/CorpusIndex.ts';
import { indexOptions, type IndexedDoc } from '../src/core/search/indexOptions.ts';

interface Internals {
  search: MiniSearch<IndexedDoc>;
  byId: Map<string, Passage>;
  files: Map<string, FileEntry>;
  docFreq: Map<string, number>;
}

function internals(index: CorpusIndex): Internals {
  return index as unknown as Internals;
}

const TERMS_PER_LINE = 5_000;

/** Writes the snapshot; returns its size in bytes. */
export async function saveSnapshot(index: CorpusIndex, file: string): Promise<number> {
  const inner = internals(index);
  const out = createWriteStream(file);
  const write = async (obj: unknown): Promise<void> => {
    if (!out.write(JSON.stringify(obj) + '\n')) await once(out, 'drain');
  };
  await write({ kind: 'header', version: 1, passages: index.passageCount, files: index.fileCount });
  for (const entry of index.fileEntries()) {
    const passages = entry.passageIds.map((id) => inner.byId.get(id)).filter((p): p is Passage => p !== undefined);
    await write({ kind: 'file', entry, passages });
  }
  await write({ kind: 'docFreq', entries: [...inner.docFreq] });
  const { index: terms, ...meta } = inner.search.toJSON();
  await write({ kind: 'minisearch', meta });
  for (let i = 0; i < terms.length; i += TERMS_PER_LINE) await write({ kind: 'terms', entries: terms.slice(i, i + TERMS_PER_LINE) });
  out.end();
  await once(out, 'finish');
  return (await stat(file)).size;
}

export async function loadSnapshot(file: string): Promise<CorpusIndex> {
  const byId = new Map<string, Passage>();
  const files = new Map<string, FileEntry>();
  let docFreq = new Map<string, number>();
  let meta: Record<string, unknown> | null = null;
  const terms: unknown[] = [];
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const rec = JSON.parse(line) as { kind: string } & Record<string, unknown>;
    switch (rec.kind) {
      case 'header': break;
      case 'file': {
        const entry = rec.entry as FileEntry;
        files.set(entry.file, entry);
        for (const p of rec.passages as Passage[]) byId.set(p.id, p);
        break;
      }
      case 'docFreq': docFreq = new Map(rec.entries as [string, number][]); break;
      case 'minisearch': meta = rec.meta as Record<string, unknown>; break;
      case 'terms': for (const t of rec.entries as unknown[]) terms.push(t); break;
      default: throw new Error(`snapshot ${file}: unknown record ${rec.kind}`);
    }
  }
  if (!meta) throw new Error(`snapshot ${file} has no minisearch record`);
  const search = MiniSearch.loadJS<IndexedDoc>({ ...meta, index: terms } as unknown as Parameters<typeof MiniSearch.loadJS>[0], indexOptions);
  const index = new CorpusIndex();
  Object.assign(index as unknown as Internals, { search, byId, files, docFreq } satisfies Internals);
  return index;
}
