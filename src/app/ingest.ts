// Adding one uploaded transcript to the corpus: checked in memory first (size, text, a known
// format, no errors), so a refused file leaves nothing behind; then written under a hidden
// temporary name in the corpus folder and linked into place, so a crash mid-write leaves no
// partial transcript and an existing file is never overwritten. The same bytes uploaded
// twice are recognised by their hash and not written again.
import { randomBytes } from 'node:crypto';
import { link, lstat, open, rm } from 'node:fs/promises';
import path from 'node:path';
import type { FormatId, ParseIssue, Transcript } from '../core/model.ts';
import type { AliasList } from '../core/parse/aliasList.ts';
import { decodeText } from '../core/parse/decodeText.ts';
import { parseTranscript } from '../core/parse/parseTranscript.ts';
import { hashBytes } from './fingerprint.ts';
import { isSettingsFile, listCorpusFiles } from './corpusFolder.ts';
import { readNoFollow } from './readNoFollow.ts';

export const MAX_INGEST_BYTES = 5 * 1024 * 1024;
/** Endings of the formats Soundbite reads (docs/FORMATS.md); anything else is refused by name. */
export const INGEST_EXTENSIONS: readonly string[] = ['.txt', '.md', '.vtt', '.srt'];

export interface IngestSummary {
  format: FormatId;
  passages: number;
  /** Speakers by how many passages they have, most first. */
  speakers: Array<{ name: string; passages: number }>;
  aired: string | null;
  /** Earliest and latest date the words were spoken, where the file says. */
  spoken: { first: string; last: string } | null;
  warnings: ParseIssue[];
}

export type IngestRefusal = 'too_big' | 'wrong_type' | 'reserved_name' | 'not_text' | 'unknown_format' | 'has_errors' | 'empty' | 'not_written';

export type IngestResult =
  | { ok: true; status: 'written' | 'duplicate'; file: string; summary: IngestSummary }
  | { ok: false; code: IngestRefusal; message: string; issues: ParseIssue[] };

export interface IngestOptions {
  aliasList?: AliasList;
  maxBytes?: number;
}

const refuse = (code: IngestRefusal, message: string, issues: ParseIssue[] = []): IngestResult => ({ ok: false, code, message, issues });

/** Longest name an upload keeps (its ending included): file systems allow 255 bytes, and a
 * numbered copy (`-2`) must still fit. */
export const MAX_NAME_CHARS = 120;

/** `../Report (final).TXT` → `Report-final-.txt`: a plain name, no folders, no leading dot, at
 * most MAX_NAME_CHARS (the start of the name is cut, the ending kept). */
export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/^\.+/, '');
  const clean = base.replace(/[^\w.\- ]+/g, '-').replace(/\s+/g, '-').replace(/-{2,}/g, '-');
  if (clean === '') return 'upload.txt';
  if (clean.length <= MAX_NAME_CHARS) return clean;
  const ext = path.extname(clean).slice(0, 16);
  return `${clean.slice(0, MAX_NAME_CHARS - ext.length)}${ext}`;
}

function extensionOf(name: string): string {
  return path.extname(name).toLowerCase();
}

/** Checks a file's size and type before anything else reads it. */
export function checkUpload(name: string, size: number, maxBytes = MAX_INGEST_BYTES): IngestResult | null {
  if (size > maxBytes) {
    return refuse('too_big', `${name} is ${(size / 1048576).toFixed(1)} MB; uploads are limited to ${(maxBytes / 1048576).toFixed(0)} MB. Split the transcript or ask an admin to copy it into the corpus folder.`);
  }
  if (!INGEST_EXTENSIONS.includes(extensionOf(name))) {
    return refuse('wrong_type', `${name} is not a transcript file: Soundbite takes ${INGEST_EXTENSIONS.join(', ')} files (broadcast scripts, briefings, Otter, Rev, WebVTT, SRT, cable transcripts).`);
  }
  // The corpus keeps READMEs for notes about the folder and never reads them as transcripts:
  // added under that name, the file would be "searchable now" and never searched.
  if (isSettingsFile(safeFileName(name))) {
    return refuse('reserved_name', `${name} is a name the corpus keeps for notes about the folder, never read as a transcript. Rename the file (e.g. ${safeFileName(name).replace(/^readme/i, 'transcript')}) and upload it again. Nothing was added.`);
  }
  return null;
}

export function summarise(t: Transcript & { format: FormatId }): IngestSummary {
  const counts = new Map<string, number>();
  let first: string | null = null;
  let last: string | null = null;
  for (const p of t.passages) {
    if (p.kind === 'quote' && !p.speaker.anonymous) counts.set(p.speaker.name, (counts.get(p.speaker.name) ?? 0) + 1);
    const d = p.source.spoken;
    if (d) {
      if (first === null || d < first) first = d;
      if (last === null || d > last) last = d;
    }
  }
  return {
    format: t.format,
    passages: t.passages.length,
    speakers: [...counts].map(([name, passages]) => ({ name, passages })).sort((a, b) => b.passages - a.passages || a.name.localeCompare(b.name)),
    aired: t.meta.aired,
    spoken: first !== null && last !== null ? { first, last } : null,
    warnings: t.issues.filter((i) => i.severity === 'warning'),
  };
}

/** A corpus file with exactly these bytes, if there is one (only same-size files are read,
 * never through a link). */
async function findSameContent(corpusDir: string, bytes: Uint8Array, hash: string): Promise<string | null> {
  for (const rel of await listCorpusFiles(corpusDir)) {
    const info = await lstat(path.join(corpusDir, rel)).catch(() => null);
    if (!info || info.size !== bytes.length) continue;
    const other = await readNoFollow(corpusDir, rel, bytes.length).catch(() => null);
    if (other?.ok && hashBytes(other.bytes) === hash) return rel;
  }
  return null;
}

/** `name.otter.txt` → `name-2.otter.txt`: the number goes before the first dot, so a date
 * or a format in the name still reads. */
function numbered(name: string, n: number): string {
  if (n === 1) return name;
  const dot = name.indexOf('.');
  return dot <= 0 ? `${name}-${n}` : `${name.slice(0, dot)}-${n}${name.slice(dot)}`;
}

/** Whether the name is taken by anything, a dangling link included. */
async function exists(file: string): Promise<boolean> {
  return lstat(file).then(() => true, () => false);
}

/** The first free name in the corpus root for an upload called `name`. */
async function freeName(corpusDir: string, name: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = numbered(name, n);
    if (!(await exists(path.join(corpusDir, candidate)))) return candidate;
  }
}

/** Writes the bytes under a short hidden temporary name, then links them to the first free name
 * (link fails rather than overwrite if another upload took the name meanwhile). Whatever
 * fails (a full disk, a read-only folder), the temporary file is removed before the error goes on. */
async function writeNew(corpusDir: string, name: string, bytes: Uint8Array): Promise<string> {
  const tmp = path.join(corpusDir, `.ingest-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    for (let n = 1; ; n++) {
      const candidate = numbered(name, n);
      try {
        await link(tmp, path.join(corpusDir, candidate));
        return candidate;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
  } finally {
    await rm(tmp, { force: true });
  }
}

export async function ingestBytes(corpusDir: string, uploadName: string, bytes: Uint8Array, opts: IngestOptions = {}): Promise<IngestResult> {
  const name = safeFileName(uploadName);
  const early = checkUpload(name, bytes.length, opts.maxBytes);
  if (early) return early;
  if (bytes.length === 0) return refuse('empty', `${name} is empty.`);
  const decoded = decodeText(bytes);
  if (!decoded.ok) return refuse('not_text', `${name}: ${decoded.reason}`);
  const text = decoded.text;
  if (text.includes('\u0000')) return refuse('not_text', `${name} contains binary data, not text.`);

  const hash = hashBytes(bytes);
  const same = await findSameContent(corpusDir, bytes, hash);
  const target = same ?? (await freeName(corpusDir, name));
  const parsed = parseTranscript(target, text, opts.aliasList ? { aliasList: opts.aliasList } : {});
  const errors = parsed.issues.filter((i) => i.severity === 'error').map((i) => ({ ...i, file: name }));
  if (parsed.format === null) return refuse('unknown_format', `Nothing was added: ${name} is not a transcript Soundbite can read.`, errors);
  if (errors.length > 0) {
    return refuse('has_errors', `${name} has ${errors.length} problem${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} and upload it again. Nothing was added.`, errors);
  }
  const summary = summarise({ ...parsed, format: parsed.format });
  if (same) return { ok: true, status: 'duplicate', file: same, summary };
  try {
    const written = await writeNew(corpusDir, target, bytes);
    return { ok: true, status: 'written', file: written, summary };
  } catch (err) {
    return refuse('not_written', `Nothing was added: ${name} could not be written into the corpus folder (${whyNotWritten(err)}).`);
  }
}

/** A write error in words an admin acts on. */
function whyNotWritten(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EFBIG':
      return 'the file is larger than this system lets Soundbite write';
    case 'EACCES':
    case 'EPERM':
      return 'Soundbite may not write there';
    case 'EROFS':
      return 'the folder is on a read-only disk';
    case 'ENAMETOOLONG':
      return 'the name is too long for the file system';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
