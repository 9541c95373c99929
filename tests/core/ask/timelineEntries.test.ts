// What each timeline entry shows: the passages that best show the story (a newsmaker's quote
// before narration), the rest counted and listed on request, reruns folded with their airings.
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/core/ask/commands.ts';
import { interpretFollowUp } from '../../../src/core/ask/followUp.ts';
import { timeline } from '../../../src/core/ask/timeline.ts';
import { storyIndex } from '../../helpers/storyCorpus.ts';

const NOW = new Date('2026-11-27T12:00:00Z');
const SAID = 'The lighthouse keepers will stay on the island through the winter storms, whatever the cost.';

const index = storyIndex([
  {
    file: 'keepers.txt',
    aired: '2025-02-03',
    headline: 'Lighthouse keepers stay',
    lines: [
      '> The lighthouse keepers are staying, the council decided last night.',
      '> Storms closed the lighthouse road twice this winter.',
      `Mara Quell: ${SAID}`,
      '> Nobody else spoke about the lighthouse keepers.',
      '> The weather is calm today.',
    ],
  },
  // The same story aired again a week later on another programme, word for word.
  { file: 'keepers-rerun.txt', aired: '2025-02-10', program: 'Late Desk', headline: 'Lighthouse keepers stay', lines: [`Mara Quell: ${SAID}`, '> The lighthouse keepers are staying.'] },
  { file: 'keepers-later.txt', aired: '2025-03-01', lines: ['~The council: The council said last month the lighthouse keepers would be paid more.'] },
]);

function ask(topic: string, extra: Record<string, string> = {}) {
  const out = timeline(index, { topic, pageSize: 1000, ...extra }, NOW);
  if (!out.ok) throw new Error(out.problem.message);
  return out.answer;
}

describe('timeline entries', () => {
  it('shows a newsmaker\'s quote first, then a passage of another kind, and counts the rest', () => {
    const s = ask('lighthouse keepers').stories![0]!;
    expect(s.file).toBe('keepers.txt');
    expect(s.shown.map((i) => i.passage.kind)).toEqual(['quote', 'narration']);
    expect(s.shown[0]!.passage.speaker.name).toBe('Mara Quell');
    // The weather line names neither word: it is not about the topic.
    expect(s.passages.map((i) => i.passage.source.line)).toEqual([1, 2, 3, 4]);
  });

  it('folds a word-for-word rerun into the first airing and lists it as an airing', () => {
    const a = ask('lighthouse keepers');
    expect(a.stories!.map((s) => s.file)).toEqual(['keepers.txt', 'keepers-later.txt']);
    expect(a.stories![0]!.reruns.map((r) => [r.file, r.aired, r.program])).toEqual([['keepers-rerun.txt', '2025-02-10', 'Late Desk']]);
  });

  it('dates words that say when they were said, and can order by that date', () => {
    const later = ask('lighthouse keepers').stories![1]!;
    expect(later.shown[0]).toMatchObject({ date: '2025-02', spokenIn: 'last month' });
    const bySpoken = ask('lighthouse keepers', { order: 'spoken' }).stories!;
    expect(bySpoken.map((s) => [s.file, s.date])).toEqual([['keepers.txt', '2025-02-03'], ['keepers-later.txt', '2025-02']].sort((x, y) => (x[1]! < y[1]! ? -1 : 1)));
  });

  it('refuses an order it does not know', () => {
    const out = timeline(index, { topic: 'lighthouse keepers', order: 'newest' }, NOW);
    expect(out.ok ? null : out.problem.code).toBe('unknown_option');
  });

  it('"expand 1" under a timeline lists every passage of that story, in reading order', () => {
    const a = ask('lighthouse keepers');
    const next = interpretFollowUp('expand 1', a.context);
    if (!next.ok) throw new Error(next.problem.message);
    expect(next.invocation).toMatchObject({ command: 'story', args: { topic: 'lighthouse keepers', story: 'keepers.txt#0' } });
    const out = runCommand(index, next.invocation, NOW, 100);
    if (!out.ok) throw new Error(out.problem.message);
    expect(out.answer.items.map((i) => i.passage.source.line)).toEqual([1, 2, 3, 4]);
    const refused = interpretFollowUp('expand 7', a.context);
    expect(refused.ok ? null : refused.problem.code).toBe('unknown_story');
  });
});
