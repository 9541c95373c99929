// Buttons under answers, with the real discord.js client against the double: pagination, more
// context, timeline of the speaker, feedback, and all of them again after a restart of the bot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags, type APIMessage } from 'discord-api-types/v10';
import type { CorpusIndex } from '../../src/core/search/CorpusIndex.ts';
import { feedbackVotes } from '../../src/discord/exportFeedback.ts';
import { DiscordDouble } from './double/DiscordDouble.ts';
import { FERRY_19, buttonsOf, e2eCorpus, embedOf, fieldText, register, runBot, tempDataDir, type Running } from './botHarness.ts';

const EPHEMERAL = MessageFlags.Ephemeral as number;

describe('buttons', () => {
  let d: DiscordDouble;
  let index: CorpusIndex;
  let dataDir: string;
  let run: Running;
  let paged: APIMessage;
  let whoSaid: APIMessage;

  const click = (message: APIMessage, label: string) => {
    const customId = buttonsOf(message).get(label);
    if (!customId) throw new Error(`no "${label}" button on ${message.id}: ${[...buttonsOf(message).keys()].join(', ')}`);
    return d.clickButton({ customId, message });
  };

  beforeAll(async () => {
    d = await DiscordDouble.start();
    index = await e2eCorpus();
    dataDir = await tempDataDir();
    await register(d);
    run = await runBot(d, { index, dataDir });
    paged = await d.slashCommand({ name: 'search', options: { query: 'ferry' } }).final();
    whoSaid = await d.slashCommand({ name: 'who-said', options: { quote: 'the ferry will be back before the school holidays' } }).final();
  });

  afterAll(async () => {
    await run?.bot.stop();
    await d?.stop();
  });

  it('pages with ◀ / ▶ and shows "page x of y", custom ids within 100 characters', async () => {
    const labels = [...buttonsOf(paged).keys()];
    expect(labels.slice(0, 3)).toEqual(['◀', 'page 1 of 2', '▶']);
    for (const id of buttonsOf(paged).values()) expect(id.length).toBeLessThanOrEqual(100);
    const h = click(paged, '▶');
    expect((await h.response()).type).toBe(InteractionResponseType.UpdateMessage);
    const page2 = await h.final();
    expect(page2.id).toBe(paged.id);
    expect(embedOf(page2).footer?.text).toBe('Page 2 of 2 · 9 in all');
    expect([...buttonsOf(page2).keys()].slice(0, 3)).toEqual(['◀', 'page 2 of 2', '▶']);
    const back = await click(page2, '◀').final();
    expect(embedOf(back).footer?.text).toBe('Page 1 of 2 · 9 in all');
    paged = back;
  });

  it('"More context" shows the passages around the match', async () => {
    const m = await click(whoSaid, 'More context').final();
    const e = embedOf(m);
    expect(e.title).toBe('Context, as it aired');
    expect(e.fields?.find((f) => f.name.startsWith('▶ '))?.value).toContain('`001_harbour_ferry.txt, line 19`');
  });

  it('"Timeline of this speaker" lists the speaker\'s passages', async () => {
    const e = embedOf(await click(whoSaid, 'Timeline of this speaker').final());
    expect(e.title).toBe('Timeline: Mara Quell (2 stories)');
    expect(fieldText(e)).toContain('`002_harbour_budget.txt, line 19`');
  });

  it('"Right" and "Wrong speaker" are recorded, one vote per user per answer (the last click counts), and acknowledged privately', async () => {
    const right = await click(whoSaid, 'Right').final();
    expect(right.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(right.content).toContain('recorded as right');
    const wrong = click(whoSaid, 'Wrong speaker');
    await wrong.final();
    const votes = await feedbackVotes(run.bot.deps.store);
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({
      verdict: 'wrong_speaker',
      passageId: FERRY_19,
      query: 'the ferry will be back before the school holidays',
      userId: d.world.journalist.id,
      interactionId: wrong.id,
    });
    expect(typeof votes[0]!.time).toBe('string');
    // Fifty clicks by one person are one vote; another person's click is another.
    await Promise.all(Array.from({ length: 50 }, () => click(whoSaid, 'Right').final({ timeoutMs: 5000 })));
    await d.clickButton({ customId: buttonsOf(whoSaid).get('Right')!, message: whoSaid, user: d.world.editor }).final();
    const after = await feedbackVotes(run.bot.deps.store);
    expect(after.map((v) => `${v.userId}:${v.verdict}`).sort()).toEqual([`${d.world.editor.id}:right`, `${d.world.journalist.id}:right`].sort());
  });

  it('an unknown or expired button answers politely and privately', async () => {
    const m = await d.clickButton({ customId: 'sb1:p:zzzzzzzzzz:2', message: paged }).final();
    expect(m.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(m.content).toContain('no longer remembers');
    const odd = await d.clickButton({ customId: 'from-another-version', message: paged }).final();
    expect(odd.content).toContain('no longer remembers');
  });

  it('buttons keep working after a restart (new client, same data dir)', async () => {
    await run.bot.stop();
    run = await runBot(d, { index, dataDir });
    const page2 = await click(paged, '▶').final();
    expect(embedOf(page2).footer?.text).toBe('Page 2 of 2 · 9 in all');
    const ctx = await click(whoSaid, 'More context').final();
    expect(fieldText(embedOf(ctx))).toContain('Mara Quell');
  });

  it('stays within every limit', () => {
    expect(d.limitViolations()).toEqual([]);
    expect(d.unknownRequests()).toEqual([]);
  });
});
