// Threads: an answer in a channel opens a thread named after the question; the thread keeps the
// answer's context (threadContexts.ts, in the state store), and plain messages in it are
// follow-ups read against that context, one at a time per thread.
import { ThreadAutoArchiveDuration, type Message } from 'discord.js';
import type { AnswerContext } from '../core/ask/answer.ts';
import { interpretFollowUp } from '../core/ask/followUp.ts';
import { ask, NO_PINGS } from './ask.ts';
import type { BotDeps } from './botDeps.ts';
import { clip, plainName } from './escapeText.ts';
import { errorRef } from './errorRef.ts';

const THREAD_NAME_MAX = 100;

export function threadName(ctx: AnswerContext): string {
  const q = ctx.query.replace(/\s+/g, ' ').trim();
  const name = ctx.command === 'who-said' ? `Who said “${q}”?` : `${ctx.command}: ${q || ctx.speaker || 'all'}`;
  return clip(plainName(name), THREAD_NAME_MAX);
}

/**
 * Opens a thread on an answer posted in a channel. The context is kept under the message's id
 * first (Discord gives a thread started on a message that message's id), so a message typed in
 * the thread the moment it appears finds it. A thread whose context cannot be kept is not opened:
 * nobody should type into a thread that cannot answer. Failures are logged, never fatal.
 */
export async function openThread(deps: BotDeps, message: Message, ctx: AnswerContext, interactionId?: string): Promise<string | null> {
  if (!message.inGuild() || message.channel.isThread() || message.hasThread) return null;
  if (!(await deps.threads.register(message.id, ctx))) {
    deps.log.warn('thread_not_opened', { interactionId, messageId: message.id, reason: 'its context could not be kept' });
    return null;
  }
  try {
    const thread = await message.startThread({ name: threadName(ctx), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
    // Discord documents the id as the message's; should that ever change, the thread still gets its context.
    if (thread.id !== message.id) await deps.threads.register(thread.id, ctx);
    deps.log.info('thread_opened', { interactionId, threadId: thread.id, command: ctx.command });
    return thread.id;
  } catch (err) {
    await deps.threads.forget(message.id);
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
  const text = followUpText(message.content, botId);
  // Queued before anything is awaited: follow-ups in one thread run in the order they were typed.
  const outcome = await deps.threads.followUp(message.channelId, (ctx) => answerFollowUp(deps, message, text, ctx));
  if (outcome === 'answered') return;
  if (message.channel.isThread()) {
    // A thread Soundbite opened but no longer has a context for (expired, or its store was unwritable).
    if (message.channel.ownerId === botId) deps.log.warn('follow_up_dropped', { messageId: message.id, threadId: message.channelId, reason: 'the thread has no context' });
    return;
  }
  if (message.mentions.users.has(botId)) await answerMention(deps, message, text);
}

/** Answers one follow-up against `ctx`; returns the thread's next context, or null to keep this one. */
async function answerFollowUp(deps: BotDeps, message: Message, text: string, ctx: AnswerContext): Promise<AnswerContext | null> {
  const drop = (reason: string) => {
    deps.log.info('follow_up_dropped', { messageId: message.id, threadId: message.channelId, reason });
    return null;
  };
  // Empty: an image, or a message the bot may not read (no MessageContent intent, no mention).
  if (!text) return drop('no text the bot can read (an attachment, or no MessageContent intent and no mention)');
  const channel = message.channel;
  if (!channel.isSendable()) return drop('the bot cannot send in this thread');
  try {
    const follow = interpretFollowUp(text, ctx);
    if (!follow.ok) {
      await channel.send({ content: clip(follow.problem.message, 1900), allowedMentions: NO_PINGS });
      return null;
    }
    const reply = await ask(deps, follow.invocation);
    if (reply.kind === 'problem') {
      await channel.send({ content: reply.text, allowedMentions: NO_PINGS });
      return null;
    }
    await channel.send(reply.payload);
    deps.log.info('follow_up_answered', { messageId: message.id, threadId: message.channelId, command: follow.invocation.command });
    return reply.answer.context;
  } catch (err) {
    const ref = errorRef();
    deps.log.error('follow_up_failed', { ref, messageId: message.id, threadId: message.channelId, err });
    await channel.send({ content: `Something went wrong (ref ${ref}). Try again, or ask with a slash command.`, allowedMentions: NO_PINGS }).catch(() => undefined);
    return null;
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
