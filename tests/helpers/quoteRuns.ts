// Property shared by the seed/dev and the real-briefings tests: any run of six or more words cut
// from any indexed quote finds that quote first, as an exact match.
import fc from 'fast-check';
import { expect } from 'vitest';
import { whoSaid } from '../../src/core/ask/whoSaid.ts';
import type { Passage } from '../../src/core/model.ts';
import type { CorpusIndex } from '../../src/core/search/CorpusIndex.ts';
import { wordsOf } from '../../src/core/search/words.ts';

const NOW = new Date('2026-11-27T12:00:00Z');

export function checkRuns(getIndex: () => CorpusIndex, getQuotes: () => Passage[], runs: number) {
  fc.assert(
    fc.property(fc.nat(), fc.nat(), fc.integer({ min: 6, max: 14 }), (pi, si, len) => {
      const quotes = getQuotes();
      const p = quotes[pi % quotes.length]!;
      const tokens = p.text.split(/\s+/).filter(Boolean);
      fc.pre(tokens.length >= 6);
      const n = Math.min(len, tokens.length);
      const start = si % (tokens.length - n + 1);
      const run = tokens.slice(start, start + n).join(' ');
      fc.pre(wordsOf(run).length >= 6);
      const out = whoSaid(getIndex(), { fragment: run }, NOW);
      expect(out.ok).toBe(true);
      if (!out.ok) return;
      const top = out.answer.items[0];
      expect(out.answer.verdict, run).toBe('exact');
      // The same words can stand in more than one passage (a repeated line); any of those is right.
      const sameWords = top!.passage.id === p.id || wordsOf(top!.passage.text).join(' ').includes(wordsOf(run).join(' '));
      expect(sameWords, `${run} → ${top!.passage.id} instead of ${p.id}`).toBe(true);
    }),
    { numRuns: runs, seed: 20261127 },
  );
}


/** A small seeded generator (mulberry32), so sampled fragments are the same on every run. */
export function seeded(seed: number): (min: number, max: number) => number {
  let a = seed >>> 0;
  return (min, max) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return min + Math.floor(r * (max - min + 1));
  };
}
