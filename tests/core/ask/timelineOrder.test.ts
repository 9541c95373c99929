// A timeline lists stories oldest first: by airing (undated last, the same day by programme and
// file, so the order is stable), or with order:spoken by the earliest date its words were said;
// inside a story, passages in reading order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDates } from '../../../src/core/ask/dates.ts';
import { timeline } from '../../../src/core/ask/timeline.ts';
import type { Passage, Transcript } from '../../../src/core/model.ts';
import { passageId } from '../../../src/core/parse/passageId.ts';
import { CorpusIndex } from '../../../src/core/search/CorpusIndex.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
// Few values of each, so that equal dates, programmes and files are common.
const date = fc.constantFrom(null, '2024', '2024-03', '2024-03-01', '2024-03-02', '2023-12-31');
const aired = fc.constantFrom(null, '2024-03-01', '2024-03-02', '2023-12-31');
const file = fc.constantFrom('b/harbour.txt', 'a.txt', 'a2.txt', 'z.txt', 'c.txt');
const program = fc.constantFrom(null, 'News 9', 'Evening');

function transcript(name: string, prog: string | null, spoken: ReadonlyArray<string | null>, airedOn: string | null): Transcript {
  const passages: Passage[] = spoken.map((when, i) => ({
    id: passageId(name, i + 1),
    speaker: { label: 'Jane Roe', name: 'Jane Roe', title: null, anonymous: false },
    kind: 'quote',
    text: `The harbour bridge, part ${i}.`,
    source: { file: name, line: i + 1, format: 'broadcast-speaker-line', program: prog, headline: null, section: null, aired: airedOn, spoken: when, note: null, url: null },
  }));
  return { file: name, format: 'broadcast-speaker-line', meta: { aired: airedOn, program: prog, headline: null, url: null }, passages, issues: [] };
}

const corpus = fc.uniqueArray(fc.tuple(file, program, aired, fc.array(date, { minLength: 1, maxLength: 6 })), { selector: ([f]) => f, minLength: 1 });

function earliest(spoken: ReadonlyArray<string | null>, on: string | null): string | null {
  return spoken.map((d) => d ?? on).reduce<string | null>((m, d) => (d && (!m || compareDates(d, m) < 0) ? d : m), null) ?? on;
}

function build(files: ReadonlyArray<[string, string | null, string | null, Array<string | null>]>): CorpusIndex {
  const index = new CorpusIndex();
  for (const [name, prog, on, spoken] of files) index.addTranscript(transcript(name, prog, spoken, on));
  return index;
}

describe('timeline order', () => {
  it('is one entry per story, by airing, then programme, then file; passages in reading order', () => {
    fc.assert(
      fc.property(corpus, (files) => {
        const outcome = timeline(build(files), { topic: 'harbour bridge', pageSize: 1000 }, NOW);
        if (!outcome.ok) throw new Error(outcome.problem.message);
        const got = outcome.answer.stories!;
        // A story that never aired goes by the earliest date its words were said, if any.
        const when = ([, , on, spoken]: (typeof files)[number]) => on ?? earliest(spoken, null);
        const want = [...files].sort((x, y) =>
          compareDates(when(x), when(y)) || (x[1] ?? '').localeCompare(y[1] ?? '') || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
        expect(got.map((s) => s.file)).toEqual(want.map(([f]) => f));
        for (const s of got) {
          const lines = s.passages.map((i) => i.passage.source.line);
          expect(lines).toEqual([...lines].sort((x, y) => x - y));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with order:spoken, is by the earliest date a story\'s words were said', () => {
    fc.assert(
      fc.property(corpus, (files) => {
        const outcome = timeline(build(files), { topic: 'harbour bridge', order: 'spoken', pageSize: 1000 }, NOW);
        if (!outcome.ok) throw new Error(outcome.problem.message);
        const dates = outcome.answer.stories!.map((s) => s.date);
        expect(dates).toEqual([...dates].sort(compareDates));
        for (const s of outcome.answer.stories!) {
          const [, , on, spoken] = files.find(([f]) => f === s.file)!;
          expect(s.date).toBe(earliest(spoken, on));
        }
      }),
      { numRuns: 200 },
    );
  });
});
