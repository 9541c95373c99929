// The same words aired more than once: one finding, first airing shown, the others listed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedCorpus } from '../../../src/app/corpusFolder.ts';
import { openTestCorpus } from '../../helpers/indexFiles.ts';
import { whoSaid } from '../../../src/core/ask/whoSaid.ts';

const SEED = path.resolve(import.meta.dirname, '../../../corpus/000_79a02109ed31242b.txt');
let corpus: LoadedCorpus;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'soundbite-airings-'));
  const seed = readFileSync(SEED, 'utf8');
  writeFileSync(path.join(dir, 'a-first.txt'), seed);
  // The same report re-aired two days later under another programme name.
  writeFileSync(path.join(dir, 'b-rerun.txt'), seed.replace('date 2025-06-12 [News Today]', 'date 2025-06-14 [News 9]'));
  corpus = await openTestCorpus(dir);
});

describe('airings', () => {
  it('lists a re-aired soundbite once, with the other airing and a note', () => {
    const out = whoSaid(corpus.index, { fragment: 'receptive to correspondence' }, new Date('2026-11-27'));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const a = out.answer;
    expect(a.total).toBe(1);
    expect(a.items[0]!.passage.source).toMatchObject({ file: 'a-first.txt', aired: '2025-06-12' });
    expect(a.items[0]!.airings).toEqual([expect.objectContaining({ file: 'b-rerun.txt', aired: '2025-06-14', program: 'News 9' })]);
    expect(a.notes).toContain('The same words aired 2 times; the first airing is shown, the others are listed.');
  });
});
