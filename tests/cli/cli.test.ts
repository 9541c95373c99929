// The terminal as scripts and journalists use it: the real entry point, real files, real exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/soundbite.mjs');
// Saved indexes go to a temp folder, not the project's own .soundbite/.
const DATA_DIR = mkdtempSync(path.join(tmpdir(), 'soundbite-cli-data-'));

function run(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', DISCORD_TOKEN: '', SOUNDBITE_DATA_DIR: DATA_DIR, ...env },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('one-shot commands', () => {
  it('who-said --json has the documented shape', () => {
    const r = run(['who-said', 'receptive to correspondence', '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out);
    expect(a).toMatchObject({ command: 'who-said', query: 'receptive to correspondence', verdict: 'exact' });
    expect(a.results[0]).toMatchObject({
      speaker: { name: 'Karoline Leavitt', title: 'White House Press Secretary' },
      kind: 'quote',
      source: { file: '000_79a02109ed31242b.txt', line: 31, date: '2025-06-12', program: 'News Today', headline: expect.stringContaining('receptive') },
    });
    expect(a.results[0].text).toContain('receptive to correspondence with Kim Jong-un');
  });

  it('timeline --json comes back in date order, with the corpus given by --corpus', () => {
    const r = run(['timeline', 'Kim Jong-un', '--corpus', 'corpus', '--json']);
    expect(r.code).toBe(0);
    const dates = JSON.parse(r.out).results.map((x: { date: string | null }) => x.date ?? '9999');
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort()).toEqual(dates);
  });

  it('text output names the verdict, the speaker and the source line, and marks the matched words', () => {
    const r = run(['who-said', 'I walked across the line']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Exact match');
    expect(r.out).toContain('Donald Trump, U.S. President');
    expect(r.out).toContain('[I walked across the line]');
    expect(r.out).toContain('spoken 2025-03 (March) · aired 2025-06-12');
    expect(r.out).toContain('000_79a02109ed31242b.txt, line 61');
  });
});

describe('bad input: one line on stderr, exit code 2', () => {
  it.each([
    [['who-said', '', '--json'], /needs quote|Give the words/],
    [['who-said', 'x y z', '--bogus'], /Unknown option '--bogus'/],
    [['timeline', 'Kim', '--since', '2025-06-01', '--until', '2025-01-01'], /since 2025-06-01 is after until 2025-01-01/],
    [['who-said', 'receptive to correspondence', '--corpus', 'no/such/folder'], /does not exist/],
    [['quotes', 'Leavitt', '--program', 'x'], /has no --program option/],
    [['whosaid', 'x'], /unknown command "whosaid"/],
  ])('%j', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });
});

describe('a data folder that cannot be written', () => {
  it('still answers, with one warning that the index was not saved', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'soundbite-ro-')), 'a-file');
    writeFileSync(file, 'not a folder');
    const r = run(['who-said', 'receptive to correspondence', '--json'], '', { SOUNDBITE_DATA_DIR: path.join(file, 'data') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).verdict).toBe('exact');
    expect(r.err.trim().split('\n')).toEqual([expect.stringContaining('the index could not be saved for the next start')]);
  });
});

describe('batch mode', () => {
  it('reads one command per line and writes one JSON object per line; follow-ups use the last answer', () => {
    const r = run(['--json'], '/who-said receptive to correspondence\nwhen was that?\n/who-said\n/timeline Kim Jong-un\n');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].results[0].speaker.name).toBe('Karoline Leavitt');
    expect(lines[1]).toMatchObject({ command: 'when', results: [{ source: { line: 31 } }] });
    expect(lines[2]).toMatchObject({ command: 'who-said', results: [], error: { code: 'empty_query' } });
    expect(lines[3].command).toBe('timeline');
  });
});

describe('validate', () => {
  it('lists each problem with file and line, indexes the good files anyway, and exits 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'soundbite-validate-'));
    mkdirSync(path.join(dir, 'nested/deeper'), { recursive: true });
    copyFileSync(path.join(ROOT, 'corpus/000_79a02109ed31242b.txt'), path.join(dir, 'nested/deeper/seed.txt'));
    writeFileSync(path.join(dir, 'notes.csv'), 'a,b,c\n1,2,3\n');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3]));
    const v = run(['validate', '--corpus', dir]);
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/^binary\.txt:1: error: This is not a text file/m);
    expect(v.out).toMatch(/^notes\.csv:1: error: This is a table \(CSV or tab-separated data\), not a transcript/m);
    expect(v.out).toMatch(/2 problems in 2 of 3 files; 2 files were skipped, the rest indexed \(14 passages\)/);
    // The bad files cost nothing: the good one still answers.
    const w = run(['who-said', 'receptive to correspondence', '--corpus', dir, '--json']);
    expect(JSON.parse(w.out).results[0].source.file).toBe('nested/deeper/seed.txt');
  });

  it('exits 0 on a clean corpus', () => {
    const v = run(['validate']);
    expect(v.code).toBe(0);
    expect(v.out).toContain('no problems');
  });
});
