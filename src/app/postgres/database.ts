// The connections: a pool to the primary (every write, and questions when there is no replica),
// pools to read replicas (questions, in turn), and one connection that LISTENs for changes so
// each process drops what it cached within moments of another process's write.
import pg from 'pg';
import { CHANGED_CHANNEL, ensureSchema } from './schema.ts';

export interface DatabaseOptions {
  /** SOUNDBITE_DATABASE_URL: the primary. */
  url: string;
  /** SOUNDBITE_DATABASE_REPLICA_URLS: read-only standbys for questions. */
  replicas?: readonly string[];
  /** Connections per pool. */
  poolSize?: number;
}

export class Database {
  readonly primary: pg.Pool;
  readonly replicas: pg.Pool[];
  private next = 0;
  private listener: pg.Client | null = null;
  private readonly onChange = new Set<(version: number) => void>();

  /** The primary's address, as given. */
  readonly url: string;

  private constructor(opts: DatabaseOptions) {
    this.url = opts.url;
    const max = opts.poolSize ?? 8;
    // A broken idle connection is dropped by the pool; the error must not crash the process.
    const quiet = (pool: pg.Pool) => pool.on('error', () => undefined);
    this.primary = new pg.Pool({ connectionString: opts.url, max });
    quiet(this.primary);
    this.replicas = (opts.replicas ?? []).map((url) => new pg.Pool({ connectionString: url, max }));
    this.replicas.forEach(quiet);
  }

  /** Connects, creates the tables if missing, and starts listening for changes. */
  static async open(opts: DatabaseOptions): Promise<Database> {
    const db = new Database(opts);
    try {
      const client = await db.primary.connect();
      try {
        await ensureSchema(client);
      } finally {
        client.release();
      }
      await db.listen();
    } catch (err) {
      await db.close();
      throw err;
    }
    return db;
  }

  /** Where questions are asked: the replicas in turn, else the primary. */
  reader(): pg.Pool {
    if (this.replicas.length === 0) return this.primary;
    return this.replicas[this.next++ % this.replicas.length]!;
  }

  /** Called with the archive's new version whenever any process commits a write. */
  onChanged(f: (version: number) => void): () => void {
    this.onChange.add(f);
    return () => this.onChange.delete(f);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('error', () => undefined);
    await client.connect();
    client.on('notification', (n) => {
      if (n.channel !== CHANGED_CHANNEL) return;
      let version = 0;
      try {
        version = Number((JSON.parse(n.payload ?? '{}') as { version?: number }).version ?? 0);
      } catch {
        // An unreadable payload still means "something changed".
      }
      for (const f of this.onChange) f(version);
    });
    await client.query(`LISTEN ${CHANGED_CHANNEL}`);
    this.listener = client;
  }

  async close(): Promise<void> {
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
    await Promise.all([this.primary, ...this.replicas].map((p) => p.end().catch(() => undefined)));
  }
}
