// Batch mode for scripts: one command per line on stdin; with --json one JSON object per line
// on stdout, else the same text the REPL shows.
import { createInterface } from 'node:readline';
import type { Engine } from '../app/engine/Engine.ts';
import { EXIT, type Io } from './io.ts';
import { paintFor } from './paint.ts';
import { answerJson } from '../app/export/answerJson.ts';
import { problemJson } from './problemJson.ts';
import { renderAnswer } from './renderText.ts';
import { Session } from './Session.ts';
import { clipped, MESSAGE_CHARS, shownText } from './shownText.ts';

/** JSON callers get every result, not a page of them. */
export const JSON_PAGE_SIZE = 1000;

export async function runBatch(engine: Pick<Engine, 'run'>, io: Io, json: boolean): Promise<number> {
  const session = new Session(engine, io.now, json ? JSON_PAGE_SIZE : undefined);
  const paint = paintFor({ isTTY: io.stdoutIsTTY }, io.env);
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const turn = await session.ask(line);
    const command = turn.invocation?.command ?? line.trim().split(/\s+/)[0]!.replace(/^\//, '');
    if (json) io.out(JSON.stringify(turn.outcome.ok ? answerJson(turn.outcome.answer) : problemJson(command, line.trim(), turn.outcome.problem)));
    else io.out(`> ${shownText(clipped(line.trim()))}\n${turn.outcome.ok ? renderAnswer(turn.outcome.answer, paint) : shownText(clipped(turn.outcome.problem.message, MESSAGE_CHARS))}\n`);
  }
  return EXIT.ok;
}
