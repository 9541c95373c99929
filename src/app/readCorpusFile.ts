// Reads one corpus file for the live archive: its fingerprint and its parsed transcript, with
// the alias list applied. Problems reading it become issues on the file, never exceptions.
import type { Stats } from 'node:fs';
import type { Transcript } from '../core/model.ts';
import type { AliasList } from '../core/parse/aliasList.ts';
import { decodeText } from '../core/parse/decodeText.ts';
import { parseTranscript } from '../core/parse/parseTranscript.ts';
import { hashBytes, type Fingerprint } from './fingerprint.ts';
import { LINK_SKIPPED, MAX_FILE_BYTES, NOT_A_FILE } from './corpusFolder.ts';
import { readNoFollow } from './readNoFollow.ts';

export interface ReadFile {
  transcript: Transcript;
  fingerprint: Fingerprint;
}

export function failedTranscript(file: string, message: string): Transcript {
  return {
    file,
    format: null,
    meta: { aired: null, program: null, headline: null, url: null },
    passages: [],
    issues: [{ file, line: 1, message, severity: 'error' }],
  };
}

/** Null when the file is gone (removed between listing and reading). */
export async function readCorpusFile(dir: string, rel: string, aliasList: AliasList): Promise<ReadFile | null> {
  const opened = await openWithoutLinks(dir, rel);
  if (opened.kind === 'gone') return null;
  if (opened.kind === 'skipped') return { fingerprint: UNREAD, transcript: failedTranscript(rel, opened.message) };
  const info = opened.stat;
  const base = { size: info.size, mtimeMs: info.mtimeMs };
  if (opened.kind === 'too_big') {
    return {
      fingerprint: { ...base, hash: '' },
      transcript: failedTranscript(rel, `The file is ${(info.size / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for a transcript; it was skipped.`),
    };
  }
  const bytes = opened.bytes;
  try {
    const fingerprint = { ...base, hash: hashBytes(bytes) };
    const decoded = decodeText(bytes);
    if (!decoded.ok) return { fingerprint, transcript: failedTranscript(rel, decoded.reason) };
    const transcript = parseTranscript(rel, decoded.text, { aliasList });
    if (decoded.encoding !== 'utf-8') {
      transcript.issues.push({ file: rel, line: 1, message: `The file is ${decoded.encoding.toUpperCase()} text, not UTF-8; it was read as such.`, severity: 'warning' });
    }
    return { fingerprint, transcript };
  } catch (err) {
    return {
      fingerprint: { ...base, hash: '' },
      transcript: failedTranscript(rel, `The file could not be read (${err instanceof Error ? err.message : String(err)}); it was skipped.`),
    };
  }
}

/** A fingerprint no file matches, so a file that could not be read is tried again next time. */
const UNREAD: Fingerprint = { size: -1, mtimeMs: -1, hash: '' };

type Opened =
  | { kind: 'read'; bytes: Buffer; stat: Stats }
  | { kind: 'too_big'; stat: Stats }
  | { kind: 'gone' }
  | { kind: 'skipped'; message: string };

/** The file's bytes, read without following a link (readNoFollow.ts), or why not. */
async function openWithoutLinks(dir: string, rel: string): Promise<Opened> {
  try {
    const r = await readNoFollow(dir, rel, MAX_FILE_BYTES);
    if (r.ok) return { kind: 'read', bytes: r.bytes, stat: r.stat };
    if (r.reason === 'too_big') return { kind: 'too_big', stat: r.stat };
    if (r.reason === 'missing') return { kind: 'gone' };
    return { kind: 'skipped', message: r.reason === 'link' ? LINK_SKIPPED : NOT_A_FILE };
  } catch (err) {
    return { kind: 'skipped', message: `The file could not be read (${err instanceof Error ? err.message : String(err)}); it was skipped.` };
  }
}
