// A timeline lists what was said oldest first: by the date the words were spoken (a less precise
// date before the days it holds, undated last), then by file and line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDates } from '../../../src/core/ask/dates.ts';
import { timeline } from '../../../src/core/ask/timeline.ts';
import type { Passage, Transcript } from '../../../src/core/model.ts';
import { passageId } from '../../../src/core/parse/passageId.ts';
import { CorpusIndex } from '../../../src/core/search/CorpusIndex.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
// Few values of each, so that equal dates, files and lines are common.
const date = fc.constantFrom(null, '2024', '2024-03', '2024-03-01', '2024-03-02', '2023-12-31');
const file = fc.constantFrom('b/harbour.txt', 'a.txt', 'a2.txt', 'z.txt');

function transcript(name: string, spoken: ReadonlyArray<string | null>, aired: string | null): Transcript {
  const passages: Passage[] = spoken.map((when, i) => ({
    id: passageId(name, i + 1),
    speaker: { label: 'Jane Roe', name: 'Jane Roe', title: null, anonymous: false },
    kind: 'quote',
    text: `The harbour bridge, part ${i}.`,
    source: { file: name, line: i + 1, format: 'broadcast-speaker-line', program: null, headline: null, section: null, aired, spoken: when, note: null, url: null },
  }));
  return { file: name, format: 'broadcast-speaker-line', meta: { aired, program: null, headline: null, url: null }, passages, issues: [] };
}

describe('timeline order', () => {
  it('is by spoken date, then file, then line, for any mix of dates', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(file, date, fc.array(date, { minLength: 1, maxLength: 6 })), { selector: ([f]) => f, minLength: 1 }), (files) => {
        const index = new CorpusIndex();
        for (const [name, aired, spoken] of files) index.addTranscript(transcript(name, spoken, aired));
        const outcome = timeline(index, { topic: 'harbour bridge', pageSize: 1000 }, NOW);
        if (!outcome.ok) throw new Error(outcome.problem.message);
        const got = outcome.answer.items.map((i) => i.passage);
        const want = [...index.passages()].sort((a, b) =>
          compareDates(a.source.spoken ?? a.source.aired, b.source.spoken ?? b.source.aired) ||
          (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0) ||
          a.source.line - b.source.line);
        expect(got.map((p) => p.id)).toEqual(want.map((p) => p.id));
      }),
      { numRuns: 300 },
    );
  });
});
