// A terminal conversation: what a Discord thread is to the bot. Plain lines are follow-ups to
// the last answer. Commands start fresh here: in a script, each line must mean what it says,
// whatever the line before it asked.
import type { Engine } from '../app/engine/Engine.ts';
import type { AnswerContext, Outcome } from '../core/ask/answer.ts';
import type { Invocation } from '../core/ask/commands.ts';
import { interpretFollowUp } from '../core/ask/followUp.ts';
import { parseCommandLine } from './parseCommandLine.ts';

export interface Turn {
  invocation: Invocation | null;
  outcome: Outcome;
}

export class Session {
  private context: AnswerContext | null = null;

  constructor(
    private readonly engine: Pick<Engine, 'run'>,
    private readonly now: () => Date,
    private readonly pageSize?: number,
  ) {}

  async ask(line: string): Promise<Turn> {
    const parsed = line.trim().startsWith('/') ? parseCommandLine(line) : this.followUp(line);
    if (!parsed.ok) return { invocation: null, outcome: parsed };
    const invocation = parsed.invocation;
    const outcome = await this.engine.run(invocation, this.now(), this.pageSize);
    if (outcome.ok) this.context = outcome.answer.context;
    return { invocation, outcome };
  }

  private followUp(line: string) {
    if (this.context) return interpretFollowUp(line, this.context);
    // No answer yet to follow: a quote-length line is a who-said, a few words a search.
    const words = line.trim().split(/\s+/).length;
    return parseCommandLine(`${words >= 5 ? '/who-said' : '/search'} ${line}`);
  }
}
