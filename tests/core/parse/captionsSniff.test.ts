// With formats E and F added, each format still picks its own files: every golden fixture under
// tests/fixtures/<format>/ sniffs as the format its expected JSON names, and a file in no
// format at all is refused with an issue instead of being indexed as garbage.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Transcript } from '../../../src/core/model.ts';
import { parseTranscript, pickParser } from '../../../src/core/parse/parseTranscript.ts';
import { sourceLines } from '../../../src/core/parse/sourceText.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));

/** Every fixture that has an expected Transcript beside it, with the format it expects. */
function fixturesWithFormat(): { path: string; format: Transcript['format'] }[] {
  const out: { path: string; format: Transcript['format'] }[] = [];
  for (const dir of readdirSync(FIXTURES)) {
    const full = join(FIXTURES, dir);
    if (!statSync(full).isDirectory()) continue;
    const names = readdirSync(full);
    for (const name of names) {
      if (name.endsWith('.json')) continue;
      const json = name.replace(/\.[^.]+$/, '.json');
      if (!names.includes(json)) continue;
      const expected = JSON.parse(readFileSync(join(full, json), 'utf8')) as Partial<Transcript>;
      if (expected.format !== undefined) out.push({ path: `${dir}/${name}`, format: expected.format });
    }
  }
  return out;
}

describe('every format keeps its own files', () => {
  const fixtures = fixturesWithFormat();
  it('finds fixtures of several formats', () => {
    expect(new Set(fixtures.map((f) => f.format)).size).toBeGreaterThanOrEqual(5);
  });
  it.each(fixtures)('$path sniffs as $format', ({ path, format }) => {
    expect(pickParser(sourceLines(readFileSync(join(FIXTURES, path), 'utf8')))?.format).toBe(format);
  });
});

describe('what is not a transcript', () => {
  it.each([
    ['speakers.csv', 'name,title,date\nJane Roe,Trade Minister,2025-03-04\nJohn Doe,Mayor,2025-03-05\n', /table/],
    ['rows.tsv', 'id\tspeaker\tline\n1\tRoe\t4\n2\tDoe\t9\n', /table/],
    ['speakers.json', '{"speakers": [{"name": "Jane Roe", "labels": ["MS. ROE", "Roe"]}]}\n', /JSON/],
    ['tool.ts', "import { readFile } from 'node:fs';\nconst x = 1;\nfunction go() {\n  return x;\n}\n", /source code/],
  ])('%s is refused with the reason and no passages', (file, text, reason) => {
    const t = parseTranscript(file, text);
    expect(t.format).toBeNull();
    expect(t.passages).toEqual([]);
    expect(t.issues).toEqual([expect.objectContaining({ file, line: 1, severity: 'error', message: expect.stringMatching(reason) })]);
  });
});

describe('any other text is read, by the general reader', () => {
  it.each([
    ['README.md', '# Corpus\n\nPut transcripts here: one file per broadcast.\n\n## Formats\n\n- Otter: exports\n- Rev: exports\n'],
    ['notes.txt', 'The meeting ran long. Note: the vote moved to Thursday.\nEveryone agreed: more coffee.\nJane said she would call back at 10:30.\n'],
  ])('%s is indexed as unattributed words, naming no speaker', (file, text) => {
    const t = parseTranscript(file, text);
    expect(t.format).toBe('general');
    expect(t.passages.length).toBeGreaterThan(0);
    // "Note:" and "Everyone agreed:" are sentences with a colon, not speakers; "Jane said …" is
    // reported speech by Jane, the one name a sentence gives.
    const names = new Set(t.passages.map((p) => p.speaker.name));
    expect(names.has('Unidentified speaker')).toBe(true);
    expect([...names].filter((n) => n !== 'Unidentified speaker' && n !== 'Jane')).toEqual([]);
    expect(t.passages.filter((p) => p.speaker.name === 'Jane').map((p) => p.kind)).toEqual(t.passages.some((p) => p.speaker.name === 'Jane') ? ['reported'] : []);
  });
});
