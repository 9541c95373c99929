// Clear ends in the terminal: names from the files cannot forge or reorder output, a reader that
// stops early (`| head`) ends the run quietly, and a huge bad line is not echoed back whole.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ECHO_CHARS, shownText } from '../../src/cli/shownText.ts';
import { BRIDGE, tempCorpus } from '../app/corpusFiles.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/soundbite.mjs');
const DATA_DIR = mkdtempSync(path.join(tmpdir(), 'soundbite-ends-data-'));
afterAll(() => rmSync(DATA_DIR, { recursive: true, force: true }));

function run(args: string[], input = '') {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', DISCORD_TOKEN: '', SOUNDBITE_DATA_DIR: DATA_DIR },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('names shown safely', () => {
  it.each([
    ['a newline', 'notes\n000.txt:1: error: all files checked.md', 'notes\\n000.txt:1: error: all files checked.md'],
    ['a right-to-left override', 'report\u202Etxt.md', 'report\\u{202E}txt.md'],
    ['an escape sequence', 'x\u001b[2Jy.md', 'x\\u{001B}[2Jy.md'],
    ['a tab and a first-strong isolate', 'a\tb\u2068c.md', 'a\\tb\\u{2068}c.md'],
  ])('shows %s in a name as a visible escape', (_what, name, shown) => expect(shownText(name)).toBe(shown));

  it('leaves other text as written, right-to-left letters included', () => {
    expect(shownText('Café — ‘quote’ مرحبا 港口.md')).toBe('Café — ‘quote’ مرحبا 港口.md');
  });

  it('validate prints one line per problem, whatever the file names hold', () => {
    // Plain notes: the general reader reads them with no labels, a warning each.
    const c = tempCorpus({ 'bridge.md': BRIDGE, 'notes\n000.txt:1: error: forged.txt': 'just notes\n', 'report\u202Etxt.md': 'more notes\n' });
    try {
      const r = run(['validate', '--corpus', c.corpus]);
      expect(r.code).toBe(1);
      const lines = r.out.trim().split('\n');
      const problems = lines.slice(0, -1);
      expect(problems.length).toBeGreaterThanOrEqual(2);
      // Every problem line starts with a name shown escaped: no name can forge or reorder a line.
      for (const line of problems) expect(line).toMatch(/^(?:notes\\n000\.txt:1: error: forged\.txt|report\\u\{202E\}txt\.md):1: warning: /);
      expect(lines.at(-1)).toMatch(/problems? in 2 of 3 files/);
      expect(r.out).not.toContain('\u202E');
    } finally {
      rmSync(c.root, { recursive: true, force: true });
    }
  });
});

describe('problems said at once', () => {
  it('a broken alias list is said on stderr when a command runs, not only by validate', () => {
    const c = tempCorpus({ 'bridge.md': BRIDGE, 'speakers.json': '{ "speakers": [ oops' });
    try {
      const r = run(['search', 'tolls', '--corpus', c.corpus]);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/^soundbite: speakers\.json:1: error: The alias list is not valid JSON .*no aliases were applied/);
      expect(r.out).toContain('tolls');
    } finally {
      rmSync(c.root, { recursive: true, force: true });
    }
  });
});

describe('ends', () => {
  it('stops quietly when the reader closes the pipe early (| head)', () => {
    const lines = Array.from({ length: 400 }, () => '/search Kim').join('\n');
    const dir = mkdtempSync(path.join(tmpdir(), 'soundbite-pipe-'));
    const input = path.join(dir, 'lines.txt');
    writeFileSync(input, lines);
    try {
      const r = spawnSync('bash', ['-c', `"$0" "$1" --corpus corpus --json < "$2" | head -c 200 > /dev/null; echo "\${PIPESTATUS[0]}"`, process.execPath, BIN, input], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', DISCORD_TOKEN: '', SOUNDBITE_DATA_DIR: DATA_DIR },
      });
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe('0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a batch error does not echo a huge line back', () => {
    const huge = `/${'z'.repeat(3_000_000)} and more`;
    const r = run(['--corpus', 'corpus', '--json'], `${huge}\n/search ${'y'.repeat(2_000_000)}\n/who-said receptive to correspondence\n`);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines.slice(0, 2)) expect(line.length).toBeLessThan(4 * ECHO_CHARS + 2000);
    const [first, second, third] = lines.map((l) => JSON.parse(l) as { query: string; error?: { code: string; message: string }; verdict: string | null });
    expect(first!.error?.code).toBe('unknown_command');
    expect(first!.query).toMatch(/… \(3,000,01\d characters in all\)$/);
    expect(second!.error?.code).toBe('query_too_long');
    expect(third!.verdict).toBe('exact');
  });

  it('in text, the echoed line and the message are clipped too', () => {
    const r = run(['--corpus', 'corpus'], `/${'z'.repeat(1_000_000)}\n`);
    expect(r.out.length).toBeLessThan(2000);
    expect(r.out).toContain('characters in all');
  });
});
