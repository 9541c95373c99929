// The one path from an invocation to a message: run the core, remember the answer for its
// buttons, render. Every handler (slash, context menu, button, thread follow-up) goes through it.
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, AttachmentPayload, MessageMentionOptions } from 'discord.js';
import { chartText } from '../app/chart/chartText.ts';
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
  /** A timeline's chart, shown as the embed's image. */
  files?: AttachmentPayload[];
}

/** The chart's file name on the message: the embed shows it as `attachment://timeline.png`. */
export const CHART_FILE = 'timeline.png';

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
  const embed = renderAnswerEmbed(answer);
  const chart = await chartFile(deps, answer);
  return {
    kind: 'answer',
    answer,
    payload: {
      embeds: [chart ? { ...embed, image: { url: `attachment://${CHART_FILE}` } } : embed],
      components: kept ? answerButtons(answer, ref, key) : [],
      allowedMentions: NO_PINGS,
      ...(chart ? { files: [chart] } : {}),
    },
  };
}

/** A timeline's chart as a PNG to attach; none when nothing is dated, or (logged) when it cannot
 * be drawn: the answer goes out without its picture rather than not at all. */
async function chartFile(deps: BotDeps, answer: Answer): Promise<AttachmentPayload | null> {
  if (answer.command !== 'timeline' || !answer.chart || answer.chart.periods.length === 0) return null;
  try {
    // vega is loaded with the first timeline, not at start-up.
    const { chartPng } = await import('../app/chart/renderChart.ts');
    return { attachment: await chartPng(answer.chart, chartText(answer)), name: CHART_FILE, description: chartText(answer).title };
  } catch (err) {
    deps.log.error('chart_failed', { query: answer.query, err });
    return null;
  }
}

/** Commands whose core call grows with the corpus. */
export function isHeavy(inv: Invocation): boolean {
  return inv.command === 'who-said' || inv.command === 'timeline' || inv.command === 'search' || inv.command === 'quotes';
}
