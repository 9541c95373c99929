// The REPL as a journalist uses it: commands, follow-ups, help, colour on a terminal and off
// with NO_COLOR. Driven through runCli with in-memory streams standing in for the terminal.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.ts';
import { runCli } from '../../src/cli/runCli.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../corpus');
// Saved indexes go to a temp folder, not the project's own .soundbite/.
const DATA_DIR = mkdtempSync(path.join(tmpdir(), 'soundbite-repl-data-'));

async function session(lines: string[], env: Record<string, string> = {}) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const out: string[] = [];
  const io: Io = {
    out: (t) => out.push(t),
    err: (t) => out.push(`ERR ${t}`),
    env: { SOUNDBITE_DATA_DIR: DATA_DIR, ...env },
    stdin,
    stdout: new PassThrough(),
    stdoutIsTTY: true,
    now: () => new Date('2026-11-27T12:00:00Z'),
  };
  const done = runCli(['--corpus', CORPUS], io, 'test');
  for (const l of lines) stdin.write(`${l}\n`);
  stdin.end();
  expect(await done).toBe(0);
  return out.join('\n');
}

describe('the REPL', () => {
  it('answers a command, then plain lines as follow-ups to it', async () => {
    const text = await session(['/who-said receptive to correspondence', 'when was that?', 'show the full context', '/quit'], { NO_COLOR: '1' });
    expect(text).toContain('1 files, 14 passages');
    expect(text).toContain('Exact match');
    expect(text).toContain('Aired 2025-06-12.');
    // The context answer marks the passage it is about.
    expect(text).toMatch(/▶ Karoline Leavitt, White House Press Secretary/);
  });

  it('shows help from the command registry and refuses bad input in one sentence', async () => {
    const text = await session(['/help', '/who-said', '/timeline Kim since:2025-13'], { NO_COLOR: '1' });
    expect(text).toContain('/who-said <quote> [speaker:…] [since:…] [until:…]');
    expect(text).toContain('/who-said needs quote');
    expect(text).toContain('since: "2025-13" has no month 13.');
  });

  it('colours a terminal and honours NO_COLOR', async () => {
    expect(await session(['/who-said receptive to correspondence'])).toContain('\u001b[');
    expect(await session(['/who-said receptive to correspondence'], { NO_COLOR: '1' })).not.toContain('\u001b[');
  });
});
