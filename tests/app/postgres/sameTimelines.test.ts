// /timeline gives the same stories, in the same order, with the same counts, from the in-memory
// index and from PostgreSQL, over the dev set's real transcripts (../shared/dev/corpus): every
// page, every story expanded, a topic limited by dates (given, and named in the topic), topics
// naming a speaker, the spoken order and a follow's files; then on invented files, at the edges
// the database reckons apart from the GIN lookup: neighbours exactly NEAR_WORDS indexed words
// away and one word further, and a neighbour dated outside the range. Each question is first
// checked to be one that tests something (enough stories, the dates at the range's edges, a
// passage that only its speaker ties to the topic), so that agreeing on empty answers cannot pass.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome, TimelineStory } from '../../../src/core/ask/answer.ts';
import type { Args, Invocation } from '../../../src/core/ask/commands.ts';
import { planTopic } from '../../../src/core/ask/topicPlan.ts';
import { NEAR_WORDS } from '../../../src/core/ask/topicStories.ts';
import { indexedWords } from '../../../src/core/search/indexOptions.ts';
import { pgUnavailable, startPgServer, type PgServer } from '../../helpers/pgServer.ts';
import { openBoth, type TwoBackends } from '../../helpers/twoBackends.ts';

const why = await pgUnavailable();
if (why) console.warn(why);
const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/dev/corpus');
const noCorpus = existsSync(CORPUS) ? null : 'skipped: ../shared/dev/corpus not present';
if (noCorpus) console.warn(noCorpus);
const NOW = new Date('2026-11-27T12:00:00Z');
/** Small pages, so that a timeline has several and their order across pages is compared too. */
const PAGE_SIZE = 2;
/** Words that are not stopwords and name no topic, to put distance between a topic's words. */
const PADDING = ['barge', 'crane', 'quay', 'rope', 'anchor', 'buoy', 'mast', 'deck'];

function storiesOf(out: Outcome): TimelineStory[] {
  if (!out.ok) throw new Error(`no answer: ${out.problem.message}`);
  return out.answer.stories ?? [];
}

describe.skipIf(why !== null)('timelines from the in-memory index and from PostgreSQL', () => {
  let server: PgServer;
  let both: TwoBackends;
  beforeAll(async () => {
    server = await startPgServer();
    if (!noCorpus) both = await openBoth(server, CORPUS, 'timelines');
  }, 120_000);
  afterAll(async () => {
    await both?.close();
    await server?.stop();
  });

  /** Every story of the timeline, page by page, as the in-memory index gives it. */
  async function allStories(command: 'timeline' | 'followed', args: Args, b = both): Promise<TimelineStory[]> {
    const out: TimelineStory[] = [];
    for (let page = 1; ; page++) {
      const answer = await b.memory.run({ command, args, page }, NOW, PAGE_SIZE);
      out.push(...storiesOf(answer));
      if (!answer.ok || page >= answer.answer.pageCount) return out;
    }
  }

  /** Asks both backends every page, one page past the end, and every story expanded; returns
   * how many answers were compared. */
  async function compare(command: 'timeline' | 'followed', args: Args, b = both): Promise<number> {
    const asks: Invocation[] = [];
    const first = await b.memory.run({ command, args }, NOW, PAGE_SIZE);
    const pages = first.ok ? first.answer.pageCount : 1;
    for (let page = 1; page <= pages + 1; page++) asks.push({ command, args, page });
    if (command === 'timeline') {
      for (const s of await allStories(command, args, b)) {
        for (const key of [s.key, ...s.reruns.map((r) => r.key)]) asks.push({ command: 'story', args: { ...args, story: key } });
      }
    }
    for (const inv of asks) {
      const [mem, pg] = [await b.memory.run(inv, NOW, PAGE_SIZE), await b.engine.run(inv, NOW, PAGE_SIZE)];
      expect.soft(pg, `${inv.command} ${JSON.stringify(inv.args)} page ${inv.page ?? 1}`).toEqual(mem);
    }
    return asks.length;
  }

  it.skipIf(noCorpus !== null)('a topic naming a speaker: said by them counts, as in memory', async () => {
    for (const topic of ['Morrell on Iraq', 'Margaret Brennan on Ukraine']) {
      const plan = planTopic(both.index, topic, NOW);
      if ('ok' in plan) throw new Error(plan.problem.message);
      const named = plan.terms.find((t) => t.speakers);
      expect(named, `${topic}: a person term`).toBeDefined();
      const stories = await allStories('timeline', { topic });
      expect(stories.length, topic).toBeGreaterThanOrEqual(2);
      if (topic.startsWith('Morrell')) {
        // A passage the person term holds only by its speaker: the database must read the label.
        const bySpeakerOnly = stories.flatMap((s) => s.passages).filter((i) => named!.speakers!.has(i.passage.speaker.name) && !/morrell/i.test(i.passage.text));
        expect(bySpeakerOnly.length).toBeGreaterThan(0);
      }
      expect(await compare('timeline', { topic })).toBeGreaterThan(stories.length);
      expect(await compare('timeline', { topic, order: 'spoken' })).toBeGreaterThan(stories.length);
    }
  }, 120_000);

  it.skipIf(noCorpus !== null)('a topic limited by dates given, with stories on both edges of the range, and by dates the topic names', async () => {
    const topic = 'Margaret Brennan on Ukraine';
    const [since, until] = ['2023-08-28', '2023-12-24'];
    const whole = await allStories('timeline', { topic });
    const limited = await allStories('timeline', { topic, since, until });
    expect(limited.length).toBeGreaterThanOrEqual(2);
    expect(limited.length).toBeLessThan(whole.length);
    const days = limited.map((s) => s.date?.slice(0, 10) ?? '');
    expect(days.every((d) => d >= since && d <= until)).toBe(true);
    expect(days).toContain(since);
    expect(days).toContain(until);
    await compare('timeline', { topic, since, until });
    // The day after the first edge and the day before the last: stories drop off at each end.
    await compare('timeline', { topic, since: '2023-08-29', until: '2023-12-23' });

    const named = await allStories('timeline', { topic: 'Ukraine in 2023' });
    expect(named.length).toBeGreaterThanOrEqual(2);
    expect(named.every((s) => s.date?.startsWith('2023'))).toBe(true);
    expect(named.length).toBeLessThan((await allStories('timeline', { topic: 'Ukraine' })).length);
    await compare('timeline', { topic: 'Ukraine in 2023' });
    await compare('timeline', { topic: 'rice farmers', since: '2022' });
  }, 120_000);

  it.skipIf(noCorpus !== null)('a follow: only the stories of the files it names', async () => {
    const whole = await allStories('timeline', { topic: 'tariffs' });
    const files = [whole[0]!.file, whole[whole.length - 1]!.file];
    const followed = await allStories('followed', { topic: 'tariffs', files: files.join('\n') });
    expect(followed.map((s) => s.file).sort()).toEqual([...files].sort());
    await compare('followed', { topic: 'tariffs', files: files.join('\n') });
    await compare('followed', { topic: 'Morrell on Iraq', files: whole[0]!.file });
  }, 120_000);

  it('at the edges of nearness and of a date range, on invented files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'soundbite-edges-'));
    const write = (file: string, aired: string, paragraphs: readonly string[]) =>
      writeFileSync(path.join(dir, file), [` date ${aired} [Coast Report] “Harbour news”`, '[LEAD]', 'Here is the harbour news.', '[REPORT]', ...paragraphs].join('\n\n'));
    // The reporter's line (aired 2025-06-12) says "dredging", the soundbite after it (spoken
    // March 2024) says "silt": each is a story about both only with the other beside it.
    write('harbour.txt', '2025-06-12', [
      'Barges returned to the old harbour this week as dredging began again after a long pause.',
      'Marta Quill / Harbour Master (March 2024)',
      'The channel fills with silt every winter, and the boats run aground at low tide.',
      'The authority expects the channel to be open to ferries by the autumn.',
    ]);
    // "sluice" and "gravel" with NEAR_WORDS indexed words between them, and with one more.
    const between = (n: number) => Array.from({ length: n }, (_, i) => PADDING[i % PADDING.length]).join(' ');
    expect(indexedWords(between(NEAR_WORDS))).toHaveLength(NEAR_WORDS);
    write('locks.txt', '2025-06-14', ['The sluice gates opened at dawn.', between(NEAR_WORDS), 'Crews cleared gravel from the channel bed.']);
    write('weir.txt', '2025-06-15', ['The sluice gates opened at noon.', between(NEAR_WORDS + 1), 'Crews cleared gravel from the weir.']);
    const edges = await openBoth(server, dir, 'edges');
    try {
      const near = await allStories('timeline', { topic: 'sluice gravel' }, edges);
      expect(near.map((s) => s.file)).toEqual(['locks.txt']);
      await compare('timeline', { topic: 'sluice gravel' }, edges);
      for (const [limit, word] of [[{ since: '2025-01-01' }, 'dredging'], [{ until: '2024-12-31' }, 'silt']] as const) {
        const args = { topic: 'dredging silt', ...limit };
        const passages = (await allStories('timeline', args, edges)).flatMap((s) => s.passages.map((i) => i.passage.text));
        expect(passages, JSON.stringify(limit)).toHaveLength(1);
        expect(passages[0]).toContain(word);
        expect(passages[0]).not.toContain(word === 'silt' ? 'dredging' : 'silt');
        await compare('timeline', args, edges);
      }
    } finally {
      await edges.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
