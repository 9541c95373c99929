// The interactive terminal: commands as in Discord, plain lines as follow-ups.
import { createInterface } from 'node:readline';
import type { LoadedCorpus } from '../app/corpusFolder.ts';
import type { Engine } from '../app/engine/Engine.ts';
import { renderCommandHelp } from './help.ts';
import { EXIT, type Io } from './io.ts';
import { paintFor } from './paint.ts';
import { renderAnswer } from './renderText.ts';
import { Session } from './Session.ts';
import { clipped, MESSAGE_CHARS, shownText } from './shownText.ts';

export async function runRepl(corpus: () => LoadedCorpus, engine: Pick<Engine, 'run'>, io: Io, reason: string, loadedHow = ''): Promise<number> {
  const paint = paintFor({ isTTY: io.stdoutIsTTY }, io.env);
  const c = corpus();
  io.out(paint.bold('Soundbite') + paint.dim(` · ${reason}`));
  io.out(paint.dim(`${c.index.fileCount} files, ${c.index.passageCount} passages from ${c.dir} in ${(c.ms / 1000).toFixed(1)} s${loadedHow ? ` (${loadedHow})` : ''}` +
    (c.issues.length ? `; ${c.issues.length} problems in the files (soundbite validate lists them)` : '')));
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
