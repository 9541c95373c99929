// Following a topic in Discord, against the loopback double with the real discord.js client: a
// channel follows a topic; a transcript added to the corpus folder that mentions it is posted in
// the channel (and one that does not, is not); follows are listed, limited per server, kept
// across a restart of the bot, and removed; nothing posted pings anyone.
import { mkdtemp } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MessageFlags, type APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/app/openCorpus.ts';
import { watchCorpus, type CorpusWatcher } from '../../src/app/watchCorpus.ts';
import type { LiveCorpus } from '../../src/app/liveCorpus.ts';
import { MAX_FOLLOWS_PER_SERVER } from '../../src/discord/follows.ts';
import { createLogger } from '../../src/discord/log.ts';
import { startBot, type Bot } from '../../src/discord/startBot.ts';
import { BRIDGE, briefing, tempCorpus, type TempCorpus } from '../app/corpusFiles.ts';
import { DiscordDouble } from './double/DiscordDouble.ts';
import { register } from './botHarness.ts';

const EPHEMERAL = MessageFlags.Ephemeral as number;

describe('following a topic', () => {
  let d: DiscordDouble;
  let c: TempCorpus;
  let live: LiveCorpus;
  let dataDir: string;
  let bot: Bot;
  let watcher: CorpusWatcher;

  const start = async (): Promise<Bot> => startBot({
    settings: { token: d.token, apiUrl: d.restBase, dataDir, messageContent: true },
    live,
    log: createLogger(() => undefined, [d.token]),
    rest: { retries: 0, timeout: 2000 },
    readyTimeoutMs: 5000,
  });
  const slash = (name: string, options: Record<string, string>) => d.slashCommand({ name, options }).final({ timeoutMs: 5000 });
  const posts = (): APIMessage[] => d.messagesIn(d.channelId).filter((m) => m.author.bot && m.embeds[0]?.title?.startsWith('New on'));

  beforeAll(async () => {
    d = await DiscordDouble.start({ rejectPolicyViolations: true });
    c = tempCorpus({ 'bridge.md': BRIDGE });
    live = (await openCorpus(c.corpus, { dataDir: c.data })).live;
    dataDir = await mkdtemp(path.join(tmpdir(), 'soundbite-data-'));
    await register(d);
    bot = await start();
    // As runDiscord wires it: the watcher's re-reads go to the bot's follows.
    watcher = watchCorpus(live, { debounceMs: 50, onSync: (r) => void bot.corpusChanged(r.reread) });
  });

  afterAll(async () => {
    await watcher?.close();
    await bot?.stop();
    await d?.stop();
    rmSync(c.root, { recursive: true, force: true });
  });

  it('/follow keeps the topic and says so in the channel, pinging nobody', async () => {
    const m = await slash('follow', { topic: 'harbour ferry' });
    expect((m.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(m.content).toMatch(/^Following “harbour ferry” here: when a new or changed transcript says something about it, it will be posted in this channel \(follow `\w+`; \/unfollow stops it\)\. 1 story is on its timeline now\.$/);
    const listed = await slash('following', {});
    expect((listed.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(listed.content).toContain('“harbour ferry” in <#');
  });

  it('a transcript added to the corpus that mentions the topic is posted in the channel; one that does not, is not', async () => {
    c.write('roads.md', briefing('2024-03-06', [['MR. SAM PARK', 'The road repairs start on Monday across the city.']]));
    c.write('ferry.md', briefing('2024-03-07', [['MS. JANE ROE', 'The harbour ferry returns to its winter timetable next week.'], ['Q', 'Will fares rise?'], ['MS. ROE', 'Fares on the harbour ferry stay the same.']], 'Ferry briefing'));
    const post = await d.waitUntil(() => posts()[0], 8000, 'the follow post');
    const e = post.embeds[0]!;
    expect(e.title).toBe('New on “harbour ferry”');
    expect(e.fields?.map((f) => f.name)).toEqual(['2024-03-07 · Press briefing: “Ferry briefing”']);
    expect(e.fields?.[0]?.value).toContain('**harbour ferry**');
    expect(e.fields?.[0]?.value).toMatch(/`ferry\.md, line \d+`/);
    const sent = d.requests('POST /channels/*/messages').find((r) => (r.body as { embeds?: Array<{ title?: string }> }).embeds?.[0]?.title === 'New on “harbour ferry”');
    expect((sent?.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    // The roads file mentioned nothing followed: still one post, after the ferry one.
    expect(posts()).toHaveLength(1);
  });

  it('is limited per server, and refuses a topic it cannot read', async () => {
    const refused = await slash('follow', { topic: 'the of and' });
    expect(refused.content).toContain('only common words');
    for (let n = 1; n < MAX_FOLLOWS_PER_SERVER; n++) await slash('follow', { topic: `tolls ${n}` });
    const over = await slash('follow', { topic: 'cranes' });
    expect((over.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(over.content).toContain(`already follows ${MAX_FOLLOWS_PER_SERVER} topics, the most it may`);
  });

  it('survives a restart of the bot, and /unfollow removes a follow', async () => {
    await bot.stop();
    bot = await start();
    const listed = await slash('following', {});
    expect(listed.content).toContain(`This server follows ${MAX_FOLLOWS_PER_SERVER} topics`);
    const gone = await slash('unfollow', { follow: 'harbour ferry' });
    expect(gone.content).toBe('No longer following “harbour ferry”.');
    expect((await slash('following', {})).content).not.toContain('harbour ferry');
    // Unfollowed: a new ferry transcript is posted nowhere.
    c.write('ferry2.md', briefing('2024-03-08', [['MS. JANE ROE', 'The harbour ferry is on time again.']], 'Ferry on time'));
    c.write('tolls.md', briefing('2024-03-09', [['MS. JANE ROE', 'The tolls 3 on the bridge stay the same.']], 'Tolls'));
    await d.waitUntil(() => posts().find((p) => p.embeds[0]?.title === 'New on “tolls 3”'), 8000, 'the tolls post');
    expect(posts().filter((p) => p.embeds[0]?.title === 'New on “harbour ferry”')).toHaveLength(1);
  });
});
