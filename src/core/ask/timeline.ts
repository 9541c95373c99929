// timeline: everything said about a topic, oldest first, by the date the words were spoken
// where the transcript says so; undated passages go last and are marked.
import type { QuestionIndex } from '../search/questionIndex.ts';
import { answered, problem, type AnswerItem, type Outcome } from './answer.ts';
import { defined, itemFor, listAnswer } from './buildAnswer.ts';
import { passesFilters, resolveFilters, type FilterInput } from './filters.ts';
import { findTopic, splitTopicDates, topicWords } from './findTopic.ts';
import { DEFAULT_PAGE_SIZE } from './paginate.ts';

export interface TimelineQuery extends FilterInput {
  topic: string;
  page?: number;
  pageSize?: number;
}

export function timeline(index: QuestionIndex, q: TimelineQuery, now: Date): Outcome {
  // A year in the topic narrows the dates, unless the journalist gave dates of their own.
  const split = q.since || q.until ? { topic: q.topic.trim() } : splitTopicDates(q.topic.trim());
  const topic = split.topic;
  if (topic.length > 300) return problem('query_too_long', `A topic can be at most 300 characters; that one is ${topic.length}.`);
  const words = topicWords(topic);
  const resolved = resolveFilters(index, { ...q, since: q.since ?? split.since, until: q.until ?? split.until }, now);
  if (!resolved.ok) return resolved;
  const f = resolved.filters;
  // With a speaker and no topic, the timeline is everything that person said.
  if (words.length === 0 && !f.speakers) {
    return problem(topic ? 'too_few_words' : 'empty_query', topic
      ? `"${topic}" has only common words; name the topic, e.g. "tariffs" or "Kim Jong-un".`
      : 'Give a topic (or a speaker), e.g. /timeline Kim Jong-un since:2025-01-01.');
  }
  const matching = words.length > 0
    ? findTopic(index, words, (p) => passesFilters(p, f), defined({ since: f.since, until: f.until })).map((h) => h.passage)
    : index.passagesBy(f.speakers ?? new Set(), (p) => passesFilters(p, f) && p.kind !== 'narration');
  const items = byDate(matching.map(itemFor));
  const undated = items.filter((i) => i.date === null).length;
  const notes = undated > 0 ? [`${undated} undated passage${undated === 1 ? ' is' : 's are'} listed last.`] : [];
  return answered(
    listAnswer({
      command: 'timeline',
      query: topic || (q.speaker ?? '').trim(),
      items,
      page: q.page ?? 1,
      pageSize: q.pageSize ?? DEFAULT_PAGE_SIZE,
      notes,
      context: defined({ topic, speaker: q.speaker, since: f.since, until: f.until, program: f.program }),
    }),
  );
}

/**
 * Oldest first (compareDates), then by file and line. A timeline of a common word sorts a
 * hundred thousand passages, so the three fields are copied out once into flat arrays and the
 * sort moves only positions: no key per item, nothing read through two objects per comparison.
 */
function byDate(items: AnswerItem[]): AnswerItem[] {
  const n = items.length;
  const dates = new Array<string>(n);
  const files = new Array<string>(n);
  const lines = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const { passage, date } = items[i]!;
    // Undated last; a less precise date before the days it holds, as compareDates has it.
    dates[i] = date ?? '\uffff';
    files[i] = passage.source.file;
    lines[i] = passage.source.line;
    order[i] = i;
  }
  order.sort((a, b) => {
    const da = dates[a]!, db = dates[b]!;
    if (da !== db) return da < db ? -1 : 1;
    const fa = files[a]!, fb = files[b]!;
    if (fa !== fb) return fa < fb ? -1 : 1;
    return lines[a]! - lines[b]! || a - b;
  });
  return Array.from(order, (i) => items[i]!);
}
