// Reading a corpus folder into an index: every file at any depth, each parsed on its own so
// that one bad file never stops the others.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ParseIssue, Transcript } from '../core/model.ts';
import { parseTranscript } from '../core/parse/parseTranscript.ts';
import { CorpusIndex } from '../core/search/CorpusIndex.ts';

/** Larger than any transcript; a file this big is a mistake in the folder. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface LoadedCorpus {
  dir: string;
  index: CorpusIndex;
  issues: ParseIssue[];
  files: number;
  skipped: number;
  ms: number;
}

export class CorpusFolderError extends Error {}

/** Files Soundbite reads: everything but hidden files and folders, and its own settings files. */
export async function listCorpusFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(child);
      else if (e.isFile() && !isSettingsFile(child)) out.push(child);
    }
  }
  await walk('');
  return out.sort();
}

function isSettingsFile(rel: string): boolean {
  return rel === 'speakers.json' || /(^|\/)README(\.md|\.txt)?$/i.test(rel);
}

/** Reads and parses one file; problems reading it become issues, not exceptions. */
export async function readTranscript(dir: string, rel: string): Promise<Transcript> {
  const failed = (message: string): Transcript => ({
    file: rel,
    format: null,
    meta: { aired: null, program: null, headline: null, url: null },
    passages: [],
    issues: [{ file: rel, line: 1, message, severity: 'error' }],
  });
  try {
    const full = path.join(dir, rel);
    const info = await stat(full);
    if (info.size > MAX_FILE_BYTES) {
      return failed(`The file is ${(info.size / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for a transcript; it was skipped.`);
    }
    return parseTranscript(rel, await readFile(full, 'utf8'));
  } catch (err) {
    return failed(`The file could not be read (${err instanceof Error ? err.message : String(err)}); it was skipped.`);
  }
}

export async function loadCorpus(dir: string): Promise<LoadedCorpus> {
  const started = performance.now();
  const abs = path.resolve(dir);
  const info = await stat(abs).catch(() => null);
  if (!info) throw new CorpusFolderError(`The corpus folder ${dir} does not exist. Create it and put transcripts in it, or pass --corpus DIR.`);
  if (!info.isDirectory()) throw new CorpusFolderError(`${dir} is a file, not a folder. Pass the folder that holds the transcripts with --corpus DIR.`);
  const files = await listCorpusFiles(abs);
  const index = new CorpusIndex();
  const issues: ParseIssue[] = [];
  let skipped = 0;
  // Read a few files at a time: enough to keep the disk busy, not enough to hold the whole archive's text at once.
  const BATCH = 32;
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = await Promise.all(files.slice(i, i + BATCH).map((f) => readTranscript(abs, f)));
    for (const t of batch) {
      issues.push(...t.issues);
      if (t.format === null) skipped++;
      else index.addTranscript(t);
    }
  }
  return { dir: abs, index, issues, files: files.length, skipped, ms: performance.now() - started };
}
