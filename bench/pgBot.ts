// The bot's engine on PostgreSQL in a fresh process, for its memory: opens the archive as the bot
// does (Database + PostgresEngine), asks the given who-said fragments and timelines, and prints
// its RSS after a full collection, so nothing the benchmark itself holds is counted.
// Run as a child: node --expose-gc --import tsx bench/pgBot.ts URL QUESTIONS_JSON_FILE
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Database } from '../src/app/postgres/database.ts';
import { PostgresEngine } from '../src/app/postgres/PostgresEngine.ts';
import type { Invocation } from '../src/core/ask/commands.ts';

export interface BotMemory {
  rssMB: number;
  heapUsedMB: number;
  questions: number;
}

export function measureBotProcess(url: string, questionsFile: string): BotMemory {
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), url, questionsFile], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !last.startsWith('{')) throw new Error(`the bot-process child failed (exit ${run.status}): ${run.stderr.trim().slice(-500)}`);
  return JSON.parse(last) as BotMemory;
}

async function child(url: string, file: string): Promise<void> {
  const questions = JSON.parse(readFileSync(file, 'utf8')) as Invocation[];
  const db = await Database.open({ url, poolSize: 8 });
  const engine = await PostgresEngine.open(db, null);
  for (const q of questions) await engine.run(q, new Date('2025-06-01T12:00:00Z'));
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  await engine.close();
  await db.close();
  process.stdout.write(`${JSON.stringify({ rssMB: m.rss / 1048576, heapUsedMB: m.heapUsed / 1048576, questions: questions.length })}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await child(process.argv[2]!, process.argv[3]!);
