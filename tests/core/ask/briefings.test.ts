// Real scale: a spread of the 4,254 real White House briefings (../shared/corpora). Fragments cut
// from many files, exact and misremembered, must find their speaker; timelines come back in order.
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/core/ask/commands.ts';
import { whoSaid } from '../../../src/core/ask/whoSaid.ts';
import type { Passage } from '../../../src/core/model.ts';
import type { CorpusIndex } from '../../../src/core/search/CorpusIndex.ts';
import { wordsOf } from '../../../src/core/search/words.ts';
import { BRIEFINGS_SKIP_REASON, briefingFiles, briefingsCorpusDir } from '../../helpers/briefingsCorpus.ts';
import { everyNth, indexFiles } from '../../helpers/indexFiles.ts';
import { checkRuns, seeded } from '../../helpers/quoteRuns.ts';

const NOW = new Date('2026-11-27T12:00:00Z');
const dir = briefingsCorpusDir();

type Variant = 'exact' | 'dropped' | 'misspelled' | 'swapped';

/** Cuts a 10-word fragment from a quote and misremembers it the way people do. */
function misremember(p: Passage, variant: Variant, rand: (min: number, max: number) => number): { fragment: string; original: string } | null {
  const tokens = p.text.split(/\s+/).filter((t) => /\w/.test(t));
  if (tokens.length < 14) return null;
  const start = rand(0, tokens.length - 10);
  const frag = tokens.slice(start, start + 10);
  const original = wordsOf(frag.join(' ')).join(' ');
  const i = rand(2, 7);
  switch (variant) {
    case 'exact': break;
    case 'dropped': frag.splice(i, 1); break;
    case 'swapped': [frag[i], frag[i + 1]] = [frag[i + 1]!, frag[i]!]; break;
    case 'misspelled': {
      const k = frag.findIndex((t, j) => j >= 2 && /^[a-z]{7,}$/i.test(t));
      if (k < 0) return null;
      const w = frag[k]!;
      frag[k] = w.slice(0, 3) + w[4] + w[3] + w.slice(5); // two letters swapped
      break;
    }
  }
  return { fragment: frag.join(' '), original };
}

describe.skipIf(!dir)(dir ? 'real briefings' : `real briefings (${BRIEFINGS_SKIP_REASON})`, () => {
  let index: CorpusIndex;
  let quotes: Passage[];
  beforeAll(async () => {
    // Every 20th file: about 210 files from all four years and every kind of release.
    index = await indexFiles(dir!, everyNth(briefingFiles(dir!), 20));
    // Quotes whose words appear once: a repeated line ("Thank you all very much") has no single source.
    const seen = new Map<string, number>();
    const all = [...index.passages()].filter((p) => p.kind === 'quote');
    for (const p of all) seen.set(wordsOf(p.text).join(' '), (seen.get(wordsOf(p.text).join(' ')) ?? 0) + 1);
    quotes = all.filter((p) => seen.get(wordsOf(p.text).join(' ')) === 1);
  }, 180_000);

  it('indexes passages from many files and speakers', () => {
    expect(index.fileCount).toBeGreaterThan(150);
    expect(new Set(quotes.map((p) => p.speaker.name)).size).toBeGreaterThan(30);
  });

  it('any run of 6+ words from a briefing quote finds it first', () => {
    checkRuns(() => index, () => quotes, 200);
  });

  it.each(['exact', 'dropped', 'misspelled', 'swapped'] as const)('%s fragments from many files name the right speaker', (variant) => {
    const rand = seeded(variant.length * 7919);
    let asked = 0;
    let right = 0;
    let wrongSpeaker = 0;
    const files = new Set<string>();
    const misses: string[] = [];
    for (let k = 0; asked < 120 && k < 2000; k++) {
      const p = quotes[rand(0, quotes.length - 1)]!;
      const cut = misremember(p, variant, rand);
      if (!cut) continue;
      const { fragment, original } = cut;
      asked++;
      files.add(p.source.file);
      const out = whoSaid(index, { fragment }, NOW);
      if (!out.ok) throw new Error(out.problem.message);
      const top = out.answer.items[0];
      // Words said verbatim by several people ("With that, I will turn it back to you") have several right answers.
      const saidThere = top ? wordsOf(top.passage.text).join(' ').includes(original) : false;
      if (out.answer.verdict !== 'not_found' && (top?.passage.speaker.name === p.speaker.name || saidThere)) right++;
      else {
        if (out.answer.verdict !== 'not_found') wrongSpeaker++;
        misses.push(`${fragment} → ${out.answer.verdict} ${top?.passage.speaker.name ?? ''} (want ${p.speaker.name})`);
      }
    }
    if (wrongSpeaker) console.log(misses.filter((m) => !m.includes("not_found")).join("\n"));
    console.log(`${variant}: ${right}/${asked} right, ${wrongSpeaker} wrong speaker, from ${files.size} files`);
    expect(files.size).toBeGreaterThan(50);
    expect(right / asked, misses.slice(0, 5).join('\n')).toBeGreaterThanOrEqual(variant === 'exact' ? 0.98 : 0.9);
    // Naming the wrong person is worse than naming nobody.
    expect(wrongSpeaker / asked, misses.slice(0, 5).join('\n')).toBeLessThanOrEqual(0.02);
  });

  it('sentences nobody said are not_found', () => {
    const absent = [
      'we will build a wall on the moon by next tuesday',
      'the penguins of the arctic have voted to leave the union',
      'my grandmother invented the electric guitar in nineteen twelve',
      'the secretary of bananas resigned over the spoon shortage',
    ];
    for (const fragment of absent) {
      const out = whoSaid(index, { fragment }, NOW);
      expect(out.ok && out.answer.verdict, fragment).toBe('not_found');
    }
  });

  it.each(['inflation', 'Ukraine', 'border security', 'student loans'])('timeline "%s" comes back in date order', (topic) => {
    const out = runCommand(index, { command: 'timeline', args: { topic } }, NOW, 1000);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.answer.total).toBeGreaterThan(3);
    const dates = out.answer.items.map((i) => i.date ?? '9999');
    expect([...dates].sort()).toEqual(dates);
  });
});
