// Issue 2's acceptance answers on the seed transcript, read from corpus/ as a journalist would.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedCorpus } from '../../../src/app/corpusFolder.ts';
import { openTestCorpus } from '../../helpers/indexFiles.ts';
import { runCommand } from '../../../src/core/ask/commands.ts';
import type { Answer } from '../../../src/core/ask/answer.ts';

const NOW = new Date('2026-11-27T12:00:00Z');
let corpus: LoadedCorpus;
beforeAll(async () => {
  corpus = await openTestCorpus(path.resolve(import.meta.dirname, '../../../corpus'));
});

function ask(command: 'who-said' | 'timeline' | 'quotes' | 'search' | 'context' | 'speakers', args: Record<string, string>): Answer {
  const out = runCommand(corpus.index, { command, args }, NOW);
  if (!out.ok) throw new Error(out.problem.message);
  return out.answer;
}

describe('who-said on the seed', () => {
  it('"receptive to correspondence" is Karoline Leavitt, White House Press Secretary, 2025-06-12, line 31', () => {
    const a = ask('who-said', { quote: 'receptive to correspondence' });
    expect(a.verdict).toBe('exact');
    const top = a.items[0]!;
    expect(top.passage.speaker).toMatchObject({ name: 'Karoline Leavitt', title: 'White House Press Secretary' });
    expect(top.passage.kind).toBe('quote');
    expect(top.passage.source).toMatchObject({ file: '000_79a02109ed31242b.txt', line: 31, aired: '2025-06-12', program: 'News Today' });
    expect(top.passage.text.slice(top.match!.span.start, top.match!.span.end)).toBe('receptive to correspondence');
  });

  it('"I walked across the line" is Donald Trump, spoken 2025-03 (the note says March, never a future month)', () => {
    const a = ask('who-said', { quote: 'I walked across the line' });
    expect(a.verdict).toBe('exact');
    expect(a.items[0]!.passage.speaker.name).toBe('Donald Trump');
    expect(a.items[0]!.passage.source).toMatchObject({ spoken: '2025-03', aired: '2025-06-12', note: 'March' });
    expect(a.items[0]!.date).toBe('2025-03');
  });

  it('"wants to improve relations with North Korean leader" is reported speech by the White House, not a quote', () => {
    const a = ask('who-said', { quote: 'wants to improve relations with North Korean leader' });
    expect(a.verdict).toBe('reported');
    expect(a.items[0]!.passage.kind).toBe('reported');
    expect(a.items[0]!.passage.speaker.name).toBe('The White House');
  });

  it('"we will build a wall on the moon" is not_found and names nobody', () => {
    const a = ask('who-said', { quote: 'we will build a wall on the moon' });
    expect(a.verdict).toBe('not_found');
    expect(a.items).toEqual([]);
  });

  it('a misremembered fragment (a word changed, another misspelled, curly quotes) is a close match to Leavitt', () => {
    const a = ask('who-said', { quote: '“The President remains open to correspondance with Kim Jong-un”' });
    expect(a.verdict).toBe('close');
    expect(a.items[0]!.passage.speaker.name).toBe('Karoline Leavitt');
    expect(a.items[0]!.match!.differing).toBe(2);
    expect(a.items[0]!.match!.differences).toEqual([
      { kind: 'changed', remembered: 'open', said: 'receptive' },
      { kind: 'similar', remembered: 'correspondance', said: 'correspondence' },
    ]);
  });

  it('says how a fragment differs: a clause left out as one difference, words added in a row as one phrase, a moved word as moved', () => {
    const clause = ask('who-said', { quote: 'The President remains receptive to correspondence with Kim Jong-un and the progress' });
    expect(clause.verdict).toBe('close');
    expect(clause.items[0]!.match!.differing).toBe(1);
    expect(clause.items[0]!.match!.differences).toEqual([{ kind: 'dropped', remembered: null, said: "he'd like to see" }]);
    const added = ask('who-said', { quote: 'The President remains receptive to correspondence with Kim Jong-un and his sister' });
    expect(added.items[0]!.match!.differences).toEqual([{ kind: 'added', remembered: 'his sister', said: null }]);
    const moved = ask('who-said', { quote: 'I walked the line across' });
    expect(moved.items[0]!.match!.differences).toEqual([{ kind: 'moved', remembered: 'across', said: 'across' }]);
  });

  it('a speaker filter that excludes the speaker declines instead of naming someone else', () => {
    const a = ask('who-said', { quote: 'receptive to correspondence', speaker: 'Trump' });
    expect(a.verdict).toBe('not_found');
  });
});

describe('the other questions on the seed', () => {
  it('timeline of Kim Jong-un is one story with its passages about him, a newsmaker\'s quote shown first', () => {
    const a = ask('timeline', { topic: 'Kim Jong-un' });
    expect(a.total).toBe(1);
    const story = a.stories![0]!;
    expect(story).toMatchObject({ file: '000_79a02109ed31242b.txt', aired: '2025-06-12', program: 'News Today', headline: 'Trump ‘receptive’ to contact with Kim' });
    expect(story.passages.length).toBeGreaterThan(2);
    expect(story.shown[0]!.passage).toMatchObject({ kind: 'quote', speaker: { name: 'Karoline Leavitt' } });
    const lines = story.passages.map((i) => i.passage.source.line);
    expect(lines).toEqual([...lines].sort((x, y) => x - y));
  });

  it('"expand 1" lists every passage of the story', () => {
    const a = ask('timeline', { topic: 'Kim Jong-un' });
    const out = runCommand(corpus.index, { command: 'story', args: { topic: 'Kim Jong-un', story: a.context.stories![0]! } }, NOW, 100);
    if (!out.ok) throw new Error(out.problem.message);
    expect(out.answer.items.map((i) => i.passage.id)).toEqual(a.stories![0]!.passages.map((i) => i.passage.id));
  });

  it('timeline finds a topic by stem (summits, summit) and forgives a typo (Singapur)', () => {
    const ids = (topic: string) => ask('timeline', { topic }).stories!.flatMap((s) => s.passages.map((i) => i.passage.source.line));
    expect(ids('summits Singapore')).toContain(31);
    expect(ids('Singapur summit')).toContain(31);
    expect(ids('moon landing')).toEqual([]);
  });

  it('quotes matches a speaker loosely (surname, case), and focuses on the first item for follow-ups', () => {
    const a = ask('quotes', { speaker: 'leavitt' });
    expect(a.items.map((i) => i.passage.speaker.name)).toEqual(['Karoline Leavitt']);
    expect(a.context).toMatchObject({ focusId: a.items[0]!.passage.id, focusDate: '2025-06-12', speaker: 'Karoline Leavitt' });
  });

  it('context shows the passages around one, in reading order', () => {
    const id = ask('who-said', { quote: 'receptive to correspondence' }).items[0]!.passage.id;
    const c = ask('context', { id });
    const lines = c.items.map((i) => i.passage.source.line);
    expect(lines).toContain(31);
    expect([...lines].sort((x, y) => x - y)).toEqual(lines);
  });

  it('speakers lists people, not narration voices', () => {
    const a = ask('speakers', {});
    const names = a.speakers!.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Karoline Leavitt', 'Donald Trump']));
    expect(names).not.toContain('Anchor');
  });

  it('bad input is refused with a code and a sentence', () => {
    const refuse = (command: 'who-said' | 'timeline', args: Record<string, string>) => {
      const out = runCommand(corpus.index, { command, args }, NOW);
      return out.ok ? null : out.problem.code;
    };
    expect(refuse('who-said', { quote: '   ' })).toBe('empty_query');
    expect(refuse('who-said', { quote: 'x'.repeat(2001) })).toBe('query_too_long');
    expect(refuse('who-said', { quote: 'receptive', speaker: 'Nobody Atall' })).toBe('too_few_words');
    expect(refuse('who-said', { quote: 'receptive to correspondence', speaker: 'Nobody Atall' })).toBe('unknown_speaker');
    expect(refuse('timeline', { topic: 'Kim', since: '2025-06-01', until: '2025-01-01' })).toBe('bad_range');
    expect(refuse('timeline', { topic: 'Kim', since: '2025-13' })).toBe('bad_date');
  });
});

describe('long fragments', () => {
  it('a pasted paragraph is matched on its first 60 words, says so, and declines when most of them are not the quote', () => {
    const leavitt = "The President remains receptive to correspondence with Kim Jong-un and he'd like to see the progress that was made at that summit in Singapore in 2018 during his first term.";
    const paragraph = `${leavitt} ${'And then the reporter went on at length about other things entirely. '.repeat(12)}`;
    const a = ask('who-said', { quote: paragraph });
    expect(a.notes.some((n) => /first 60 of the \d+ words/.test(n))).toBe(true);
    expect(a.verdict).toBe('not_found');
    expect(a.nearest[0]!.passage.speaker.name).toBe('Karoline Leavitt');
    // A message that quotes her and adds a short comment still finds her.
    const quoted = ask('who-said', { quote: `${leavitt} That is what she told reporters.` });
    expect(quoted.verdict).not.toBe('not_found');
    expect(quoted.items[0]!.passage.speaker.name).toBe('Karoline Leavitt');
  });
});
