// `soundbite import --corpus DIR` and the watcher in database mode: brings the archive in step
// with a folder by fingerprint. Unchanged files are not read; changed ones are read, parsed and
// written in batches, each batch one transaction of whole files; files gone from the folder are
// removed (uploads, which never were in the folder, stay). An empty archive is loaded in bulk.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { listCorpusFiles } from '../corpusFolder.ts';
import { sameStat, type Fingerprint } from '../fingerprint.ts';
import type { SyncResult } from '../liveCorpus.ts';
import { readAliases } from '../readAliases.ts';
import { readCorpusFile, type ReadFile } from '../readCorpusFile.ts';
import { bulkLoad, writeFiles, type FileWrite } from './archiveWriter.ts';
import type { Database } from './database.ts';

export interface ImportProgress {
  done: number;
  total: number;
  phase: 'reading' | 'indexing' | 'done';
}

export interface ImportOptions {
  /** Read every file again (the admin's /reload). */
  everything?: boolean;
  onProgress?: (p: ImportProgress) => void;
  /** Files per transaction when changing a non-empty archive. */
  batch?: number;
}

const READ_AHEAD = 32;

export async function importFolder(db: Database, dir: string, opts: ImportOptions = {}): Promise<SyncResult> {
  const abs = path.resolve(dir);
  const aliases = await readAliases(abs);
  const meta = await db.primary.query<{ value: string }>(`SELECT value FROM sb_meta WHERE key = 'aliases'`);
  const aliasesChanged = (meta.rows[0]?.value ?? '') !== aliases.hash;
  const known = new Map<string, Fingerprint & { origin: string }>();
  for (const r of (await db.primary.query<{ file: string; size: string; mtime_ms: number; hash: string; origin: string }>('SELECT file, size, mtime_ms, hash, origin FROM sb_file')).rows) {
    known.set(r.file, { size: Number(r.size), mtimeMs: r.mtime_ms, hash: r.hash, origin: r.origin });
  }
  const onDisk = await listCorpusFiles(abs);
  const present = new Set(onDisk);
  const removed = [...known].filter(([f, k]) => k.origin === 'folder' && !present.has(f)).map(([f]) => f);
  const rereadAll = Boolean(opts.everything) || aliasesChanged;
  const candidates: string[] = [];
  for (const f of onDisk) {
    const k = known.get(f);
    if (rereadAll || !k) {
      candidates.push(f);
      continue;
    }
    const s = await stat(path.join(abs, f)).catch(() => null);
    if (s && !sameStat(k, s)) candidates.push(f);
  }

  const reread: string[] = [];
  const touched: Array<[string, Fingerprint]> = [];
  const progress = (done: number, phase: ImportProgress['phase']) => opts.onProgress?.({ done, total: candidates.length, phase });
  async function* changedFiles(): AsyncGenerator<FileWrite> {
    for (let i = 0; i < candidates.length; i += READ_AHEAD) {
      const batch = await Promise.all(candidates.slice(i, i + READ_AHEAD).map((f) => readCorpusFile(abs, f, aliases.list)));
      for (const r of batch) {
        if (!r) continue;
        const k = known.get(r.transcript.file);
        // Touched but not changed: only the fingerprint moves on.
        if (!rereadAll && k && k.hash !== '' && k.hash === r.fingerprint.hash) {
          touched.push([r.transcript.file, r.fingerprint]);
          continue;
        }
        reread.push(r.transcript.file);
        yield fileWrite(r);
      }
      progress(Math.min(i + READ_AHEAD, candidates.length), 'reading');
    }
  }

  const empty = Number((await db.primary.query<{ passages: string }>('SELECT passages FROM sb_stats')).rows[0]!.passages) === 0 && known.size === 0;
  const bulk = empty && candidates.length > 50;
  if (bulk) {
    await bulkLoad(db.primary, changedFiles(), (p) => { if (p.phase === 'indexing') progress(candidates.length, 'indexing'); });
  } else {
    const size = opts.batch ?? 200;
    let pending: FileWrite[] = [];
    let gone = removed;
    for await (const f of changedFiles()) {
      pending.push(f);
      if (pending.length >= size) {
        await writeFiles(db.primary, pending, gone);
        pending = [];
        gone = [];
      }
    }
    await writeFiles(db.primary, pending, gone);
  }
  if (touched.length > 0) {
    await db.primary.query(
      `UPDATE sb_file SET size = t.size, mtime_ms = t.mtime FROM unnest($1::text[], $2::bigint[], $3::float8[]) AS t(file, size, mtime) WHERE sb_file.file = t.file`,
      [touched.map(([f]) => f), touched.map(([, fp]) => fp.size), touched.map(([, fp]) => fp.mtimeMs)],
    );
  }
  await db.primary.query(`INSERT INTO sb_meta VALUES ('aliases', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [JSON.stringify(aliases.hash)]);
  progress(candidates.length, 'done');
  return { reread, removed, rebuilt: bulk };
}

function fileWrite(r: ReadFile): FileWrite {
  return { transcript: r.transcript, fingerprint: r.fingerprint, origin: 'folder' };
}
