// Reads one corpus file for the live archive: its fingerprint and its parsed transcript, with
// the alias list applied. Problems reading it become issues on the file, never exceptions.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Transcript } from '../core/model.ts';
import type { AliasList } from '../core/parse/aliasList.ts';
import { decodeText } from '../core/parse/decodeText.ts';
import { parseTranscript } from '../core/parse/parseTranscript.ts';
import { hashBytes, type Fingerprint } from './fingerprint.ts';
import { MAX_FILE_BYTES } from './corpusFolder.ts';

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
  const full = path.join(dir, rel);
  const info = await stat(full).catch(() => null);
  if (!info) return null;
  const base = { size: info.size, mtimeMs: info.mtimeMs };
  if (info.size > MAX_FILE_BYTES) {
    return {
      fingerprint: { ...base, hash: '' },
      transcript: failedTranscript(rel, `The file is ${(info.size / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for a transcript; it was skipped.`),
    };
  }
  try {
    const bytes = await readFile(full);
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
