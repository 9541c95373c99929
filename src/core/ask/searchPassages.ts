// search: plain words, best match first, typos forgiven.
import type { QuestionIndex } from '../search/questionIndex.ts';
import { answered, problem, type Outcome } from './answer.ts';
import { defined, itemFor, listAnswer } from './buildAnswer.ts';
import { passesFilters, resolveFilters, type FilterInput } from './filters.ts';
import { topicWords } from './findTopic.ts';
import { DEFAULT_PAGE_SIZE } from './paginate.ts';

export interface SearchQuery extends FilterInput {
  words: string;
  page?: number;
  pageSize?: number;
}

/** Enough for any page a person will read; the rest is noise. */
const MAX_RESULTS = 200;

export function searchPassages(index: QuestionIndex, q: SearchQuery, now: Date): Outcome {
  const text = q.words.trim();
  if (!text) return problem('empty_query', 'Give some words to search for.');
  if (text.length > 300) return problem('query_too_long', `A search can be at most 300 characters; that one is ${text.length}.`);
  const words = topicWords(text);
  if (words.length === 0) return problem('too_few_words', `"${text}" has only common words; add one that says what you are looking for.`);
  const resolved = resolveFilters(index, q, now);
  if (!resolved.ok) return resolved;
  const f = resolved.filters;
  const hits = index
    .findTerms(words, { fields: ['text', 'speaker', 'headline'], boost: { speaker: 1.5 }, fuzzy: 0.2, prefix: true, filter: (p) => passesFilters(p, f), limit: MAX_RESULTS });
  const items = hits.flatMap((h) => {
    const p = index.passage(h.id);
    return p ? [itemFor(p)] : [];
  });
  return answered(
    listAnswer({
      command: 'search',
      query: text,
      items,
      page: q.page ?? 1,
      pageSize: q.pageSize ?? DEFAULT_PAGE_SIZE,
      context: defined({ topic: text, speaker: q.speaker, since: f.since, until: f.until, program: f.program }),
    }),
  );
}
