// timeline: everything said about a topic, oldest first, by the date the words were spoken
// where the transcript says so; undated passages go last and are marked.
import type { CorpusIndex } from '../search/CorpusIndex.ts';
import { answered, problem, type Outcome } from './answer.ts';
import { defined, itemFor, listAnswer } from './buildAnswer.ts';
import { compareDates } from './dates.ts';
import { passesFilters, resolveFilters, type FilterInput } from './filters.ts';
import { findTopic, splitTopicDates, topicWords } from './findTopic.ts';
import { DEFAULT_PAGE_SIZE } from './paginate.ts';

export interface TimelineQuery extends FilterInput {
  topic: string;
  page?: number;
  pageSize?: number;
}

export function timeline(index: CorpusIndex, q: TimelineQuery, now: Date): Outcome {
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
    ? findTopic(index, words, (p) => passesFilters(p, f)).map((h) => h.passage)
    : [...index.passages()].filter((p) => passesFilters(p, f) && p.kind !== 'narration');
  // Plain comparisons, not localeCompare: a timeline of a common word sorts a hundred thousand
  // passages, and file paths only need an order that is the same every time.
  const items = matching
    .map(itemFor)
    .sort((a, b) =>
      compareDates(a.date, b.date) ||
      (a.passage.source.file < b.passage.source.file ? -1 : a.passage.source.file > b.passage.source.file ? 1 : 0) ||
      a.passage.source.line - b.passage.source.line,
    );
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
