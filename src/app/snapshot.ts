// The saved index: JSON lines, then the posting lists as raw bytes, then a checksum of all of it.
// A header (format, parser and index versions, alias hash, a fingerprint per file), a line of
// sizes, the indexed words, every speaker, one line per file with its passages (packPassages.ts),
// an end line with the totals; then the Latin-1 passage texts in chunks, and per field the
// lists' sizes, slots, word counts per passage and counts per posting, little-endian, which load
// with one copy instead of being parsed; last a trailer with the CRC-32 of every byte before it,
// checked before anything but the header is read, so one changed byte anywhere (a row, a text,
// a list) is a refusal, never a different answer. Anything missing, unparsable or of another
// version is refused, and the caller rebuilds; it is written to a temporary file and renamed,
// so a crash mid-write leaves the old snapshot or none, never half of one.
import { withLexicon } from './wordNet.ts';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ParseIssue, Speaker } from '../core/model.ts';
import { CorpusIndex } from '../core/search/CorpusIndex.ts';
import { INDEX_FIELDS, INDEX_VERSION, type IndexField } from '../core/search/indexOptions.ts';
import type { PackedField, PackedPostings } from '../core/search/wordPostings.ts';
import type { Fingerprint } from './fingerprint.ts';
import { packFile, SpeakerTable, TextReader, TextSection, unpackFile, type PackedFile } from './packPassages.ts';

/** Bump when the layout of this file changes. */
export const SNAPSHOT_FORMAT = 7;

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

/** Byte sizes of one field's arrays, each padded to 4 bytes so the next array stays aligned. */
interface FieldBytes {
  postings: number;
}

const pad4 = (n: number) => (n + 3) & ~3;

function fieldBytes(terms: number, passages: number, postings: number): number {
  return 4 * terms + 4 * postings + pad4(2 * passages) + pad4(postings);
}

function bytesOf(a: Uint32Array | Uint16Array | Uint8Array): Buffer {
  const b = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const padding = pad4(b.length) - b.length;
  return padding === 0 ? b : Buffer.concat([b, Buffer.alloc(padding)]);
}

/** Typed arrays are written as the machine holds them; every machine Node runs on is little-endian, but say so if not. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export async function writeSnapshot(file: string, header: SnapshotHeader, index: CorpusIndex): Promise<void> {
  if (!LITTLE_ENDIAN) throw new Error('saved indexes are little-endian and this machine is not');
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const data = index.toSnapshot();
  const { terms, fields } = data.postings;
  const passageTotal = data.files.reduce((n, f) => n + f.passages.length, 0);
  const handle = await open(tmp, 'wx');
  try {
    const sum = new RunningCrc();
    const put = async (b: Buffer) => {
      sum.add(b);
      await handle.write(b);
    };
    const line = (value: unknown) => put(Buffer.from(`${JSON.stringify(value)}\n`));
    await line(header);
    const sizes = Object.fromEntries(INDEX_FIELDS.map((f) => [f, { postings: fields[f].slots.length } satisfies FieldBytes]));
    await line({ files: data.files.length, passages: passageTotal, terms: terms.length, fields: sizes });
    await line(terms);
    // Speakers first, in a pass of their own, so each file's rows can point into the table.
    const speakers = new SpeakerTable();
    for (const f of data.files) for (const p of f.passages) speakers.numberOf(p.speaker);
    await line(speakers.speakers);
    const texts = new TextSection();
    for (const f of data.files) await line(packFile(f, speakers, texts));
    const chunks = texts.finish();
    const parts = [...chunks.map(bytesOf), ...INDEX_FIELDS.flatMap((f) => [fields[f].sizes, fields[f].slots, fields[f].lengths, fields[f].counts].map(bytesOf))];
    const binary = parts.reduce((n, b) => n + b.length, 0);
    await line({ end: true, files: data.files.length, passages: passageTotal, texts: chunks.map((b) => b.length), binary });
    for (const b of parts) await put(b);
    await handle.write(trailer(sum.value));
    await handle.sync();
    await handle.close();
    await rename(tmp, file);
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
}

/** CRC-32 over a stream of buffers. An empty buffer is skipped: node's crc32 gives 0 for one
 * whose memory was never allocated, which reset the sum and made every snapshot of a corpus
 * with no posting in some field fail its own checksum. */
export class RunningCrc {
  value = 0;

  add(b: Uint8Array): void {
    if (b.length > 0) this.value = crc32(b, this.value);
  }
}

// `crc32 0123abcd\n`: fixed length, so the reader finds it without scanning.
const TRAILER_TAG = 'crc32 ';
const TRAILER_LENGTH = TRAILER_TAG.length + 9;

function trailer(crc: number): Buffer {
  return Buffer.from(`${TRAILER_TAG}${crc.toString(16).padStart(8, '0')}\n`, 'latin1');
}

/** The checksum the trailer holds, or null when the file does not end with one. */
function trailerValue(bytes: Buffer): number | null {
  if (bytes.length < TRAILER_LENGTH) return null;
  const text = bytes.toString('latin1', bytes.length - TRAILER_LENGTH);
  const m = /^crc32 ([0-9a-f]{8})\n$/.exec(text);
  return m ? Number.parseInt(m[1]!, 16) : null;
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
  if (bytes.length === 0) return { ok: false, reason: 'the snapshot is empty' };
  // The JSON part is read a line at a time, since raw bytes follow it. JSON.stringify escapes
  // newlines inside strings, so each line is one value.
  let at = 0;
  let lineNo = 0;
  const next = (): { ok: true; value: unknown } | { ok: false; reason: string } => {
    const nl = bytes.indexOf(10, at);
    lineNo++;
    if (nl < 0) return { ok: false, reason: `the snapshot is truncated (line ${lineNo} is missing)` };
    const text = bytes.toString('utf8', at, nl);
    at = nl + 1;
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (err) {
      return { ok: false, reason: `the snapshot is damaged (line ${lineNo}: ${err instanceof Error ? err.message : String(err)})` };
    }
  };
  const first = next();
  if (!first.ok) return first;
  const header = first.value;
  if (!isHeader(header)) return { ok: false, reason: 'the snapshot has no valid header' };
  if (header.format !== SNAPSHOT_FORMAT) return { ok: false, reason: `the snapshot is format ${header.format}, this version writes ${SNAPSHOT_FORMAT}` };
  if (header.parserVersion !== expect.parserVersion) return { ok: false, reason: `the snapshot was built by parser version ${header.parserVersion}, this is ${expect.parserVersion}` };
  if (header.indexVersion !== INDEX_VERSION) return { ok: false, reason: `the snapshot was built with index version ${header.indexVersion}, this is ${INDEX_VERSION}` };
  if (!LITTLE_ENDIAN) return { ok: false, reason: 'saved indexes are little-endian and this machine is not' };
  // Nothing past the header is read before every byte is checked.
  const expected = trailerValue(bytes);
  if (expected === null) return { ok: false, reason: 'the snapshot is incomplete (it does not end with its checksum)' };
  const sum = new RunningCrc();
  sum.add(bytes.subarray(0, bytes.length - TRAILER_LENGTH));
  if (sum.value !== expected) return { ok: false, reason: 'the snapshot is damaged (it fails its checksum)' };
  bytes = bytes.subarray(0, bytes.length - TRAILER_LENGTH);
  const second = next();
  if (!second.ok) return second;
  const sizes = second.value as { files?: unknown; passages?: unknown; terms?: unknown; fields?: Partial<Record<IndexField, Partial<FieldBytes>>> } | null;
  const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
  if (!sizes || !count(sizes.files) || !count(sizes.passages) || !count(sizes.terms) || !INDEX_FIELDS.every((f) => count(sizes.fields?.[f]?.postings))) {
    return { ok: false, reason: 'the snapshot is damaged (its sizes line is missing or malformed)' };
  }
  const third = next();
  if (!third.ok) return third;
  const terms = third.value;
  if (!Array.isArray(terms) || terms.length !== sizes.terms || !terms.every((t) => typeof t === 'string')) {
    return { ok: false, reason: 'the snapshot is damaged (the word list does not match its size)' };
  }
  const fourth = next();
  if (!fourth.ok) return fourth;
  const speakers = fourth.value;
  if (!Array.isArray(speakers) || !speakers.every((sp) => typeof sp === 'object' && sp !== null && typeof sp.name === 'string')) {
    return { ok: false, reason: 'the snapshot is damaged (the speaker table is malformed)' };
  }
  const packed: PackedFile[] = [];
  for (let i = 0; i < sizes.files; i++) {
    const f = next();
    if (!f.ok) return f;
    packed.push(f.value as PackedFile);
  }
  const last = next();
  if (!last.ok) return last;
  const end = last.value;
  const passages = packed.reduce((n, f) => n + (Array.isArray(f?.passages) ? f.passages.length : 0), 0);
  const chunks = typeof end === 'object' && end !== null && 'texts' in end && Array.isArray(end.texts) && end.texts.every(count) ? (end.texts as number[]) : null;
  const textBytes = (chunks ?? []).reduce((n, c) => n + pad4(c), 0);
  const binary = textBytes + INDEX_FIELDS.reduce((n, f) => n + fieldBytes(sizes.terms as number, passages, sizes.fields![f]!.postings!), 0);
  if (typeof end !== 'object' || end === null || !('end' in end) || !('files' in end) || !('passages' in end) || !('binary' in end) || !chunks ||
    end.files !== packed.length || end.passages !== passages || passages !== sizes.passages || end.binary !== binary || bytes.length - at !== binary) {
    return { ok: false, reason: 'the snapshot is incomplete (its end line or its word index does not match)' };
  }
  // One copy into a fresh buffer: typed arrays need aligned offsets, and the file's bytes,
  // mostly passage JSON, can then be let go.
  const raw = new Uint8Array(binary - textBytes);
  raw.set(bytes.subarray(at + textBytes));
  const chunkStarts: number[] = [];
  for (let k = 0, start = at; k < chunks.length; start += pad4(chunks[k]!), k++) chunkStarts.push(start);
  const texts = new TextReader(chunks.length, (k) => bytes.toString('latin1', chunkStarts[k], chunkStarts[k]! + chunks[k]!));
  let offset = 0;
  const take = <T>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, length: number, width: number): T => {
    const view = make(raw.buffer, offset, length);
    offset += pad4(length * width);
    return view;
  };
  const fields = {} as Record<IndexField, PackedField>;
  for (const f of INDEX_FIELDS) {
    const postings = sizes.fields![f]!.postings!;
    fields[f] = {
      sizes: take((b, o, n) => new Uint32Array(b, o, n), terms.length, 4),
      slots: take((b, o, n) => new Uint32Array(b, o, n), postings, 4),
      lengths: take((b, o, n) => new Uint16Array(b, o, n), passages, 2),
      counts: take((b, o, n) => new Uint8Array(b, o, n), postings, 1),
    };
  }
  try {
    const files = packed.map((f) => unpackFile(f, speakers as Speaker[], texts));
    if (!texts.finished) throw new TypeError('the text section holds more than the passages use');
    const index = withLexicon(CorpusIndex.fromSnapshot({ files, postings: { terms, fields } satisfies PackedPostings }));
    return { ok: true, snapshot: { header, index } };
  } catch (err) {
    return { ok: false, reason: `the snapshot is damaged (${err instanceof Error ? err.message : String(err)})` };
  }
}
