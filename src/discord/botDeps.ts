// What every handler of the bot shares: the corpus, the clock, the log and the persisted state.
import type { Engine } from '../app/engine/Engine.ts';
import type { Invocation } from '../core/ask/commands.ts';
import type { AnswerRef } from './answerState.ts';
import type { FeedbackVote } from './feedback.ts';
import type { FollowStore } from './follows.ts';
import type { Logger } from './log.ts';
import type { StateRecords, StateStore } from './stateStore.ts';
import type { ThreadContexts } from './threadContexts.ts';

export interface BotDeps {
  /** The archive: every question, upload and reload goes through it (in a worker thread when
   * the bot runs for real, so this thread stays free to acknowledge interactions). */
  engine: Engine;
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
  /** Topics channels follow, kept until unfollowed. */
  follows: FollowStore;
  /** Answer first within this many ms, else defer (Discord forgets an interaction after 3 s). */
  deferAfterMs: number;
  /** Over this many passages, who-said, timeline, search and quotes defer at once, since they
   * will rarely answer within `deferAfterMs` there. */
  deferAbovePassages: number;
  /** How long an /ingest download may take (default app/downloadUpload.ts's 30 s). */
  downloadTimeoutMs?: number;
  /** Runs before each core call; tests use it to make an answer slow deterministically. */
  beforeCore?: (inv: Invocation) => Promise<void>;
}
