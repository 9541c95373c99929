// The owner of thread contexts on a real store: follow-ups in one thread run in the order they
// arrived, each reading what the one before left, even when the first is slow or fails; other
// threads are not held up; interactions read and write without waiting behind a follow-up.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { AnswerContext } from '../../src/core/ask/answer.ts';
import { isAnswerContext } from '../../src/discord/answerState.ts';
import { createLogger } from '../../src/discord/log.ts';
import { openStateStore } from '../../src/discord/openStateStore.ts';
import { SPACES, StateRecords } from '../../src/discord/stateStore.ts';
import { ThreadContexts } from '../../src/discord/threadContexts.ts';

const ctx = (page: number): AnswerContext => ({ command: 'search', query: 'ferry', page });

async function contexts() {
  const log = createLogger(() => undefined);
  const store = openStateStore(await mkdtemp(path.join(tmpdir(), 'soundbite-threads-')), log);
  return new ThreadContexts(new StateRecords(store, SPACES.threads, isAnswerContext, log));
}

describe('ThreadContexts', () => {
  it('runs follow-ups of one thread in arrival order, each on the context the one before produced', async () => {
    const threads = await contexts();
    await threads.register('t', ctx(1));
    const seen: string[] = [];
    // "more", three times, typed at once; the first is the slowest to answer.
    const more = (delay: number) => threads.followUp('t', async (c) => {
      await sleep(delay);
      seen.push(`page ${c.page}`);
      return ctx(c.page + 1);
    });
    const outcomes = await Promise.all([more(60), more(0), more(10)]);
    expect(outcomes).toEqual(['answered', 'answered', 'answered']);
    expect(seen).toEqual(['page 1', 'page 2', 'page 3']);
    expect(await threads.current('t')).toEqual(ctx(4));
  });

  it('a failed follow-up leaves the context as it was and does not hold up the next', async () => {
    const threads = await contexts();
    await threads.register('t', ctx(1));
    const failed = threads.followUp('t', async () => {
      throw new Error('Discord said no');
    });
    const next = threads.followUp('t', async (c) => ctx(c.page + 10));
    await expect(failed).rejects.toThrow('Discord said no');
    expect(await next).toBe('answered');
    expect(await threads.current('t')).toEqual(ctx(11));
  });

  it('a channel without a context is not a thread of ours; other threads do not wait', async () => {
    const threads = await contexts();
    await threads.register('slow', ctx(1));
    await threads.register('quick', ctx(1));
    const order: string[] = [];
    const slow = threads.followUp('slow', async () => {
      await sleep(80);
      order.push('slow');
      return null;
    });
    const quick = threads.followUp('quick', async () => {
      order.push('quick');
      return null;
    });
    expect(await threads.followUp('elsewhere', async () => ctx(9))).toBe('no_context');
    await Promise.all([slow, quick]);
    expect(order).toEqual(['quick', 'slow']);
    expect(await threads.current('elsewhere')).toBeUndefined();
  });

  it('an interaction reads and writes without waiting behind a running follow-up', async () => {
    const threads = await contexts();
    await threads.register('t', ctx(1));
    let release!: () => void;
    const running = threads.followUp('t', async () => {
      await new Promise<void>((r) => (release = r));
      return ctx(3);
    });
    expect(await threads.current('t')).toEqual(ctx(1));
    expect(await threads.replace('t', ctx(2))).toBe(true);
    expect(await threads.current('t')).toEqual(ctx(2));
    release();
    await running;
    // The follow-up's answer is the latest shown, so its context is the thread's.
    expect(await threads.current('t')).toEqual(ctx(3));
    expect(await threads.replaceIfKnown('not-ours', ctx(5))).toBe(false);
  });
});
