// The real discord.js client, as startBot builds it, against the loopback Discord double.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import type { CorpusIndex } from '../../src/core/search/CorpusIndex.ts';
import { DiscordDouble } from './double/DiscordDouble.ts';
import { buttonsOf, e2eCorpus, embedOf, fieldText, register, runBot, tempDataDir, type Running } from './botHarness.ts';

describe('Soundbite bot against the Discord double', () => {
  let d: DiscordDouble;
  let index: CorpusIndex;
  let dataDir: string;
  let run: Running;

  beforeAll(async () => {
    d = await DiscordDouble.start();
    index = await e2eCorpus();
    dataDir = await tempDataDir();
    await register(d);
    run = await runBot(d, { index, dataDir });
  });

  afterAll(async () => {
    await run?.bot.stop();
    await d?.stop();
  });

  it('logs in to ready with the intents it needs', () => {
    expect(run.bot.client.isReady()).toBe(true);
    expect(d.identifiedIntents).toBe((1 << 0) | (1 << 9) | (1 << 15));
    expect(run.logs.some((l) => l.includes('"bot_ready"'))).toBe(true);
    expect(run.logs.join('\n')).not.toContain(d.token);
  });

  it('answers /who-said with the verdict, the passage and its source', async () => {
    const h = d.slashCommand({ name: 'who-said', options: { quote: 'the ferry will be back before the school holidays' } });
    expect((await h.response()).type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const m = await h.final();
    const e = embedOf(m);
    expect(e.title).toBe('Exact match');
    const text = fieldText(e);
    expect(text).toContain('**Mara Quell, Harbour Councillor**');
    expect(text).toContain('`001_harbour_ferry.txt, line 19`');
    expect(text).toContain('aired 2025-04-03');
    expect([...buttonsOf(m).keys()]).toEqual(['More context', 'Timeline of this speaker', 'Right', 'Wrong speaker']);
    expect(d.limitViolations()).toEqual([]);
  });
});
