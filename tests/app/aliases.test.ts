// The newsroom alias list (corpus/speakers.json): spellings and labels become one canonical name,
// office labels become the holder on the file's date, and a broken list is reported while the
// corpus still loads.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/app/openCorpus.ts';
import { aliasesFromText } from '../../src/app/readAliases.ts';
import { runCommand } from '../../src/core/ask/commands.ts';
import { unresolvedSpeakers } from '../../src/core/ask/unresolvedSpeakers.ts';
import type { CorpusIndex } from '../../src/core/search/CorpusIndex.ts';
import { briefing, tempCorpus, type TempCorpus } from './corpusFiles.ts';

let c: TempCorpus;
afterEach(() => rmSync(c.root, { recursive: true, force: true }));

const ALIASES = {
  speakers: [{ name: 'Jane Roe', labels: ['MS. ROE', 'Roe', 'J. Roe'] }],
  offices: [{ label: 'THE PRESIDENT', holders: [{ name: 'Bob Jones', from: '2024-03-05', title: 'President' }, { name: 'Alice Smith', from: '2024-01-01' }] }],
};

const FILES = {
  'march-4.md': briefing('2024-03-04', [['MS. ROE', 'The harbour bridge opens on Thursday.'], ['THE PRESIDENT', 'We built the harbour bridge together.']]),
  'march-5.md': briefing('2024-03-05', [['THE PRESIDENT', 'The ferry timetable changes in April.'], ['MR. PARK', 'The cranes move again tomorrow.']]),
};

function speakersOf(index: CorpusIndex, file: string): string[] {
  return (index.file(file)?.passageIds ?? []).map((id) => index.passage(id)?.speaker.name ?? '?');
}

describe('alias list', () => {
  it('gives labels their canonical names and offices their holder on the date', async () => {
    c = tempCorpus({ ...FILES, 'speakers.json': JSON.stringify(ALIASES) });
    const opened = await openCorpus(c.corpus, { dataDir: c.data });
    expect(opened.issues).toEqual([]);
    expect(opened.files).toBe(2); // speakers.json is settings, not a transcript
    expect(speakersOf(opened.index, 'march-4.md')).toEqual(['Jane Roe', 'Alice Smith']);
    expect(speakersOf(opened.index, 'march-5.md')).toEqual(['Bob Jones', 'Park']);

    const quotes = runCommand(opened.index, { command: 'quotes', args: { speaker: 'Jane Roe' } }, new Date('2025-01-01'));
    expect(quotes.ok && quotes.answer.items.length).toBe(1);
    const who = runCommand(opened.index, { command: 'who-said', args: { quote: 'the ferry timetable changes in April' } }, new Date('2025-01-01'));
    expect(who.ok && who.answer.items[0]?.passage.speaker.name).toBe('Bob Jones');
  });

  it('lists the labels that still resolve to no one', async () => {
    c = tempCorpus(FILES);
    const without = await openCorpus(c.corpus, { dataDir: c.data });
    const labels = unresolvedSpeakers(without.index).map((u) => `${u.label} → ${u.name} (${u.reason})`);
    expect(labels).toEqual(['MR. PARK → Park (surname-only)', 'MS. ROE → Roe (surname-only)']);

    c.write('speakers.json', JSON.stringify(ALIASES));
    const withList = await openCorpus(c.corpus, { dataDir: c.data });
    expect(unresolvedSpeakers(withList.index).map((u) => u.label)).toEqual(['MR. PARK']);
  });

  it('reports a file that is not JSON, and the corpus still loads', async () => {
    c = tempCorpus({ ...FILES, 'speakers.json': '{ "speakers": [ oops' });
    const opened = await openCorpus(c.corpus, { dataDir: c.data });
    expect(opened.issues).toHaveLength(1);
    expect(opened.issues[0]).toMatchObject({ file: 'speakers.json', severity: 'error' });
    expect(opened.issues[0]?.message).toMatch(/^The alias list is not valid JSON .*no aliases were applied/);
    expect(opened.index.passageCount).toBe(4);
  });

  it.each([
    ['a folder', (dir: string) => mkdirSync(path.join(dir, 'speakers.json')), /not a regular file/],
    ['a link', (dir: string) => {
      writeFileSync(path.join(dir, '..', 'aliases.json'), JSON.stringify({ speakers: [] }));
      symlinkSync(path.join(dir, '..', 'aliases.json'), path.join(dir, 'speakers.json'));
    }, /symbolic link/],
  ])('reports an alias file that is %s and cannot be read, rather than taking it for no list', async (_what, make, why) => {
    c = tempCorpus(FILES);
    make(c.corpus);
    const opened = await openCorpus(c.corpus, { dataDir: c.data });
    expect(opened.issues).toEqual([expect.objectContaining({ file: 'speakers.json', severity: 'error', message: expect.stringMatching(why) })]);
    expect(opened.issues[0]?.message).toMatch(/could not be read .*no aliases were applied/);
    expect(opened.index.passageCount).toBe(4);
  });

  it('reports a bad entry by its place and applies the good ones', () => {
    const { list, issues } = aliasesFromText(JSON.stringify({
      speakers: [{ name: 'Jane Roe', labels: ['MS. ROE'] }, { name: '', labels: [] }, { name: 'Sam Park', labels: ['MS. ROE'] }],
      offices: [{ label: 'THE PRESIDENT', holders: [{ name: 'Bob Jones', from: 'March 5' }] }],
    }));
    expect(issues.map((i) => i.message)).toEqual([
      'speakers[1] was ignored: name must not be empty; labels must list at least one label or spelling.',
      'speakers[2]: "MS. ROE" already stands for Jane Roe; it was kept for Jane Roe.',
      'offices[0] was ignored: holders.0.from must be a date written YYYY-MM-DD.',
    ]);
    expect(list.names.get('MS. ROE')).toBe('Jane Roe');
    expect(list.names.get('SAM PARK')).toBe('Sam Park');
    expect(list.offices.size).toBe(0);
  });

  it('reports a list of the wrong shape', () => {
    const { issues } = aliasesFromText('["Jane Roe"]');
    expect(issues[0]?.message).toMatch(/must be an object with "speakers" and "offices" lists/);
  });
});
