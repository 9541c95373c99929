// The bot's state store on real files: expiry and the cap, a damaged file set aside, the JSON
// files of earlier versions carried over, a store that cannot be written degrading to "not
// kept" (logged, no stray files), a bad data folder named, two processes writing at once, and
// a process killed mid-write losing nothing it was told was kept.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAnswerContext } from '../../src/discord/answerState.ts';
import { createLogger } from '../../src/discord/log.ts';
import { checkDataDir, DataDirError, openStateStore, STATE_FILE } from '../../src/discord/openStateStore.ts';
import { SqliteStateStore } from '../../src/discord/sqliteStateStore.ts';
import { SPACES, StateRecords } from '../../src/discord/stateStore.ts';
import { stateStoreContract } from '../helpers/stateStoreContract.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = () => mkdtemp(path.join(tmpdir(), 'soundbite-state-'));
const ctx = (query: string) => ({ command: 'search' as const, query, page: 1 });

function logs() {
  const lines: string[] = [];
  const log = createLogger((l) => lines.push(l));
  const events = () => lines.map((l) => JSON.parse(l) as { event: string } & Record<string, unknown>);
  return { log, events };
}


describe('the SQLite state store', () => {
  let file = '';
  beforeAll(async () => {
    file = path.join(await dataDir(), STATE_FILE);
  });
  stateStoreContract(async (now) => SqliteStateStore.open(file, { now }));

  it('reads a record another version wrote in another shape as absent', async () => {
    const dir = await dataDir();
    const { log } = logs();
    const store = openStateStore(dir, log);
    await store.put(SPACES.threads, 'old', { command: 'who-said', query: 'x' }); // no page
    const threads = new StateRecords(store, SPACES.threads, isAnswerContext, log);
    expect(await threads.get('old')).toBeUndefined();
    expect(await threads.set('new', ctx('n'))).toBe(true);
    expect(await threads.get('new')).toEqual(ctx('n'));
    await store.close();
  });
});

describe('opening the store in the data folder', () => {
  it('a data folder that is a file, or sits under one, is named as such', async () => {
    const dir = await dataDir();
    const file = path.join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    expect(() => checkDataDir(file)).toThrow(DataDirError);
    expect(() => checkDataDir(file)).toThrow(`${file} is a file, not a folder`);
    expect(() => checkDataDir(path.join(file, 'data'))).toThrow(/cannot be created: part of the path is a file, not a folder/);
  });

  it('a damaged state file is reported, set aside under a new name, and a fresh one used', async () => {
    const dir = await dataDir();
    writeFileSync(path.join(dir, STATE_FILE), 'these bytes are not a SQLite database, whatever the name says. '.repeat(200));
    const { log, events } = logs();
    const store = openStateStore(dir, log);
    expect(await store.get(SPACES.threads, 'x')).toBeUndefined();
    await store.put(SPACES.threads, 'x', ctx('x'));
    expect(await store.get(SPACES.threads, 'x')).toEqual(ctx('x'));
    await store.close();
    const damaged = events().find((e) => e.event === 'state_file_damaged');
    expect(damaged).toMatchObject({ file: path.join(dir, STATE_FILE), setAsideAs: expect.stringMatching(/state\.db\.damaged-/) });
    const aside = readdirSync(dir).filter((f) => f.startsWith('state.db.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0]!), 'utf8')).toContain('not a SQLite database');
  });

  it('damage inside a valid file (a page overwritten) is found by the integrity check and set aside', async () => {
    const dir = await dataDir();
    const file = path.join(dir, STATE_FILE);
    const store = SqliteStateStore.open(file);
    for (let i = 0; i < 400; i++) await store.put(SPACES.answers, `k${i}`, { context: ctx(`question ${i} `.repeat(10)) });
    await store.close();
    // Fold the write-ahead log in, then overwrite the third page with garbage.
    const raw = new Database(file);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const bytes = readFileSync(file);
    bytes.fill(0xa5, 4096 * 2, 4096 * 3);
    writeFileSync(file, bytes);
    const { log, events } = logs();
    const reopened = openStateStore(dir, log);
    expect(events().map((e) => e.event)).toContain('state_file_damaged');
    expect(await reopened.get(SPACES.answers, 'k1')).toBeUndefined();
    await reopened.put(SPACES.answers, 'fresh', { context: ctx('f') });
    expect(await reopened.get(SPACES.answers, 'fresh')).toEqual({ context: ctx('f') });
    await reopened.close();
  });

  it('carries over the JSON files of earlier versions once, one vote per user per answer, and sets a damaged one aside', async () => {
    const dir = await dataDir();
    const ref = { context: { command: 'who-said', query: 'the ferry', page: 1, focusId: 'p1' }, passageId: 'p1', speaker: 'Mara Quell' };
    writeFileSync(path.join(dir, 'answers.json'), JSON.stringify({ k1: ref, bad: { nope: true } }));
    writeFileSync(path.join(dir, 'threads.json'), '{"123": {"command": "search", "qu'); // cut off mid-write
    const vote = { time: '2025-01-01T00:00:00.000Z', verdict: 'right', passageId: 'p1', query: 'the ferry', command: 'who-said', userId: 'u1', interactionId: 'i1' };
    writeFileSync(path.join(dir, 'feedback.jsonl'), [vote, { ...vote, verdict: 'wrong_speaker', interactionId: 'i2' }, { ...vote, userId: 'u2', interactionId: 'i3' }].map((v) => JSON.stringify(v)).join('\n') + '\n');
    const { log, events } = logs();
    const store = openStateStore(dir, log);
    expect(await store.get(SPACES.answers, 'k1')).toEqual(ref);
    expect(await store.get(SPACES.answers, 'bad')).toBeUndefined();
    const votes = (await store.list(SPACES.votes, 10)).map((r) => r.value as { userId: string; verdict: string });
    expect(votes.map((v) => `${v.userId}:${v.verdict}`).sort()).toEqual(['u1:wrong_speaker', 'u2:right']);
    await store.close();
    expect(readdirSync(dir).sort()).toEqual(['answers.json.imported', 'feedback.jsonl.imported', STATE_FILE, 'threads.json.damaged'].sort());
    expect(events().filter((e) => e.event === 'state_file_damaged')).toEqual([expect.objectContaining({ file: path.join(dir, 'threads.json') })]);
  });

  it('a state file that cannot be opened is reported, and every write then says it was not kept', async () => {
    const dir = await dataDir();
    // A folder where the file should be: SQLite cannot open it, even for root.
    mkdirSync(path.join(dir, STATE_FILE));
    const { log, events } = logs();
    const store = openStateStore(dir, log);
    expect(events()).toEqual([expect.objectContaining({ event: 'state_store_unavailable', level: 'error' })]);
    const threads = new StateRecords(store, SPACES.threads, isAnswerContext, log);
    expect(await threads.set('t', ctx('t'))).toBe(false);
    expect(await threads.get('t')).toBeUndefined();
    expect(events().at(-1)).toMatchObject({ event: 'state_write_failed', space: 'threads', key: 't' });
  });

  it('a full store keeps answering reads, says each write was not kept, and leaves no stray files', async () => {
    const dir = await dataDir();
    const { log, events } = logs();
    const store = openStateStore(dir, log, { maxBytes: 64 * 1024 });
    const answers = new StateRecords(store, SPACES.answers, (v): v is { text: string } => typeof v === 'object' && v !== null, log);
    const results: boolean[] = [];
    for (let i = 0; i < 60; i++) results.push(await answers.set(`k${i}`, { text: `answer ${i} `.repeat(200) }));
    expect(results[0]).toBe(true);
    expect(results.at(-1)).toBe(false);
    expect(await answers.get('k0')).toBeDefined();
    const failed = events().filter((e) => e.event === 'state_write_failed');
    expect(failed.length).toBe(results.filter((r) => !r).length);
    expect(JSON.stringify(failed[0])).toMatch(/SQLITE_FULL|full/);
    await store.close();
    expect(readdirSync(dir).sort()).toEqual([STATE_FILE]);
  });

  it('a store another process holds locked says the write was not kept, after a short wait', async () => {
    const dir = await dataDir();
    const { log } = logs();
    const store = openStateStore(dir, log, { busyTimeoutMs: 10, writePatienceMs: 100 });
    const holder = new Database(path.join(dir, STATE_FILE));
    holder.exec('BEGIN EXCLUSIVE');
    const threads = new StateRecords(store, SPACES.threads, isAnswerContext, log);
    expect(await threads.set('t', ctx('t'))).toBe(false);
    holder.exec('ROLLBACK');
    holder.close();
    expect(await threads.set('t', ctx('t'))).toBe(true);
    await store.close();
  });
});

/** Runs tests/helpers/stateWriter.ts in its own process (as another user when `uid` is given). */
function writer(dir: string, prefix: string, count: number, uid?: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/helpers/stateWriter.ts'), dir, prefix, String(count)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...(uid !== undefined ? { uid, gid: uid } : {}) });
  const acked: string[] = [];
  let partial = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => {
    const lines = (partial + b.toString()).split('\n');
    partial = lines.pop() ?? '';
    acked.push(...lines);
  });
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, acked, exited, stderr: () => stderr };
}

// Root may write anywhere, so a read-only folder needs another user, who must be able to read
// the project (a checkout under a private folder, `mktemp -d`, is closed to them): the tests run
// as root here and in CI; elsewhere this one is skipped, saying why.
const asRoot = process.getuid?.() === 0;
const nobodyReads = asRoot && spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(path.join(root, 'node_modules/tsx/package.json'))})`], { uid: 65534, gid: 65534 }).status === 0;
if (asRoot && !nobodyReads) console.warn('user nobody cannot read this checkout; the read-only data folder test is skipped');

describe('a data folder the bot may not write', () => {
  it.skipIf(!nobodyReads)('is reported as such, and each write says it was not kept (run as user nobody)', async () => {
    const dir = await dataDir(); // 0700, owned by root
    chmodSync(dir, 0o755);
    const w = writer(dir, 'ro', 1, 65534);
    expect(await w.exited).not.toBe(0);
    expect(w.stderr()).toContain('"event":"state_store_unavailable"');
    expect(w.stderr()).toMatch(/SQLITE_CANTOPEN|read-only/);
    expect(w.acked).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  }, 30_000);
});

describe('two processes and a crash', () => {
  it('two processes writing 200 thread contexts each into one data folder keep all 400', async () => {
    const dir = await dataDir();
    const a = writer(dir, 'a', 200);
    const b = writer(dir, 'b', 200);
    expect(await a.exited, a.stderr()).toBe(0);
    expect(await b.exited, b.stderr()).toBe(0);
    const store = SqliteStateStore.open(path.join(dir, STATE_FILE));
    const keys = new Set((await store.list(SPACES.threads, 1000)).map((r) => r.key));
    await store.close();
    expect(keys.size).toBe(400);
    for (let i = 0; i < 200; i++) expect(keys.has(`a-${i}`) && keys.has(`b-${i}`)).toBe(true);
  }, 30_000);

  it('a process killed mid-write loses nothing it was told was kept, and the file stays whole', async () => {
    const dir = await dataDir();
    const w = writer(dir, 'k', 0);
    const deadline = Date.now() + 15_000;
    while (w.acked.length < 150 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    w.child.kill('SIGKILL');
    await w.exited;
    const acked = [...w.acked];
    expect(acked.length).toBeGreaterThanOrEqual(150);
    const { log, events } = logs();
    const store = openStateStore(dir, log);
    expect(events().map((e) => e.event)).not.toContain('state_file_damaged');
    for (const key of acked) expect(await store.get(SPACES.threads, key), key).toEqual(ctx(key));
    await store.close();
  }, 30_000);
});
