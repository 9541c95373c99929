// The test PostgreSQL itself: a primary from the registry package's binaries, with pg_trgm, and a
// hot standby streaming from it. Every PostgreSQL test stands on this.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgUnavailable, startPgServer, type PgServer } from '../../helpers/pgServer.ts';

const why = await pgUnavailable();
if (why) console.warn(why);

describe.skipIf(why !== null)('a PostgreSQL on loopback for the tests', () => {
  let primary: PgServer;
  let replica: PgServer;
  beforeAll(async () => {
    primary = await startPgServer();
    replica = await primary.startReplica();
  });
  afterAll(async () => {
    await replica?.stop();
    await primary?.stop();
  });

  it('has pg_trgm, and a replica that sees what the primary commits', async () => {
    const url = await primary.createDatabase('probe');
    const w = new pg.Client({ connectionString: url });
    await w.connect();
    try {
      await w.query('CREATE EXTENSION pg_trgm');
      await w.query('CREATE TABLE t (x text)');
      await w.query(`INSERT INTO t VALUES ('receptive')`);
      expect((await w.query(`SELECT similarity('receptive', 'receptiv') > 0.5 AS near`)).rows[0].near).toBe(true);
    } finally {
      await w.end();
    }
    // The standby replays the CREATE DATABASE a moment after the primary commits it.
    const replicaUrl = url.replace(`:${primary.port}/`, `:${replica.port}/`);
    let r = new pg.Client({ connectionString: replicaUrl });
    for (let i = 0; ; i++) {
      try {
        await r.connect();
        break;
      } catch (err) {
        if (i > 100) throw err;
        r = new pg.Client({ connectionString: replicaUrl });
        await new Promise((res) => setTimeout(res, 50));
      }
    }
    try {
      expect((await r.query('SELECT pg_is_in_recovery() AS standby')).rows[0].standby).toBe(true);
      let rows: unknown[] = [];
      for (let i = 0; i < 100 && rows.length === 0; i++) {
        rows = (await r.query(`SELECT x FROM t`).catch(() => ({ rows: [] }))).rows;
        if (rows.length === 0) await new Promise((res) => setTimeout(res, 50));
      }
      expect(rows).toEqual([{ x: 'receptive' }]);
      await expect(r.query(`INSERT INTO t VALUES ('no')`)).rejects.toThrow(/read-only/);
    } finally {
      await r.end();
    }
  });
});
