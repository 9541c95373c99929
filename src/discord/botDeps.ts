// What every handler of the bot shares: the corpus, the clock, the log and the persisted state.
import type { LiveCorpus } from '../app/liveCorpus.ts';
import type { Invocation } from '../core/ask/commands.ts';
import type { CorpusIndex } from '../core/search/CorpusIndex.ts';
import type { AnswerRef } from './answerState.ts';
import type { FeedbackVote } from './feedback.ts';
import type { Logger } from './log.ts';
import type { StateRecords, StateStore } from './stateStore.ts';
import type { ThreadContexts } from './threadContexts.ts';

export interface BotDeps {
  index: () => CorpusIndex;
  now: () => Date;
  log: Logger;
  /** Where answers, thread contexts and votes are kept (closed with the bot). */
  store: StateStore;
  /** Button key → the answer its message shows. */
  answers: StateRecords<AnswerRef>;
  /** Thread id → the context of the thread's latest answer, read and written in event order. */
  threads: ThreadContexts;
  /** One Right / Wrong speaker vote per user per answer. */
  votes: StateRecords<FeedbackVote>;
  /** Answer first within this many ms, else defer (Discord forgets an interaction after 3 s). */
  deferAfterMs: number;
  /** Over this many passages, who-said, timeline and search defer at once: the synchronous core
   * call blocks the event loop, so the timer above could not fire in time. */
  deferAbovePassages: number;
  /** Runs before each core call; tests use it to make an answer slow deterministically. */
  beforeCore?: (inv: Invocation) => Promise<void>;
  /** The live archive, for /ingest, /reload and /stats; absent, those commands are not answered. */
  live?: LiveCorpus;
}
