// Answers never wait behind work: the bot as `npm start` runs it keeps its questions in an
// engine worker, so while four heavy questions hold the engine, every interaction (those four
// and the quick ones queued behind them) is still acknowledged within Discord's 3 seconds, and
// every one is answered in the end.
import { rmSync } from 'node:fs';
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDiscord, type RunIo } from '../../src/discord/runDiscord.ts';
import { BRIDGE, PORT, tempCorpus, type TempCorpus } from '../app/corpusFiles.ts';
import { DiscordDouble } from './double/DiscordDouble.ts';
import { poll, register } from './botHarness.ts';

const ACKNOWLEDGED = [InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.DeferredChannelMessageWithSource];

describe('acknowledgement first', () => {
  let d: DiscordDouble;
  let c: TempCorpus;

  beforeAll(async () => {
    d = await DiscordDouble.start();
    c = tempCorpus({ 'bridge.md': BRIDGE, 'port.md': PORT });
    await register(d);
  });

  afterAll(async () => {
    await d?.stop();
    rmSync(c.root, { recursive: true, force: true });
  });

  it('acknowledges every question within 3 s while four heavy searches hold the engine', async () => {
    const out: string[] = [];
    const io: RunIo = {
      err: () => undefined,
      out: (l) => out.push(l),
      env: { DISCORD_TOKEN: d.token, DISCORD_APPLICATION_ID: d.applicationId, DISCORD_GUILD_ID: d.guildId, DISCORD_API_URL: d.restBase, SOUNDBITE_CORPUS: c.corpus, SOUNDBITE_DATA_DIR: c.data },
      logSink: () => undefined,
    };
    let stop!: () => void;
    const stopWhen = new Promise<void>((resolve) => (stop = resolve));
    // Each /search holds the engine's thread for 1.2 s, as a heavy question would: 4.8 s in all.
    const running = runDiscord(io, { stopWhen, bot: { rest: { retries: 0, timeout: 5000 }, readyTimeoutMs: 5000 }, engine: { hold: { command: 'search', ms: 1200 } } });
    await poll(() => out[0], 15_000, 'the online line');

    const heavy = Array.from({ length: 4 }, () => d.slashCommand({ name: 'search', options: { query: 'tolls' } }));
    const quick = Array.from({ length: 6 }, () => d.slashCommand({ name: 'speakers' }));
    // The double refuses a first response after 3 s (404 Unknown interaction): accepted means in time.
    for (const h of [...heavy, ...quick]) expect(ACKNOWLEDGED).toContain((await h.response(3500)).type);
    for (const h of heavy) expect(JSON.stringify((await h.final({ timeoutMs: 15_000 })).embeds)).toMatch(/tolls/i);
    for (const h of quick) expect(JSON.stringify((await h.final({ timeoutMs: 15_000 })).embeds)).toContain('Jane Roe');
    stop();
    expect(await running).toBe(0);
  }, 60_000);
});
