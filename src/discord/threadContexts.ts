// The one owner of a thread's context, and of the order its events are applied in. The context
// is registered under the starter message's id before Discord is even asked to create the
// thread (a thread started on a message takes that message's id), so nothing typed in the
// thread can arrive before it. Messages in a thread are follow-ups queued in the order they
// arrived: each runs only after the ones before it, and reads the context they produced.
// Interactions in a thread (a slash command, a page turned) read and write directly instead:
// Discord wants their answer within 3 s, so they must not wait behind a slow follow-up, and
// each answer's write makes its context the thread's latest, as the answer is the latest shown.
import type { AnswerContext } from '../core/ask/answer.ts';
import type { StateRecords } from './stateStore.ts';

export type FollowUpOutcome = 'answered' | 'no_context';

export class ThreadContexts {
  /** Per thread, the last follow-up queued: each new one waits for it. */
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly records: StateRecords<AnswerContext>) {}

  /** Before a thread is started on message `threadId`: true once the context is kept. */
  register(threadId: string, ctx: AnswerContext): Promise<boolean> {
    return this.records.set(threadId, ctx);
  }

  /** A new answer in the thread (a slash command typed in it, a page turned): its context follows. */
  replace(threadId: string, ctx: AnswerContext): Promise<boolean> {
    return this.records.set(threadId, ctx);
  }

  /** As replace, for a message that may or may not have a thread of ours. */
  async replaceIfKnown(threadId: string, ctx: AnswerContext): Promise<boolean> {
    return (await this.records.get(threadId)) ? this.records.set(threadId, ctx) : false;
  }

  /** The thread could not be created after all. */
  forget(threadId: string): Promise<void> {
    return this.records.delete(threadId);
  }

  /** The context of the thread's latest answer that has been sent. */
  current(threadId: string): Promise<AnswerContext | undefined> {
    return this.records.get(threadId);
  }

  /**
   * A message in channel `threadId`, queued at once (call it before any await): `answer` runs
   * with the thread's context once earlier events are done, and the context it returns becomes
   * the thread's before the next one runs. 'no_context' when the channel has none of ours.
   */
  followUp(threadId: string, answer: (ctx: AnswerContext) => Promise<AnswerContext | null>): Promise<FollowUpOutcome> {
    return this.inTurn(threadId, async () => {
      const ctx = await this.records.get(threadId);
      if (!ctx) return 'no_context';
      const next = await answer(ctx);
      if (next) await this.records.set(threadId, next);
      return 'answered';
    });
  }

  /** Runs `work` after every follow-up queued for the thread before it, whatever their outcome. */
  private inTurn<T>(threadId: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(threadId) ?? Promise.resolve();
    const run = before.then(work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(threadId, tail);
    // Forget an idle thread, so the map holds only threads with work in flight.
    void tail.then(() => {
      if (this.tails.get(threadId) === tail) this.tails.delete(threadId);
    });
    return run;
  }
}
