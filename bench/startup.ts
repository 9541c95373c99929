// Start-up as a newsroom's bot does it: a fresh Node process that loads the saved index and
// answers one question. Timed from the process's own start (Node and tsx booting included), with
// its memory after a full collection, so nothing the benchmark itself holds is counted.
// Run as a child: node --expose-gc --import tsx bench/startup.ts SNAPSHOT_FILE
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { whoSaid } from '../src/core/ask/whoSaid.ts';
import { loadSnapshot } from './snapshot.ts';

export interface Startup {
  /** From process start to the index loaded, including Node's own start. */
  startupMs: number;
  /** readSnapshot alone. */
  loadMs: number;
  rssMB: number;
  heapUsedMB: number;
  passages: number;
}

/** Runs this file in a fresh process on `file`. */
export function measureStartup(file: string): Startup {
  const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', fileURLToPath(import.meta.url), file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !last.startsWith('{')) throw new Error(`the start-up child failed (exit ${run.status}): ${run.stderr.trim().slice(-500)}`);
  return JSON.parse(last) as Startup;
}

async function child(file: string): Promise<void> {
  const started = performance.now();
  const index = await loadSnapshot(file);
  const loadMs = performance.now() - started;
  // process.uptime() counts from before Node loaded anything; that is what a restart costs.
  const startupMs = process.uptime() * 1000;
  whoSaid(index, { fragment: 'a question to show the index answers' }, new Date());
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const out: Startup = { startupMs, loadMs, rssMB: m.rss / 1048576, heapUsedMB: m.heapUsed / 1048576, passages: index.passageCount };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await child(process.argv[2]!);
