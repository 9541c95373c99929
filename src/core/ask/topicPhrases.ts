// Whether a text says two of a topic's terms together, as typed ("rice farmers", "Business of
// the House"): the second within a few words after the first, only small words between.
import { eachWord, isStopword, wordSpans } from '../search/words.ts';
import type { CharSpan } from './alignFragment.ts';
import type { PlannedTerm, TopicPlan } from './topicPlan.ts';

/** Small words allowed between the two: "Leader of the House", "rice that farmers". */
const GAP = 2;

/** Which of the plan's pairs the text holds: bit k for `plan.pairs[k]`. */
export function phrasesIn(text: string, plan: TopicPlan): number {
  if (plan.pairs.length === 0) return 0;
  let found = 0;
  // The term each of the last few content words stood for (-1: none), newest last.
  const recent: number[] = [];
  eachWord(text, (word) => {
    if (isStopword(word)) return;
    const t = termOf(word, plan.terms);
    if (t >= 0) {
      plan.pairs.forEach(([a, b], k) => {
        if (b === t && recent.includes(a)) found |= 1 << k;
      });
    }
    recent.push(t);
    if (recent.length > GAP) recent.shift();
  });
  return found;
}

/** Where the text says the topic's terms, for marking them and cutting a long passage around them. */
export function topicMarks(text: string, plan: TopicPlan): CharSpan[] {
  if (plan.terms.length === 0) return [];
  return wordSpans(text).flatMap((w) => (!isStopword(w.word) && termOf(w.word, plan.terms) >= 0 ? [{ start: w.start, end: w.end }] : []));
}

function termOf(word: string, terms: readonly PlannedTerm[]): number {
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    if (t.prefix ? word.startsWith(t.term) : word === t.term) return i;
    if (t.also?.includes(word)) return i;
  }
  return -1;
}
