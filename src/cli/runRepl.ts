// The interactive terminal: commands as in Discord, plain lines as follow-ups.
import { createInterface } from 'node:readline';
import type { Engine } from '../app/engine/Engine.ts';
import { renderCommandHelp } from './help.ts';
import { EXIT, type Io } from './io.ts';
import { paintFor } from './paint.ts';
import { renderAnswer } from './renderText.ts';
import { Session } from './Session.ts';
import { clipped, MESSAGE_CHARS, shownText } from './shownText.ts';

/** What the first lines say about the archive: a folder opened in memory, or a database. */
export interface ReplHeader {
  files: number;
  passages: number;
  /** The folder, or the database. */
  from: string;
  ms: number;
  problems: number;
}

export async function runRepl(header: () => ReplHeader, engine: Pick<Engine, 'run'>, io: Io, reason: string, loadedHow = ''): Promise<number> {
  const paint = paintFor({ isTTY: io.stdoutIsTTY }, io.env);
  const c = header();
  io.out(paint.bold('Soundbite') + paint.dim(` · ${reason}`));
  io.out(paint.dim(`${c.files} files, ${c.passages} passages from ${c.from} in ${(c.ms / 1000).toFixed(1)} s${loadedHow ? ` (${loadedHow})` : ''}` +
    (c.problems ? `; ${c.problems} problems in the files (soundbite validate lists them)` : '')));
  io.out(paint.dim('Type /help for commands, /quit to leave.'));
  const session = new Session(engine, io.now);
  const rl = createInterface({ input: io.stdin, output: io.stdout, prompt: '> ', terminal: Boolean(io.stdin.isTTY) });
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line === '/help' || line === 'help') io.out(renderCommandHelp());
    else if (line) {
      const turn = await session.ask(line);
      io.out(turn.outcome.ok ? renderAnswer(turn.outcome.answer, paint) : paint.bad(shownText(clipped(turn.outcome.problem.message, MESSAGE_CHARS))));
    }
    rl.prompt();
  }
  rl.close();
  return EXIT.ok;
}
