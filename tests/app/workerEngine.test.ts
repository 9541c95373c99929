// The engine in its worker thread, as the bot uses it: it opens the corpus from the folder,
// answers the core's commands, suggestions and stats, adds an upload and answers from it at
// once, says why it could not open a folder, and if the worker dies, nothing waits forever:
// pending requests fail and `lost` says why, so the bot can end its run.
import { rmSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusFolderError } from '../../src/app/corpusFolder.ts';
import { EngineStoppedError, WorkerEngine } from '../../src/app/engine/WorkerEngine.ts';
import { BRIDGE, PORT, tempCorpus, type TempCorpus } from './corpusFiles.ts';

let c: TempCorpus;
afterEach(() => rmSync(c.root, { recursive: true, force: true }));
const NOW = new Date('2026-01-01T00:00:00Z');

describe('WorkerEngine', () => {
  it('answers from the folder, takes an upload, and answers from it at once', async () => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    const { engine, loaded } = await WorkerEngine.open({ corpusDir: c.corpus, dataDir: c.data });
    try {
      expect(loaded).toMatchObject({ files: 1, passages: 3, aliasProblems: [] });
      expect(engine.figures()).toEqual({ passages: 3, files: 1 });
      const who = await engine.run({ command: 'who-said', args: { quote: 'the tolls stay where they are' } }, NOW);
      expect(who.ok && who.answer.items[0]?.passage.speaker.name).toBe('Jane Roe');
      expect((await engine.suggestSpeakers('ja', 5)).map((s) => s.name)).toEqual(['Jane Roe']);
      const added = await engine.ingest('port.md', new Uint8Array(Buffer.from(PORT)));
      expect(added).toMatchObject({ ok: true, status: 'written', file: 'port.md' });
      expect(engine.figures()).toEqual({ passages: 6, files: 2 });
      const cranes = await engine.run({ command: 'search', args: { query: 'cranes' } }, NOW);
      expect(cranes.ok && cranes.answer.items.map((i) => i.passage.source.file)).toContain('port.md');
      expect((await engine.stats()).passages).toBe(6);
    } finally {
      await engine.close();
    }
  }, 30_000);

  it('says why a folder cannot be opened, as the error the adapters word', async () => {
    c = tempCorpus();
    await expect(WorkerEngine.open({ corpusDir: `${c.corpus}/missing`, dataDir: c.data })).rejects.toBeInstanceOf(CorpusFolderError);
  }, 30_000);

  it('if the worker dies, a waiting request fails and lost says why; closing is not losing', async () => {
    c = tempCorpus({ 'bridge.md': BRIDGE });
    const { engine } = await WorkerEngine.open({ corpusDir: c.corpus, dataDir: c.data, hold: { command: 'search', ms: 2000 } });
    const waiting = engine.run({ command: 'search', args: { query: 'tolls' } }, NOW);
    // A crash, injected: the worker thread ends while the question holds it.
    await (engine as unknown as { worker: Worker }).worker.terminate();
    await expect(waiting).rejects.toBeInstanceOf(EngineStoppedError);
    await expect(engine.lost).resolves.toMatch(/stopped unexpectedly .*restart Soundbite/);
    await expect(engine.run({ command: 'speakers', args: {} }, NOW)).rejects.toBeInstanceOf(EngineStoppedError);

    const second = await WorkerEngine.open({ corpusDir: c.corpus, dataDir: c.data });
    await second.engine.close();
    const settled = await Promise.race([second.engine.lost.then(() => 'lost'), new Promise((r) => setTimeout(() => r('not lost'), 200))]);
    expect(settled).toBe('not lost');
  }, 30_000);
});
