// Issue 2's acceptance answers on the seed transcript, read from corpus/ as a journalist would,
// asked of both backends: the index in memory, and the archive imported into a real PostgreSQL.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/app/engine/Engine.ts';
import { LocalEngine } from '../../../src/app/engine/LocalEngine.ts';
import { Database } from '../../../src/app/postgres/database.ts';
import { importFolder } from '../../../src/app/postgres/importFolder.ts';
import { PostgresEngine } from '../../../src/app/postgres/PostgresEngine.ts';
import { openTestCorpus } from '../../helpers/indexFiles.ts';
import { pgUnavailable, startPgServer, type PgServer } from '../../helpers/pgServer.ts';
import type { Answer } from '../../../src/core/ask/answer.ts';

const NOW = new Date('2026-11-27T12:00:00Z');
const SEED = path.resolve(import.meta.dirname, '../../../corpus');
const why = await pgUnavailable();
if (why) console.warn(why);

for (const backend of ['memory', 'postgres'] as const) {
  describe.skipIf(backend === 'postgres' && why !== null)(`the seed, answered from ${backend}`, () => {
    let engine: Engine;
    let server: PgServer | undefined;
    let db: Database | undefined;
    beforeAll(async () => {
      if (backend === 'memory') {
        engine = LocalEngine.ofIndex((await openTestCorpus(SEED)).index);
        return;
      }
      server = await startPgServer();
      db = await Database.open({ url: await server.createDatabase('seed') });
      await importFolder(db, SEED);
      engine = await PostgresEngine.open(db, null);
    });
    afterAll(async () => {
      await engine?.close();
      await db?.close();
      await server?.stop();
    });

    async function ask(command: 'who-said' | 'timeline' | 'quotes' | 'search' | 'context' | 'speakers', args: Record<string, string>): Promise<Answer> {
      const out = await engine.run({ command, args }, NOW);
      if (!out.ok) throw new Error(out.problem.message);
      return out.answer;
    }

    describe('who-said on the seed', async () => {
      it('"receptive to correspondence" is Karoline Leavitt, White House Press Secretary, 2025-06-12, line 31', async () => {
        const a = await ask('who-said', { quote: 'receptive to correspondence' });
        expect(a.verdict).toBe('exact');
        const top = a.items[0]!;
        expect(top.passage.speaker).toMatchObject({ name: 'Karoline Leavitt', title: 'White House Press Secretary' });
        expect(top.passage.kind).toBe('quote');
        expect(top.passage.source).toMatchObject({ file: '000_79a02109ed31242b.txt', line: 31, aired: '2025-06-12', program: 'News Today' });
        expect(top.passage.text.slice(top.match!.span.start, top.match!.span.end)).toBe('receptive to correspondence');
      });

      it('"I walked across the line" is Donald Trump, spoken 2025-03 (the note says March, never a future month)', async () => {
        const a = await ask('who-said', { quote: 'I walked across the line' });
        expect(a.verdict).toBe('exact');
        expect(a.items[0]!.passage.speaker.name).toBe('Donald Trump');
        expect(a.items[0]!.passage.source).toMatchObject({ spoken: '2025-03', aired: '2025-06-12', note: 'March' });
        expect(a.items[0]!.date).toBe('2025-03');
      });

      it('"wants to improve relations with North Korean leader" is reported speech by the White House, not a quote', async () => {
        const a = await ask('who-said', { quote: 'wants to improve relations with North Korean leader' });
        expect(a.verdict).toBe('reported');
        expect(a.items[0]!.passage.kind).toBe('reported');
        expect(a.items[0]!.passage.speaker.name).toBe('The White House');
      });

      it('"we will build a wall on the moon" is not_found and names nobody', async () => {
        const a = await ask('who-said', { quote: 'we will build a wall on the moon' });
        expect(a.verdict).toBe('not_found');
        expect(a.items).toEqual([]);
      });

      it('a misremembered fragment (a word changed, another misspelled, curly quotes) is a close match to Leavitt', async () => {
        const a = await ask('who-said', { quote: '“The President remains open to correspondance with Kim Jong-un”' });
        expect(a.verdict).toBe('close');
        expect(a.items[0]!.passage.speaker.name).toBe('Karoline Leavitt');
        expect(a.items[0]!.match!.differing).toBe(2);
        expect(a.items[0]!.match!.differences).toEqual([
          { kind: 'changed', remembered: 'open', said: 'receptive' },
          { kind: 'similar', remembered: 'correspondance', said: 'correspondence' },
        ]);
      });

      it('says how a fragment differs: a clause left out as one difference, words added in a row as one phrase, a moved word as moved', async () => {
        const clause = await ask('who-said', { quote: 'The President remains receptive to correspondence with Kim Jong-un and the progress' });
        expect(clause.verdict).toBe('close');
        expect(clause.items[0]!.match!.differing).toBe(1);
        expect(clause.items[0]!.match!.differences).toEqual([{ kind: 'dropped', remembered: null, said: "he'd like to see" }]);
        const added = await ask('who-said', { quote: 'The President remains receptive to correspondence with Kim Jong-un and his sister' });
        expect(added.items[0]!.match!.differences).toEqual([{ kind: 'added', remembered: 'his sister', said: null }]);
        const moved = await ask('who-said', { quote: 'I walked the line across' });
        expect(moved.items[0]!.match!.differences).toEqual([{ kind: 'moved', remembered: 'across', said: 'across' }]);
      });

      it('a speaker filter that excludes the speaker declines instead of naming someone else', async () => {
        const a = await ask('who-said', { quote: 'receptive to correspondence', speaker: 'Trump' });
        expect(a.verdict).toBe('not_found');
      });
    });

    describe('the other questions on the seed', async () => {
      it('timeline of Kim Jong-un is one story with its passages about him, a newsmaker\'s quote shown first', async () => {
        const a = await ask('timeline', { topic: 'Kim Jong-un' });
        expect(a.total).toBe(1);
        const story = a.stories![0]!;
        expect(story).toMatchObject({ file: '000_79a02109ed31242b.txt', aired: '2025-06-12', program: 'News Today', headline: 'Trump ‘receptive’ to contact with Kim' });
        expect(story.passages.length).toBeGreaterThan(2);
        expect(story.shown[0]!.passage).toMatchObject({ kind: 'quote', speaker: { name: 'Karoline Leavitt' } });
        const lines = story.passages.map((i) => i.passage.source.line);
        expect(lines).toEqual([...lines].sort((x, y) => x - y));
      });

      it('"expand 1" lists every passage of the story', async () => {
        const a = await ask('timeline', { topic: 'Kim Jong-un' });
        const out = await engine.run({ command: 'story', args: { topic: 'Kim Jong-un', story: a.context.stories![0]! } }, NOW, 100);
        if (!out.ok) throw new Error(out.problem.message);
        expect(out.answer.items.map((i) => i.passage.id)).toEqual(a.stories![0]!.passages.map((i) => i.passage.id));
      });

      it('timeline finds a topic by stem (summits, summit) and forgives a typo (Singapur)', async () => {
        const ids = async (topic: string) => (await ask('timeline', { topic })).stories!.flatMap((s) => s.passages.map((i) => i.passage.source.line));
        expect(await ids('summits Singapore')).toContain(31);
        expect(await ids('Singapur summit')).toContain(31);
        expect(await ids('moon landing')).toEqual([]);
      });

      it('quotes matches a speaker loosely (surname, case), and focuses on the first item for follow-ups', async () => {
        const a = await ask('quotes', { speaker: 'leavitt' });
        expect(a.items.map((i) => i.passage.speaker.name)).toEqual(['Karoline Leavitt']);
        expect(a.context).toMatchObject({ focusId: a.items[0]!.passage.id, focusDate: '2025-06-12', speaker: 'Karoline Leavitt' });
      });

      it('context shows the passages around one, in reading order', async () => {
        const id = (await ask('who-said', { quote: 'receptive to correspondence' })).items[0]!.passage.id;
        const c = await ask('context', { id });
        const lines = c.items.map((i) => i.passage.source.line);
        expect(lines).toContain(31);
        expect([...lines].sort((x, y) => x - y)).toEqual(lines);
      });

      it('speakers lists people, not narration voices', async () => {
        const a = await ask('speakers', {});
        const names = a.speakers!.map((s) => s.name);
        expect(names).toEqual(expect.arrayContaining(['Karoline Leavitt', 'Donald Trump']));
        expect(names).not.toContain('Anchor');
      });

      it('bad input is refused with a code and a sentence', async () => {
        const refuse = async (command: 'who-said' | 'timeline', args: Record<string, string>) => {
          const out = await engine.run({ command, args }, NOW);
          return out.ok ? null : out.problem.code;
        };
        expect(await refuse('who-said', { quote: '   ' })).toBe('empty_query');
        expect(await refuse('who-said', { quote: 'x'.repeat(2001) })).toBe('query_too_long');
        expect(await refuse('who-said', { quote: 'receptive', speaker: 'Nobody Atall' })).toBe('too_few_words');
        expect(await refuse('who-said', { quote: 'receptive to correspondence', speaker: 'Nobody Atall' })).toBe('unknown_speaker');
        expect(await refuse('timeline', { topic: 'Kim', since: '2025-06-01', until: '2025-01-01' })).toBe('bad_range');
        expect(await refuse('timeline', { topic: 'Kim', since: '2025-13' })).toBe('bad_date');
      });
    });

    describe('long fragments', async () => {
      it('a pasted paragraph is matched on its first 60 words, says so, and declines when most of them are not the quote', async () => {
        const leavitt = "The President remains receptive to correspondence with Kim Jong-un and he'd like to see the progress that was made at that summit in Singapore in 2018 during his first term.";
        const paragraph = `${leavitt} ${'And then the reporter went on at length about other things entirely. '.repeat(12)}`;
        const a = await ask('who-said', { quote: paragraph });
        expect(a.notes.some((n) => /first 60 of the \d+ words/.test(n))).toBe(true);
        expect(a.verdict).toBe('not_found');
        expect(a.nearest[0]!.passage.speaker.name).toBe('Karoline Leavitt');
        // A message that quotes her and adds a short comment still finds her.
        const quoted = await ask('who-said', { quote: `${leavitt} That is what she told reporters.` });
        expect(quoted.verdict).not.toBe('not_found');
        expect(quoted.items[0]!.passage.speaker.name).toBe('Karoline Leavitt');
      });
    });
  });
}
