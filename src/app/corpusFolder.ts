// The corpus folder as Soundbite sees it: which files are transcripts, how large one may be,
// and the shape of an opened corpus. Opening one is openCorpus.ts (snapshot or from scratch).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ParseIssue } from '../core/model.ts';
import type { CorpusIndex } from '../core/search/CorpusIndex.ts';

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

/** What a listing found: the files Soundbite reads, and what it passed over, with why. */
export interface CorpusListing {
  files: string[];
  /** Links, pipes, sockets, devices and folders that could not be read: said, never silent.
   * Hidden files and the settings files (below) are left out on purpose and not listed. */
  skipped: ParseIssue[];
}

/** Files Soundbite reads: everything but hidden files and folders, and its own settings files. */
export async function listCorpusFiles(dir: string): Promise<string[]> {
  return (await listCorpus(dir)).files;
}

export async function listCorpus(dir: string): Promise<CorpusListing> {
  const files: string[] = [];
  const skipped: ParseIssue[] = [];
  const skip = (file: string, message: string): void => {
    skipped.push({ file, line: 1, severity: 'warning', message });
  };
  async function walk(rel: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (err) {
      // The top folder must be readable (openCorpus checks it); a sub-folder that is not is said.
      if (rel === '') throw err;
      skip(rel, `This folder could not be read (${err instanceof Error ? err.message : String(err)}); its files were skipped.`);
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(child);
      // Never transcripts, whatever they are; the alias list says its own problems.
      else if (isSettingsFile(child)) continue;
      else if (e.isFile()) files.push(child);
      else if (e.isSymbolicLink()) skip(child, LINK_SKIPPED);
      else skip(child, NOT_A_FILE);
    }
  }
  await walk('');
  return { files: files.sort(), skipped: skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) };
}

/** Names the corpus keeps for its own notes and settings, never read as transcripts: the alias
 * list at the top, and READMEs anywhere. Ingest refuses uploads so named. */
export function isSettingsFile(rel: string): boolean {
  return rel === 'speakers.json' || /(^|\/)README(\.md|\.txt)?$/i.test(rel);
}

export const LINK_SKIPPED = 'This is a symbolic link (or lies under one); Soundbite reads no links in the corpus, so it was skipped. Copy the file into the corpus instead.';
export const NOT_A_FILE = 'This is not a regular file (a pipe, socket or device); it was skipped.';
