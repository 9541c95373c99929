// quotes: what one person said, newest first, optionally about a topic.
import type { QuestionIndex } from '../search/questionIndex.ts';
import { answered, problem, type Outcome } from './answer.ts';
import { defined, itemFor, listAnswer } from './buildAnswer.ts';
import { compareDates } from './dates.ts';
import { passesFilters, resolveFilters, type FilterInput } from './filters.ts';
import { findTopic, topicWords } from './findTopic.ts';
import { DEFAULT_PAGE_SIZE } from './paginate.ts';

export interface QuotesQuery extends FilterInput {
  speaker: string;
  topic?: string | undefined;
  page?: number;
  pageSize?: number;
  /** A passage to leave out: "what else did she say?" already has it. */
  exclude?: string | undefined;
}

export function quotes(index: QuestionIndex, q: QuotesQuery, now: Date): Outcome {
  if (!q.speaker.trim()) return problem('missing_option', 'Name a speaker, e.g. /quotes Leavitt.');
  const resolved = resolveFilters(index, q, now);
  if (!resolved.ok) return resolved;
  const f = resolved.filters;
  // Their own words and what narration reports them as saying; not questions put to them.
  const theirs = (p: Parameters<typeof passesFilters>[0]) =>
    (p.kind === 'quote' || p.kind === 'reported') && p.id !== q.exclude && passesFilters(p, f);
  const topic = q.topic?.trim() ?? '';
  const words = topicWords(topic);
  const passages = words.length > 0
    ? findTopic(index, words, theirs).map((h) => h.passage)
    : index.passagesBy(f.speakers ?? new Set(), theirs);
  // Newest first, undated still last.
  const items = passages
    .map(itemFor)
    .sort((a, b) =>
      Number(a.date === null) - Number(b.date === null) ||
      compareDates(b.date, a.date) ||
      a.passage.source.file.localeCompare(b.passage.source.file) ||
      a.passage.source.line - b.passage.source.line,
    );
  const names = [...(f.speakers ?? [])];
  const notes = names.length > 1 ? [`"${q.speaker.trim()}" matches ${names.length} speakers: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}.`] : [];
  if (items.length === 0) {
    const who = names.length === 1 ? names[0]! : q.speaker.trim();
    notes.push(q.exclude ? `Nothing else by ${who} in the archive${topic ? ` about ${topic}` : ''}.` : `Nothing by ${who} in the archive${topic ? ` about ${topic}` : ''}.`);
  }
  return answered(
    listAnswer({
      command: 'quotes',
      query: q.speaker.trim(),
      items,
      page: q.page ?? 1,
      pageSize: q.pageSize ?? DEFAULT_PAGE_SIZE,
      notes,
      context: defined({ speaker: names.length === 1 ? names[0] : q.speaker.trim(), topic: topic || undefined, since: f.since, until: f.until }),
    }),
  );
}
