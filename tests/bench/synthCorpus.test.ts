// The benchmark's inputs must be what they claim: the same corpus for the same seed, fragments
// cut as each variant says, and absent fragments really absent.
import { describe, expect, it } from 'vitest';
import { LinearScan } from '../../bench/baselines.ts';
import { isPresent, makeFragments, MIN_CONTENT_WORDS, surfaceWords, textKey, VARIANTS } from '../../bench/fragments.ts';
import { Rng, synthCorpus } from '../../bench/synthCorpus.ts';
import { isStopword, normaliseWord } from '../../src/core/search/words.ts';

const corpus = (seed: number) => synthCorpus({ passages: 300, seed });

const seven = corpus(7);

describe('synthetic corpus', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = seven;
    const b = corpus(7);
    expect(JSON.stringify(a.transcripts)).toBe(JSON.stringify(b.transcripts));
    expect(JSON.stringify(corpus(8).transcripts)).not.toBe(JSON.stringify(a.transcripts));
  });

  it('has the promised shape: 20–80-word passages, ~20 per file, dated, with speakers', () => {
    const { transcripts, passageCount } = seven;
    const passages = transcripts.flatMap((t) => t.passages);
    expect(passages).toHaveLength(passageCount);
    expect(passageCount).toBe(300);
    for (const p of passages) {
      const n = surfaceWords(p.text).length;
      expect(n).toBeGreaterThanOrEqual(20);
      expect(n).toBeLessThanOrEqual(80);
      expect(p.source.aired).toMatch(/^20(0[5-9]|1\d|2[0-4])-\d\d-\d\d$/);
      expect(p.speaker.name).not.toBe('');
    }
    for (const t of transcripts.slice(0, -1)) expect(t.passages.length).toBeGreaterThanOrEqual(15);
  });
});

describe('fragments', () => {
  const { transcripts } = corpus(11);
  const passages = transcripts.flatMap((t) => t.passages);
  const byId = new Map(passages.map((p) => [p.id, p]));
  const scan = new LinearScan(passages);
  const rng = new Rng(3);
  const words = passages.flatMap((p) => surfaceWords(p.text));
  const set = makeFragments(passages, scan.texts, () => rng.pick(words), rng, { count: 40, absent: 20 });

  it('cuts every variant from the same place, as the variant says', () => {
    for (const v of VARIANTS) expect(set.byVariant[v]).toHaveLength(40);
    for (let i = 0; i < 40; i++) {
      const exact = set.byVariant.exact[i]!;
      const src = byId.get(exact.sourceId!)!;
      const e = surfaceWords(exact.text).map(normaliseWord);
      expect(e.length).toBeGreaterThanOrEqual(6);
      expect(e.length).toBeLessThanOrEqual(10);
      expect(e.filter((w) => !isStopword(w)).length).toBeGreaterThanOrEqual(MIN_CONTENT_WORDS);
      expect(` ${textKey(src.text)} `).toContain(` ${e.join(' ')} `);

      const m = surfaceWords(set.byVariant.misspelled[i]!.text).map(normaliseWord);
      expect(m).toHaveLength(e.length);
      expect(m.filter((w, k) => w !== e[k])).toHaveLength(1);

      const d = surfaceWords(set.byVariant.dropped[i]!.text).map(normaliseWord);
      expect(d).toHaveLength(e.length - 1);
      const gone = e.findIndex((w, k) => d[k] !== w);
      expect(gone).toBeGreaterThan(0);
      expect(gone).toBeLessThan(e.length - 1);
      expect([...e.slice(0, gone), ...e.slice(gone + 1)]).toEqual(d);

      const s = surfaceWords(set.byVariant.swapped[i]!.text).map(normaliseWord);
      const diff = s.map((w, k) => (w !== e[k] ? k : -1)).filter((k) => k >= 0);
      expect(diff).toHaveLength(2);
      expect(diff[1]).toBe(diff[0]! + 1);
      expect([s[diff[0]!], s[diff[1]!]]).toEqual([e[diff[1]!], e[diff[0]!]]);

      for (const v of VARIANTS) expect(set.byVariant[v][i]!.sourceId).toBe(exact.sourceId);
    }
  });

  it('makes absent fragments that are in no passage', () => {
    expect(set.absent).toHaveLength(20);
    for (const f of set.absent) {
      expect(isPresent(textKey(f.text), scan.texts)).toBe(false);
      expect(scan.texts.some((t) => t.includes(` ${textKey(f.text)} `))).toBe(false);
    }
    // and the check itself sees what is there
    expect(isPresent(textKey(set.byVariant.exact[0]!.text), scan.texts)).toBe(true);
  });
});
