// A timeline's chart data: the period chosen from the span, every mention counted once in its
// period and series, the main speakers by their mentions, and the peaks named by their story.
import { describe, expect, it } from 'vitest';
import { mentionChart, unitFor } from '../../../src/core/ask/mentionChart.ts';
import { timeline } from '../../../src/core/ask/timeline.ts';
import { storyIndex, type StoryFile } from '../../helpers/storyCorpus.ts';

const NOW = new Date('2026-11-27T12:00:00Z');

describe('mentionChart', () => {
  it.each([
    [0, 'day'], [31, 'day'], [32, 'week'], [182, 'week'], [183, 'month'], [2190, 'month'], [2191, 'year'],
  ] as const)('a span of %i days is drawn by %s', (span, unit) => {
    expect(unitFor(span)).toBe(unit);
  });

  it('counts every passage about the topic once, by speaker, in its period; names the peak by its story', () => {
    const files: StoryFile[] = [
      { file: 'jan.txt', aired: '2025-01-10', headline: 'Toll bridge opens', lines: ['Mara Quell: The toll bridge opens today.', '> The toll bridge cost millions.'] },
      { file: 'mar-a.txt', aired: '2025-03-02', headline: 'Toll bridge fares rise', lines: ['Mara Quell: Toll bridge fares rise.', 'Ines Varga: The toll bridge fares are too high.', 'Ines Varga: We will fight the toll bridge fares.'] },
      { file: 'mar-b.txt', aired: '2025-03-20', headline: 'Toll bridge protest', lines: ['Ines Varga: The toll bridge protest starts now.'] },
      { file: 'undated.txt', aired: null, lines: ['> The toll bridge was closed.'] },
    ];
    const out = timeline(storyIndex(files), { topic: 'toll bridge', pageSize: 1000 }, NOW);
    if (!out.ok) throw new Error(out.problem.message);
    const chart = out.answer.chart!;
    expect(chart.unit).toBe('week');
    expect(chart.total).toBe(7);
    expect(chart.undated).toBe(1);
    const sum = chart.series.reduce((a, s) => a + s.counts.reduce((x, y) => x + y, 0), 0);
    expect(sum).toBe(6);
    expect(chart.series.map((s) => s.name)).toEqual(['Ines Varga', 'Mara Quell', 'Narration']);
    const busiest = chart.periods.findIndex((p) => p.start === '2025-02-24');
    expect(chart.series.map((s) => s.counts[busiest])).toEqual([2, 1, 0]);
    // Peaks are the periods with at least half the busiest one's mentions, oldest first.
    expect(chart.peaks).toEqual([
      { period: 0, story: 'jan.txt#0', label: 'Toll bridge opens' },
      { period: busiest, story: 'mar-a.txt#0', label: 'Toll bridge fares rise' },
    ]);
    // Every week from the first to the last is there, empty ones too.
    expect(chart.periods[0]!.start).toBe('2025-01-06');
    expect(chart.periods.at(-1)!.start).toBe('2025-03-17');
    expect(chart.periods).toHaveLength(11);
  });

  it('keeps the four busiest speakers and puts the rest in Others', () => {
    const people = ['Ana', 'Ben', 'Cai', 'Dee', 'Eve', 'Fay'];
    const lines = people.flatMap((p, i) => Array.from({ length: 6 - i }, () => `${p} Roe: The toll bridge again.`));
    const out = timeline(storyIndex([{ file: 'many.txt', aired: '2025-01-10', lines }]), { topic: 'toll bridge' }, NOW);
    if (!out.ok) throw new Error(out.problem.message);
    const chart = mentionChart(out.answer.stories!, 'aired');
    expect(chart.series.map((s) => [s.name, s.counts[0]])).toEqual([['Ana Roe', 6], ['Ben Roe', 5], ['Cai Roe', 4], ['Dee Roe', 3], ['Others', 3]]);
  });
});
