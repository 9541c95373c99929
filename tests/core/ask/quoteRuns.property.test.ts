// Property: any run of six or more words cut from any indexed quote finds that quote first,
// as an exact match. Checked on real transcripts: the seed and the dev set's broadcast scripts.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../../src/core/model.ts';
import { checkRuns } from '../../helpers/quoteRuns.ts';
import type { CorpusIndex } from '../../../src/core/search/CorpusIndex.ts';
import { indexFiles } from '../../helpers/indexFiles.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('any run of 6+ words from a quote finds that quote first', () => {
  let index: CorpusIndex;
  let quotes: Passage[];
  beforeAll(async () => {
    index = await indexFiles(path.join(ROOT, 'corpus'), readdirSync(path.join(ROOT, 'corpus')));
    const dev = path.resolve(ROOT, '../shared/dev/corpus');
    if (existsSync(dev)) await indexFiles(dev, readdirSync(path.join(dev, 'kbs')).map((f) => `kbs/${f}`), index);
    quotes = [...index.passages()].filter((p) => p.kind === 'quote');
  });

  it('on the seed and the broadcast scripts', () => {
    expect(quotes.length).toBeGreaterThan(5);
    checkRuns(() => index, () => quotes, 300);
  });
});
