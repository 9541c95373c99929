// Reads one corpus file for the live archive: its fingerprint and its parsed transcript, with
// the alias list applied. Problems reading it become issues on the file, never exceptions.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Transcript } from '../core/model.ts';
import type { AliasList } from '../core/parse/aliasList.ts';
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
    return { fingerprint: { ...base, hash: hashBytes(bytes) }, transcript: parseTranscript(rel, bytes.toString('utf8'), { aliasList }) };
  } catch (err) {
    return {
      fingerprint: { ...base, hash: '' },
      transcript: failedTranscript(rel, `The file could not be read (${err instanceof Error ? err.message : String(err)}); it was skipped.`),
    };
  }
}
