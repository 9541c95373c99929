// Passages about a topic: those that mention enough of the topic's words, weighted by rarity,
// so "rice farmers" finds passages about rice farmers, not every passage that says "farmers".
import type { Passage } from '../model.ts';
import type { CorpusIndex } from '../search/CorpusIndex.ts';
import { isStopword, wordsOf } from '../search/words.ts';

/** Share of the topic's weight a passage must mention to count as being about it. */
export const TOPIC_COVERAGE = 0.5;

export function topicWords(topic: string): string[] {
  return [...new Set(wordsOf(topic).filter((w) => !isStopword(w)))];
}

export interface TopicHit {
  passage: Passage;
  score: number;
}

export function findTopic(index: CorpusIndex, words: readonly string[], filter?: (p: Passage) => boolean): TopicHit[] {
  if (words.length === 0) return [];
  const weight = new Map(words.map((w) => [w, index.weightOf(w)]));
  const total = [...weight.values()].reduce((a, b) => a + b, 0);
  const hits = index.findTerms(words, {
    fields: ['text', 'headline'],
    boost: { headline: 0.5 },
    // A typo in a topic is forgiven only in longer words, where it cannot make another word.
    fuzzy: 0.15,
    ...(filter ? { filter } : {}),
  });
  const out: TopicHit[] = [];
  for (const h of hits) {
    const found = h.queryTerms.reduce((a, t) => a + (weight.get(t) ?? 0), 0);
    if (total > 0 && found / total < TOPIC_COVERAGE) continue;
    const p = index.passage(h.id);
    if (p) out.push({ passage: p, score: h.score });
  }
  return out;
}
