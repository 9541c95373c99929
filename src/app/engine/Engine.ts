// What the adapters ask of the archive, wherever it lives: in this thread (LocalEngine: the
// terminal, tests) or in a worker thread of its own (WorkerEngine: the bot, whose thread must
// stay free to acknowledge Discord within its 3 seconds). Every question goes through `run`,
// the core's one runCommand, so the terminal and Discord share each command's definition.
import type { SpeakerSummary, Outcome } from '../../core/ask/answer.ts';
import type { Invocation } from '../../core/ask/commands.ts';
import type { CorpusStats } from '../../core/ask/corpusStats.ts';
import type { IngestResult } from '../ingest.ts';
import type { SyncResult } from '../liveCorpus.ts';

/** How big the archive is, as of the engine's last change: read without waiting. */
export interface CorpusFigures {
  passages: number;
  files: number;
}

export interface Engine {
  /** Whether the archive follows a folder (ingest, reload and stats need one). */
  readonly live: boolean;
  figures(): CorpusFigures;
  run(inv: Invocation, now: Date, pageSize?: number): Promise<Outcome>;
  /** Speakers whose names start like `typed`, best first (autocomplete). */
  suggestSpeakers(typed: string, limit: number): Promise<SpeakerSummary[]>;
  /** Every programme with how many files it has. */
  programs(): Promise<Array<[string, number]>>;
  stats(): Promise<CorpusStats>;
  /** Re-reads every file and swaps in a fresh index; the snapshot is saved after. */
  reload(): Promise<{ result: SyncResult; stats: CorpusStats }>;
  /** Checks and adds an uploaded transcript; a written one is indexed before this resolves. */
  ingest(name: string, bytes: Uint8Array): Promise<IngestResult>;
  /** Stops following the folder and saves the snapshot if anything changed. */
  close(): Promise<void>;
}

/** An engine without a folder behind it was asked for ingest, reload or stats. */
export class NoArchiveError extends Error {
  constructor(what: string) {
    super(`${what} needs a corpus folder, and this engine answers from a fixed index`);
  }
}
