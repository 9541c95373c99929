// `soundbite stats` and `soundbite speakers --unresolved` through the real entry point.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BRIDGE, PORT, tempCorpus, type TempCorpus } from './corpusFiles.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/soundbite.mjs');
let c: TempCorpus;
afterEach(() => rmSync(c.root, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--corpus', c.corpus], {
    encoding: 'utf8',
    env: { ...process.env, SOUNDBITE_DATA_DIR: c.data, NO_COLOR: '1', DISCORD_TOKEN: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('stats and unresolved speakers in the terminal', () => {
  it('stats counts files, passages, speakers, dates and problems', () => {
    c = tempCorpus({ 'bridge.md': BRIDGE, 'port.md': PORT, 'notes.csv': 'item,count\neggs,12\nmilk,2\n', 'speakers.json': '{ nope' });
    const r = run('stats');
    expect(r.code).toBe(0);
    expect(r.out).toContain('3 files (2 indexed), 6 passages, 2 speakers, 2024-03-04 to 2024-03-05.');
    expect(r.out).toContain('2 problems in the files (soundbite validate lists them all):');
    expect(r.out).toContain('  notes.csv:1: error: This is a table (CSV or tab-separated data), not a transcript');
    expect(r.out).toContain('  speakers.json:1: error: The alias list is not valid JSON');
    const json = JSON.parse(run('stats', '--json').out);
    expect(json).toMatchObject({ files: 3, indexedFiles: 2, passages: 6, speakers: 2, firstDate: '2024-03-04', lastDate: '2024-03-05', issues: 2 });
  });

  it('speakers --unresolved lists the labels an alias list should settle', () => {
    c = tempCorpus({ 'bridge.md': BRIDGE.replace('MS. JANE ROE', 'MS. ROE'), 'port.md': PORT });
    const r = run('speakers', '--unresolved');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('1 label resolves to no one (add them to corpus/speakers.json, see docs/ALIASES.md):');
    expect(r.out).toContain('  MS. ROE → Roe (surname only): 2 passages in 1 file, e.g. bridge.md:');
    c.write('speakers.json', JSON.stringify({ speakers: [{ name: 'Jane Roe', labels: ['MS. ROE'] }] }));
    expect(run('speakers', '--unresolved').out.trim()).toBe('Every label resolves to a person.');
  });
});
