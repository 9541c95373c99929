// The state store in a real PostgreSQL: the same promises as the SQLite one (expiry, the cap,
// values of another shape), and what several bot processes need of it: two stores (two
// processes' connections) see each other's writes at once, and many writes at the same moment
// are all kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAnswerContext } from '../../src/discord/answerState.ts';
import { createLogger } from '../../src/discord/log.ts';
import { PostgresStateStore } from '../../src/discord/postgresStateStore.ts';
import { SPACES, StateRecords } from '../../src/discord/stateStore.ts';
import { pgUnavailable, startPgServer, type PgServer } from '../helpers/pgServer.ts';
import { stateStoreContract } from '../helpers/stateStoreContract.ts';

const why = await pgUnavailable();
if (why) console.warn(why);

describe.skipIf(why !== null)('the PostgreSQL state store', () => {
  let server: PgServer;
  let url: string;
  beforeAll(async () => {
    server = await startPgServer();
    url = await server.createDatabase('state');
  });
  afterAll(async () => server?.stop());

  stateStoreContract(async (now) => PostgresStateStore.open(url, { now }));

  it('two processes share it: a write by one is read by the other at once, and 200 writes at the same moment are all kept', async () => {
    const log = createLogger(() => undefined);
    const [a, b] = [await PostgresStateStore.open(url), await PostgresStateStore.open(url)];
    const threadsA = new StateRecords(a, SPACES.threads, isAnswerContext, log);
    const threadsB = new StateRecords(b, SPACES.threads, isAnswerContext, log);
    const ctx = (q: string) => ({ command: 'search' as const, query: q, page: 1 });
    expect(await threadsA.set('t1', ctx('from a'))).toBe(true);
    expect(await threadsB.get('t1')).toEqual(ctx('from a'));
    const kept = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? threadsA : threadsB).set(`many-${i}`, ctx(`q${i}`))));
    expect(kept.every(Boolean)).toBe(true);
    const all = await a.list(SPACES.threads, 1000);
    expect(all.filter((r) => r.key.startsWith('many-'))).toHaveLength(200);
    await a.close();
    await b.close();
  });
});
