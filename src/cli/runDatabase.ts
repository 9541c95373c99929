// The terminal on the PostgreSQL archive (SOUNDBITE_DATABASE_URL set): `import` loads the corpus
// folder into it with a progress bar; questions, the REPL, batch, `ingest` and `stats` answer from
// the database, whatever the folder holds now.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readSettings } from '../app/config.ts';
import { Database } from '../app/postgres/database.ts';
import { importFolder, type ImportProgress } from '../app/postgres/importFolder.ts';
import { PostgresEngine } from '../app/postgres/PostgresEngine.ts';
import { findCommand } from '../core/ask/commands.ts';
import { EXIT, type Io } from './io.ts';
import { runBatch } from './runBatch.ts';
import { runOneShot } from './runCli.ts';
import { renderIngest } from './runIngest.ts';
import { runRepl } from './runRepl.ts';
import { renderStats } from './runStats.ts';

export interface DatabaseRun {
  verb: string;
  rest: readonly string[];
  dir: string;
  json: boolean;
  page: number | undefined;
  values: Parameters<typeof runOneShot>[3];
  env: Io['env'];
}

/** `[#######.......] 1,200 / 4,256 files`, a line for each tenth done and each phase. */
export function progressBar(io: Pick<Io, 'err'>): (p: ImportProgress) => void {
  let lastTenth = -1;
  let lastPhase = '';
  return (p) => {
    if (p.total === 0) return;
    const share = p.done / p.total;
    if (Math.floor(share * 10) === lastTenth && p.phase === lastPhase) return;
    lastTenth = Math.floor(share * 10);
    lastPhase = p.phase;
    const width = 30;
    const filled = Math.round(share * width);
    io.err(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')} files${p.phase === 'indexing' ? ', building the indexes' : p.phase === 'done' ? ', done' : ''}`);
  };
}

export async function runOnDatabase(r: DatabaseRun, io: Io, reason: string): Promise<number> {
  if (r.verb === 'follow') {
    io.err('soundbite follow: the terminal follows a corpus folder as the in-memory index reads it; with SOUNDBITE_DATABASE_URL set the archive is in the database, where the bot follows topics instead (/follow in Discord). Unset SOUNDBITE_DATABASE_URL to follow a folder here.');
    return EXIT.usage;
  }
  const settings = readSettings(r.env);
  if (!settings.ok) {
    io.err(`soundbite: ${settings.message}`);
    return EXIT.usage;
  }
  const s = settings.settings;
  let db: Database;
  try {
    db = await Database.open({ url: s.databaseUrl!, replicas: s.replicaUrls, poolSize: 4 });
  } catch (err) {
    io.err(`soundbite: the database in SOUNDBITE_DATABASE_URL cannot be used: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.usage;
  }
  const folder = await stat(r.dir).then((x) => x.isDirectory(), () => false);
  const engine = await PostgresEngine.open(db, folder ? r.dir : null);
  try {
    if (r.verb === 'import') {
      if (!folder) {
        io.err(`soundbite import: the corpus folder ${r.dir} does not exist; pass --corpus DIR.`);
        return EXIT.usage;
      }
      const started = performance.now();
      const done = await importFolder(db, r.dir, { onProgress: progressBar(io) });
      await engine.refresh();
      const f = engine.figures();
      const line = { reread: done.reread.length, removed: done.removed.length, bulk: done.rebuilt, files: f.files, passages: f.passages, seconds: Math.round((performance.now() - started) / 100) / 10 };
      io.out(r.json ? JSON.stringify(line) : `Imported ${r.dir}: ${line.reread} files read, ${line.removed} removed; the archive holds ${line.passages} passages in ${line.files} files (${line.seconds} s).`);
      return EXIT.ok;
    }
    if (r.verb === 'ingest') {
      const [file] = r.rest;
      if (!file || r.rest.length > 1) {
        io.err('soundbite ingest: give one transcript file: soundbite ingest FILE.');
        return EXIT.usage;
      }
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) {
        io.err(`soundbite ingest: ${file} is not a file.`);
        return EXIT.usage;
      }
      const result = await engine.ingest(path.basename(file), await readFile(file));
      if (r.json) io.out(JSON.stringify(result));
      else if (result.ok) io.out(renderIngest(result));
      else io.err(`soundbite ingest: ${renderIngest(result)}`);
      return result.ok ? EXIT.ok : EXIT.failed;
    }
    if (r.verb === 'stats') {
      const stats = await engine.stats();
      io.out(r.json ? JSON.stringify(stats) : renderStats(stats));
      return EXIT.ok;
    }
    if (r.verb === 'validate') {
      io.err('soundbite validate checks the files of a folder: run it without SOUNDBITE_DATABASE_URL (the archive in the database was checked as it was imported; `soundbite stats` lists its problems).');
      return EXIT.usage;
    }
    if (r.verb === 'start') {
      if (!io.stdin.isTTY) return await runBatch(engine, io, r.json);
      const f = engine.figures();
      const where = new URL(s.databaseUrl!);
      return await runRepl(() => ({ files: f.files, passages: f.passages, from: `PostgreSQL ${where.host}${where.pathname}`, ms: 0, problems: 0 }), engine, io, reason, 'the database');
    }
    return await runOneShot(engine, findCommand(r.verb)!, r.rest, r.values, r.page, io, r.env);
  } finally {
    await engine.close();
    await db.close();
  }
}
