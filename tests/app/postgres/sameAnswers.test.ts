// The two backends give the same answers on the same corpus: the dev set's real transcripts (and
// the seed) opened in memory and imported into a real PostgreSQL, then every dev-set question and
// a spread of the other commands asked of both, answers compared whole.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invocation } from '../../../src/core/ask/commands.ts';
import { pgUnavailable, startPgServer, type PgServer } from '../../helpers/pgServer.ts';
import { openBoth, type TwoBackends } from '../../helpers/twoBackends.ts';

const why = await pgUnavailable();
if (why) console.warn(why);
const NOW = new Date('2026-11-27T12:00:00Z');
const DEV = path.resolve(import.meta.dirname, '../../../../shared/dev');
const SEED = path.resolve(import.meta.dirname, '../../../corpus');

interface DevItem { kind: 'who-said' | 'timeline'; query: string }

function devQuestions(): Invocation[] {
  const out: Invocation[] = [];
  for (const set of ['dev.jsonl', 'dev2.jsonl']) {
    const file = path.join(DEV, set);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').trim().split('\n')) {
      const it = JSON.parse(line) as DevItem;
      out.push(it.kind === 'timeline' ? { command: 'timeline', args: { topic: it.query } } : { command: 'who-said', args: { quote: it.query } });
    }
  }
  return out;
}

/** Questions of every command, some with filters, some misremembered or nobody's words. */
const SEED_QUESTIONS: Invocation[] = [
  { command: 'who-said', args: { quote: 'receptive to correspondence' } },
  { command: 'who-said', args: { quote: 'I walked across the line' } },
  { command: 'who-said', args: { quote: 'wants to improve relations with North Korean leader' } },
  { command: 'who-said', args: { quote: 'we will build a wall on the moon' } },
  { command: 'who-said', args: { quote: '“The President remains open to correspondance with Kim Jong-un”' } },
  { command: 'who-said', args: { quote: 'the progress that was made at that summit', speaker: 'Leavitt' } },
  { command: 'who-said', args: { quote: 'the progress that was made at that summit', since: '2026' } },
  { command: 'timeline', args: { topic: 'Kim Jong-un' } },
  { command: 'timeline', args: { topic: 'Singapore summit', since: '2025-01-01' } },
  { command: 'timeline', args: { topic: 'singapor' } },
  // At the edges of a month-dated passage (spoken 2025-03): its last day, and the day after.
  { command: 'timeline', args: { topic: 'line', since: '2025-03-31' } },
  { command: 'timeline', args: { topic: 'line', since: '2025-04-01' } },
  { command: 'timeline', args: { topic: 'line', until: '2025-03-01' } },
  { command: 'timeline', args: { speaker: 'Trump' } },
  { command: 'quotes', args: { speaker: 'Leavitt' } },
  { command: 'quotes', args: { speaker: 'Trump', topic: 'Kim' } },
  { command: 'search', args: { query: 'summit Singapore' } },
  { command: 'search', args: { query: 'corespondence' } },
  { command: 'search', args: { query: 'leavitt' } },
  { command: 'speakers', args: {} },
  { command: 'speakers', args: { name: 'Ka' } },
  { command: 'context', args: { id: '1mmnv060xghe2o-31' } },
  { command: 'context', args: { id: 'nosuchid-1' } },
  { command: 'when', args: { id: '1mmnv060xghe2o-61' } },
];

describe.skipIf(why !== null)('the in-memory and PostgreSQL backends answer alike', () => {
  let server: PgServer;
  const opened: TwoBackends[] = [];
  beforeAll(async () => {
    server = await startPgServer();
  });
  afterAll(async () => {
    for (const o of opened) await o.close();
    await server?.stop();
  });

  async function both(dir: string, name: string) {
    const e = await openBoth(server, dir, name);
    opened.push(e);
    return e;
  }

  async function compare(e: TwoBackends, questions: readonly Invocation[], pages = [1, 2]) {
    expect(questions.length).toBeGreaterThan(0);
    for (const inv of questions) {
      for (const page of pages) {
        const asked = { ...inv, page };
        const [a, b] = [await e.memory.run(asked, NOW), await e.engine.run(asked, NOW)];
        expect.soft(b, `${inv.command} ${JSON.stringify(inv.args)} page ${page}`).toEqual(a);
      }
    }
  }

  it('on the seed transcript, every command', async () => {
    const e = await both(SEED, 'seed');
    expect(e.engine.figures()).toEqual({ passages: 14, files: 1 });
    await compare(e, SEED_QUESTIONS);
    expect(await e.engine.stats()).toEqual(await e.memory.stats());
    expect(await e.engine.suggestSpeakers('ka', 5)).toEqual(await e.memory.suggestSpeakers('ka', 5));
  }, 60_000);

  it.skipIf(!existsSync(path.join(DEV, 'corpus')))('on the dev set (../shared/dev), every question of dev.jsonl and dev2.jsonl', async () => {
    const e = await both(path.join(DEV, 'corpus'), 'dev');
    expect(e.engine.figures()).toEqual(e.memory.figures());
    await compare(e, devQuestions(), [1]);
    expect((await e.engine.programs()).sort()).toEqual((await e.memory.programs()).sort());
  }, 240_000);
});
