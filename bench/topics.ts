// Timeline questions for the benchmark: 1–3 content words of a random passage, a date range of 1–5 years.
import { effectiveDate } from '../src/core/ask/dates.ts';
import type { Passage } from '../src/core/model.ts';
import { isStopword, wordsOf } from '../src/core/search/words.ts';
import type { Rng } from './synthCorpus.ts';

export interface Topic { topic: string; since: string; until: string }

export function makeTopics(passages: readonly Passage[], n: number, rng: Rng): Topic[] {
  const dates = passages.map(effectiveDate).filter((d): d is string => d !== null).map((d) => d.slice(0, 4)).sort();
  const firstYear = Number(dates[0] ?? '2005');
  const lastYear = Number(dates[dates.length - 1] ?? '2024');
  const topics: Topic[] = [];
  let guard = 0;
  while (topics.length < n && guard++ < n * 50) {
    const p = rng.pick(passages);
    const words = [...new Set(wordsOf(p.text).filter((w) => !isStopword(w) && w.length >= 3))];
    if (words.length === 0) continue;
    const k = Math.min(words.length, rng.between(1, 3));
    const chosen: string[] = [];
    for (let i = 0; i < k; i++) chosen.push(words.splice(rng.int(words.length), 1)[0]!);
    const y0 = rng.between(firstYear, lastYear);
    const y1 = Math.min(lastYear, y0 + rng.between(0, 4));
    const m0 = rng.between(1, 12);
    topics.push({ topic: chosen.join(' '), since: `${y0}-${String(m0).padStart(2, '0')}-01`, until: `${y1}-12-31` });
  }
  return topics;
}

