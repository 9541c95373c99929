// The engine in this thread: the core's commands over the index the live corpus holds now.
// The bot's worker runs one of these; the terminal and tests use one directly.
import type { CommandName } from '../../core/ask/answer.ts';
import type { Invocation } from '../../core/ask/commands.ts';
import { runCommand } from '../../core/ask/commands.ts';
import { corpusStats } from '../../core/ask/corpusStats.ts';
import type { CorpusIndex } from '../../core/search/CorpusIndex.ts';
import { suggestSpeakers } from '../../core/search/speakerDirectory.ts';
import { ingestBytes } from '../ingest.ts';
import type { LiveCorpus } from '../liveCorpus.ts';
import { NoArchiveError, type CorpusFigures, type Engine } from './Engine.ts';

export interface LocalEngineOptions {
  /** For the bench and tests: each question of this command first holds the thread for this
   * long, as a heavy question would (a busy wait, not a timer). */
  hold?: { command: CommandName; ms: number };
}

export class LocalEngine implements Engine {
  private constructor(
    private readonly indexNow: () => CorpusIndex,
    private readonly corpus: LiveCorpus | null,
    private readonly opts: LocalEngineOptions,
  ) {}

  static ofLive(live: LiveCorpus, opts: LocalEngineOptions = {}): LocalEngine {
    return new LocalEngine(() => live.index, live, opts);
  }

  static ofIndex(index: CorpusIndex | (() => CorpusIndex), opts: LocalEngineOptions = {}): LocalEngine {
    return new LocalEngine(typeof index === 'function' ? index : () => index, null, opts);
  }

  get live(): boolean {
    return this.corpus !== null;
  }

  figures(): CorpusFigures {
    return { passages: this.indexNow().passageCount, files: this.corpus?.fileCount ?? this.indexNow().fileCount };
  }

  async run(inv: Invocation, now: Date, pageSize?: number) {
    if (this.opts.hold?.command === inv.command) holdThread(this.opts.hold.ms);
    return runCommand(this.indexNow(), inv, now, pageSize);
  }

  async suggestSpeakers(typed: string, limit: number) {
    return suggestSpeakers(this.indexNow(), typed, limit);
  }

  async programs(): Promise<Array<[string, number]>> {
    const counts = new Map<string, number>();
    for (const f of this.indexNow().fileEntries()) {
      const p = f.meta.program;
      if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    return [...counts];
  }

  async stats() {
    const live = this.archive('stats');
    return corpusStats(live.index, live.issues, live.fileCount);
  }

  async reload() {
    const live = this.archive('reload');
    const result = await live.reload();
    // The snapshot only speeds up the next start: a failed save is retried by the watcher's
    // schedule (liveCorpus keeps the change marked), never a failed reload.
    await live.save().catch(() => undefined);
    return { result, stats: corpusStats(live.index, live.issues, live.fileCount) };
  }

  async ingest(name: string, bytes: Uint8Array) {
    const live = this.archive('ingest');
    const result = await ingestBytes(live.dir, name, bytes, { aliasList: live.aliasList });
    // Indexed now rather than when the watcher notices, so the next question finds it.
    if (result.ok && result.status === 'written') await live.sync();
    return result;
  }

  async close(): Promise<void> {
    await this.corpus?.save();
  }

  private archive(what: string): LiveCorpus {
    if (!this.corpus) throw new NoArchiveError(what);
    return this.corpus;
  }
}

function holdThread(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Busy on purpose: this stands for a question that keeps the thread.
  }
}
