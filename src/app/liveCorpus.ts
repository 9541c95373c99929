// The corpus as it is now, kept in step with its folder. A change is read and parsed in full
// first, then applied to the index in one synchronous step, so a query sees each file either
// as it was or as it is, never half of it. A change to many files (or to the alias list)
// builds a fresh index beside the old one and swaps it in; queries keep using the old one
// meanwhile. Syncs run one at a time.
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { ParseIssue, Transcript } from '../core/model.ts';
import type { AliasList } from '../core/parse/aliasList.ts';
import { PARSER_VERSION } from '../core/parse/parserVersion.ts';
import { CorpusIndex } from '../core/search/CorpusIndex.ts';
import { sameStat, type Fingerprint } from './fingerprint.ts';
import { listCorpus, type LoadedCorpus } from './corpusFolder.ts';
import { readAliases, type AliasRead } from './readAliases.ts';
import { readCorpusFile, type ReadFile } from './readCorpusFile.ts';
import { SNAPSHOT_FORMAT, snapshotPath, writeSnapshot, type SnapshotHeader } from './snapshot.ts';
import { INDEX_VERSION } from '../core/search/indexOptions.ts';
import { withLexicon } from './wordNet.ts';

export interface SyncResult {
  /** Files read and parsed again (added or changed), relative paths. */
  reread: string[];
  removed: string[];
  /** True when the index was rebuilt from scratch and swapped in. */
  rebuilt: boolean;
}

/** Over this share of the corpus changing, a fresh index is cheaper than patching the old one. */
const REBUILD_SHARE = 0.25;
const READ_BATCH = 32;

export class LiveCorpus {
  index: CorpusIndex;
  readonly dir: string;
  readonly dataDir: string;
  private fingerprints: Map<string, Fingerprint>;
  private unindexed: Map<string, ParseIssue[]>;
  private aliases: AliasRead;
  /** What the last listing passed over (links, pipes, unreadable folders), as warnings. */
  private skippedEntries: ParseIssue[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private lastMs = 0;
  private changedSinceSave = false;

  constructor(init: {
    dir: string;
    dataDir: string;
    index: CorpusIndex;
    fingerprints: Map<string, Fingerprint>;
    unindexed: Map<string, ParseIssue[]>;
    aliases: AliasRead;
  }) {
    this.dir = init.dir;
    this.dataDir = init.dataDir;
    this.index = init.index;
    this.fingerprints = init.fingerprints;
    this.unindexed = init.unindexed;
    this.aliases = init.aliases;
  }

  static empty(dir: string, dataDir: string): LiveCorpus {
    return new LiveCorpus({ dir, dataDir, index: withLexicon(new CorpusIndex()), fingerprints: new Map(), unindexed: new Map(), aliases: { list: { names: new Map(), offices: new Map() }, issues: [], hash: '', broken: null } });
  }

  /** Every current problem: the alias list's, what the listing skipped, then each file's. */
  get issues(): ParseIssue[] {
    const out = [...this.aliases.issues, ...this.skippedEntries];
    for (const e of this.index.fileEntries()) out.push(...e.issues);
    for (const list of this.unindexed.values()) out.push(...list);
    return out;
  }

  get fileCount(): number {
    return this.fingerprints.size;
  }

  /** The corpus as the adapters use it (LoadedCorpus in corpusFolder.ts). */
  view(): LoadedCorpus {
    return { dir: this.dir, index: this.index, issues: this.issues, files: this.fingerprints.size, skipped: this.unindexed.size + this.skippedEntries.length, ms: this.lastMs };
  }

  /** The alias list the current index was parsed with; ingest checks uploads against it. */
  get aliasList(): AliasList {
    return this.aliases.list;
  }

  fingerprintOf(rel: string): Fingerprint | undefined {
    return this.fingerprints.get(rel);
  }

  /** Brings the index in step with the folder: re-reads only what was added or changed. */
  sync(): Promise<SyncResult> {
    return this.serialised(() => this.doSync(false));
  }

  /** Re-reads every file (the admin's /reload), swapping in a fresh index when done. */
  reload(): Promise<SyncResult> {
    return this.serialised(() => this.doSync(true));
  }

  /** The alias list's problems alone (start-up says them out loud). */
  get aliasIssues(): ParseIssue[] {
    return this.aliases.issues;
  }

  /** Whether changes wait to be saved (a failed save leaves them waiting, to be retried). */
  get unsaved(): boolean {
    return this.changedSinceSave;
  }

  /** Saves the snapshot if anything changed since the last save; a failed save stays due. */
  save(force = false): Promise<void> {
    return this.serialised(async () => {
      if (!force && !this.changedSinceSave) return;
      const header: SnapshotHeader = {
        magic: 'soundbite-index',
        format: SNAPSHOT_FORMAT,
        parserVersion: PARSER_VERSION,
        indexVersion: INDEX_VERSION,
        corpus: this.dir,
        aliasesHash: this.aliases.hash,
        files: Object.fromEntries(this.fingerprints),
        unindexed: Object.fromEntries(this.unindexed),
      };
      // Marked clean before writing: a change applied while the file is written stays due.
      this.changedSinceSave = false;
      try {
        await writeSnapshot(snapshotPath(this.dataDir, this.dir), header, this.index);
      } catch (err) {
        this.changedSinceSave = true;
        throw err;
      }
    });
  }

  markChanged(): void {
    this.changedSinceSave = true;
  }

  private serialised<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async doSync(everything: boolean): Promise<SyncResult> {
    const started = performance.now();
    const aliases = await readAliases(this.dir);
    const aliasesChanged = aliases.hash !== this.aliases.hash;
    const listing = await listCorpus(this.dir);
    const onDisk = listing.files;
    const present = new Set(onDisk);
    const removed = [...this.fingerprints.keys()].filter((f) => !present.has(f));
    const rereadAll = everything || aliasesChanged;

    const candidates: string[] = [];
    if (rereadAll) candidates.push(...onDisk);
    else {
      for (let i = 0; i < onDisk.length; i += READ_BATCH * 4) {
        const batch = onDisk.slice(i, i + READ_BATCH * 4);
        const stats = await Promise.all(batch.map((f) => lstat(path.join(this.dir, f)).catch(() => null)));
        batch.forEach((f, j) => {
          const s = stats[j];
          const known = this.fingerprints.get(f);
          if (s && (!known || !sameStat(known, s))) candidates.push(f);
        });
      }
    }

    const rebuild = rereadAll || candidates.length + removed.length > Math.max(8, this.fingerprints.size * REBUILD_SHARE);
    const read: ReadFile[] = [];
    const touched: Array<[string, Fingerprint]> = [];
    for (let i = 0; i < candidates.length; i += READ_BATCH) {
      const batch = await Promise.all(candidates.slice(i, i + READ_BATCH).map((f) => readCorpusFile(this.dir, f, aliases.list)));
      batch.forEach((r, j) => {
        if (!r) return removed.push(candidates[i + j]!); // gone since the listing
        const known = this.fingerprints.get(r.transcript.file);
        // Touched but not changed: same bytes, same aliases; only the fingerprint moves on.
        if (!rereadAll && known && known.hash !== '' && known.hash === r.fingerprint.hash) touched.push([r.transcript.file, r.fingerprint]);
        else read.push(r);
      });
    }

    if (rebuild) await this.swapInFresh(read, new Set(removed), aliases);
    else {
      // Everything is parsed; from here on nothing awaits, so no query sees a file half-applied.
      for (const f of removed) this.forget(f);
      for (const r of read) this.apply(r.transcript, r.fingerprint);
      this.aliases = aliases;
    }
    for (const [f, fp] of touched) this.fingerprints.set(f, fp);
    this.skippedEntries = listing.skipped;
    if (read.length || removed.length || touched.length || aliasesChanged) this.changedSinceSave = true;
    this.lastMs = performance.now() - started;
    return { reread: read.map((r) => r.transcript.file), removed, rebuilt: rebuild };
  }

  /** A fresh index from what was just read plus, for files not re-read, the passages the old
   * index holds (unchanged files keep their parse). The fresh index is built in batches,
   * yielding between them so queries go on against the old one, and swapped in at the end. */
  private async swapInFresh(read: ReadFile[], removed: ReadonlySet<string>, aliases: AliasRead): Promise<void> {
    const fresh = withLexicon(new CorpusIndex());
    const fingerprints = new Map<string, Fingerprint>();
    const unindexed = new Map<string, ParseIssue[]>();
    const rereadFiles = new Set(read.map((r) => r.transcript.file));
    let sinceYield = 0;
    const breathe = async (): Promise<void> => {
      if (++sinceYield % READ_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
    };
    for (const [f, fp] of this.fingerprints) {
      if (rereadFiles.has(f) || removed.has(f)) continue;
      await breathe();
      const entry = this.index.file(f);
      const issues = this.unindexed.get(f);
      if (entry) {
        fresh.addTranscript({
          file: f,
          format: entry.format,
          meta: entry.meta,
          issues: entry.issues,
          passages: entry.passageIds.map((id) => this.index.passage(id)).filter((p) => p !== undefined),
        });
        fingerprints.set(f, fp);
      } else if (issues) {
        unindexed.set(f, issues);
        fingerprints.set(f, fp);
      }
    }
    for (const r of read) {
      await breathe();
      addTo(fresh, fingerprints, unindexed, r.transcript, r.fingerprint);
    }
    this.index = fresh;
    this.fingerprints = fingerprints;
    this.unindexed = unindexed;
    this.aliases = aliases;
  }

  private forget(file: string): void {
    this.index.removeFile(file);
    this.fingerprints.delete(file);
    this.unindexed.delete(file);
  }

  private apply(t: Transcript, fp: Fingerprint): void {
    if (t.format === null) this.index.removeFile(t.file);
    else this.unindexed.delete(t.file);
    addTo(this.index, this.fingerprints, this.unindexed, t, fp);
  }
}

function addTo(index: CorpusIndex, fingerprints: Map<string, Fingerprint>, unindexed: Map<string, ParseIssue[]>, t: Transcript, fp: Fingerprint): void {
  fingerprints.set(t.file, fp);
  if (t.format === null) unindexed.set(t.file, t.issues);
  else index.addTranscript(t);
}
