// Passages about a topic: those that mention enough of the topic's words, weighted by rarity,
// so "rice farmers" finds passages about rice farmers, not every passage that says "farmers".
import type { Passage } from '../model.ts';
import type { QuestionIndex } from '../search/questionIndex.ts';
import type { DateFilter } from './dates.ts';
import { stem } from '../search/similarWords.ts';
import { isStopword, wordsOf } from '../search/words.ts';

/** Share of the topic's weight a passage must mention to count as being about it. */
export const TOPIC_COVERAGE = 0.4;

// Words that join a topic's words without naming anything; beyond the index's stopwords.
export const CONNECTIVES: ReadonlySet<string> = new Set(
  ('about after against along amid among around before behind below between beyond during over ' +
    'through under until upon versus via within without while also more most new news latest')
    .split(' '),
);

export function topicWords(topic: string): string[] {
  return [...new Set(wordsOf(topic).filter((w) => w.length > 1 && !isStopword(w) && !CONNECTIVES.has(w)))];
}

export interface TopicHit {
  passage: Passage;
  score: number;
}

/** `dates` narrows what `filter` would anyway, but before any passage is read. */
export function findTopic(index: QuestionIndex, words: readonly string[], filter?: (p: Passage) => boolean, dates: DateFilter = {}): TopicHit[] {
  if (words.length === 0) return [];
  // Longer words are looked up by their stem as a prefix, so "semiconductors" finds
  // "semiconductor" and "tariff" finds "tariffs"; each keeps the weight of the word as typed.
  const queries = words.map((w) => (w.length >= 5 ? stem(w) : w));
  const stems = new Set(queries.filter((q, i) => words[i]!.length >= 5));
  const weight = new Map(queries.map((q, i) => [q, index.weightOf(words[i]!)]));
  const total = [...weight.values()].reduce((a, b) => a + b, 0);
  const enough = (found: number) => total === 0 || found / total >= TOPIC_COVERAGE;

  // A typo needs fuzzy matching, which only the scored search does; otherwise the posting lists
  // answer directly, unscored, since a timeline orders by date anyway.
  const typo = words.some((w) => index.docFrequency(w) === 0);
  if (!typo) {
    const terms = queries.map((q) => ({ term: q, weight: weight.get(q)!, prefix: stems.has(q) }));
    // A hair under the share, so that rounding never drops a passage that holds exactly enough.
    const atLeast = total === 0 ? 0 : TOPIC_COVERAGE * total - 1e-9;
    return index.weighTopic(terms, atLeast, { ...dates, ...(filter ? { filter } : {}) }).map((w) => ({ passage: w.passage, score: w.weight }));
  }
  const out: TopicHit[] = [];
  const hits = index.findTerms(queries, {
    fields: ['text', 'headline'],
    boost: { headline: 0.5 },
    // Fuzzy expansion walks the whole vocabulary, so it is used only when a word is unknown.
    fuzzy: typo ? 0.25 : false,
    prefix: (term) => stems.has(term),
    ...(filter ? { filter } : {}),
  });
  for (const h of hits) {
    const found = h.queryTerms.reduce((a, t) => a + (weight.get(t) ?? 0), 0);
    if (!enough(found)) continue;
    const p = index.passage(h.id);
    if (p) out.push({ passage: p, score: h.score });
  }
  return out;
}
