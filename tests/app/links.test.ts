// Links and other things that are not plain files, in the corpus: never read through, never
// skipped in silence. A file or a folder swapped for a link between listing and reading is not
// followed either (the file is opened with O_NOFOLLOW, and where it really lies is checked).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/app/openCorpus.ts';
import { readCorpusFile } from '../../src/app/readCorpusFile.ts';
import { EMPTY_ALIASES } from '../../src/core/parse/aliasList.ts';
import { BRIDGE, PORT, tempCorpus, type TempCorpus } from './corpusFiles.ts';

let c: TempCorpus;
afterEach(() => rmSync(c.root, { recursive: true, force: true }));

/** PORT, outside the corpus: what a link would smuggle in. */
function outside(): { file: string; dir: string } {
  const dir = path.join(c.root, 'elsewhere');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'port.md');
  writeFileSync(file, PORT);
  return { file, dir };
}

describe('links and special files in the corpus', () => {
  it('skips a link to a file and a link to a folder, and says so for each', async () => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    const o = outside();
    symlinkSync(o.file, path.join(c.corpus, 'port.md'));
    symlinkSync(o.dir, path.join(c.corpus, 'more'));
    const opened = await openCorpus(c.corpus, { dataDir: c.data });
    expect(opened.index.fileCount).toBe(1);
    expect([...opened.index.passages()].some((p) => p.text.includes('cranes'))).toBe(false);
    const said = opened.issues.filter((i) => /symbolic link/.test(i.message)).map((i) => [i.file, i.severity]);
    expect(said).toEqual([['more', 'warning'], ['port.md', 'warning']]);
    expect(opened.skipped).toBe(2);
  });

  it('skips a named pipe without waiting for a writer, and says so', async () => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    expect(spawnSync('mkfifo', [path.join(c.corpus, 'pipe.md')]).status).toBe(0);
    const opened = await openCorpus(c.corpus, { dataDir: c.data });
    expect(opened.issues).toContainEqual(expect.objectContaining({ file: 'pipe.md', message: expect.stringMatching(/not a regular file/) }));
  });

  it.each([
    ['a file', 'port.md', (o: { file: string; dir: string }) => {
      rmSync(path.join(c.corpus, 'port.md'));
      symlinkSync(o.file, path.join(c.corpus, 'port.md'));
    }],
    ['a folder', 'a/port.md', (o: { file: string; dir: string }) => {
      rmSync(path.join(c.corpus, 'a'), { recursive: true });
      symlinkSync(o.dir, path.join(c.corpus, 'a'));
    }],
  ])('does not read through %s swapped for a link after it was listed', async (_what, rel, swap) => {
    c = tempCorpus({ [rel]: PORT });
    swap(outside());
    const read = await readCorpusFile(c.corpus, rel, EMPTY_ALIASES);
    expect(read?.transcript.passages).toEqual([]);
    expect(read?.transcript.issues[0]?.message).toMatch(/symbolic link/);
  });

  it('still reads plain files in plain folders', async () => {
    c = tempCorpus({ 'a/b/port.md': PORT });
    const read = await readCorpusFile(c.corpus, 'a/b/port.md', EMPTY_ALIASES);
    expect(read?.transcript.passages.length).toBe(3);
  });
});
