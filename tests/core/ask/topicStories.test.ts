// Which stories a topic's timeline keeps, at the boundaries of each rule: words together or far
// apart, one term or two, the headline, a story far weaker than the best, a person said by or
// about, a title that describes them, a list of names, a programme, phrases.
import { describe, expect, it } from 'vitest';
import { timeline } from '../../../src/core/ask/timeline.ts';
import type { CorpusIndex } from '../../../src/core/search/CorpusIndex.ts';
import { padding, storyIndex, type StoryFile } from '../../helpers/storyCorpus.ts';

const NOW = new Date('2026-11-27T12:00:00Z');

function files(index: CorpusIndex, topic: string, extra: Record<string, string> = {}): string[] {
  const out = timeline(index, { topic, pageSize: 1000, ...extra }, NOW);
  if (!out.ok) throw new Error(out.problem.message);
  return out.answer.stories!.map((s) => s.file);
}

describe('a story is about a topic when its terms come together', () => {
  const stories: StoryFile[] = [
    { file: 'together.txt', lines: ['> Rice farmers protest as the harvest sells for less.'] },
    { file: 'neighbours.txt', lines: ['> Rice sold for less this autumn.', '> Farmers blocked the road.'] },
    // The same two words, more than 40 indexed words (stopwords aside) apart.
    { file: 'a-sentence-between.txt', lines: ['> Rice sold for less this autumn.', `> ${padding(40)}.`, '> Farmers blocked the road.'] },
    { file: 'apart.txt', lines: ['> Rice sold for less this autumn.', `> ${padding(100)}.`, '> Farmers blocked the road.'] },
    { file: 'one-word.txt', lines: ['> Rice sold for less this autumn.', '> Prices fell again.'] },
    { file: 'headline.txt', headline: 'Rice farmers', lines: ['> The protest went on all night.'] },
  ];
  const index = storyIndex(stories);

  it.each([
    ['together.txt', true],
    ['neighbours.txt', true],
    ['a-sentence-between.txt', true],
    ['apart.txt', false],
    ['one-word.txt', false],
    ['headline.txt', true],
  ])('%s: %s', (file, kept) => {
    expect(files(index, 'rice farmers').includes(file)).toBe(kept);
  });

  it('a one-word topic needs only that word', () => {
    expect(files(index, 'rice')).toEqual(expect.arrayContaining(['together.txt', 'neighbours.txt', 'apart.txt', 'one-word.txt']));
  });
});

describe('a story far weaker than the best only brushes the topic', () => {
  const index = storyIndex([
    // The best story says the whole topic again and again.
    { file: 'best.txt', lines: Array.from({ length: 10 }, (_, i) => `> The moorings fees at the quay and the levy, day ${i}.`) },
    { file: 'also.txt', lines: ['> The quay levy and moorings fees rose.'] },
    // Half the topic's weight, said once: enough on its own, far weaker than the best.
    { file: 'weak.txt', lines: ['> Moorings fees went up.'] },
  ]);

  it('keeps the stories that hold the topic and drops one that only brushes it', () => {
    expect(files(index, 'moorings fees quay levy').sort()).toEqual(['also.txt', 'best.txt']);
  });

  it('keeps a story under the cut that says the topic\'s words together as typed', () => {
    const phrased = storyIndex([
      { file: 'best.txt', lines: Array.from({ length: 10 }, (_, i) => `> The moorings fees at the quay and the levy, day ${i}.`) },
      { file: 'phrase.txt', lines: ['> Quay levy talks began.'] },
    ]);
    expect(files(phrased, 'moorings fees quay levy').sort()).toEqual(['best.txt']);
    // Typed as two phrases, the story says one of them: half the topic's phrases.
    expect(files(phrased, 'moorings fees and the quay levy').sort()).toEqual(['best.txt', 'phrase.txt']);
  });
});

describe('people, titles, lists and programmes in the topic', () => {
  const index = storyIndex([
    { file: 'by-her.txt', lines: ['Karoline Leavitt: The tariffs stay in place for now.'] },
    { file: 'about-her.txt', lines: ['> Leavitt defended the tariffs on Tuesday.'] },
    { file: 'other-secretary.txt', lines: ['Jane Roe: As press secretary I never discussed tariffs.'] },
    { file: 'no-tariffs.txt', lines: ['Karoline Leavitt: Good afternoon, everyone.'] },
    { file: 'turkey.txt', lines: ['> The earthquake in Turkey killed thousands.'] },
    { file: 'morocco.txt', lines: ['> An earthquake struck Morocco overnight.'] },
    { file: 'syria-war.txt', lines: ['> Fighting in Syria went on.'] },
    { file: 'chile-mine.txt', lines: ['> Miners in Chile were rescued.'] },
    { file: 'japan-trade.txt', lines: ['> Exports from Japan rose.'] },
    { file: 'radiolab.txt', program: 'Radiolab', lines: ['> Today: how bats find their way home.'] },
    { file: 'other-show.txt', program: 'Science Friday', lines: ['> Today: how bats find their way home, and why.'] },
  ]);

  it('a speaker named in the topic means said by or about them; their title only describes them', () => {
    expect(files(index, 'Karoline Leavitt press secretary tariffs').sort()).toEqual(['about-her.txt', 'by-her.txt']);
  });

  it('a list of names means any of them, with the other words still needed', () => {
    expect(files(index, 'earthquakes in Turkey, Syria, Chile, Japan and Morocco').sort()).toEqual(['morocco.txt', 'turkey.txt']);
  });

  it('a programme named in the topic counts for its stories', () => {
    expect(files(index, 'bats on Radiolab')).toEqual(['radiolab.txt']);
  });
});

describe('dates in the topic', () => {
  const index = storyIndex([
    { file: 'old.txt', aired: '2024-05-02', lines: ['> The monsoon rain flooded the valley.'] },
    { file: 'spring.txt', aired: '2026-03-15', lines: ['> The monsoon rain flooded the valley again.'] },
    { file: 'summer.txt', aired: '2025-07-14', lines: ['> Monsoon rain closed the roads.'] },
  ]);

  it.each([
    ['monsoon rain in 2024', ['old.txt']],
    ['monsoon rain, summer 2025', ['summer.txt']],
    ['monsoon rain since March', ['spring.txt']],
    ['monsoon rain until last year', ['old.txt', 'summer.txt']],
    ['monsoon rain', ['old.txt', 'summer.txt', 'spring.txt']],
  ])('%s → %j', (topic, want) => {
    expect(files(index, topic)).toEqual(want);
  });

  it('dates typed as options win over dates in the topic', () => {
    expect(files(index, 'monsoon rain in 2024', { since: '2025-01-01' })).toEqual(['summer.txt', 'spring.txt']);
  });
});
