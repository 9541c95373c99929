// `soundbite ingest` through the real entry point: a good file is written and described, a bad
// one is refused with line numbers and nothing is written, a duplicate is recognised, and a file
// too big or of the wrong type is refused by name.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestBytes, MAX_NAME_CHARS, safeFileName } from '../../src/app/ingest.ts';
import { BRIDGE, PORT, briefing, tempCorpus, type TempCorpus } from './corpusFiles.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/soundbite.mjs');

let c: TempCorpus;
afterEach(() => rmSync(c.root, { recursive: true, force: true }));

function ingest(file: string, ...flags: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'ingest', file, '--corpus', c.corpus, ...flags], {
    encoding: 'utf8',
    env: { ...process.env, SOUNDBITE_DATA_DIR: c.data, NO_COLOR: '1', DISCORD_TOKEN: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const listing = () => readdirSync(c.corpus).sort();

describe('soundbite ingest', () => {
  it('adds a good transcript and says what it found', () => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    const upload = path.join(c.root, 'port briefing.md');
    writeFileSync(upload, PORT);
    const r = ingest(upload);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Added port-briefing.md (briefing): 3 passages, aired 2024-03-05.');
    expect(r.out).toContain('Speakers: Sam Park (2).');
    expect(listing()).toEqual(['bridge.md', 'port-briefing.md']);
    expect(readFileSync(path.join(c.corpus, 'port-briefing.md'), 'utf8')).toBe(PORT);
    // And it is then answered from.
    const who = spawnSync(process.execPath, [BIN, 'search', 'cranes', '--corpus', c.corpus, '--json'], { encoding: 'utf8', env: { ...process.env, SOUNDBITE_DATA_DIR: c.data, DISCORD_TOKEN: '' } });
    expect(who.stdout).toContain('port-briefing.md');
  });

  it('recognises the same content uploaded twice, under any name', () => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    const upload = path.join(c.root, 'copy-of-bridge.md');
    writeFileSync(upload, BRIDGE);
    const r = ingest(upload, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, status: 'duplicate', file: 'bridge.md' });
    expect(listing()).toEqual(['bridge.md']);
  });

  it('keeps a different file that has the same name, under a numbered name', () => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    const upload = path.join(c.root, 'bridge.md');
    writeFileSync(upload, PORT);
    const r = ingest(upload);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Added bridge-2.md');
    expect(readFileSync(path.join(c.corpus, 'bridge.md'), 'utf8')).toBe(BRIDGE);
    expect(listing()).toEqual(['bridge-2.md', 'bridge.md']);
  });

  it('refuses a file with errors, names the lines, and writes nothing', () => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    const upload = path.join(c.root, 'empty-briefing.md');
    writeFileSync(upload, "---\ndate: '2024-03-04'\ntitle: 'Press Briefing'\n---\n\n");
    const r = ingest(upload);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/empty-briefing\.md has 1 problem.*Nothing was added/);
    expect(r.err).toMatch(/empty-briefing\.md:\d+: error: The briefing has no words after its front matter/);
    expect(listing()).toEqual(['bridge.md']);
  });

  it('refuses a table that is not a transcript, writing nothing', () => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    const upload = path.join(c.root, 'shopping.txt');
    writeFileSync(upload, 'item,count,shop\neggs,12,corner\nmilk,2,corner\nbread,1,bakery\n');
    const r = ingest(upload);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Nothing was added: shopping.txt is not a transcript Soundbite can read.');
    expect(r.err).toContain('shopping.txt:1: error: This is a table (CSV or tab-separated data), not a transcript');
    expect(listing()).toEqual(['bridge.md']);
  });

  it('refuses a file over the size limit and a file of the wrong type, by name', () => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    const big = path.join(c.root, 'huge.txt');
    writeFileSync(big, 'A'.repeat(5 * 1024 * 1024 + 1));
    const r = ingest(big);
    expect(r.code).toBe(1);
    expect(r.err).toContain('huge.txt is 5.0 MB; uploads are limited to 5 MB');
    const pdf = path.join(c.root, 'briefing.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    expect(ingest(pdf).err).toContain('briefing.pdf is not a transcript file: Soundbite takes .txt, .md, .vtt, .srt files');
    expect(listing()).toEqual(['bridge.md']);
  });

  it('refuses bytes that are not text in any encoding', async () => {
    c = tempCorpus();
    // A PNG header: zero bytes where no UTF-16 text has them.
    const r = await ingestBytes(c.corpus, 'x.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    expect(r).toMatchObject({ ok: false, code: 'not_text' });
    expect(listing()).toEqual([]);
  });

  it('asks for exactly one file', () => {
    c = tempCorpus();
    const r = spawnSync(process.execPath, [BIN, 'ingest', '--corpus', c.corpus], { encoding: 'utf8', env: { ...process.env, DISCORD_TOKEN: '' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('give one transcript file');
  });

  it('refuses an upload named README.txt, which the corpus keeps for notes and never reads, writing nothing', () => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    const upload = path.join(c.root, 'README.txt');
    writeFileSync(upload, PORT);
    const r = ingest(upload);
    expect(r.code).toBe(1);
    expect(r.err).toContain('README.txt is a name the corpus keeps for notes');
    expect(r.err).toContain('Rename the file');
    expect(r.out).toBe('');
    expect(listing()).toEqual(['bridge.md']);
  });

  it.each(['Readme.md', 'readme.MD', 'docs/README.txt'])('refuses %s the same way, in any case and under any folder', async (name) => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    const r = await ingestBytes(c.corpus, name, Buffer.from(PORT));
    expect(r).toMatchObject({ ok: false, code: 'reserved_name' });
    expect(listing()).toEqual(['bridge.md']);
  });

  it('adds a file with a 244-character name under a shorter one', () => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    const upload = path.join(c.root, `${'harbour-'.repeat(30)}port.md`);
    writeFileSync(upload, PORT);
    const r = ingest(upload);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const added = listing().find((f) => f !== 'bridge.md')!;
    expect(added.length).toBe(MAX_NAME_CHARS);
    expect(added.endsWith('.md')).toBe(true);
    expect(r.out).toContain(`Added ${added} (briefing)`);
  });

  it('says in one line that a file could not be written (here: over the size the system lets it write), leaving nothing behind', () => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    const upload = path.join(c.root, 'big.md');
    writeFileSync(upload, briefing('2024-03-06', Array.from({ length: 2000 }, (_, i): [string, string] => [i % 2 ? 'Q' : 'MS. JANE ROE', `The ferry timetable changes again, number ${i}.`])));
    // A real write failure: a 100 KB file-size limit on the process (EFBIG past it), the signal ignored.
    const r = spawnSync('bash', ['-c', `trap '' XFSZ; ulimit -f 100; exec "$0" "$@"`, process.execPath, BIN, 'ingest', upload, '--corpus', c.corpus], {
      encoding: 'utf8',
      env: { ...process.env, SOUNDBITE_DATA_DIR: c.data, NO_COLOR: '1', DISCORD_TOKEN: '' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['soundbite ingest: Nothing was added: big.md could not be written into the corpus folder (the file is larger than this system lets Soundbite write).']);
    expect(readdirSync(c.corpus, { withFileTypes: true }).map((e) => e.name)).toEqual(['bridge.md']);
  });

  it('makes upload names safe: no folders, no hidden files', () => {
    expect(safeFileName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(safeFileName('.hidden.md')).toBe('hidden.md');
    expect(safeFileName('Report (final).TXT')).toBe('Report-final-.TXT');
    expect(safeFileName('')).toBe('upload.txt');
  });
});
