// Hand-built answers for rendering tests: the core's shapes, without depending on its ranking.
import type { Answer, AnswerItem, TimelineStory } from '../../src/core/ask/answer.ts';
import type { Passage } from '../../src/core/model.ts';

export function passage(over: Partial<Passage> & { text: string }, source: Partial<Passage['source']> = {}): Passage {
  return {
    id: over.id ?? 'abc123-19',
    kind: over.kind ?? 'quote',
    text: over.text,
    speaker: over.speaker ?? { label: 'Mara Quell / Harbour Councillor', name: 'Mara Quell', title: 'Harbour Councillor', anonymous: false },
    source: {
      file: 'harbour/001_ferry.txt',
      line: 19,
      format: 'broadcast-speaker-line',
      program: 'Evening Desk',
      headline: 'Ferry service ‘back by summer’',
      section: 'REPORT',
      aired: '2025-04-03',
      spoken: '2025-04-02',
      note: 'April 2',
      url: null,
      ...source,
    },
  };
}

export function answer(over: Partial<Answer> & Pick<Answer, 'command' | 'query'>): Answer {
  return {
    verdict: null,
    items: [],
    total: over.items?.length ?? 0,
    page: 1,
    pageCount: 1,
    nearest: [],
    notes: [],
    context: { command: over.command, query: over.query, page: over.page ?? 1 },
    ...over,
  };
}

const FERRY = 'The ferry will be back before the school holidays, and every islander who paid for a season pass gets two months free.';

export function markedItem(text: string, fragment: string, differing = 0, p: Partial<Passage> = {}): AnswerItem {
  const start = text.toLowerCase().indexOf(fragment.toLowerCase());
  const marks: { start: number; end: number }[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fragment))) marks.push({ start: start + m.index, end: start + m.index + m[0].replace(/[,.]$/, '').length });
  return {
    passage: passage({ text, ...p }),
    date: '2025-04-02',
    match: { verdict: differing ? 'close' : 'exact', span: { start, end: start + fragment.length }, marks, differing, differences: [] },
  };
}

export const exactAnswer = (): Answer =>
  answer({ command: 'who-said', query: 'the ferry will be back before the school holidays', verdict: 'exact', items: [markedItem(FERRY, 'The ferry will be back before the school holidays')] });

export const closeAnswer = (): Answer => {
  const item = markedItem(FERRY, 'The ferry will be back before the', 2);
  return answer({ command: 'who-said', query: 'the ferry will be back before the summer break', verdict: 'close', items: [item] });
};

export const reportedAnswer = (): Answer =>
  answer({
    command: 'who-said',
    query: 'the ferry would still return by summer',
    verdict: 'reported',
    items: [markedItem('The councillor said that the ferry would still return by summer.', 'the ferry would still return by summer', 0, {
      id: 'def456-23',
      kind: 'reported',
      speaker: { label: 'The councillor', name: 'The councillor', title: null, anonymous: false },
    })],
  });

export const notFoundAnswer = (): Answer =>
  answer({
    command: 'who-said',
    query: 'aliens landed on the harbour roof',
    verdict: 'not_found',
    nearest: [{ passage: passage({ id: 'def456-13', kind: 'narration', text: 'The vote came after four hours of debate on the harbour.', speaker: { label: 'Reporter', name: 'Reporter', title: null, anonymous: false } }, { spoken: null, note: null, aired: '2025-05-20', line: 13 }), date: '2025-05-20' }],
  });

export const timelineAnswer = (): Answer => {
  const budget = { passage: passage({ id: 'def456-19', text: 'We will not raise mooring fees this year, and the ferry money is safe in this budget.' }, { file: 'harbour/002_budget.txt', spoken: null, note: null, aired: '2025-05-20', headline: 'Harbour budget passes' }), date: '2025-05-20' };
  const reported = { passage: passage({ id: 'def456-23', kind: 'reported', text: 'The councillor said last month that the ferry would return by summer.', speaker: { label: 'The councillor', name: 'The councillor', title: null, anonymous: false } }, { file: 'harbour/002_budget.txt', line: 23, spoken: null, note: null, aired: '2025-05-20', headline: 'Harbour budget passes' }), date: '2025-04', spokenIn: 'last month' };
  const undated = { passage: passage({ id: 'ghi789-4', text: 'Ferry tickets go on sale on Monday.', speaker: { label: 'Local resident / (VOICE MODIFIED)', name: 'Local resident', title: null, anonymous: true } }, { file: 'undated.txt', line: 4, aired: null, spoken: null, note: null, program: null, headline: null }), date: null };
  const story = (key: string, first: AnswerItem, shown: AnswerItem[], passages: AnswerItem[], reruns: TimelineStory[] = []): TimelineStory => ({
    key, file: first.passage.source.file, headline: first.passage.source.headline, program: first.passage.source.program, aired: first.passage.source.aired, date: first.passage.source.aired, shown, passages, speakers: [first.passage.speaker.name], reruns,
  });
  const rerun = story('harbour/002_budget_late.txt#0', { ...budget, passage: { ...budget.passage, source: { ...budget.passage.source, file: 'harbour/002_budget_late.txt', aired: '2025-05-21', program: 'Late Desk' } } }, [budget], [budget]);
  const stories = [story('harbour/002_budget.txt#0', budget, [budget, reported], [budget, reported, budget], [rerun]), story('undated.txt#0', undated, [undated], [undated])];
  return answer({
    command: 'timeline',
    query: 'ferry',
    total: 7,
    page: 2,
    pageCount: 2,
    notes: ['7 stories, 12 passages about it.', '1 undated story is listed last.'],
    items: [budget, reported, undated],
    stories,
    context: { command: 'timeline', query: 'ferry', topic: 'ferry', page: 2, stories: stories.map((s) => s.key) },
  });
};
