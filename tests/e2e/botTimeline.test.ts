// Timelines in Discord, with the real discord.js client against the double: the answer comes with
// its chart attached, Export returns Markdown and CSV files, and a story's passages open with a
// button and with "expand 1" in the answer's thread.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags, type APIMessage } from 'discord-api-types/v10';
import type { CorpusIndex } from '../../src/core/search/CorpusIndex.ts';
import { decodePng } from '../helpers/decodePng.ts';
import { DiscordDouble } from './double/DiscordDouble.ts';
import { buttonsOf, e2eCorpus, embedOf, fieldText, register, runBot, tempDataDir, type Running } from './botHarness.ts';

const EPHEMERAL = MessageFlags.Ephemeral as number;

describe('timelines in Discord', () => {
  let d: DiscordDouble;
  let index: CorpusIndex;
  let run: Running;
  let tl: APIMessage;

  const click = (message: APIMessage, label: string) => {
    const customId = buttonsOf(message).get(label);
    if (!customId) throw new Error(`no "${label}" button: ${[...buttonsOf(message).keys()].join(', ')}`);
    return d.clickButton({ customId, message });
  };
  const download = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

  beforeAll(async () => {
    d = await DiscordDouble.start();
    index = await e2eCorpus();
    await register(d);
    run = await runBot(d, { index, dataDir: await tempDataDir() });
    tl = await d.slashCommand({ name: 'timeline', options: { topic: 'ferry' } }).final({ timeoutMs: 5000 });
  });

  afterAll(async () => {
    await run?.bot.stop();
    await d?.stop();
  });

  it('answers with a story per field and the chart attached as the embed\'s picture', async () => {
    const e = embedOf(tl);
    expect(e.title).toBe('Timeline: ferry (2 stories)');
    expect(e.image?.url).toMatch(/timeline\.png$/);
    expect(tl.attachments.map((a) => a.filename)).toEqual(['timeline.png']);
    const png = decodePng(await download(tl.attachments[0]!.url));
    expect(png.width).toBeGreaterThan(700);
    expect(png.height).toBeGreaterThan(250);
    expect(d.limitViolations()).toEqual([]);
  });

  it('Export returns the whole answer as Markdown and CSV files, to the one who asked', async () => {
    const h = click(tl, 'Export');
    const m = await h.final({ timeoutMs: 5000 });
    expect((m.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(m.attachments.map((a) => a.filename)).toEqual(['timeline-ferry.md', 'timeline-ferry.csv']);
    const md = (await download(m.attachments[0]!.url)).toString('utf8');
    expect(md).toMatch(/^# Timeline: ferry\n/);
    expect(md).toContain('## 2025-04-03 · Evening Desk: “Ferry service ‘back by summer’, says council”');
    expect(md).toContain('> — **Mara Quell, Harbour Councillor**, quote');
    const rows = parse((await download(m.attachments[1]!.url)).toString('utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.file)).toEqual(expect.arrayContaining(['001_harbour_ferry.txt', '002_harbour_budget.txt']));
    expect(rows.every((r) => r.command === 'timeline' && r.id && r.line && r.aired)).toBe(true);
  });

  it('a story with more passages than shown has a button listing them all, as a new answer', async () => {
    expect([...buttonsOf(tl).keys()].some((l) => l.startsWith('All of'))).toBe(false); // every ferry passage is shown
    const budget = await d.slashCommand({ name: 'timeline', options: { topic: 'budget' } }).final({ timeoutMs: 5000 });
    expect(fieldText(embedOf(budget))).toContain('+ 1 more passage about it');
    const m = await click(budget, 'All of [1] (3)').final({ timeoutMs: 5000 });
    const e = embedOf(m);
    expect(e.title).toBe('Story: budget (3 passages)');
    expect(e.description).toContain('Evening Desk: “Harbour budget passes after late-night vote”, aired 2025-05-20: 3 passages about it.');
    expect(e.fields!.map((f) => /line (\d+)/.exec(f.value)![1])).toEqual(['7', '19', '33']);
  });

  it('"expand 1" in the timeline\'s thread lists the story there, and "expand 2" still works after it', async () => {
    const thread = d.threads().find((t) => t.id === tl.id);
    expect(thread).toBeDefined();
    d.userMessage({ channelId: thread!.id, content: 'expand 9' });
    const refused = await d.waitUntil(() => d.messagesIn(thread!.id).find((m) => m.author.bot && m.content.includes('asks for number 9')), 5000, 'the refusal');
    expect(refused.content).toContain('This page of the timeline has 2 stories');
    const stories = () => d.messagesIn(thread!.id).filter((m) => m.author.bot && m.embeds[0]?.title?.startsWith('Story: ferry'));
    d.userMessage({ channelId: thread!.id, content: 'expand 1' });
    const first = await d.waitUntil(() => stories()[0], 5000, 'the first story in the thread');
    expect(fieldText(embedOf(first))).toContain('001_harbour_ferry.txt, line 19');
    d.userMessage({ channelId: thread!.id, content: 'expand 2' });
    const second = await d.waitUntil(() => stories()[1], 5000, 'the second story in the thread');
    expect(fieldText(embedOf(second))).toContain('002_harbour_budget.txt, line 19');
  });
});
