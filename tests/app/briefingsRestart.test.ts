// A restart on the real White House briefings corpus: the second start loads the snapshot and
// reads no file. Both timings are printed (docs/LIVE-ARCHIVE.md has the figures); speed is
// for the bench and the README, not asserted here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/app/openCorpus.ts';
import { BRIEFINGS_SKIP_REASON, briefingsCorpusDir } from '../helpers/briefingsCorpus.ts';

const dir = briefingsCorpusDir();
const data = mkdtempSync(path.join(tmpdir(), 'soundbite-briefings-data-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));

describe.skipIf(!dir)(dir ? 'restart on the real briefings' : `restart on the real briefings (${BRIEFINGS_SKIP_REASON})`, () => {
  it('uses the snapshot on the second start and re-reads no file', async () => {
    const mb = () => Math.round(process.memoryUsage().rss / 1048576);
    const cold = await openCorpus(dir!, { dataDir: data });
    const coldRss = mb();
    expect(cold.load.mode).toBe('rebuilt');
    const warm = await openCorpus(dir!, { dataDir: data });
    expect(warm.load).toEqual({ mode: 'snapshot', reread: [], removed: [], reason: null, saveError: null });
    expect(warm.files).toBe(cold.files);
    expect(warm.index.passageCount).toBe(cold.index.passageCount);
    expect(warm.issues.length).toBe(cold.issues.length);
    // Every passage comes back as parsed: texts with curly quotes stay in their rows, the rest
    // are slices of the snapshot's text section.
    const before = [...cold.index.passages()];
    const after = [...warm.index.passages()];
    const differing = after.filter((p, i) => JSON.stringify(p) !== JSON.stringify(before[i]));
    expect(differing.map((p) => p.id).slice(0, 5)).toEqual([]);
    expect(after.some((p) => /[\u2018-\u201d]/.test(p.text))).toBe(true);
    const q = ['inflation', 'reduction'];
    expect(warm.index.findTerms(q).slice(0, 10).map((h) => h.id)).toEqual(cold.index.findTerms(q).slice(0, 10).map((h) => h.id));
    console.log(`briefings: ${cold.files} files, ${cold.index.passageCount} passages; without snapshot ${(cold.ms / 1000).toFixed(1)} s (RSS ${coldRss} MB), with snapshot ${(warm.ms / 1000).toFixed(1)} s (RSS ${mb()} MB, both indexes alive)`);
  }, 600_000);
});
