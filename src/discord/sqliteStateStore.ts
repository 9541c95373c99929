// The state store in one SQLite file (better-sqlite3): each write is one small transaction, so an
// answer costs the same with 50,000 records as with none; WAL keeps the file whole through any
// crash and every write through a crash of the process; SQLite's file locks let two processes share the file
// without losing each other's writes. Expiry and the per-space cap are enforced on each write,
// a few records at a time, so no write ever pays for a sweep of the whole file.
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { StateSpace, StateStore, StoredRecord } from './stateStore.ts';

export interface SqliteStoreOptions {
  /** The clock expiry is read against (ms since the epoch). */
  now?: () => number;
  /** The file never grows past this; writes beyond it fail as on a full disk. */
  maxBytes?: number;
  /** How long one attempt at a write waits, blocking, for another process's write to finish. */
  busyTimeoutMs?: number;
  /** How long a write keeps trying (waiting between attempts without blocking) before it gives up. */
  writePatienceMs?: number;
}

/** Expired records removed per write: enough to keep up, never a long pause. */
const EXPIRED_PER_WRITE = 8;
/** A value this large is a bug upstream, not state worth keeping. */
const MAX_VALUE_CHARS = 64 * 1024;
const SCHEMA_VERSION = 1;
/** How long opening waits for another process that is setting the file up. */
const OPEN_PATIENCE_MS = 5000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS record (
  space TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  written_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (space, key)
);
CREATE INDEX IF NOT EXISTS record_expiry ON record (space, expires_at);
-- Kept by triggers so the cap is checked without counting the table on every write.
CREATE TABLE IF NOT EXISTS space_size (space TEXT PRIMARY KEY, records INTEGER NOT NULL);
CREATE TRIGGER IF NOT EXISTS record_added AFTER INSERT ON record BEGIN
  INSERT INTO space_size (space, records) VALUES (new.space, 1)
    ON CONFLICT (space) DO UPDATE SET records = records + 1;
END;
CREATE TRIGGER IF NOT EXISTS record_removed AFTER DELETE ON record BEGIN
  UPDATE space_size SET records = records - 1 WHERE space = old.space;
END;
`;

export class SqliteStateStore implements StateStore {
  private readonly now: () => number;
  private readonly writePatienceMs: number;
  private readonly statements;
  private readonly putTx: Database.Transaction<(space: StateSpace, key: string, json: string) => void>;

  private constructor(
    private readonly db: Database.Database,
    readonly where: string,
    opts: SqliteStoreOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.writePatienceMs = opts.writePatienceMs ?? 2000;
    const s = {
      get: db.prepare<[string, string, number], { value: string }>('SELECT value FROM record WHERE space = ? AND key = ? AND expires_at > ?'),
      upsert: db.prepare<[string, string, string, number, number]>(
        `INSERT INTO record (space, key, value, written_at, expires_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (space, key) DO UPDATE SET value = excluded.value, written_at = excluded.written_at, expires_at = excluded.expires_at`,
      ),
      dropExpired: db.prepare<[string, string, number, number]>(
        'DELETE FROM record WHERE space = ? AND key IN (SELECT key FROM record WHERE space = ? AND expires_at <= ? ORDER BY expires_at LIMIT ?)',
      ),
      size: db.prepare<[string], { records: number }>('SELECT records FROM space_size WHERE space = ?'),
      dropOldest: db.prepare<[string, string, number]>(
        'DELETE FROM record WHERE space = ? AND key IN (SELECT key FROM record WHERE space = ? ORDER BY expires_at LIMIT ?)',
      ),
      delete: db.prepare<[string, string]>('DELETE FROM record WHERE space = ? AND key = ?'),
      list: db.prepare<[string, number, number], { key: string; value: string; written_at: number }>(
        'SELECT key, value, written_at FROM record WHERE space = ? AND expires_at > ? ORDER BY written_at, key LIMIT ?',
      ),
    };
    this.statements = s;
    this.putTx = db.transaction((space: StateSpace, key: string, json: string) => {
      const now = this.now();
      s.upsert.run(space.name, key, json, now, now + space.ttlMs);
      s.dropExpired.run(space.name, space.name, now, EXPIRED_PER_WRITE);
      const over = (s.size.get(space.name)?.records ?? 0) - space.maxRecords;
      if (over > 0) s.dropOldest.run(space.name, space.name, over);
    });
  }

  /**
   * Opens (or creates) the store in `file`. Throws a better-sqlite3 error when the file cannot be
   * opened or written (its `code` says why: SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_FULL) or is
   * damaged (SQLITE_NOTADB, SQLITE_CORRUPT, or `StateFileDamaged` from the integrity check).
   */
  static open(file: string, opts: SqliteStoreOptions = {}): SqliteStateStore {
    // Two processes starting at once contend for the file while one sets it up (WAL, schema);
    // some of those waits SQLite reports as busy without waiting, so opening tries again.
    const deadline = Date.now() + OPEN_PATIENCE_MS;
    for (;;) {
      try {
        return SqliteStateStore.openOnce(file, opts);
      } catch (err) {
        if (!isBusy(err) || Date.now() > deadline) throw err;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
      }
    }
  }

  private static openOnce(file: string, opts: SqliteStoreOptions): SqliteStateStore {
    const db = new Database(file, { timeout: OPEN_PATIENCE_MS });
    try {
      db.pragma('journal_mode = WAL');
      // NORMAL: with WAL the file is never corrupted by a crash or power cut, and a crash of the
      // process loses nothing committed; a power cut may roll back the last few answers' state.
      // FULL would fsync every answer on the event loop: 2.5 ms typical, 27 ms p99 and 0.3 s at
      // worst on the shared 2-core test machine, a stall for every journalist at once.
      db.pragma('synchronous = NORMAL');
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new StateFileDamaged(String(check));
      if (opts.maxBytes) {
        const pageSize = Number(db.pragma('page_size', { simple: true }));
        db.pragma(`max_page_count = ${Math.max(8, Math.floor(opts.maxBytes / pageSize))}`);
      }
      db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
      // The event loop must not stall behind another process's lock: see put.
      db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 25}`);
      const store = new SqliteStateStore(db, file, opts);
      store.dropAllExpired();
      return store;
    } catch (err) {
      db.close();
      throw err;
    }
  }

  // better-sqlite3 is synchronous (microseconds a call); async only to fit the interface, so a
  // failure arrives as a rejection like a networked store's would.
  async get(space: StateSpace, key: string): Promise<unknown> {
    const row = this.statements.get.get(space.name, key, this.now());
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  async put(space: StateSpace, key: string, value: unknown): Promise<void> {
    const json = JSON.stringify(value);
    if (json.length > MAX_VALUE_CHARS) throw new Error(`a ${space.name} record of ${json.length} characters is over the ${MAX_VALUE_CHARS} allowed`);
    // SQLite's lock is not fair: a process writing back to back can starve another one's short
    // blocking waits. So each attempt waits briefly, and between attempts this one steps aside
    // for a random moment without blocking the event loop.
    const giveUpAt = Date.now() + this.writePatienceMs;
    for (let attempt = 1; ; attempt++) {
      try {
        // IMMEDIATE: the write lock is taken first, so SQLite's wait for another writer applies.
        this.putTx.immediate(space, key, json);
        return;
      } catch (err) {
        if (!isBusy(err) || Date.now() >= giveUpAt) throw err;
        await sleep(Math.random() * 10 * Math.min(attempt, 5));
      }
    }
  }

  async delete(space: StateSpace, key: string): Promise<void> {
    this.statements.delete.run(space.name, key);
  }

  async list(space: StateSpace, limit: number): Promise<StoredRecord[]> {
    const rows = this.statements.list.all(space.name, this.now(), limit);
    return rows.map((r) => ({ key: r.key, value: JSON.parse(r.value) as unknown, writtenAt: r.written_at }));
  }

  /** Many records in one transaction (carrying over an earlier version's files), then the cap. */
  importRecords(space: StateSpace, entries: readonly (readonly [string, unknown])[]): void {
    const s = this.statements;
    this.db.transaction(() => {
      const now = this.now();
      for (const [key, value] of entries) s.upsert.run(space.name, key, JSON.stringify(value), now, now + space.ttlMs);
      const over = (s.size.get(space.name)?.records ?? 0) - space.maxRecords;
      if (over > 0) s.dropOldest.run(space.name, space.name, over);
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Once at open: what expired while the bot was down. */
  private dropAllExpired(): void {
    try {
      this.db.prepare('DELETE FROM record WHERE expires_at <= ?').run(this.now());
    } catch {
      // A store that cannot be written still answers reads; each write then says why it failed.
    }
  }
}

/** SQLite's integrity check found damage the file's header did not show. */
export class StateFileDamaged extends Error {
  readonly code = 'SQLITE_CORRUPT';
  constructor(detail: string) {
    super(`the state file failed its integrity check: ${detail.slice(0, 200)}`);
  }
}

function isBusy(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && String(err.code).startsWith('SQLITE_BUSY');
}

/** Errors that mean the file itself is damaged (not merely unwritable): set it aside and start afresh. */
export function isDamagedFile(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  return code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT');
}
