// Answering an interaction within Discord's 3 seconds: reply directly when the answer is quick,
// defer first when it may not be, then edit the deferred reply.
import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type Message, type MessageContextMenuCommandInteraction } from 'discord.js';
import type { Invocation } from '../core/ask/commands.ts';
import { ask, isHeavy, NO_PINGS, type Reply } from './ask.ts';
import type { BotDeps } from './botDeps.ts';

type NewMessageInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction;

/** Resolves with `work`, calling `defer` first if it is not done within `deps.deferAfterMs` (or at once). */
async function within<T>(deps: BotDeps, work: Promise<T>, defer: () => Promise<unknown>, deferNow: boolean): Promise<T> {
  if (deferNow) {
    await defer();
    return work;
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deps.deferAfterMs);
  });
  try {
    const first = await Promise.race([work, late]);
    if (first !== 'late') return first;
  } finally {
    clearTimeout(timer);
  }
  await defer();
  return work;
}

function deferNow(deps: BotDeps, inv: Invocation): boolean {
  return isHeavy(inv) && deps.engine.figures().passages > deps.deferAbovePassages;
}

/** Runs `inv` and posts the answer as a new message; a refusal is answered ephemerally. */
export async function replyWithAnswer(
  deps: BotDeps,
  i: NewMessageInteraction,
  inv: Invocation,
  beforeSend?: (reply: Reply) => Promise<void>,
): Promise<{ reply: Reply; message: Message | null }> {
  const reply = await within(deps, ask(deps, inv), () => i.deferReply(), deferNow(deps, inv));
  await beforeSend?.(reply);
  if (reply.kind === 'problem') {
    if (i.deferred) {
      // A public "thinking…" cannot turn ephemeral: remove it and say it privately.
      await i.deleteReply();
      await i.followUp({ content: reply.text, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    } else {
      await i.reply({ content: reply.text, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    }
    return { reply, message: null };
  }
  if (i.deferred) return { reply, message: await i.editReply(reply.payload) };
  const response = await i.reply({ ...reply.payload, withResponse: true });
  return { reply, message: response.resource?.message ?? null };
}

/** Runs `inv` and replaces the message the button sits on (pagination). */
export async function updateWithAnswer(deps: BotDeps, i: ButtonInteraction, inv: Invocation, beforeSend?: (reply: Reply) => Promise<void>): Promise<Reply> {
  const reply = await within(deps, ask(deps, inv), () => i.deferUpdate(), deferNow(deps, inv));
  await beforeSend?.(reply);
  if (reply.kind === 'problem') {
    const notice = { content: reply.text, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS } as const;
    if (i.deferred) await i.followUp(notice);
    else await i.reply(notice);
    return reply;
  }
  // A page turn keeps the message's chart: the picture is of every page, and is attached already.
  const { files: _chart, ...payload } = reply.payload;
  if (i.deferred) await i.editReply(payload);
  else await i.update(payload);
  return reply;
}
