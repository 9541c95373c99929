// The saved index. One JSON document per line, so no single string has to hold the whole
// archive: a header (format version, parser version, alias hash, a fingerprint per file),
// the word counts, minisearch's own JSON (its terms spread over lines: at a million passages
// they are longer than the longest string V8 can hold), one line per file with its passages,
// and an end line with the totals. Anything missing, unparsable or of another version is refused, and
// the caller rebuilds; it is written to a temporary file and renamed, so a crash mid-write
// leaves the old snapshot or none, never half of one.
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Passage, ParseIssue, Source } from '../core/model.ts';
import { CorpusIndex, type IndexSnapshot } from '../core/search/CorpusIndex.ts';
import type { Fingerprint } from './fingerprint.ts';
import { INDEX_VERSION } from '../core/search/indexOptions.ts';

/** Bump when the layout of this file changes. */
export const SNAPSHOT_FORMAT = 3;

/** minisearch terms per line. */
const TERMS_PER_LINE = 5_000;

// A file's passages share most of their source (file, format, programme, headline, dates, url);
// written once per file instead of once per passage, the snapshot is much smaller and faster
// to parse. Only these always-present keys are shared, so unpacking restores them exactly.
const SHARED_KEYS = ['file', 'format', 'program', 'headline', 'aired', 'url'] as const;
type Shared = Partial<Pick<Source, (typeof SHARED_KEYS)[number]>>;
type PackedPassage = Omit<Passage, 'source'> & { source: Partial<Source> };
interface PackedFile {
  entry: IndexSnapshot['files'][number]['entry'];
  shared: Shared;
  passages: PackedPassage[];
}

function packFile(f: IndexSnapshot['files'][number]): PackedFile {
  const first = f.passages[0]?.source;
  const shared: Shared = {};
  if (first) for (const k of SHARED_KEYS) Object.assign(shared, { [k]: first[k] });
  const passages = f.passages.map((p) => {
    const source: Partial<Source> = { ...p.source };
    for (const k of SHARED_KEYS) if (source[k] === shared[k]) delete source[k];
    return { ...p, source };
  });
  return { entry: f.entry, shared, passages };
}

function unpackFile(f: PackedFile): IndexSnapshot['files'][number] {
  return { entry: f.entry, passages: f.passages.map((p) => ({ ...p, source: { ...f.shared, ...p.source } as Source })) };
}
const MAGIC = 'soundbite-index';

export interface SnapshotHeader {
  magic: typeof MAGIC;
  format: number;
  parserVersion: number;
  /** The word rules the index was built with (core/search/indexOptions.ts). */
  indexVersion: number;
  /** Absolute corpus folder the snapshot describes. */
  corpus: string;
  aliasesHash: string;
  files: Record<string, Fingerprint>;
  /** Issues of files that were read but hold no passages (unknown format, unreadable). */
  unindexed: Record<string, ParseIssue[]>;
}

export interface LoadedSnapshot {
  header: SnapshotHeader;
  index: CorpusIndex;
}

export type SnapshotRead = { ok: true; snapshot: LoadedSnapshot } | { ok: false; reason: string };

/** One snapshot per corpus folder, named for its absolute path, under the data dir. */
export function snapshotPath(dataDir: string, corpusDir: string): string {
  const key = createHash('sha1').update(path.resolve(corpusDir)).digest('hex').slice(0, 12);
  return path.join(dataDir, `index-${key}.ndjson`);
}

export async function writeSnapshot(file: string, header: SnapshotHeader, index: CorpusIndex): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const data = index.toSnapshot();
  const handle = await open(tmp, 'w');
  try {
    const line = (value: unknown) => handle.write(`${JSON.stringify(value)}\n`);
    await line(header);
    await line(data.docFreq);
    const { index: terms, ...searchMeta } = data.search;
    const termLines = Math.ceil(terms.length / TERMS_PER_LINE);
    await line({ searchMeta, termLines });
    for (let i = 0; i < terms.length; i += TERMS_PER_LINE) await line(terms.slice(i, i + TERMS_PER_LINE));
    let passages = 0;
    for (const f of data.files) {
      await line(packFile(f));
      passages += f.passages.length;
    }
    await line({ end: true, files: data.files.length, passages });
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  await rename(tmp, file);
}

function isHeader(v: unknown): v is SnapshotHeader {
  if (typeof v !== 'object' || v === null) return false;
  const h = v as Partial<SnapshotHeader>;
  return h.magic === MAGIC && typeof h.format === 'number' && typeof h.parserVersion === 'number' &&
    typeof h.indexVersion === 'number' && typeof h.corpus === 'string' && typeof h.aliasesHash === 'string' &&
    typeof h.files === 'object' && h.files !== null && typeof h.unindexed === 'object' && h.unindexed !== null;
}

/** Reads and checks a snapshot; every way it can be wrong is a reason, never an exception. */
export async function readSnapshot(file: string, expect: { parserVersion: number }): Promise<SnapshotRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { ok: false, reason: 'no snapshot yet' };
  }
  // Cut by newline bytes: JSON.stringify escapes newlines inside strings, so each line is one value.
  const lines: Buffer[] = [];
  let start = 0;
  for (let nl = bytes.indexOf(10, start); nl !== -1; nl = bytes.indexOf(10, start)) {
    lines.push(bytes.subarray(start, nl));
    start = nl + 1;
  }
  if (start !== bytes.length) return { ok: false, reason: 'the snapshot is truncated (no final newline)' };
  const values: unknown[] = [];
  try {
    for (const l of lines) values.push(JSON.parse(l.toString('utf8')));
  } catch (err) {
    return { ok: false, reason: `the snapshot is damaged (line ${values.length + 1}: ${err instanceof Error ? err.message : String(err)})` };
  }
  const [header, docFreq, searchHead, ...afterSearchHead] = values;
  if (!isHeader(header)) return { ok: false, reason: 'the snapshot has no valid header' };
  if (header.format !== SNAPSHOT_FORMAT) return { ok: false, reason: `the snapshot is format ${header.format}, this version writes ${SNAPSHOT_FORMAT}` };
  if (header.parserVersion !== expect.parserVersion) return { ok: false, reason: `the snapshot was built by parser version ${header.parserVersion}, this is ${expect.parserVersion}` };
  if (header.indexVersion !== INDEX_VERSION) return { ok: false, reason: `the snapshot was built with index version ${header.indexVersion}, this is ${INDEX_VERSION}` };
  if (typeof searchHead !== 'object' || searchHead === null || !('searchMeta' in searchHead) || !('termLines' in searchHead) ||
    typeof searchHead.termLines !== 'number' || typeof searchHead.searchMeta !== 'object' || searchHead.searchMeta === null) {
    return { ok: false, reason: 'the snapshot is damaged (the search index header is missing)' };
  }
  const termChunks = afterSearchHead.slice(0, searchHead.termLines);
  if (termChunks.length !== searchHead.termLines || !termChunks.every(Array.isArray)) return { ok: false, reason: 'the snapshot is damaged (search index lines missing)' };
  const search = { ...searchHead.searchMeta, index: termChunks.flat() };
  const rest = afterSearchHead.slice(searchHead.termLines);
  const end = rest.pop();
  const packed = rest as PackedFile[];
  const passages = packed.reduce((n, f) => n + (Array.isArray(f?.passages) ? f.passages.length : 0), 0);
  if (typeof end !== 'object' || end === null || !('end' in end) || !('files' in end) || !('passages' in end) ||
    end.files !== packed.length || end.passages !== passages) {
    return { ok: false, reason: 'the snapshot is incomplete (its end line is missing or does not match)' };
  }
  if (!Array.isArray(docFreq) || typeof search !== 'object' || search === null) return { ok: false, reason: 'the snapshot is damaged (index parts missing)' };
  try {
    const files = packed.map(unpackFile);
    const index = CorpusIndex.fromSnapshot({ docFreq: docFreq as IndexSnapshot['docFreq'], search: search as IndexSnapshot['search'], files });
    return { ok: true, snapshot: { header, index } };
  } catch (err) {
    return { ok: false, reason: `the snapshot is damaged (${err instanceof Error ? err.message : String(err)})` };
  }
}
