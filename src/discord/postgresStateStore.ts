// The state store in PostgreSQL, for several bot processes (shards, machines) sharing one archive:
// a button pressed or a thread followed up is answered in context by whichever process Discord
// gives it to. Each write is one statement (upsert, a few expired records dropped, the cap kept by
// a trigger-maintained count), committed before the promise resolves: a process killed right
// after has lost nothing it acknowledged.
import pg from 'pg';
import type { StateSpace, StateStore, StoredRecord } from './stateStore.ts';

const EXPIRED_PER_WRITE = 8;
const MAX_VALUE_CHARS = 64 * 1024;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sb_state (
  space text NOT NULL,
  key text NOT NULL,
  value jsonb NOT NULL,
  written_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  PRIMARY KEY (space, key)
);
CREATE INDEX IF NOT EXISTS sb_state_expiry ON sb_state (space, expires_at);
CREATE TABLE IF NOT EXISTS sb_state_size (space text PRIMARY KEY, records integer NOT NULL);
CREATE OR REPLACE FUNCTION sb_state_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sb_state_size VALUES (NEW.space, 1) ON CONFLICT (space) DO UPDATE SET records = sb_state_size.records + 1;
  ELSE
    UPDATE sb_state_size SET records = records - 1 WHERE space = OLD.space;
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS sb_state_counted ON sb_state;
CREATE TRIGGER sb_state_counted AFTER INSERT OR DELETE ON sb_state FOR EACH ROW EXECUTE FUNCTION sb_state_count();
`;

export interface PostgresStoreOptions {
  now?: () => number;
  poolSize?: number;
}

export class PostgresStateStore implements StateStore {
  private readonly now: () => number;

  private constructor(private readonly pool: pg.Pool, readonly where: string, opts: PostgresStoreOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Connects and creates the tables if missing (several processes may do so at once). */
  static async open(url: string, opts: PostgresStoreOptions = {}): Promise<PostgresStateStore> {
    const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 4 });
    pool.on('error', () => undefined);
    try {
      const c = await pool.connect();
      try {
        await c.query('SELECT pg_advisory_lock(730115)');
        await c.query(SCHEMA);
        await c.query('SELECT pg_advisory_unlock(730115)');
      } finally {
        c.release();
      }
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
    const u = new URL(url);
    return new PostgresStateStore(pool, `PostgreSQL ${u.host}${u.pathname}`, opts);
  }

  async get(space: StateSpace, key: string): Promise<unknown> {
    const r = await this.pool.query<{ value: unknown }>('SELECT value FROM sb_state WHERE space = $1 AND key = $2 AND expires_at > $3', [space.name, key, this.now()]);
    return r.rows[0]?.value;
  }

  async put(space: StateSpace, key: string, value: unknown): Promise<void> {
    const json = JSON.stringify(value);
    if (json.length > MAX_VALUE_CHARS) throw new Error(`a ${space.name} record of ${json.length} characters is over the ${MAX_VALUE_CHARS} allowed`);
    const now = this.now();
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query(
        `INSERT INTO sb_state (space, key, value, written_at, expires_at) VALUES ($1, $2, $3::jsonb, $4, $5)
         ON CONFLICT (space, key) DO UPDATE SET value = excluded.value, written_at = excluded.written_at, expires_at = excluded.expires_at`,
        [space.name, key, json, now, now + space.ttlMs],
      );
      await c.query(
        'DELETE FROM sb_state WHERE space = $1 AND key IN (SELECT key FROM sb_state WHERE space = $1 AND expires_at <= $2 ORDER BY expires_at LIMIT $3)',
        [space.name, now, EXPIRED_PER_WRITE],
      );
      const size = (await c.query<{ records: number }>('SELECT records FROM sb_state_size WHERE space = $1', [space.name])).rows[0]?.records ?? 0;
      if (size > space.maxRecords) {
        await c.query('DELETE FROM sb_state WHERE space = $1 AND key IN (SELECT key FROM sb_state WHERE space = $1 ORDER BY expires_at LIMIT $2)', [space.name, size - space.maxRecords]);
      }
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  async delete(space: StateSpace, key: string): Promise<void> {
    await this.pool.query('DELETE FROM sb_state WHERE space = $1 AND key = $2', [space.name, key]);
  }

  async list(space: StateSpace, limit: number): Promise<StoredRecord[]> {
    const r = await this.pool.query<{ key: string; value: unknown; written_at: string }>(
      'SELECT key, value, written_at FROM sb_state WHERE space = $1 AND expires_at > $2 ORDER BY written_at, key LIMIT $3', [space.name, this.now(), limit]);
    return r.rows.map((row) => ({ key: row.key, value: row.value, writtenAt: Number(row.written_at) }));
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
