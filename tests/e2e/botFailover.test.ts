// Several bot processes on one PostgreSQL archive (issue 13): `npm start` with SOUNDBITE_DATABASE_URL
// in its own process answers from the database; killed (SIGKILL) right after an answer, it has
// lost nothing it acknowledged: another process, taking over the shard, answers that answer's
// buttons and its thread's follow-ups in context, from the state both keep in the database.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord-api-types/v10';
import { Database } from '../../src/app/postgres/database.ts';
import { importFolder } from '../../src/app/postgres/importFolder.ts';
import { pgUnavailable, startPgServer, type PgServer } from '../helpers/pgServer.ts';
import { DiscordDouble } from './double/DiscordDouble.ts';
import { buttonsOf, embedOf, poll, register, tempDataDir } from './botHarness.ts';

const why = await pgUnavailable();
if (why) console.warn(why);
const root = path.resolve(import.meta.dirname, '../..');
const corpus = path.join(root, 'tests/fixtures/discord-corpus');

describe.skipIf(why !== null)('bot processes sharing the archive in PostgreSQL', () => {
  let server: PgServer;
  let url: string;
  let d: DiscordDouble;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    server = await startPgServer();
    url = await server.createDatabase('bots');
    const db = await Database.open({ url });
    await importFolder(db, corpus);
    await db.close();
    d = await DiscordDouble.start();
    await register(d);
  });

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await d?.stop();
    await server?.stop();
  });

  /** `npm start` in its own process on the database, shard 0 of 1; resolves once online. Without
   * a folder, the archive is the database's; with one, the process imports it as it changes. */
  async function startProcess(opts: { url?: string; folder?: string } = {}) {
    const child = spawn(process.execPath, [path.join(root, 'bin/soundbite.mjs'), 'start'], {
      cwd: await tempDataDir(),
      env: {
        PATH: process.env.PATH ?? '', DISCORD_TOKEN: d.token, DISCORD_APPLICATION_ID: d.applicationId, DISCORD_API_URL: d.restBase,
        SOUNDBITE_DATABASE_URL: opts.url ?? url, SOUNDBITE_SHARDS: '0', SOUNDBITE_SHARD_COUNT: '1',
        SOUNDBITE_CORPUS: opts.folder ?? path.join(await tempDataDir(), 'none'), SOUNDBITE_DATA_DIR: await tempDataDir(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const out = { stdout: '', stderr: '' };
    child.stdout!.on('data', (b: Buffer) => (out.stdout += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (out.stderr += b.toString()));
    await poll(() => (out.stdout.includes('Soundbite is online') ? true : undefined), 20_000, `the online line (stderr: ${out.stderr})`);
    return { child, out };
  }

  it('a process killed after answering loses nothing: the next one answers its buttons and thread in context', async () => {
    const first = await startProcess();
    expect(first.out.stdout).toMatch(/online as .* \(shards 0 of 1\), answering from \d+ passages in PostgreSQL/);
    const answer: APIMessage = await d.slashCommand({ name: 'who-said', options: { quote: 'the ferry will be back before the school holidays' } }).final({ timeoutMs: 10_000 });
    expect(fieldOrTitle(answer)).toContain('Mara Quell');
    const thread = await d.waitUntil(() => d.threads().find((t) => t.id === answer.id), 10_000, 'the answer\'s thread');
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    await startProcess();
    const more = await d.clickButton({ customId: buttonsOf(answer).get('More context')!, message: answer }).final({ timeoutMs: 10_000 });
    expect(JSON.stringify(more.embeds)).toContain('school holidays');
    const before = d.messagesIn(thread.id).filter((m) => m.author.id === d.world.botUser.id).length;
    d.userMessage({ channelId: thread.id, content: 'when was that?' });
    const when = await d.waitUntil(() => d.messagesIn(thread.id).filter((m) => m.author.id === d.world.botUser.id)[before], 10_000, 'the follow-up answer');
    expect(embedOf(when).title).toBe('When');
  }, 60_000);
});

describe.skipIf(why !== null)('following a topic on the PostgreSQL archive', () => {
  let server: PgServer;
  let d: DiscordDouble;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    server = await startPgServer();
    d = await DiscordDouble.start();
    await register(d);
  });

  afterAll(async () => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    await d?.stop();
    await server?.stop();
  });

  it('a transcript added to the folder the process imports is posted to the channel that follows its topic', async () => {
    const url = await server.createDatabase('follows');
    const folder = await tempDataDir();
    cpSync(corpus, folder, { recursive: true });
    child = spawn(process.execPath, [path.join(root, 'bin/soundbite.mjs'), 'start'], {
      cwd: await tempDataDir(),
      env: {
        PATH: process.env.PATH ?? '', DISCORD_TOKEN: d.token, DISCORD_APPLICATION_ID: d.applicationId, DISCORD_API_URL: d.restBase,
        SOUNDBITE_DATABASE_URL: url, SOUNDBITE_CORPUS: folder, SOUNDBITE_DATA_DIR: await tempDataDir(),
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
    await poll(() => (stdout.includes('Soundbite is online') ? true : undefined), 20_000, 'the online line');
    const followed = await d.slashCommand({ name: 'follow', options: { topic: 'lighthouse repairs' } }).final({ timeoutMs: 10_000 });
    expect(followed.content).toMatch(/^Following “lighthouse repairs” here/);
    writeFileSync(path.join(folder, '2025-03-05-lighthouse.txt'), 'Lighthouse hearing, March 5, 2025\n\nJANE ROE: The lighthouse repairs start in May.\nANA FLORES: The lighthouse repairs will cost two million.\n');
    const post = await d.waitUntil(() => d.messagesIn(d.channelId).find((m) => m.author.bot && m.embeds[0]?.title === 'New on “lighthouse repairs”'), 15_000, 'the follow post');
    expect(JSON.stringify(post.embeds)).toContain('2025-03-05-lighthouse.txt');
  }, 60_000);
});

function fieldOrTitle(m: APIMessage): string {
  return JSON.stringify(m.embeds);
}
