// `soundbite follow <topic>`: the terminal's follow. It watches the corpus folder and prints what
// each new or changed transcript says about the topic (as a timeline of those files' stories, or
// one JSON line each with --json) until Ctrl+C or SIGTERM.
import type { OpenedCorpus } from '../app/openCorpus.ts';
import { watchCorpus } from '../app/watchCorpus.ts';
import { answerJson } from '../app/export/answerJson.ts';
import { runCommand } from '../core/ask/commands.ts';
import { EXIT, type Io } from './io.ts';
import { paintFor } from './paint.ts';
import { renderAnswer } from './renderText.ts';

export interface FollowOptions {
  topic: string;
  speaker?: string | undefined;
  json: boolean;
  /** Resolves when following should stop; by default on SIGINT or SIGTERM. */
  until?: Promise<unknown>;
}

export async function runFollow(corpus: OpenedCorpus, dir: string, o: FollowOptions, io: Io): Promise<number> {
  const args = { topic: o.topic, ...(o.speaker ? { speaker: o.speaker } : {}) };
  // The topic must read as a timeline does, so a follow never waits on a typo.
  const check = runCommand(corpus.index, { command: 'timeline', args }, io.now(), 1);
  if (!check.ok) {
    io.err(`soundbite follow: ${check.problem.message}`);
    return EXIT.usage;
  }
  const paint = paintFor({ isTTY: io.stdoutIsTTY }, io.env);
  const live = corpus.live;
  const watcher = watchCorpus(live, {
    onSync: (r) => {
      if (r.reread.length === 0) return;
      const out = runCommand(live.index, { command: 'followed', args: { ...args, files: r.reread.join('\n') } }, io.now(), 1000);
      if (!out.ok || out.answer.total === 0) return;
      io.out(o.json ? JSON.stringify(answerJson(out.answer)) : `${paint.bold(`New on “${o.topic}”`)} (${r.reread.length} file${r.reread.length === 1 ? '' : 's'} added or changed)\n${renderAnswer(out.answer, paint)}\n`);
    },
    onError: (err) => io.err(`soundbite: watching ${dir} failed: ${err instanceof Error ? err.message : String(err)}`),
  });
  io.err(`Following “${o.topic}”${o.speaker ? ` by ${o.speaker}` : ''} in ${dir}: new or changed transcripts that say something about it are printed here (${check.answer.total} stor${check.answer.total === 1 ? 'y is' : 'ies are'} on its timeline now). Ctrl+C stops.`);
  try {
    await (o.until ?? untilSignal());
  } finally {
    await watcher.close();
  }
  return EXIT.ok;
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (s: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(s);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
