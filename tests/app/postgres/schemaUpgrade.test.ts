// An archive imported by the previous schema (1: no word_pos) is brought up to date when a process
// opens it: the column is computed from the rows already there, equal to what an import writes,
// and timelines (whose neighbours it measures) answer as in memory, without importing again.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../src/app/postgres/database.ts';
import { importFolder } from '../../../src/app/postgres/importFolder.ts';
import { PostgresEngine } from '../../../src/app/postgres/PostgresEngine.ts';
import { SCHEMA_VERSION } from '../../../src/app/postgres/schema.ts';
import { LocalEngine } from '../../../src/app/engine/LocalEngine.ts';
import { openTestCorpus } from '../../helpers/indexFiles.ts';
import { pgUnavailable, startPgServer, type PgServer } from '../../helpers/pgServer.ts';

const why = await pgUnavailable();
if (why) console.warn(why);
const NOW = new Date('2026-11-27T12:00:00Z');
const ROOT = path.resolve(import.meta.dirname, '../../..');

describe.skipIf(why !== null)('an archive of the previous schema', () => {
  let server: PgServer;
  let dir: string;
  beforeAll(async () => {
    server = await startPgServer();
    // Three files of two formats, so that positions restart with each file.
    dir = mkdtempSync(path.join(tmpdir(), 'soundbite-upgrade-'));
    cpSync(path.join(ROOT, 'tests/fixtures/discord-corpus'), dir, { recursive: true });
    cpSync(path.join(ROOT, 'corpus'), dir, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gets word_pos from its rows when opened, as an import writes it, and answers timelines as in memory', async () => {
    const url = await server.createDatabase('upgrade');
    const first = await Database.open({ url });
    await importFolder(first, dir);
    await first.close();
    const sql = new pg.Client({ connectionString: url });
    await sql.connect();
    try {
      const positions = async () => (await sql.query<{ file: string; seq: string; word_pos: number }>('SELECT file, seq, word_pos FROM sb_passage ORDER BY seq')).rows;
      const imported = await positions();
      expect(new Set(imported.map((r) => r.file)).size).toBe(3);
      expect(imported.filter((r) => r.word_pos > 0).length).toBeGreaterThan(imported.length / 2);
      // What schema 1 left: no column, and the version saying so.
      await sql.query(`ALTER TABLE sb_passage DROP COLUMN word_pos; UPDATE sb_meta SET value = '1' WHERE key = 'schema'`);

      const db = await Database.open({ url });
      try {
        expect(await positions()).toEqual(imported);
        expect((await sql.query(`SELECT value FROM sb_meta WHERE key = 'schema'`)).rows[0].value).toBe(SCHEMA_VERSION);
        const engine = await PostgresEngine.open(db, dir);
        const memory = LocalEngine.ofLive((await openTestCorpus(dir)).live);
        for (const topic of ['harbour ferry', 'Kim Jong-un summit']) {
          const want = await memory.run({ command: 'timeline', args: { topic } }, NOW);
          expect(want.ok && want.answer.total).toBeGreaterThan(0);
          expect(await engine.run({ command: 'timeline', args: { topic } }, NOW)).toEqual(want);
        }
        await engine.close();
      } finally {
        await db.close();
      }
    } finally {
      await sql.end();
    }
  }, 120_000);
});
