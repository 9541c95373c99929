// Live updates: a file added, changed and removed while queries run in a loop. Answers change,
// none throw, and no query ever sees a file half in the index.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as tick } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/app/openCorpus.ts';
import { snapshotPath } from '../../src/app/snapshot.ts';
import { watchCorpus, type CorpusWatcher } from '../../src/app/watchCorpus.ts';
import { runCommand } from '../../src/core/ask/commands.ts';
import type { CorpusIndex } from '../../src/core/search/CorpusIndex.ts';
import { BRIDGE, PORT, tempCorpus, type TempCorpus } from './corpusFiles.ts';

let c: TempCorpus;
let watcher: CorpusWatcher | undefined;
afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
  rmSync(c.root, { recursive: true, force: true });
});

async function until(what: string, ok: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!ok()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** How many of a file's passages the index holds, checked both ways round. */
function passagesOf(index: CorpusIndex, file: string): number {
  const listed = index.file(file)?.passageIds ?? [];
  for (const id of listed) if (!index.passage(id)) throw new Error(`${file} lists ${id}, which the index lacks`);
  const held = [...index.passages()].filter((p) => p.source.file === file).length;
  if (held !== listed.length) throw new Error(`${file}: ${held} passages held, ${listed.length} listed`);
  return held;
}

describe('watchCorpus', () => {
  it('reflects a file added, changed and removed while queries keep being answered', async () => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    const opened = await openCorpus(c.corpus, { dataDir: c.data });
    const live = opened.live;
    watcher = watchCorpus(live, { debounceMs: 50, saveAfterMs: 50 });

    const seen = new Set<string>();
    const failures: unknown[] = [];
    let stop = false;
    const loop = (async () => {
      while (!stop) {
        try {
          const index = live.index;
          const counts = ['port.md', 'sub/port.md'].map((f) => passagesOf(index, f));
          for (const n of counts) if (n !== 0 && n !== 3) throw new Error(`half a file: ${n} passages`);
          const outcome = runCommand(index, { command: 'search', args: { query: 'cranes terminal' } }, new Date('2025-01-01'));
          const who = outcome.ok ? outcome.answer.items.length : -1;
          seen.add(`${counts.join('/')}:${who}`);
        } catch (err) {
          failures.push(err);
        }
        await tick();
      }
    })();

    const cranes = () => live.index.findTerms(['cranes']).length;
    const ships = () => live.index.findTerms(['ships']).length;
    c.write('sub/port.md', PORT);
    await until('the added file', () => cranes() > 0);
    c.write('sub/port.md', PORT.replaceAll('cranes', 'ships'));
    await until('the changed file', () => ships() > 0 && cranes() === 0);
    rmSync(path.join(c.corpus, 'sub/port.md'));
    await until('the removed file', () => ships() === 0 && live.index.file('sub/port.md') === undefined);
    stop = true;
    await loop;

    expect(failures).toEqual([]);
    expect(seen.size).toBeGreaterThan(1); // answers changed as the file came and went
    await watcher.close();
    watcher = undefined;
    // The final state was saved: a restart uses the snapshot as is.
    const again = await openCorpus(c.corpus, { dataDir: c.data });
    expect(again.load.mode).toBe('snapshot');
    expect(again.index.passageCount).toBe(live.index.passageCount);
  });

  it('ignores hidden files (an upload being written) until they are renamed into place', async () => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    const opened = await openCorpus(c.corpus, { dataDir: c.data });
    const synced: string[][] = [];
    watcher = watchCorpus(opened.live, { debounceMs: 30, onSync: (r) => synced.push(r.reread) });
    c.write('.port.md.tmp-1', PORT);
    c.write('port.md', PORT);
    await until('the renamed file', () => opened.live.index.file('port.md') !== undefined);
    expect(opened.live.index.file('.port.md.tmp-1')).toBeUndefined();
    expect(synced.flat()).toEqual(['port.md']);
  });

  it('re-reads every file when the alias list changes, and swaps the names in', async () => {
    c = tempCorpus({ 'bridge.md': BRIDGE, 'port.md': PORT });
    const opened = await openCorpus(c.corpus, { dataDir: c.data });
    watcher = watchCorpus(opened.live, { debounceMs: 30 });
    const names = () => new Set([...opened.live.index.passages()].map((p) => p.speaker.name));
    expect(names().has('Samuel Park')).toBe(false);
    c.write('speakers.json', JSON.stringify({ speakers: [{ name: 'Samuel Park', labels: ['MR. PARK', 'Sam Park'] }] }));
    await until('the new names', () => names().has('Samuel Park'));
    expect(names().has('Sam Park')).toBe(false);
    c.write('speakers.json', '{ broken');
    await until('the broken list reported', () => opened.live.issues.some((i) => i.file === 'speakers.json'));
    expect(names().has('Sam Park')).toBe(true);
  });

  it('tries a failed snapshot save again, without waiting for another change, until it is saved', async () => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    // A file where the data folder should be: the first save fails.
    writeFileSync(c.data, 'not a folder');
    const opened = await openCorpus(c.corpus, { dataDir: c.data });
    expect(opened.load.saveError).toBeTruthy();
    const failures: unknown[] = [];
    watcher = watchCorpus(opened.live, { debounceMs: 30, saveAfterMs: 30, retrySaveAfterMs: 40, onError: (err) => failures.push(err) });
    await until('a failed retry', () => failures.length > 0);
    rmSync(c.data);
    await until('the snapshot saved', () => existsSync(snapshotPath(c.data, c.corpus)));
    expect(opened.live.unsaved).toBe(false);
    expect((await openCorpus(c.corpus, { dataDir: c.data })).load.mode).toBe('snapshot');
  });

  it('re-reads everything on reload, swapping in a fresh index', async () => {
    c = tempCorpus({ 'bridge.md': BRIDGE, 'port.md': PORT });
    const opened = await openCorpus(c.corpus, { dataDir: c.data });
    const before = opened.live.index;
    const result = await opened.live.reload();
    expect(result.reread.sort()).toEqual(['bridge.md', 'port.md']);
    expect(result.rebuilt).toBe(true);
    expect(opened.live.index).not.toBe(before);
    expect(opened.live.index.passageCount).toBe(before.passageCount);
  });
});
