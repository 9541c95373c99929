// The one way to open a corpus folder: from the saved snapshot when it still matches the files,
// re-reading only what was added, changed or removed since; from scratch otherwise. Says how
// it was loaded, so start-up can report it and tests can check it.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ParseIssue } from '../core/model.ts';
import { PARSER_VERSION } from '../core/parse/parserVersion.ts';
import { DEFAULT_DATA_DIR } from './config.ts';
import { CorpusFolderError, type LoadedCorpus } from './corpusFolder.ts';
import { LiveCorpus } from './liveCorpus.ts';
import { readAliases } from './readAliases.ts';
import { readSnapshot, snapshotPath } from './snapshot.ts';

export interface LoadReport {
  /** snapshot: used as saved; partial: used, some files re-read; rebuilt: every file read. */
  mode: 'snapshot' | 'partial' | 'rebuilt';
  reread: string[];
  removed: string[];
  /** Why the snapshot was not used, when it was not. */
  reason: string | null;
  /** Why the new snapshot could not be saved (a read-only or full disk): answers go on regardless. */
  saveError: string | null;
}

export interface OpenedCorpus extends LoadedCorpus {
  live: LiveCorpus;
  load: LoadReport;
}

export interface OpenOptions {
  dataDir?: string;
  /** Save the snapshot when it was missing or out of date (default true). */
  save?: boolean;
}

export async function openCorpus(dir: string, opts: OpenOptions = {}): Promise<OpenedCorpus> {
  const started = performance.now();
  const abs = path.resolve(dir);
  const info = await stat(abs).catch(() => null);
  if (!info) throw new CorpusFolderError(`The corpus folder ${dir} does not exist. Create it and put transcripts in it, or pass --corpus DIR.`);
  if (!info.isDirectory()) throw new CorpusFolderError(`${dir} is a file, not a folder. Pass the folder that holds the transcripts with --corpus DIR.`);
  const dataDir = path.resolve(opts.dataDir ?? DEFAULT_DATA_DIR);

  const [saved, aliases] = await Promise.all([readSnapshot(snapshotPath(dataDir, abs), { parserVersion: PARSER_VERSION }), readAliases(abs)]);
  let live: LiveCorpus;
  let reason: string | null = null;
  if (!saved.ok) reason = saved.reason;
  else if (saved.snapshot.header.corpus !== abs) reason = 'the snapshot describes another folder';
  else if (saved.snapshot.header.aliasesHash !== aliases.hash) reason = 'the alias list changed since the snapshot';
  if (saved.ok && reason === null) {
    const { header, index } = saved.snapshot;
    live = new LiveCorpus({
      dir: abs,
      dataDir,
      index,
      fingerprints: new Map(Object.entries(header.files)),
      unindexed: new Map<string, ParseIssue[]>(Object.entries(header.unindexed)),
      aliases,
    });
  } else live = LiveCorpus.empty(abs, dataDir);

  const sync = await live.sync();
  const changed = sync.reread.length + sync.removed.length > 0;
  const mode: LoadReport['mode'] = reason !== null ? 'rebuilt' : changed ? 'partial' : 'snapshot';
  let saveError: string | null = null;
  if (mode !== 'snapshot' && opts.save !== false) {
    live.markChanged();
    // The snapshot only makes the next start faster; failing to write it must not cost an answer.
    try {
      await live.save();
    } catch (err) {
      saveError = err instanceof Error ? err.message : String(err);
    }
  }
  const view = live.view();
  return { ...view, ms: performance.now() - started, live, load: { mode, reread: sync.reread, removed: sync.removed, reason, saveError } };
}
