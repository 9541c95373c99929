// Threads and timing, with the real discord.js client against the double: an answer opens a
// thread, plain messages in it are follow-ups (typed the moment the thread appears, however slow
// Discord's answer to the thread-creation call, and one after another without waiting), slash
// commands in it inherit its context, the context survives a restart, mentions work without
// MessageContent, and slow answers defer. No test waits for the bot's state before typing.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags, type APIMessage, type APIThreadChannel } from 'discord-api-types/v10';
import type { Invocation } from '../../src/core/ask/commands.ts';
import type { CorpusIndex } from '../../src/core/search/CorpusIndex.ts';
import { DiscordDouble } from './double/DiscordDouble.ts';
import { makeUser, nextSnowflake } from './double/fixtures.ts';
import { buttonsOf, e2eCorpus, embedOf, fieldText, register, runBot, tempDataDir, type Running } from './botHarness.ts';

describe('threads and follow-ups', () => {
  let d: DiscordDouble;
  let index: CorpusIndex;
  let dataDir: string;
  let run: Running;
  let thread: APIThreadChannel;
  let hook: ((inv: Invocation) => Promise<void>) | undefined;

  const start = (messageContent = true) =>
    runBot(d, { index, dataDir, messageContent, beforeCore: async (inv) => hook?.(inv) });

  const botMessagesIn = (channelId: string) => d.messagesIn(channelId).filter((m) => m.author.id === d.world.botUser.id);

  /** Posts as a journalist and waits for the bot's next message in the thread. */
  async function ask(content: string, opts: { mentionsBot?: boolean; in?: string } = {}): Promise<APIMessage> {
    const channelId = opts.in ?? thread.id;
    const before = botMessagesIn(channelId).length;
    d.userMessage({ channelId, content, ...(opts.mentionsBot ? { mentionsBot: true } : {}) });
    return d.waitUntil(() => botMessagesIn(channelId)[before], 5000, `the bot's answer to "${content}"`);
  }

  /** The thread on message `id`, the moment Discord announces it, as a journalist would see it appear. */
  const threadOn = (id: string) => d.waitUntil(() => d.threads().find((t) => t.id === id), 5000, `the thread on ${id}`);

  beforeAll(async () => {
    d = await DiscordDouble.start();
    index = await e2eCorpus();
    dataDir = await tempDataDir();
    await register(d);
    run = await start();
  });

  afterAll(async () => {
    await run?.bot.stop();
    await d?.stop();
  });

  it('opens a thread on an answer in a channel, named after the question', async () => {
    const answer = await d.slashCommand({ name: 'who-said', options: { quote: 'the ferry will be back before the school holidays' } }).final();
    thread = await threadOn(answer.id);
    expect(thread.name).toBe('Who said “the ferry will be back before the school holidays”?');
    expect(thread.parent_id).toBe(d.channelId);
  });

  it('answers a message typed the moment a thread appears, however late Discord answers the thread-creation call', async () => {
    const answered: string[] = [];
    for (const latencyMs of [3, 6, 10, 30, 30, 30, 30, 30]) {
      d.holdResponseNext('POST /channels/:channel/messages/:message/threads', latencyMs);
      const answer = await d.slashCommand({ name: 'who-said', options: { quote: 'we will not raise mooring fees this year' } }).final();
      const t = await threadOn(answer.id);
      const m = await ask('when was that?', { in: t.id });
      answered.push(`${latencyMs} ms: ${embedOf(m).title}`);
    }
    expect(answered).toEqual([3, 6, 10, 30, 30, 30, 30, 30].map((ms) => `${ms} ms: When`));
    // Each was answered while the bot still waited for Discord's answer to its thread-creation call.
    await d.waitUntil(() => (d.requests('POST /channels/:channel/messages/:message/threads').filter((r) => r.fault === 'hold').length === 8 ? true : undefined), 2000, 'the held responses');
  });

  it('answers a message typed the moment a thread opened by a mention appears, with the same latency', async () => {
    for (let round = 0; round < 3; round++) {
      d.holdResponseNext('POST /channels/:channel/messages/:message/threads', 30);
      const before = botMessagesIn(d.channelId).length;
      d.userMessage({ content: 'who said the fishing fleet was ignored again', mentionsBot: true });
      const m = await d.waitUntil(() => botMessagesIn(d.channelId)[before], 5000, 'the answer to the mention');
      const t = await threadOn(m.id);
      const when = await ask('when was that?', { in: t.id });
      expect(embedOf(when).title).toBe('When');
    }
  });

  it('two follow-ups typed without waiting: the second reads the context the first produced', async () => {
    const answer = await d.slashCommand({ name: 'who-said', options: { quote: 'the ferry will be back before the school holidays' } }).final();
    const t = await threadOn(answer.id);
    // The first is slow to answer, so the second arrives while it runs.
    hook = (inv) => (inv.command === 'quotes' ? sleep(150) : Promise.resolve());
    const before = botMessagesIn(t.id).length;
    d.userMessage({ channelId: t.id, content: 'what else did she say?' });
    d.userMessage({ channelId: t.id, content: 'when was that?' });
    const [first, second] = await d.waitUntil(() => (botMessagesIn(t.id).length >= before + 2 ? botMessagesIn(t.id).slice(before) : undefined), 5000, 'both answers');
    hook = undefined;
    expect(embedOf(first!).title).toBe('Quotes: Mara Quell (1)');
    expect(fieldText(embedOf(first!))).toContain('`002_harbour_budget.txt, line 19`');
    // "When was that?" is about the quote the first follow-up showed, not the ferry quote the thread began with.
    expect(embedOf(second!).title).toBe('When');
    expect(embedOf(second!).description).toBe('*Aired 2025-05-20.*');
    expect(fieldText(embedOf(second!))).toContain('`002_harbour_budget.txt, line 19`');
  });

  it('names a thread within 100 characters for a long question', async () => {
    const quote = 'the fishing fleet was ignored again and our members will remember it at the next election when they vote for a new council';
    const answer = await d.slashCommand({ name: 'who-said', options: { quote } }).final();
    const t = await d.waitUntil(() => d.threads().find((x) => x.id === answer.id), 2000, 'the thread');
    expect([...t.name].length).toBeLessThanOrEqual(100);
    expect(t.name.endsWith('…')).toBe(true);
  });

  it('answers plain follow-ups in the thread in context, without pinging', async () => {
    const when = await ask('when was that?');
    expect(embedOf(when).title).toBe('When');
    expect(embedOf(when).description).toContain('Spoken 2025-04-02 (April 2); aired 2025-04-03.');
    const ctx = await ask('show the full context');
    expect(embedOf(ctx).title).toBe('Context, as it aired');
    const req = d.requests(`POST /channels/${thread.id}/messages`);
    expect(req.length).toBeGreaterThanOrEqual(2);
    for (const r of req) expect((r.body as Record<string, unknown>).allowed_mentions).toEqual({ parse: [] });
  });

  it('a slash command in a thread inherits its context, and follow-ups continue from it', async () => {
    const answer = await d.slashCommand({ name: 'who-said', options: { quote: 'we will not raise mooring fees this year' } }).final();
    const t2 = await threadOn(answer.id);
    // /timeline with nothing typed, under an answer about Mara Quell: her timeline.
    const m = await d.slashCommand({ name: 'timeline', channelId: t2.id, options: {} }).final();
    expect(m.channel_id).toBe(t2.id);
    expect(embedOf(m).title).toBe('Timeline: Mara Quell (2 stories)');
    // No thread inside a thread.
    expect(d.threads().some((t) => t.id === m.id)).toBe(false);
    const before = botMessagesIn(t2.id).length;
    d.userMessage({ channelId: t2.id, content: 'what else did she say?' });
    const elseSaid = await d.waitUntil(() => botMessagesIn(t2.id)[before], 5000, 'the follow-up answer');
    expect(embedOf(elseSaid).title).toBe('Quotes: Mara Quell (2)');
    expect(fieldText(embedOf(elseSaid))).toContain('`001_harbour_ferry.txt, line 19`');
  });

  it('ignores its own messages and other bots', async () => {
    const before = botMessagesIn(thread.id).length;
    const otherBot = makeUser(nextSnowflake(), 'otherbot', true);
    d.userMessage({ channelId: thread.id, content: 'what else did she say?', user: otherBot });
    await sleep(300);
    expect(botMessagesIn(thread.id).length).toBe(before);
  });

  it('keeps the thread\'s context across a restart', async () => {
    await run.bot.stop();
    run = await start();
    const m = await ask('show the full context');
    expect(embedOf(m).title).toBe('Context, as it aired');
  });

  it('without MessageContent, a follow-up that mentions the bot still works, a plain one is ignored', async () => {
    await run.bot.stop();
    run = await start(false);
    expect(d.identifiedIntents! & (1 << 15)).toBe(0);
    const before = botMessagesIn(thread.id).length;
    const unread = d.userMessage({ channelId: thread.id, content: 'when?' });
    await sleep(300);
    expect(botMessagesIn(thread.id).length).toBe(before);
    // Not answered, but not silently: the log says why.
    expect(run.logs.map((l) => JSON.parse(l) as Record<string, unknown>)).toContainEqual(expect.objectContaining({ event: 'follow_up_dropped', messageId: unread.id, reason: expect.stringMatching(/no MessageContent intent/) }));
    const m = await ask('when?', { mentionsBot: true });
    expect(embedOf(m).title).toBe('When');
    await run.bot.stop();
    run = await start();
  });

  it('defers a slow answer (type 5), then edits the original within the deadline', async () => {
    run.bot.deps.deferAfterMs = 100;
    hook = () => sleep(400);
    const h = d.slashCommand({ name: 'search', options: { query: 'mooring fees' } });
    const cb = await h.response();
    expect(cb.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const m = await h.final({ timeoutMs: 3000 });
    expect(embedOf(m).title).toBe('Search: mooring fees (1)');
    expect(d.requests(`PATCH /webhooks/${d.applicationId}/${h.token}/messages/@original`)).toHaveLength(1);
    hook = undefined;
  });

  it('defers a slow page turn (type 6), then edits the message', async () => {
    const tl = await d.slashCommand({ name: 'search', options: { query: 'ferry' } }).final();
    hook = () => sleep(400);
    const h = d.clickButton({ customId: buttonsOf(tl).get('▶')!, message: tl });
    expect((await h.response()).type).toBe(InteractionResponseType.DeferredMessageUpdate);
    const m = await h.final({ timeoutMs: 3000 });
    expect(embedOf(m).footer?.text).toBe('Page 2 of 2 · 9 in all');
    hook = undefined;
    run.bot.deps.deferAfterMs = 1500;
  });

  it('defers at once over a large index, and a refusal after a deferral is private', async () => {
    run.bot.deps.deferAbovePassages = 0;
    const h = d.slashCommand({ name: 'who-said', options: { quote: 'hi' } });
    expect((await h.response()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    await d.waitUntil(() => h.followUps()[0] ?? d.requests(`POST /webhooks/${d.applicationId}/${h.token}`)[0], 2000, 'the private follow-up');
    const notice = d.requests(`POST /webhooks/${d.applicationId}/${h.token}`)[0]!.body as { flags?: number; content?: string };
    expect((notice.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(notice.content).toBeTruthy();
    run.bot.deps.deferAbovePassages = 200_000;
  });

  it('an error after a deferral is answered privately with its ref, and the "thinking…" removed', async () => {
    run.bot.deps.deferAfterMs = 50;
    hook = async () => {
      await sleep(200);
      throw new Error('slow failure');
    };
    const h = d.slashCommand({ name: 'search', options: { query: 'ferry' } });
    expect((await h.response()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    // Read from the request: the double folds a first follow-up into a deferred original, even a deleted one.
    const sent = await d.waitFor(`POST /webhooks/${d.applicationId}/${h.token}`, 3000).finally(() => {
      hook = undefined;
      run.bot.deps.deferAfterMs = 1500;
    });
    const notice = sent.body as { flags?: number; content: string };
    expect((notice.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const ref = /ref ([A-Z2-9]{6})/.exec(notice.content)?.[1];
    expect(run.logs.some((l) => l.includes(`"ref":"${ref}"`) && l.includes(`"interactionId":"${h.id}"`))).toBe(true);
    expect(d.requests(`DELETE /webhooks/${d.applicationId}/${h.token}/messages/@original`)).toHaveLength(1);
  });

  it('rides out a rate limit on a thread reply', async () => {
    d.failNext(`POST /channels/${thread.id}/messages`, { status: 429, retryAfter: 0.2 });
    const m = await ask('when?');
    expect(embedOf(m).title).toBe('When');
    expect(d.requests(`POST /channels/${thread.id}/messages`).some((r) => r.status === 429)).toBe(true);
  });

  it('a message in the channel that mentions the bot is a new question, answered with a thread', async () => {
    const before = botMessagesIn(d.channelId).length;
    d.userMessage({ content: 'who said the fishing fleet was ignored again', mentionsBot: true });
    const m = await d.waitUntil(() => botMessagesIn(d.channelId)[before], 5000, 'the answer to the mention');
    expect(embedOf(m).title).toBe('Exact match');
    expect(fieldText(embedOf(m))).toContain('**Tomas Brill, Fisheries Spokesperson**');
    const t = await d.waitUntil(() => d.threads().find((x) => x.id === m.id), 5000, 'its thread');
    expect(t.name).toBe('Who said “the fishing fleet was ignored again”?');
    // Unmentioned chatter in the channel is left alone.
    const count = botMessagesIn(d.channelId).length;
    d.userMessage({ content: 'who said the fishing fleet was ignored again' });
    await sleep(200);
    expect(botMessagesIn(d.channelId)).toHaveLength(count);
  });

  it('stays within every limit', () => {
    expect(d.limitViolations()).toEqual([]);
    expect(d.unknownRequests()).toEqual([]);
  });
});
