// The one path from an invocation to a message: run the core, remember the answer for its
// buttons, render. Every handler (slash, context menu, button, thread follow-up) goes through it.
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, MessageMentionOptions } from 'discord.js';
import type { Answer } from '../core/ask/answer.ts';
import type { Invocation } from '../core/ask/commands.ts';
import { refOf } from './answerState.ts';
import type { BotDeps } from './botDeps.ts';
import { answerButtons, newKey } from './components.ts';
import { renderAnswerEmbed, renderProblem } from './renderEmbeds.ts';

/** Quoted transcripts contain @everyone and user mentions: no message of the bot ever pings. */
export const NO_PINGS: MessageMentionOptions = { parse: [] };

export interface AnswerPayload {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: MessageMentionOptions;
}

export type Reply = { kind: 'answer'; answer: Answer; payload: AnswerPayload } | { kind: 'problem'; text: string };

export async function ask(deps: BotDeps, inv: Invocation): Promise<Reply> {
  await deps.beforeCore?.(inv);
  const outcome = await deps.engine.run(inv, deps.now());
  if (!outcome.ok) return { kind: 'problem', text: renderProblem(outcome.problem) };
  const answer = outcome.answer;
  const ref = refOf(answer);
  const key = newKey();
  // Buttons only when what they act on is kept: a store that cannot be written costs the buttons, not the answer.
  const kept = await deps.answers.set(key, ref);
  return {
    kind: 'answer',
    answer,
    payload: { embeds: [renderAnswerEmbed(answer)], components: kept ? answerButtons(answer, ref, key) : [], allowedMentions: NO_PINGS },
  };
}

/** Commands whose core call grows with the corpus. */
export function isHeavy(inv: Invocation): boolean {
  return inv.command === 'who-said' || inv.command === 'timeline' || inv.command === 'search' || inv.command === 'quotes';
}
