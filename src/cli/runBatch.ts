// Batch mode for scripts: one command per line on stdin, one JSON object per line on stdout.
import { createInterface } from 'node:readline';
import type { CorpusIndex } from '../core/search/CorpusIndex.ts';
import { EXIT, type Io } from './io.ts';
import { answerJson, problemJson } from './renderJson.ts';
import { Session } from './Session.ts';

/** JSON callers get every result, not a page of them. */
export const JSON_PAGE_SIZE = 1000;

export async function runBatch(index: CorpusIndex, io: Io): Promise<number> {
  const session = new Session(() => index, io.now, JSON_PAGE_SIZE);
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const turn = session.ask(line);
    const command = turn.invocation?.command ?? line.trim().split(/\s+/)[0]!.replace(/^\//, '');
    io.out(JSON.stringify(turn.outcome.ok ? answerJson(turn.outcome.answer) : problemJson(command, line.trim(), turn.outcome.problem)));
  }
  return EXIT.ok;
}
