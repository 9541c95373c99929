// The messages between the bot's thread and its engine worker. Requests carry an id; the worker
// answers each with the same id. Events (loaded, figures, synced, problem) come unasked.
import type { Invocation } from '../../core/ask/commands.ts';
import type { LoadReport } from '../openCorpus.ts';
import type { CorpusFigures } from './Engine.ts';
import type { LocalEngineOptions } from './LocalEngine.ts';

export interface WorkerStart {
  corpusDir: string;
  dataDir: string;
  /** See LocalEngineOptions.hold. */
  hold?: LocalEngineOptions['hold'];
  /** Quiet time after a file event before syncing (tests shorten it). */
  debounceMs?: number;
}

export type Request =
  | { op: 'run'; inv: Invocation; now: number; pageSize?: number }
  | { op: 'suggestSpeakers'; typed: string; limit: number }
  | { op: 'programs' }
  | { op: 'stats' }
  | { op: 'reload' }
  | { op: 'ingest'; name: string; bytes: Uint8Array }
  | { op: 'close' };

export type RequestMessage = Request & { id: number };

/** An error as it crosses threads: its class by name, so the adapter can word it. */
export interface SentError {
  name: string;
  message: string;
  stack?: string;
}

export type WorkerMessage =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: SentError }
  | { type: 'loaded'; dir: string; files: number; passages: number; issues: number; ms: number; load: LoadReport; figures: CorpusFigures; aliasProblems: string[] }
  | { type: 'failed'; error: SentError }
  | { type: 'figures'; figures: CorpusFigures }
  | { type: 'synced'; reread: string[]; removed: string[]; passages: number; aliasProblems: string[] }
  | { type: 'problem'; event: string; error: SentError };

export function sendable(err: unknown): SentError {
  if (err instanceof Error) return { name: err.constructor.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}) };
  return { name: 'Error', message: String(err) };
}
