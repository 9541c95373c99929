// The engine in a worker thread of its own, for the bot: questions, uploads, reloads and the
// watcher's re-reads run there, so this thread is always free to acknowledge an interaction
// within Discord's 3 seconds, however heavy the question. One worker holds the one index (a
// second would double the memory); its requests are answered in the order they arrive.
import { Worker } from 'node:worker_threads';
import type { SpeakerSummary, Outcome } from '../../core/ask/answer.ts';
import type { Invocation } from '../../core/ask/commands.ts';
import type { CorpusStats } from '../../core/ask/corpusStats.ts';
import { CorpusFolderError } from '../corpusFolder.ts';
import type { IngestResult } from '../ingest.ts';
import type { SyncResult } from '../liveCorpus.ts';
import type { LoadReport } from '../openCorpus.ts';
import { NoArchiveError, type CorpusFigures, type Engine } from './Engine.ts';
import type { Request, SentError, WorkerMessage, WorkerStart } from './protocol.ts';

export interface WorkerEvents {
  /** A change the watcher picked up. */
  onSync?: (e: { reread: string[]; removed: string[]; passages: number; aliasProblems: string[] }) => void;
  /** Something went wrong in the worker that no request is waiting for (watching, saving, the worker itself). */
  onProblem?: (event: string, error: Error) => void;
}

export interface OpenedEngine {
  engine: WorkerEngine;
  loaded: { dir: string; files: number; passages: number; issues: number; ms: number; load: LoadReport; aliasProblems: string[] };
}

/** The worker stopped while a request waited for it. */
export class EngineStoppedError extends Error {}

function received(e: SentError): Error {
  const err = e.name === 'CorpusFolderError' ? new CorpusFolderError(e.message) : e.name === 'NoArchiveError' ? new NoArchiveError('') : new Error(e.message);
  if (e.name === 'NoArchiveError') err.message = e.message;
  if (e.stack) err.stack = e.stack;
  return err;
}

export class WorkerEngine implements Engine {
  readonly live = true;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private current: CorpusFigures;
  private stopped = false;
  private closing = false;
  private lostWith!: (why: string) => void;
  /** Resolves, with why, if the worker stops without being closed (a crash, out of memory):
   * nothing would be answered again, so the bot ends its run and says so. */
  readonly lost: Promise<string> = new Promise((resolve) => {
    this.lostWith = resolve;
  });

  private constructor(private readonly worker: Worker, figures: CorpusFigures, private readonly events: WorkerEvents) {
    this.current = figures;
    worker.on('message', (m: WorkerMessage) => this.receive(m));
    worker.on('error', (err) => this.events.onProblem?.('engine_failed', err));
    worker.on('exit', (code) => {
      this.stopped = true;
      if (!this.closing) this.lostWith(`the engine worker, which answers every question, stopped unexpectedly (exit code ${code}); restart Soundbite.`);
      const err = new EngineStoppedError(`the engine worker stopped (exit code ${code})`);
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    });
  }

  /** Starts the worker and resolves once it has opened the corpus (or rejects with why not). */
  static async open(start: WorkerStart, events: WorkerEvents = {}): Promise<OpenedEngine> {
    const worker = new Worker(new URL('./engineWorker.mjs', import.meta.url), { workerData: start });
    const loaded = await new Promise<Extract<WorkerMessage, { type: 'loaded' }>>((resolve, reject) => {
      const onMessage = (m: WorkerMessage) => {
        if (m.type === 'loaded') done(() => resolve(m));
        else if (m.type === 'failed') done(() => reject(received(m.error)));
      };
      const onError = (err: Error) => done(() => reject(err));
      const onExit = (code: number) => done(() => reject(new EngineStoppedError(`the engine worker stopped while opening the corpus (exit code ${code})`)));
      const done = (settle: () => void) => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        settle();
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    }).catch(async (err: unknown) => {
      await worker.terminate();
      throw err;
    });
    const { type: _type, figures, ...rest } = loaded;
    return { engine: new WorkerEngine(worker, figures, events), loaded: rest };
  }

  figures(): CorpusFigures {
    return this.current;
  }

  run(inv: Invocation, now: Date, pageSize?: number): Promise<Outcome> {
    return this.ask({ op: 'run', inv, now: now.getTime(), ...(pageSize !== undefined ? { pageSize } : {}) }) as Promise<Outcome>;
  }

  suggestSpeakers(typed: string, limit: number): Promise<SpeakerSummary[]> {
    return this.ask({ op: 'suggestSpeakers', typed, limit }) as Promise<SpeakerSummary[]>;
  }

  programs(): Promise<Array<[string, number]>> {
    return this.ask({ op: 'programs' }) as Promise<Array<[string, number]>>;
  }

  stats(): Promise<CorpusStats> {
    return this.ask({ op: 'stats' }) as Promise<CorpusStats>;
  }

  reload(): Promise<{ result: SyncResult; stats: CorpusStats }> {
    return this.ask({ op: 'reload' }) as Promise<{ result: SyncResult; stats: CorpusStats }>;
  }

  ingest(name: string, bytes: Uint8Array): Promise<IngestResult> {
    return this.ask({ op: 'ingest', name, bytes }) as Promise<IngestResult>;
  }

  /** Stops the watcher, saves the snapshot, and ends the worker. */
  async close(): Promise<void> {
    if (this.stopped) return;
    this.closing = true;
    try {
      await this.ask({ op: 'close' });
    } catch (err) {
      this.events.onProblem?.('engine_close_failed', err instanceof Error ? err : new Error(String(err)));
    }
    await this.worker.terminate();
  }

  private ask(r: Request): Promise<unknown> {
    if (this.stopped) return Promise.reject(new EngineStoppedError('the engine worker has stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...r, id });
    });
  }

  private receive(m: WorkerMessage): void {
    switch (m.type) {
      case 'reply': {
        const w = this.waiting.get(m.id);
        if (!w) return;
        this.waiting.delete(m.id);
        if (m.ok) w.resolve(m.value);
        else w.reject(received(m.error));
        return;
      }
      case 'figures':
        this.current = m.figures;
        return;
      case 'synced':
        this.events.onSync?.({ reread: m.reread, removed: m.removed, passages: m.passages, aliasProblems: m.aliasProblems });
        return;
      case 'problem':
        this.events.onProblem?.(m.event, received(m.error));
        return;
      default:
        return;
    }
  }
}
