// The archive in PostgreSQL as a newsroom runs it: `soundbite import` loads a folder (incrementally,
// by fingerprint) and the terminal answers from the database even when the folder is gone; an
// upload in one process is in another's answers within seconds (LISTEN/NOTIFY); no question sees
// half a file; and questions go to a streaming replica while writes go to the primary.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../src/app/postgres/database.ts';
import { PostgresEngine } from '../../../src/app/postgres/PostgresEngine.ts';
import type { Io } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/runCli.ts';
import { pgUnavailable, startPgServer, type PgServer } from '../../helpers/pgServer.ts';

const why = await pgUnavailable();
if (why) console.warn(why);
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/discord-corpus');
const NOW = new Date('2026-11-27T12:00:00Z');

function cli(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), env, stdin: Object.assign(new PassThrough(), { isTTY: true }), stdout: new PassThrough(), stdoutIsTTY: false, now: () => NOW };
  return { io, out, err };
}

const until = async (check: () => Promise<boolean> | boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('not within the time allowed');
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** A transcript of one new speaker with `n` passages, in the fixtures' format. */
function transcript(name: string, n: number): string {
  const parts = [' date 2025-05-01 [Evening Desk] “Lighthouse keepers return”', '', '[LEAD]', '', 'The lighthouse is staffed again.', ''];
  for (let i = 0; i < n; i++) parts.push(`${name} / Lighthouse Keeper`, '', `The lamp number ${i} was polished with great care before the storm reached the northern harbour.`, '');
  return parts.join('\n');
}

describe.skipIf(why !== null)('the archive in PostgreSQL', () => {
  let primary: PgServer;
  let replica: PgServer;
  let url: string;
  beforeAll(async () => {
    primary = await startPgServer();
    url = await primary.createDatabase('newsroom');
    replica = await primary.startReplica();
  });
  afterAll(async () => {
    await replica?.stop();
    await primary?.stop();
  });

  it('imports a folder by fingerprint with a progress bar, and answers from the database when the folder is gone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'soundbite-import-'));
    cpSync(FIXTURES, dir, { recursive: true });
    const env = { SOUNDBITE_DATABASE_URL: url };
    const first = cli(env);
    expect(await runCli(['import', '--corpus', dir, '--json'], first.io)).toBe(0);
    expect(JSON.parse(first.out[0]!)).toMatchObject({ reread: 2, removed: 0, files: 2 });
    expect(first.err.some((l) => /^\[#+\] 2 \/ 2 files/.test(l))).toBe(true);
    // Nothing changed: nothing read.
    const again = cli(env);
    await runCli(['import', '--corpus', dir, '--json'], again.io);
    expect(JSON.parse(again.out[0]!)).toMatchObject({ reread: 0, removed: 0 });
    // One file changed, one removed.
    const ferry = path.join(dir, '001_harbour_ferry.txt');
    writeFileSync(ferry, readFileSync(ferry, 'utf8').replace('two months free', 'three months free'));
    rmSync(path.join(dir, '002_harbour_budget.txt'));
    const third = cli(env);
    await runCli(['import', '--corpus', dir, '--json'], third.io);
    expect(JSON.parse(third.out[0]!)).toMatchObject({ reread: 1, removed: 1, files: 1 });
    rmSync(dir, { recursive: true });
    const ask = cli({ ...env, SOUNDBITE_CORPUS: dir });
    expect(await runCli(['who-said', 'every islander who paid for a season pass gets three months free', '--json'], ask.io)).toBe(0);
    const answer = JSON.parse(ask.out[0]!) as { verdict: string; results: Array<{ speaker: { name: string } }> };
    expect(answer.verdict).toBe('exact');
    expect(answer.results[0]!.speaker.name).toBe('Mara Quell');
  });

  it('an upload in one process is in another process\'s answers within seconds, and no question sees half of it', async () => {
    const [dbA, dbB] = [await Database.open({ url }), await Database.open({ url })];
    const [a, b] = [await PostgresEngine.open(dbA, null), await PostgresEngine.open(dbB, null)];
    const before = b.figures().passages;
    const quotes = { command: 'quotes' as const, args: { speaker: 'Ada Lindqvist' } };
    // Questions keep coming while the upload is written: each sees none of its 120 passages or all.
    let asking = true;
    const seen = new Set<number>();
    const asker = (async () => {
      while (asking) {
        const out = await b.run({ command: 'timeline', args: { topic: 'lamp polished storm' } }, NOW, 1000);
        seen.add(out.ok ? (out.answer.stories ?? []).reduce((n, story) => n + story.passages.length, 0) : -1);
      }
    })();
    const written = await a.ingest('lighthouse.txt', Buffer.from(transcript('Ada Lindqvist', 120)));
    expect(written).toMatchObject({ ok: true, status: 'written', file: 'uploads/lighthouse.txt' });
    await until(() => b.figures().passages === before + 121);
    asking = false;
    await asker;
    expect([...seen].every((n) => n === 0 || n === 120)).toBe(true);
    const out = await b.run(quotes, NOW, 1000);
    expect(out.ok && out.answer.total).toBe(120);
    // The same bytes again are recognised.
    expect(await b.ingest('again.txt', Buffer.from(transcript('Ada Lindqvist', 120)))).toMatchObject({ ok: true, status: 'duplicate', file: 'uploads/lighthouse.txt' });
    for (const e of [a, b]) await e.close();
    await dbA.close();
    await dbB.close();
  });

  it('questions go to the read replica, writes to the primary, and the replica answers what the primary wrote', async () => {
    const replicaUrl = url.replace(`:${primary.port}/`, `:${replica.port}/`);
    const db = await Database.open({ url, replicas: [replicaUrl] });
    const engine = await PostgresEngine.open(db, null);
    await engine.ingest('keepers.txt', Buffer.from(transcript('Ines Moreau', 3)));
    const asked = { command: 'who-said' as const, args: { quote: 'The lamp number 2 was polished with great care' } };
    let name: string | undefined;
    await until(async () => {
      const out = await engine.run(asked, NOW);
      name = out.ok ? out.answer.items[0]?.passage.speaker.name : undefined;
      return name === 'Ines Moreau';
    });
    expect(db.replicas[0]!.totalCount).toBeGreaterThan(0);
    const onReplica = await db.reader().query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
    expect(onReplica.rows[0]!.standby).toBe(true);
    await engine.close();
    await db.close();
  });
});
