// Threads: an answer in a channel opens a thread named after the question; the thread keeps the
// answer's context (persisted), and plain messages in it are follow-ups read against that context.
import { ThreadAutoArchiveDuration, type Message } from 'discord.js';
import type { AnswerContext } from '../core/ask/answer.ts';
import { interpretFollowUp } from '../core/ask/followUp.ts';
import { ask, NO_PINGS } from './ask.ts';
import type { BotDeps } from './botDeps.ts';
import { clip } from './escapeText.ts';
import { errorRef } from './errorRef.ts';

const THREAD_NAME_MAX = 100;

export function threadName(ctx: AnswerContext): string {
  const q = ctx.query.replace(/\s+/g, ' ').trim();
  const name = ctx.command === 'who-said' ? `Who said “${q}”?` : `${ctx.command}: ${q || ctx.speaker || 'all'}`;
  return clip(name, THREAD_NAME_MAX);
}

/** Opens a thread on an answer posted in a channel; a thread that cannot be opened is logged, not fatal. */
export async function openThread(deps: BotDeps, message: Message, ctx: AnswerContext, interactionId?: string): Promise<string | null> {
  if (!message.inGuild() || message.channel.isThread() || message.hasThread) return null;
  try {
    const thread = await message.startThread({ name: threadName(ctx), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
    await deps.threads.set(thread.id, ctx);
    deps.log.info('thread_opened', { interactionId, threadId: thread.id, command: ctx.command });
    return thread.id;
  } catch (err) {
    deps.log.warn('thread_not_opened', { interactionId, messageId: message.id, err });
    return null;
  }
}

/** The text addressed to the bot: without MessageContent, Discord only shows messages that mention it. */
export function followUpText(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/** A plain message: a follow-up in a thread Soundbite answered in, or a new question that mentions the bot in a channel. */
export async function handleMessage(deps: BotDeps, message: Message): Promise<void> {
  // Our own echoes and other bots' messages are never questions.
  if (message.author.bot || message.system) return;
  const botId = message.client.user.id;
  const ctx = deps.threads.get(message.channelId);
  if (!ctx) {
    if (message.mentions.users.has(botId) && !message.channel.isThread()) await answerMention(deps, message, followUpText(message.content, botId));
    return;
  }
  const text = followUpText(message.content, botId);
  // Empty: an image, or a message the bot may not read (no MessageContent intent, no mention).
  if (!text) return;
  const channel = message.channel;
  if (!channel.isSendable()) return;
  try {
    const follow = interpretFollowUp(text, ctx);
    if (!follow.ok) {
      await channel.send({ content: clip(follow.problem.message, 1900), allowedMentions: NO_PINGS });
      return;
    }
    const reply = await ask(deps, follow.invocation);
    if (reply.kind === 'problem') {
      await channel.send({ content: reply.text, allowedMentions: NO_PINGS });
      return;
    }
    // The next message may arrive before the send returns: it must already read the new context.
    const saved = deps.threads.set(message.channelId, reply.answer.context);
    await channel.send(reply.payload);
    await saved;
    deps.log.info('follow_up_answered', { messageId: message.id, threadId: message.channelId, command: follow.invocation.command });
  } catch (err) {
    const ref = errorRef();
    deps.log.error('follow_up_failed', { ref, messageId: message.id, threadId: message.channelId, err });
    await channel.send({ content: `Something went wrong (ref ${ref}). Try again, or ask with a slash command.`, allowedMentions: NO_PINGS }).catch(() => undefined);
  }
}

/** `@Soundbite who said …` in a channel: a new question, as the first line of a terminal session. */
async function answerMention(deps: BotDeps, message: Message, text: string): Promise<void> {
  const channel = message.channel;
  if (!text || !channel.isSendable()) return;
  const words = text.split(' ').length;
  const stripped = text.replace(/^who said\s+/i, '');
  // A quote-length line is a who-said, a few words a search: the same rule as the terminal.
  const inv = words >= 5 ? { command: 'who-said' as const, args: { quote: stripped } } : { command: 'search' as const, args: { query: text } };
  try {
    const reply = await ask(deps, inv);
    if (reply.kind === 'problem') {
      await channel.send({ content: reply.text, allowedMentions: NO_PINGS });
      return;
    }
    const sent = await channel.send(reply.payload);
    await openThread(deps, sent, reply.answer.context);
    deps.log.info('mention_answered', { messageId: message.id, channelId: message.channelId, command: inv.command });
  } catch (err) {
    const ref = errorRef();
    deps.log.error('mention_failed', { ref, messageId: message.id, err });
    await channel.send({ content: `Something went wrong (ref ${ref}). Try again, or ask with a slash command.`, allowedMentions: NO_PINGS }).catch(() => undefined);
  }
}
