// The snapshot reader on damaged files: a real snapshot (briefings, captions, a text outside
// Latin-1), then random bit flips, changed bytes, cuts and insertions anywhere in it. Every
// damaged copy must be refused, never loaded: a load that answers differently is the failure
// the checksum exists to prevent (before it covered the whole file, 37 of 1,800 such copies
// loaded silently). Random bytes as a whole file are refused too.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/app/openCorpus.ts';
import { readSnapshot, snapshotPath } from '../../src/app/snapshot.ts';
import { PARSER_VERSION } from '../../src/core/parse/parserVersion.ts';
import { BRIDGE, PORT, briefing, tempCorpus, type TempCorpus } from '../app/corpusFiles.ts';
import { fuzzRuns, testTimeoutMs } from './fuzzRuns.ts';

let c: TempCorpus;
let good: Buffer;
let scratch: string;
const expect_ = { parserVersion: PARSER_VERSION };

beforeAll(async () => {
  c = tempCorpus({
    'bridge.md': BRIDGE,
    'port.md': PORT,
    'ferry.md': briefing('2024-03-06', [['MS. JANE ROE', 'Le café du port reste ouvert. 港口 reopened at dawn.'], ['Q', 'And the tolls?']]),
    'clip.srt': '1\n00:00:01,000 --> 00:00:04,000\nThe harbour bridge opens on Thursday.\n',
  });
  await openCorpus(c.corpus, { dataDir: c.data });
  good = readFileSync(snapshotPath(c.data, c.corpus));
  scratch = mkdtempSync(path.join(tmpdir(), 'soundbite-snapshot-fuzz-'));
});
afterAll(() => {
  rmSync(c.root, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

type Damage = { kind: 'flip'; at: number; bit: number } | { kind: 'set'; at: number; value: number } | { kind: 'cut'; at: number } | { kind: 'insert'; at: number; bytes: Uint8Array };

function damaged(d: Damage): Buffer {
  const at = Math.floor(d.at * good.length);
  switch (d.kind) {
    case 'flip': {
      const b = Buffer.from(good);
      b[at] = b[at]! ^ (1 << d.bit);
      return b;
    }
    case 'set': {
      const b = Buffer.from(good);
      b[at] = d.value === b[at] ? (d.value + 1) & 0xff : d.value;
      return b;
    }
    case 'cut':
      return good.subarray(0, at);
    case 'insert':
      return Buffer.concat([good.subarray(0, at), d.bytes, good.subarray(at)]);
  }
}

const position = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: position, value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
);

describe('snapshot reader on damaged files (fuzz)', () => {
  it('loads the undamaged snapshot', async () => {
    const file = path.join(scratch, 'good.ndjson');
    writeFileSync(file, good);
    expect((await readSnapshot(file, expect_)).ok).toBe(true);
  });

  it('refuses every damaged copy, with a reason, and never throws', async () => {
    const file = path.join(scratch, 'damaged.ndjson');
    await fc.assert(fc.asyncProperty(damage, async (d) => {
      writeFileSync(file, damaged(d));
      const r = await readSnapshot(file, expect_);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/^the snapshot |^no snapshot/);
    }), fuzzRuns(1800));
  }, testTimeoutMs());

  it('refuses random bytes, and random lines of JSON', async () => {
    const file = path.join(scratch, 'random.ndjson');
    const junk = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
      fc.array(fc.json(), { maxLength: 8 }).map((lines) => Buffer.from(`${lines.join('\n')}\n`)),
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.concat([good.subarray(0, good.indexOf(10) + 1), Buffer.from(b)])),
    );
    await fc.assert(fc.asyncProperty(junk, async (bytes) => {
      writeFileSync(file, bytes);
      expect((await readSnapshot(file, expect_)).ok).toBe(false);
    }), fuzzRuns(600));
  }, testTimeoutMs());
});
