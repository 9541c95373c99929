// Quotes misremembered the way people misremember them, each against a small archive of invented
// passages: a close match naming the right speaker, saying how the words differ; the verbatim
// passage first where one exists; and words nobody said still declined.
import { describe, expect, it } from 'vitest';
import { withLexicon } from '../../../src/app/wordNet.ts';
import { whoSaid } from '../../../src/core/ask/whoSaid.ts';
import { parseTranscript } from '../../../src/core/parse/parseTranscript.ts';
import { CorpusIndex } from '../../../src/core/search/CorpusIndex.ts';

const FILE = `Evening Desk
Aired March 4, 2025 - 20:00 ET

JANE ROE, HARBOUR BOARD CHAIR: This was the largest public rally in this city's long history, and we heard every voice.

JOHN DOE, MAYOR OF RIVERSIDE: We established a fund for the families of the ferry crew last spring.

MARY POE, TRADE ENVOY: The U.S. will not lift the tariffs before the summit, and the U.K. agrees.

ANNA LEE, SCHOOL NURSE: You can call the clinic anytime, day or night, and someone will answer.

MARK WU, FIRE CHIEF: Forty-two engines went out on Tuesday and fifteen crews stayed overnight.

PAUL KIM, DOCK WORKER: The storm ran through the harbour, which nobody had prepared for, and took the cranes.

RITA DIAZ, COUNCILLOR: The country was the first nation in the region to offer help to the islands.

RITA DIAZ, COUNCILLOR: The country was the first country in the region to offer assistance to the islands.
`;

const index = withLexicon(new CorpusIndex());
index.addTranscript(parseTranscript('2025-03-04-evening.txt', FILE));
const ask = (fragment: string) => {
  const out = whoSaid(index, { fragment }, new Date('2026-11-29'));
  if (!out.ok) throw new Error(out.problem.message);
  return out.answer;
};

describe('who-said on misremembered quotes', () => {
  it.each([
    ['words dropped from the middle', 'the largest rally in the city\'s history', 'Jane Roe'],
    ['a synonym', 'We set up a fund for the families of the ferry crew', 'John Doe'],
    ['a synonym, the other way', 'We founded a fund for the families of the ferry crew', 'John Doe'],
    ['a compound spaced', 'You can call the clinic any time, day or night', 'Anna Lee'],
    ['an inflection', 'The storm runs through the harbour and took the cranes', 'Paul Kim'],
    ['a clause left out', 'The storm ran through the harbour and took the cranes', 'Paul Kim'],
    ['a misspelled rare word', 'This was the largest public rally in this city\'s long histroy', 'Jane Roe'],
  ])('%s: "%s" is %s', (_what, fragment, speaker) => {
    const a = ask(fragment);
    expect(a.verdict).toBe('close');
    expect(a.items[0]!.passage.speaker.name).toBe(speaker);
    expect(a.items[0]!.match!.differences.length).toBeGreaterThan(0);
  });

  it.each([
    ['an abbreviation written out', 'The United States will not lift the tariffs before the summit', 'Mary Poe'],
    ['numbers in figures', '42 engines went out on Tuesday and 15 crews stayed overnight', 'Mark Wu'],
  ])('%s reads as the same words: "%s" is %s, exactly', (_what, fragment, speaker) => {
    const a = ask(fragment);
    expect(a.verdict).toBe('exact');
    expect(a.items[0]!.passage.speaker.name).toBe(speaker);
  });

  it('ranks the passage holding the words as said first', () => {
    const a = ask('the first country in the region to offer assistance');
    expect(a.verdict).toBe('exact');
    expect(a.items[0]!.passage.text).toContain('first country in the region to offer assistance');
  });

  it('says exactly how the words differ', () => {
    const a = ask('We set up a fund for the families of the ferry crew');
    expect(a.items[0]!.match!.differences).toEqual([{ kind: 'similar', remembered: 'set up', said: 'established' }]);
  });

  it.each([
    'We will close the harbour to every ferry next spring',
    'The mayor promised a new bridge before the election',
    'Nobody in the region offered help to the islands',
    // The words line up; the meaning is the opposite.
    'We will lift the tariffs before the summit',
  ])('declines words nobody said: "%s"', (fragment) => {
    expect(ask(fragment).verdict).toBe('not_found');
  });
});
