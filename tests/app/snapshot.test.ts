// The saved index: used when it matches, patched when a file changed, rebuilt when damaged,
// of another version, or built by another parser; only changed files are read again.
import { readFileSync, readdirSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/app/openCorpus.ts';
import { snapshotPath } from '../../src/app/snapshot.ts';
import { BRIDGE, PORT, briefing, tempCorpus, type TempCorpus } from './corpusFiles.ts';

let c: TempCorpus;
afterEach(() => rmSync(c.root, { recursive: true, force: true }));

function names(passages: Iterable<{ speaker: { name: string } }>): string[] {
  return [...new Set([...passages].map((p) => p.speaker.name))].sort();
}

function searchIds(opened: Awaited<ReturnType<typeof openCorpus>>, words: string[]): string[] {
  return opened.index.findTerms(words).map((h) => h.id).sort();
}

describe('index snapshot', () => {
  it('is written on the first start and used as is on the next, reading no file', async () => {
    c = tempCorpus({ 'a/bridge.md': BRIDGE, 'port.md': PORT, 'notes.json': '{"just": "some notes"}' });
    const first = await openCorpus(c.corpus, { dataDir: c.data });
    expect(first.load).toMatchObject({ mode: 'rebuilt', reason: 'no snapshot yet' });
    expect(first.load.reread.sort()).toEqual(['a/bridge.md', 'notes.json', 'port.md']);
    expect(readdirSync(c.data).filter((f) => f.includes('.tmp-'))).toEqual([]);

    const second = await openCorpus(c.corpus, { dataDir: c.data });
    expect(second.load).toEqual({ mode: 'snapshot', reread: [], removed: [], reason: null, saveError: null });
    expect(second.index.passageCount).toBe(first.index.passageCount);
    expect(second.files).toBe(3);
    expect(second.skipped).toBe(1);
    expect(second.issues).toEqual(first.issues);
    expect(names(second.index.passages())).toEqual(names(first.index.passages()));
    // Lossless: every passage and file entry comes back exactly as parsed.
    expect([...second.index.passages()]).toEqual([...first.index.passages()]);
    expect([...second.index.fileEntries()]).toEqual([...first.index.fileEntries()]);
    expect(searchIds(second, ['tolls', 'cranes'])).toEqual(searchIds(first, ['tolls', 'cranes']));
    expect(second.index.docFrequency('cranes')).toBe(first.index.docFrequency('cranes'));
  });

  it('gives back every text as written, whatever its characters, across text chunks', async () => {
    // Latin-1 texts are kept in chunks of half a million characters, others in their rows: enough
    // turns here for more than one chunk, with texts of each kind between them.
    const kinds = ['Café prices rose 5 ½ percent, © the ministry.', 'He said \u201cno\u201d and left \u2014 again.', 'Plain words about the harbour bridge and its tolls.', '\u6e2f\u53e3 reopened 🚢 at dawn.'];
    const turns: Array<[string, string]> = [];
    for (let i = 0; turns.length < 1200; i++) turns.push([i % 2 ? 'Q' : 'MS. JANE ROE', `${kinds[i % kinds.length]} ${'Turn '.repeat(500)}${i}.`]);
    c = tempCorpus({ 'long.md': briefing('2024-03-04', turns), 'bridge.md': BRIDGE });
    const first = await openCorpus(c.corpus, { dataDir: c.data });
    const second = await openCorpus(c.corpus, { dataDir: c.data });
    expect(second.load.mode).toBe('snapshot');
    expect(second.index.passageCount).toBeGreaterThan(1200);
    expect([...second.index.passages()]).toEqual([...first.index.passages()]);
    expect(readFileSync(snapshotPath(c.data, c.corpus), 'latin1')).toMatch(/"texts":\[\d+(,\d+)+\]/);
  });

  it('re-reads only the file that changed, and drops a removed one', async () => {
    c = tempCorpus({ 'bridge.md': BRIDGE, 'port.md': PORT, 'more/port2.md': PORT.replace('2024-03-05', '2024-03-06') });
    await openCorpus(c.corpus, { dataDir: c.data });
    c.write('bridge.md', BRIDGE.replace('Thursday morning', 'Friday evening'));
    rmSync(path.join(c.corpus, 'more/port2.md'));
    const again = await openCorpus(c.corpus, { dataDir: c.data });
    expect(again.load).toEqual({ mode: 'partial', reread: ['bridge.md'], removed: ['more/port2.md'], reason: null, saveError: null });
    expect(again.index.findTerms(['friday']).length).toBe(1);
    expect(again.index.findTerms(['thursday']).length).toBe(0);
    expect(again.index.file('more/port2.md')).toBeUndefined();
    // And the patched snapshot is saved: a third start reads nothing.
    expect((await openCorpus(c.corpus, { dataDir: c.data })).load.mode).toBe('snapshot');
  });

  it('does not parse a file that was only touched (same bytes, new time)', async () => {
    c = tempCorpus({ 'bridge.md': BRIDGE, 'port.md': PORT });
    await openCorpus(c.corpus, { dataDir: c.data });
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(c.corpus, 'port.md'), later, later);
    const again = await openCorpus(c.corpus, { dataDir: c.data });
    expect(again.load.reread).toEqual([]);
    expect(again.index.passageCount).toBe(6);
  });

  // latin1 keeps every byte as it is, so the raw word index after the JSON lines survives the edits.
  const edit = (f: string, change: (text: string) => string) => writeFileSync(f, change(readFileSync(f, 'latin1')), 'latin1');
  const damage: Array<[string, (file: string) => void, RegExp]> = [
    ['truncated', (f) => truncateSync(f, Math.floor(readFileSync(f).length / 2)), /truncated|incomplete|damaged/],
    ['cut just short of its end', (f) => truncateSync(f, readFileSync(f).length - 4), /incomplete/],
    ['cut after its last line of JSON', (f) => edit(f, (t) => t.slice(0, t.indexOf('"end":true') + t.slice(t.indexOf('"end":true')).indexOf('\n') + 1)), /incomplete/],
    ['not JSON', (f) => writeFileSync(f, 'this is not json\n'), /damaged/],
    ['of another format version', (f) => edit(f, (t) => t.replace(/"format":\d+/, '"format":999')), /format 999/],
    ['missing its word list', (f) => edit(f, (t) => t.split('\n').filter((_, i) => i !== 2).join('\n')), /damaged|incomplete/],
    ['with a byte of the word index changed', (f) => {
      const bytes = readFileSync(f);
      bytes[bytes.length - 9] = bytes[bytes.length - 9]! ^ 0xff;
      writeFileSync(f, bytes);
    }, /checksum/],
    ['with a speaker number in a passage row changed', (f) => edit(f, (t) => t.replace(/("passages":\[\["[^"]*","\w+",\d+,)(\d)/, (_m, head: string, n: string) => `${head}${n === '0' ? 1 : 0}`)), /checksum/],
    ['with a letter of a passage text changed', (f) => {
      const bytes = readFileSync(f);
      const end = bytes.indexOf('"end":true');
      const at = bytes.indexOf('\n', end) + 5;
      bytes[at] = bytes[at] === 0x61 ? 0x62 : 0x61;
      writeFileSync(f, bytes);
    }, /checksum/],
    ['with its header line changed but still valid', (f) => edit(f, (t) => t.replace(/"size":(\d)/, (_m, n: string) => `"size":${n === '9' ? 8 : Number(n) + 1}`)), /checksum/],
    ['without its checksum', (f) => truncateSync(f, readFileSync(f).length - 15), /incomplete/],
    ['built by another parser version', (f) => edit(f, (t) => t.replace(/"parserVersion":\d+/, '"parserVersion":-1')), /parser version -1/],
    ['built with other word rules', (f) => edit(f, (t) => t.replace(/"indexVersion":\d+/, '"indexVersion":-1')), /index version -1/],
    ['with a malformed passage', (f) => edit(f, (t) => t.replace(/"passages":\[\[/, '"passages":[["x"],[')), /damaged|incomplete/],
    ['with a text longer than its section holds', (f) => edit(f, (t) => t.replace(/("passages":\[\["[^"]*","\w+",)(\d+)/, (_m, head: string, n: string) => `${head}${Number(n) + 100000}`)), /damaged/],
    ['with a text left over in its section', (f) => edit(f, (t) => t.replace(/("passages":\[\["[^"]*","\w+",)(\d+)/, (_m, head: string, n: string) => `${head}${Number(n) - 1}`)), /damaged/],
    ['empty', (f) => writeFileSync(f, ''), /empty/],
  ];
  it.each(damage)('is rebuilt, not trusted, when %s', async (_name, spoil, reason) => {
    c = tempCorpus({ 'bridge.md': BRIDGE, 'port.md': PORT });
    const first = await openCorpus(c.corpus, { dataDir: c.data });
    spoil(snapshotPath(c.data, c.corpus));
    const again = await openCorpus(c.corpus, { dataDir: c.data });
    expect(again.load.mode).toBe('rebuilt');
    expect(again.load.reason).toMatch(reason);
    expect(again.load.reread.sort()).toEqual(['bridge.md', 'port.md']);
    expect(again.index.passageCount).toBe(first.index.passageCount);
    expect((await openCorpus(c.corpus, { dataDir: c.data })).load.mode).toBe('snapshot');
  });

  it('is used for a corpus of caption and service files only (whose headline lists are empty)', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:04,000\nThe harbour bridge opens on Thursday.\n\n2\n00:00:05,000 --> 00:00:08,000\nTolls stay the same until the end of the year.\n';
    const vtt = `WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Jane Roe>The cranes move again tomorrow.\n`;
    c = tempCorpus({ 'a.srt': srt, 'b.vtt': vtt });
    const first = await openCorpus(c.corpus, { dataDir: c.data });
    expect(first.index.passageCount).toBeGreaterThan(0);
    const again = await openCorpus(c.corpus, { dataDir: c.data });
    expect(again.load).toEqual({ mode: 'snapshot', reread: [], removed: [], reason: null, saveError: null });
    expect([...again.index.passages()]).toEqual([...first.index.passages()]);
  });

  it('is rebuilt when the alias list changed', async () => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    await openCorpus(c.corpus, { dataDir: c.data });
    c.write('speakers.json', JSON.stringify({ speakers: [{ name: 'Jane Q. Roe', labels: ['MS. ROE', 'MS. JANE ROE'] }] }));
    const again = await openCorpus(c.corpus, { dataDir: c.data });
    expect(again.load).toMatchObject({ mode: 'rebuilt', reason: 'the alias list changed since the snapshot' });
    expect(names(again.index.passages())).toEqual(['Jane Q. Roe', 'Reporter']);
  });

  it('keeps one snapshot per corpus folder', () => {
    expect(snapshotPath('/d', '/x/corpus')).not.toBe(snapshotPath('/d', '/y/corpus'));
    expect(path.dirname(snapshotPath('/d', '/x/corpus'))).toBe('/d');
  });

  it('a new dated briefing is picked up on the next start', async () => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    await openCorpus(c.corpus, { dataDir: c.data });
    c.write('new.md', briefing('2024-04-01', [['MS. ROE', 'The ferry timetable changes in April.']]));
    const again = await openCorpus(c.corpus, { dataDir: c.data });
    expect(again.load).toMatchObject({ mode: 'partial', reread: ['new.md'] });
  });
});
