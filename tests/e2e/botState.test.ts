// A state store that cannot be written, against the double: the bot still answers every
// question (without buttons, and without a thread nobody could follow up in), says so in its
// log, never answers "Something went wrong", and leaves no stray files in the data folder.
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord-api-types/v10';
import type { CorpusIndex } from '../../src/core/search/CorpusIndex.ts';
import { createLogger } from '../../src/discord/log.ts';
import { openStateStore, STATE_FILE } from '../../src/discord/openStateStore.ts';
import { SPACES } from '../../src/discord/stateStore.ts';
import { DiscordDouble } from './double/DiscordDouble.ts';
import { buttonsOf, e2eCorpus, embedOf, poll, register, runBot, tempDataDir, type Running } from './botHarness.ts';

const EPHEMERAL = MessageFlags.Ephemeral as number;
const QUOTE = 'the ferry will be back before the school holidays';

describe('a state store that cannot be written', () => {
  let d: DiscordDouble;
  let index: CorpusIndex;
  let run: Running | undefined;

  beforeAll(async () => {
    d = await DiscordDouble.start();
    index = await e2eCorpus();
    await register(d);
  });

  afterAll(async () => {
    await run?.bot.stop();
    await d?.stop();
  });

  const events = (r: Running) => r.logs.map((l) => JSON.parse(l) as { event: string; level: string } & Record<string, unknown>);

  it('unopenable at start: answers come without buttons or thread, and the log says why', async () => {
    const dataDir = await tempDataDir();
    mkdirSync(path.join(dataDir, STATE_FILE)); // a folder where the file should be
    run = await runBot(d, { index, dataDir });
    const m = await d.slashCommand({ name: 'who-said', options: { quote: QUOTE } }).final();
    expect(embedOf(m).title).toBe('Exact match');
    expect(m.components ?? []).toEqual([]);
    const mention = d.userMessage({ content: `who said ${QUOTE}`, mentionsBot: true });
    const answer = await d.waitUntil(() => d.messagesIn(d.channelId).find((x) => x.author.bot && BigInt(x.id) > BigInt(mention.id)), 5000, 'the answer to the mention');
    expect(embedOf(answer).title).toBe('Exact match');
    expect(d.threads()).toEqual([]);
    const seen = events(run).map((e) => e.event);
    expect(seen).toContain('state_store_unavailable');
    expect(seen).toContain('state_write_failed');
    expect(seen).toContain('thread_not_opened');
    expect(seen).not.toContain('interaction_failed');
    expect(JSON.stringify(d.messagesIn(d.channelId))).not.toContain('Something went wrong');
    expect(readdirSync(dataDir)).toEqual([STATE_FILE]);
    await run.bot.stop();
    run = undefined;
  });

  it('full while running: answers keep coming without buttons, votes say they were not kept, no temp files', async () => {
    const dataDir = await tempDataDir();
    const log = createLogger(() => undefined);
    const store = openStateStore(dataDir, log, { maxBytes: 96 * 1024 });
    run = await runBot(d, { index, dataDir, store });
    const before = await d.slashCommand({ name: 'who-said', options: { quote: QUOTE } }).final();
    expect(buttonsOf(before).has('Right')).toBe(true);
    // Fill it to the brim, as a full disk would: big records, then ever smaller ones into the gaps.
    let i = 0;
    for (const size of [2000, 400, 50, 1]) {
      for (;;) {
        try {
          await store.put(SPACES.answers, `filler-${i++}`, { text: 'x'.repeat(size) });
        } catch {
          break;
        }
      }
    }
    const m = await d.slashCommand({ name: 'who-said', options: { quote: QUOTE } }).final();
    expect(embedOf(m).title).toBe('Exact match');
    expect(m.components ?? []).toEqual([]);
    const vote = await d.clickButton({ customId: buttonsOf(before).get('Right')!, message: before }).final();
    expect(vote.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(vote.content).toMatch(/^Sorry: Soundbite could not record that just now/);
    const failed = events(run).filter((e) => e.event === 'state_write_failed');
    expect(failed.map((e) => e.space)).toEqual(expect.arrayContaining(['answers', 'threads', 'votes']));
    expect(JSON.stringify(failed)).toContain('SQLITE_FULL');
    expect(events(run).map((e) => e.event)).not.toContain('interaction_failed');
    await run.bot.stop();
    run = undefined;
    expect(readdirSync(dataDir)).toEqual([STATE_FILE]);
  });

  it('expiry: a month after its last answer a thread is forgotten, and a message in it is dropped with the reason logged', async () => {
    let now = new Date('2025-06-01T12:00:00Z');
    run = await runBot(d, { index, dataDir: await tempDataDir(), now: () => now });
    const answer = await d.slashCommand({ name: 'who-said', options: { quote: QUOTE } }).final();
    const t = await d.waitUntil(() => d.threads().find((x) => x.id === answer.id), 5000, 'the thread');
    const bot = () => d.messagesIn(t.id).filter((m) => m.author.bot).length;
    const first = d.userMessage({ channelId: t.id, content: 'when was that?' });
    await d.waitUntil(() => (bot() === 1 ? true : undefined), 5000, 'the answer');
    // The clock moves only once that answer is the thread's last (it is dated when kept).
    await poll(() => events(run!).find((e) => e.event === 'follow_up_answered' && e.messageId === first.id), 5000, 'the answer kept');
    now = new Date(now.getTime() + 31 * 24 * 3600 * 1000);
    const late = d.userMessage({ channelId: t.id, content: 'when was that?' });
    const dropped = await poll(() => events(run!).find((e) => e.event === 'follow_up_dropped' && e.messageId === late.id), 5000, 'the drop in the log');
    expect(dropped).toMatchObject({ level: 'warn', threadId: t.id, reason: 'the thread has no context' });
    expect(bot()).toBe(1);
    // Its buttons have expired too (90 days), and say so.
    now = new Date(now.getTime() + 60 * 24 * 3600 * 1000);
    const click = await d.clickButton({ customId: buttonsOf(answer).get('Right')!, message: answer }).final();
    expect(click.content).toContain('no longer remembers');
    await run.bot.stop();
    run = undefined;
  });
});
