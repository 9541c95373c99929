// The real discord.js client, as startBot builds it, against the loopback Discord double:
// registration, every command's reply, autocomplete, the context menu, no pings, the error boundary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandType, InteractionResponseType, MessageFlags, type APICommandAutocompleteInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { Invocation } from '../../src/core/ask/commands.ts';
import type { CorpusIndex } from '../../src/core/search/CorpusIndex.ts';
import { DiscordDouble } from './double/DiscordDouble.ts';
import { FERRY_19, buttonsOf, e2eCorpus, embedOf, fieldText, register, runBot, tempDataDir, type Running } from './botHarness.ts';

const EPHEMERAL = MessageFlags.Ephemeral as number;

describe('Soundbite bot against the Discord double', () => {
  let d: DiscordDouble;
  let index: CorpusIndex;
  let run: Running;
  let hook: ((inv: Invocation) => Promise<void>) | undefined;

  beforeAll(async () => {
    // Strict: a message without allowed_mentions is refused, not only recorded.
    d = await DiscordDouble.start({ rejectPolicyViolations: true });
    index = await e2eCorpus();
    await register(d);
    run = await runBot(d, { index, dataDir: await tempDataDir(), beforeCore: async (inv) => hook?.(inv) });
  });

  afterAll(async () => {
    await run?.bot.stop();
    await d?.stop();
  });

  it('logs in to ready with Guilds, GuildMessages and MessageContent, and never logs the token', () => {
    expect(run.bot.client.isReady()).toBe(true);
    expect(d.identifiedIntents).toBe((1 << 0) | (1 << 9) | (1 << 15));
    expect(run.logs.some((l) => JSON.parse(l).event === 'bot_ready')).toBe(true);
    expect(run.logs.join('\n')).not.toContain(d.token);
  });

  it('registers the registry commands, /help and the "Who said this?" context menu in the guild', () => {
    const cmds = d.commands(d.guildId);
    expect(cmds.map((c) => `${c.type}:${c.name}`)).toEqual([
      '1:who-said', '1:timeline', '1:quotes', '1:search', '1:context', '1:speakers', '1:help', '3:Who said this?', '1:ingest', '1:reload', '1:stats', '1:follow', '1:following', '1:unfollow',
    ]);
    const whoSaid = cmds.find((c) => c.name === 'who-said')!;
    expect(whoSaid.options).toEqual([
      expect.objectContaining({ name: 'quote', type: 3, required: true }),
      expect.objectContaining({ name: 'speaker', type: 3, required: false, autocomplete: true }),
      expect.objectContaining({ name: 'since', type: 3, required: false }),
      expect.objectContaining({ name: 'until', type: 3, required: false }),
    ]);
    const timeline = cmds.find((c) => c.name === 'timeline')!;
    expect(timeline.options).toContainEqual(expect.objectContaining({ name: 'program', autocomplete: true }));
    expect(cmds.find((c) => c.type === ApplicationCommandType.Message)?.description).toBe('');
    expect(d.limitViolations()).toEqual([]);
  });

  it('answers /who-said exact with the verdict, bold speaker and title, dates, programme, file and line', async () => {
    const h = d.slashCommand({ name: 'who-said', options: { quote: 'the ferry will be back before the school holidays' } });
    expect((await h.response()).type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const m = await h.final();
    const e = embedOf(m);
    expect(e.title).toBe('Exact match');
    const text = fieldText(e);
    expect(text).toContain('> “**The ferry will be back before the school holidays**, and every islander');
    expect(text).toContain('**Mara Quell, Harbour Councillor** · quote');
    expect(text).toContain('spoken 2025-04-02 (April 2) · aired 2025-04-03');
    expect(text).toContain('Evening Desk: “Ferry service ‘back by summer’, says council”');
    expect(text).toContain(`\`001_harbour_ferry.txt, line 19\` · id \`${FERRY_19}\``);
    expect([...buttonsOf(m).keys()]).toEqual(['More context', 'Timeline of this speaker', 'Right', 'Wrong speaker', 'Export']);
  });

  it('words the close, reported and not-found verdicts', async () => {
    const title = async (quote: string) => embedOf(await d.slashCommand({ name: 'who-said', options: { quote } }).final()).title;
    expect(await title('the ferry will be back before the summer holidays')).toBe('Close match: 1 word differs');
    expect(await title('the ferry would still return by summer')).toBe('Reported speech, not a direct quote');
    expect(await title('aliens landed on the harbour roof yesterday')).toBe('Nobody in the archive said this; nearest:');
  });

  it('answers /timeline, /quotes, /search, /context and /speakers with sources in every item', async () => {
    const tl = embedOf(await d.slashCommand({ name: 'timeline', options: { topic: 'ferry' } }).final());
    expect(tl.title).toBe('Timeline: ferry (2 stories)');
    expect(tl.fields?.map((f) => f.name)).toEqual([
      '[1] 2025-04-03 · Evening Desk: “Ferry service ‘back by summer’, says council”',
      '[2] 2025-05-20 · Evening Desk: “Harbour budget passes after late-night vote”',
    ]);
    for (const f of tl.fields!) expect(f.value).toMatch(/`[^`]+\.txt, line \d+` · id `[\w.-]+`/);
    // A newsmaker's quote shows first in each story, the topic's words in bold.
    expect(tl.fields![0]!.value).toMatch(/^> “The \*\*ferry\*\* will be back before the school holidays/);

    const q = embedOf(await d.slashCommand({ name: 'quotes', options: { speaker: 'Quell' } }).final());
    expect(q.title).toBe('Quotes: Quell (2)');
    expect(q.fields?.[0]?.name).toBe('2025-05-20 · quote');

    const s = embedOf(await d.slashCommand({ name: 'search', options: { query: 'mooring fees' } }).final());
    expect(fieldText(s)).toContain('**Mara Quell, Harbour Councillor**');

    const c = embedOf(await d.slashCommand({ name: 'context', options: { id: FERRY_19 } }).final());
    expect(c.title).toBe('Context, as it aired');
    expect(c.fields?.some((f) => f.name.startsWith('▶ '))).toBe(true);

    const sp = embedOf(await d.slashCommand({ name: 'speakers', options: {} }).final());
    expect(sp.description).toContain('**Mara Quell**, Harbour Councillor');
    expect(d.limitViolations()).toEqual([]);
  });

  it('answers a bad input ephemerally, with the core\'s words', async () => {
    const h = d.slashCommand({ name: 'context', options: { id: 'nope-1' } });
    const cb = await h.response();
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const m = await h.final();
    expect(m.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(m.content).toContain('No passage has the id "nope-1"');
  });

  it('answers /help ephemerally', async () => {
    const m = await d.slashCommand({ name: 'help' }).final();
    expect(m.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(m.content).toContain('`/who-said` quote [speaker] [since] [until]');
  });

  it('autocompletes speakers and programmes, best first, within 25 choices of 100 characters', async () => {
    const h = d.autocomplete({ name: 'quotes', options: { speaker: 'qu' } });
    const cb = await h.response();
    expect(cb.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = (cb.data as APICommandAutocompleteInteractionResponseCallbackData).choices ?? [];
    expect(choices[0]).toEqual({ name: 'Mara Quell — Harbour Councillor', value: 'Mara Quell' });

    const all = ((await d.autocomplete({ name: 'who-said', options: { quote: 'x', speaker: '' }, focused: 'speaker' }).response()).data as APICommandAutocompleteInteractionResponseCallbackData).choices ?? [];
    expect(all.length).toBeGreaterThan(3);
    expect(all.length).toBeLessThanOrEqual(25);
    expect(all.map((c) => c.value)).toContain('Karoline Leavitt');

    const prog = (await d.autocomplete({ name: 'timeline', options: { program: 'ev' } }).response()).data as APICommandAutocompleteInteractionResponseCallbackData;
    expect(prog.choices).toEqual([{ name: 'Evening Desk', value: 'Evening Desk' }]);
    expect(d.limitViolations()).toEqual([]);
  });

  it('"Who said this?" on a message looks up its text', async () => {
    const target = d.userMessage({ content: 'We will not raise mooring fees this year' });
    const h = d.messageContextMenu({ name: 'Who said this?', targetMessage: target });
    const e = embedOf(await h.final());
    expect(e.title).toBe('Exact match');
    expect(fieldText(e)).toContain('`002_harbour_budget.txt, line 19`');
  });

  it('quotes @everyone, role and user mentions, markdown and links without pinging or formatting', async () => {
    const h = d.slashCommand({ name: 'who-said', options: { quote: 'who rides the early boat knows the truth' } });
    const m = await h.final();
    const value = embedOf(m).fields![0]!.value;
    expect(value).toContain('@\u200beveryone');
    expect(value).toContain('<\u200b@&123>');
    expect(value).toContain('<\u200b@456>');
    expect(value).toContain('\\*\\*bold\\*\\*');
    expect(value).toContain('https:\u200b//example.com/promises');
    expect(value).toContain('\\[this\\](https:\u200b//evil.example)');
    expect(value).not.toMatch(/@everyone|<@&?\d|https?:\/\//);
    // Every message the bot sent carried allowed_mentions with nothing to parse.
    const bodies = d.requests().filter((r) => r.method !== 'GET' && /callback|webhooks|\/messages$/.test(r.path) && r.body !== undefined);
    expect(bodies.length).toBeGreaterThan(5);
    for (const r of bodies) {
      const b = r.body as { type?: number; data?: Record<string, unknown> } & Record<string, unknown>;
      const msg = r.path.endsWith('/callback') ? b.data : b;
      if (!msg || b.type === InteractionResponseType.DeferredChannelMessageWithSource || b.type === InteractionResponseType.ApplicationCommandAutocompleteResult || b.type === InteractionResponseType.DeferredMessageUpdate) continue;
      expect(msg.allowed_mentions, `${r.method} ${r.path}`).toEqual({ parse: [] });
    }
  });

  it('answers an error ephemerally with a ref that is also in the log', async () => {
    hook = async (inv) => {
      if (inv.args.quote === 'break the bot please') throw new Error('simulated core failure');
    };
    const h = d.slashCommand({ name: 'who-said', options: { quote: 'break the bot please' } });
    const m = await h.final();
    hook = undefined;
    expect(m.flags! & EPHEMERAL).toBe(EPHEMERAL);
    const ref = /Something went wrong \(ref ([A-Z2-9]{6})\)/.exec(m.content)?.[1];
    expect(ref).toBeDefined();
    const line = run.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'interaction_failed');
    expect(line).toMatchObject({ level: 'error', ref, interactionId: h.id });
    expect(JSON.stringify(line)).toContain('simulated core failure');
  });

  it('stays within every limit and makes no request the double does not know', () => {
    expect(d.limitViolations()).toEqual([]);
    expect(d.unknownRequests()).toEqual([]);
  });
});
