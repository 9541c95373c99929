// The bot's answer path with its state store at the cap, against an empty store (issue 12): per
// answer, what the bot does for a question asked in a channel, short of Discord itself: ask()
// (the core question, the button state written, the embed rendered) and the thread's context
// registered. Both stores are real SQLite files in the bench's temporary folder; answers
// alternate between them, so both see the same machine. Target: p99 at the cap within 10 ms of
// the p99 with empty state.
import { statSync } from 'node:fs';
import path from 'node:path';
import { ask } from '../src/discord/ask.ts';
import { isAnswerContext, isAnswerRef } from '../src/discord/answerState.ts';
import type { BotDeps } from '../src/discord/botDeps.ts';
import { isFeedbackVote } from '../src/discord/feedback.ts';
import { followStore, isFollow } from '../src/discord/follows.ts';
import { createLogger } from '../src/discord/log.ts';
import { SqliteStateStore } from '../src/discord/sqliteStateStore.ts';
import { SPACES, StateRecords } from '../src/discord/stateStore.ts';
import { ThreadContexts } from '../src/discord/threadContexts.ts';
import { LocalEngine } from '../src/app/engine/LocalEngine.ts';
import { CorpusIndex } from '../src/core/search/CorpusIndex.ts';
import { fmtMB, fmtMs, percentiles, timedAsync, type Percentiles } from './measure.ts';
import { Rng, synthCorpus } from './synthCorpus.ts';

export interface StateFigures {
  answers: number;
  /** Records in each space of the full store when the answers began. */
  atCap: { answers: number; threads: number };
  fillMs: number;
  fileMB: number;
  empty: Percentiles;
  full: Percentiles;
  p99DeltaMs: number;
  /** State writes that failed (the answer went without buttons or thread): must be 0. */
  withoutButtons: number;
}

const PASSAGES = 2_000;

function depsFor(index: CorpusIndex, store: SqliteStateStore, now: Date, failed: () => void): BotDeps {
  const log = createLogger((line) => {
    if (line.includes('"state_write_failed"')) failed();
  });
  return {
    engine: LocalEngine.ofIndex(index),
    now: () => now,
    log,
    store,
    answers: new StateRecords(store, SPACES.answers, isAnswerRef, log),
    threads: new ThreadContexts(new StateRecords(store, SPACES.threads, isAnswerContext, log)),
    votes: new StateRecords(store, SPACES.votes, isFeedbackVote, log),
    follows: followStore(new StateRecords(store, SPACES.follows, isFollow, log)),
    deferAfterMs: 1500,
    deferAbovePassages: Infinity,
  };
}

/** What a long-running bot's store holds: a realistic record in every slot of both spaces. */
function fill(store: SqliteStateStore, rng: Rng): void {
  const context = (i: number) => ({ command: 'who-said', query: `the words a journalist remembered, question number ${i}`, page: 1, focusId: `p${rng.int(1e9).toString(36)}-${i}` });
  store.importRecords(SPACES.answers, Array.from({ length: SPACES.answers.maxRecords }, (_, i) => [`k${i.toString(36).padStart(10, '0')}`, { context: context(i), passageId: `p${i}`, speaker: 'Mara Quell' }] as const));
  store.importRecords(SPACES.threads, Array.from({ length: SPACES.threads.maxRecords }, (_, i) => [`${1_300_000_000_000_000_000n + BigInt(i)}`, context(i)] as const));
}

export async function measureStateAnswers(dir: string, opts: { answers: number; seed: number }): Promise<StateFigures> {
  const corpus = synthCorpus({ passages: PASSAGES, seed: opts.seed });
  const index = new CorpusIndex();
  for (const t of corpus.transcripts) index.addTranscript(t);
  const passages = corpus.transcripts.flatMap((t) => t.passages);
  const rng = new Rng(opts.seed);
  const now = new Date('2025-06-01T12:00:00Z');
  const clock = () => now.getTime();
  const emptyStore = SqliteStateStore.open(path.join(dir, 'state-empty.db'), { now: clock });
  const fullFile = path.join(dir, 'state-full.db');
  const fullStore = SqliteStateStore.open(fullFile, { now: clock });
  const t0 = performance.now();
  fill(fullStore, rng);
  const fillMs = performance.now() - t0;
  const atCap = { answers: (await fullStore.list(SPACES.answers, 1e9)).length, threads: (await fullStore.list(SPACES.threads, 1e9)).length };
  let withoutButtons = 0;
  const failed = () => void withoutButtons++;
  const stores = [depsFor(index, emptyStore, now, failed), depsFor(index, fullStore, now, failed)] as const;
  const ms: [number[], number[]] = [[], []];
  let threadId = 1_400_000_000_000_000_000n;
  for (let i = 0; i < opts.answers * 2; i++) {
    const which = (i % 2) as 0 | 1;
    const p = passages[rng.int(passages.length)]!;
    const quote = p.text.split(' ').slice(0, 8).join(' ');
    const deps = stores[which];
    const { ms: took } = await timedAsync(async () => {
      const reply = await ask(deps, { command: 'who-said', args: { quote } });
      if (reply.kind === 'answer') await deps.threads.register(String(threadId++), reply.answer.context);
    });
    ms[which].push(took);
  }
  await emptyStore.close();
  await fullStore.close();
  const empty = percentiles(ms[0]);
  const full = percentiles(ms[1]);
  return { answers: opts.answers, atCap, fillMs, fileMB: statSync(fullFile).size / 1048576, empty, full, p99DeltaMs: full.p99 - empty.p99, withoutButtons };
}

export function printStateAnswers(f: StateFigures): void {
  const line = (label: string, value: string): void => console.log(`  ${label.padEnd(34)} ${value}`);
  const p = (x: Percentiles) => `p50 ${fmtMs(x.p50)}  p95 ${fmtMs(x.p95)}  p99 ${fmtMs(x.p99)}  max ${fmtMs(x.max)}`;
  console.log(`\n== state store: the answer path at the cap vs empty (${PASSAGES.toLocaleString('en')} passages, ${f.answers} answers each) ==`);
  line('full store', `${f.atCap.answers.toLocaleString('en')} answers + ${f.atCap.threads.toLocaleString('en')} thread contexts, ${fmtMB(f.fileMB)} (filled in ${fmtMs(f.fillMs)})`);
  line('answer + thread context, empty', p(f.empty));
  line('answer + thread context, at cap', p(f.full));
  line('failed state writes', String(f.withoutButtons));
  const met = f.p99DeltaMs <= 10 && f.withoutButtons === 0;
  line('issue 12 target: p99 ≤ empty + 10 ms', `${f.p99DeltaMs >= 0 ? '+' : ''}${fmtMs(f.p99DeltaMs)}: ${met ? 'met' : 'NOT MET'}`);
}
