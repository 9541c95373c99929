// The scored search's bounds: a query word stands for at most MAX_EXPANSIONS words (itself and
// its heaviest expansions), and `limit` returns exactly the best that many of the full ranking.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Passage, Transcript } from '../../../src/core/model.ts';
import { passageId } from '../../../src/core/parse/passageId.ts';
import { CorpusIndex } from '../../../src/core/search/CorpusIndex.ts';
import { MAX_EXPANSIONS } from '../../../src/core/search/scoreTerms.ts';

function transcript(file: string, texts: string[]): Transcript {
  const passages: Passage[] = texts.map((text, i) => ({
    id: passageId(file, i + 1),
    speaker: { label: 'Jane Roe', name: 'Jane Roe', title: null, anonymous: false },
    kind: 'quote',
    text,
    source: { file, line: i + 1, format: 'broadcast-speaker-line', program: null, headline: null, section: null, aired: '2025-01-01', spoken: null, note: null, url: null },
  }));
  return { file, format: 'broadcast-speaker-line', meta: { aired: '2025-01-01', program: null, headline: null, url: null }, passages, issues: [] };
}

/** `zor` + n letters: a word n letters longer than the prefix (`zorb`, `zorbb`, …), each distinct. */
const longer = (n: number, k: number) => `zor${String.fromCharCode(97 + (k % 26)).repeat(n)}${'q'.repeat(Math.floor(k / 26))}`;

describe('scored search bounds', () => {
  it('lets a prefix stand for its heaviest expansions only: the shortest words, not every word it begins', () => {
    // One passage per word beginning "zor": MAX_EXPANSIONS - 1 of 4 extra letters, then one of 9.
    const words = [...Array.from({ length: MAX_EXPANSIONS - 1 }, (_, k) => longer(4, k)), longer(9, 0)];
    const index = new CorpusIndex();
    index.addTranscript(transcript('z.txt', words.map((w) => `The ${w} returned.`)));
    const found = new Set(index.findTerms(['zor'], { prefix: true }).map((h) => index.passage(h.id)!.text));
    for (const w of words.slice(0, MAX_EXPANSIONS - 1)) expect(found).toContain(`The ${w} returned.`);
    expect(found).not.toContain(`The ${longer(9, 0)} returned.`);
    expect(found.size).toBe(MAX_EXPANSIONS - 1);
  });

  it('keeps every expansion while there are few enough', () => {
    const words = Array.from({ length: MAX_EXPANSIONS - 1 }, (_, k) => longer(2 + (k % 5), k));
    const index = new CorpusIndex();
    index.addTranscript(transcript('z.txt', words.map((w) => `A ${w} again.`)));
    expect(index.findTerms(['zor'], { prefix: true }).length).toBe(MAX_EXPANSIONS - 1);
  });

  it('with a limit, gives exactly the first hits of the full ranking, ties by slot', () => {
    const vocabulary = ['harbour', 'bridge', 'tolls', 'ferry', 'cranes', 'harbours', 'bridges'];
    fc.assert(fc.property(
      fc.array(fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 60 }),
      fc.subarray(vocabulary, { minLength: 1 }),
      fc.integer({ min: 1, max: 20 }),
      (passages, query, limit) => {
        const index = new CorpusIndex();
        index.addTranscript(transcript('p.txt', passages.map((w) => w.join(' '))));
        const all = index.findTerms(query, { prefix: true, fuzzy: 0.2 });
        const some = index.findTerms(query, { prefix: true, fuzzy: 0.2, limit });
        expect(some).toEqual(all.slice(0, limit));
      },
    ), { seed: 5, numRuns: 200 });
  });
});
