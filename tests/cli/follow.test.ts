// `soundbite follow`: the real entry point watching a real folder prints what a transcript added
// while it runs says about the topic, and nothing for one that says nothing about it.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIDGE, briefing, tempCorpus } from '../app/corpusFiles.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/soundbite.mjs');

describe('soundbite follow', () => {
  it('prints the stories a new transcript brings about the topic, one JSON line each, until stopped', async () => {
    const c = tempCorpus({ 'bridge.md': BRIDGE });
    const child = spawn(process.execPath, [BIN, 'follow', 'harbour ferry', '--json', '--corpus', c.corpus], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', DISCORD_TOKEN: '', SOUNDBITE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'soundbite-follow-data-')) },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const until = async (probe: () => boolean, what: string) => {
      const deadline = Date.now() + 20_000;
      while (!probe()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stdout: ${out} stderr: ${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await until(() => err.includes('Following “harbour ferry”'), 'the follow to start');
      c.write('roads.md', briefing('2024-03-06', [['MR. SAM PARK', 'The road repairs start on Monday across the city.']]));
      c.write('ferry.md', briefing('2024-03-07', [['MS. JANE ROE', 'The harbour ferry returns to its winter timetable next week.']], 'Ferry briefing'));
      await until(() => out.includes('\n'), 'a printed answer');
      const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { command: string; results: Array<{ source: { file: string } }> });
      expect(lines).toHaveLength(1);
      expect(lines[0]!.command).toBe('timeline');
      expect(new Set(lines[0]!.results.map((r) => r.source.file))).toEqual(new Set(['ferry.md']));
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  }, 40_000);

  it('refuses a topic it cannot read, with exit code 2', async () => {
    const c = tempCorpus({ 'bridge.md': BRIDGE });
    const child = spawn(process.execPath, [BIN, 'follow', 'the of and', '--corpus', c.corpus], { cwd: ROOT, env: { ...process.env, DISCORD_TOKEN: '', SOUNDBITE_DATA_DIR: c.data } });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('only common words');
  }, 20_000);
});
