// Keeps a LiveCorpus in step with its folder while Soundbite runs: file events are gathered for
// a moment (an editor's save is several events), then one sync re-reads what changed and swaps
// it in. The snapshot is saved again a little later, once changes have stopped.
import { watch, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { LiveCorpus, SyncResult } from './liveCorpus.ts';

export interface WatchOptions {
  /** Quiet time after the last event before syncing. */
  debounceMs?: number;
  /** Quiet time after the last sync before saving the snapshot. */
  saveAfterMs?: number;
  /** After a failed save, the first wait before trying again; it doubles up to ten minutes. */
  retrySaveAfterMs?: number;
  onSync?: (result: SyncResult) => void;
  onError?: (err: unknown) => void;
}

export interface CorpusWatcher {
  /** Stops watching; waits for a running sync and saves the snapshot if anything changed. */
  close(): Promise<void>;
  /** Whether fs.watch could watch the folder recursively (else one watcher per folder). */
  readonly recursive: boolean;
}

const MAX_RETRY_MS = 10 * 60_000;

/** Follows anything that can sync itself with a folder: a LiveCorpus, or the database import. */
export function watchCorpus(live: Pick<LiveCorpus, 'dir' | 'sync' | 'save' | 'unsaved'>, opts: WatchOptions = {}): CorpusWatcher {
  const debounceMs = opts.debounceMs ?? 300;
  const saveAfterMs = opts.saveAfterMs ?? 2000;
  const onError = opts.onError ?? (() => undefined);
  let syncTimer: NodeJS.Timeout | undefined;
  let saveTimer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closed = false;
  const watchers = new Map<string, FSWatcher>();

  const firstRetryMs = opts.retrySaveAfterMs ?? 5000;
  let retryMs = firstRetryMs;
  // A failed save (a full disk, a data folder gone) keeps the changes due and is tried again
  // later, waiting longer each time, until one succeeds.
  const save = (after = saveAfterMs): void => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      live.save().then(
        () => {
          retryMs = firstRetryMs;
        },
        (err: unknown) => {
          onError(err);
          if (closed || !live.unsaved) return;
          save(retryMs);
          retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        },
      );
    }, after);
  };

  const sync = (): void => {
    running = running.then(async () => {
      if (closed) return;
      try {
        const result = await live.sync();
        if (result.reread.length || result.removed.length) {
          opts.onSync?.(result);
          save();
        }
        if (!recursive) await watchFolders();
      } catch (err) {
        onError(err);
      }
    });
  };

  const onEvent = (_event: string, name: string | Buffer | null): void => {
    // Hidden files are ours or an editor's scratch (ingest writes `.name.tmp-…` then renames).
    const rel = name === null ? '' : String(name);
    if (rel.split(/[\\/]/).some((part) => part.startsWith('.'))) return;
    clearTimeout(syncTimer);
    syncTimer = setTimeout(sync, debounceMs);
  };

  const watchOne = (dir: string, options: { recursive: boolean }): FSWatcher => {
    const w = watch(dir, options, onEvent);
    w.on('error', onError);
    return w;
  };

  // Fallback where recursive watching is missing: one watcher per folder, refreshed after each sync.
  const watchFolders = async (): Promise<void> => {
    const dirs = [live.dir];
    for (let i = 0; i < dirs.length; i++) {
      const entries = await readdir(dirs[i]!, { withFileTypes: true }).catch(() => []);
      for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) dirs.push(path.join(dirs[i]!, e.name));
    }
    for (const d of dirs) {
      if (closed || watchers.has(d)) continue;
      try {
        watchers.set(d, watchOne(d, { recursive: false }));
      } catch (err) {
        onError(err);
      }
    }
  };

  // A snapshot that could not be saved at start-up is tried again like any failed save.
  if (live.unsaved) save(firstRetryMs);

  let recursive = true;
  try {
    watchers.set(live.dir, watchOne(live.dir, { recursive: true }));
  } catch {
    recursive = false;
    void watchFolders();
  }

  return {
    recursive,
    async close() {
      closed = true;
      clearTimeout(syncTimer);
      clearTimeout(saveTimer);
      for (const w of watchers.values()) w.close();
      await running;
      await live.save().catch(onError);
    },
  };
}
