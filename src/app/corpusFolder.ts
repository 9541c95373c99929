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
