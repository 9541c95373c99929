// Random bytes into ingest, under random names: whatever comes in, ingest answers (never throws),
// a refusal leaves the corpus folder exactly as it was (no temporary file either), and a file it
// says it added is one the corpus reader lists and indexes with the format ingest reported:
// "Added … searchable now" must be true (a README.txt upload once was not).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { listCorpusFiles } from '../../src/app/corpusFolder.ts';
import { ingestBytes } from '../../src/app/ingest.ts';
import { readCorpusFile } from '../../src/app/readCorpusFile.ts';
import { EMPTY_ALIASES } from '../../src/core/parse/aliasList.ts';
import { PORT } from '../app/corpusFiles.ts';
import { fuzzRuns, testTimeoutMs } from './fuzzRuns.ts';

const root = mkdtempSync(path.join(tmpdir(), 'soundbite-ingest-fuzz-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

const everything = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

const names = fc.oneof(
  fc.constantFrom('port.md', 'README.txt', 'Readme.md', 'readme', 'speakers.json', '.hidden.md', '../../etc/x.md', 'a/b.srt', 'x.vtt', 'x.otter.txt', 'UPPER.MD', 'notes.TXT', ''),
  fc.string({ maxLength: 300 }).map((s) => `${s}.md`),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const SRT = '1\n00:00:01,000 --> 00:00:04,000\nThe harbour bridge opens on Thursday.\n';
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  fc.constantFrom(PORT, SRT).map((t) => new Uint8Array(Buffer.from(t))),
  fc.tuple(fc.constantFrom(PORT, SRT), fc.uint8Array({ maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true })).map(([t, noise, at]) => {
    const b = Buffer.from(t);
    const cut = Math.floor(at * b.length);
    return new Uint8Array(Buffer.concat([b.subarray(0, cut), noise, b.subarray(cut)]));
  }),
);

describe('ingest on random bytes and names (fuzz)', () => {
  it('answers every upload; a refusal writes nothing, and what it adds the corpus reads as it said', async () => {
    await fc.assert(fc.asyncProperty(names, bytes, async (name, data) => {
      const dir = path.join(root, `c${n++}`);
      mkdirSync(dir);
      const r = await ingestBytes(dir, name, data);
      if (!r.ok) {
        expect(everything(dir)).toEqual([]);
        expect(r.message).not.toBe('');
        return;
      }
      expect(r.status).toBe('written');
      expect(everything(dir)).toEqual([r.file]);
      expect(readFileSync(path.join(dir, r.file))).toEqual(Buffer.from(data));
      expect(await listCorpusFiles(dir)).toEqual([r.file]);
      const read = await readCorpusFile(dir, r.file, EMPTY_ALIASES);
      expect(read?.transcript.format).toBe(r.summary.format);
      expect(read?.transcript.passages.length).toBe(r.summary.passages);
    }), fuzzRuns(300));
  }, testTimeoutMs());
});
