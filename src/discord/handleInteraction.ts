// Every interaction comes through here: routed by kind, inside one error boundary that answers
// ephemerally with a short ref and logs the same ref with the interaction id.
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { AnswerContext } from '../core/ask/answer.ts';
import { findCommand, type Invocation } from '../core/ask/commands.ts';
import { argsOf, inheritContext } from '../core/ask/followUp.ts';
import { adminCommand, isAdminCommand } from './adminCommands.ts';
import { NO_PINGS, type Reply } from './ask.ts';
import { MAX_CHOICES, programChoices, speakerChoices } from './autocomplete.ts';
import type { BotDeps } from './botDeps.ts';
import { HELP_COMMAND, WHO_SAID_THIS } from './commandPayloads.ts';
import { parseCustomId } from './components.ts';
import { errorRef } from './errorRef.ts';
import { recordVote } from './feedback.ts';
import { FOLLOW_COMMAND, followCommand, isFollowCommand } from './follows.ts';
import { helpText } from './helpText.ts';
import { replyWithAnswer, updateWithAnswer } from './respond.ts';
import { renderProblem } from './renderEmbeds.ts';
import { exportAnswer } from '../app/export/exportAnswer.ts';

/** Every result of an answer goes into its export, as for a script. */
const EXPORT_PAGE_SIZE = 1000;
import { openThread } from './threads.ts';

export const EXPIRED = 'This button belongs to an answer Soundbite no longer remembers. Ask again with /who-said or /timeline.';

export async function handleInteraction(deps: BotDeps, i: Interaction): Promise<void> {
  const started = Date.now();
  try {
    if (i.isAutocomplete()) await autocomplete(deps, i);
    else if (i.isChatInputCommand()) await slashCommand(deps, i);
    else if (i.isMessageContextMenuCommand()) await contextMenu(deps, i);
    else if (i.isButton()) await buttonClick(deps, i);
    else return;
    deps.log.info('interaction_answered', { interactionId: i.id, kind: kindOf(i), ms: Date.now() - started });
  } catch (err) {
    const ref = errorRef();
    deps.log.error('interaction_failed', { interactionId: i.id, kind: kindOf(i), ref, err });
    if (!i.isRepliable()) return;
    const content = `Something went wrong (ref ${ref}). It has been logged; please try again.`;
    try {
      const notice = { content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS } as const;
      if (i.deferred && !i.replied && !i.isButton()) {
        // A public "thinking…" cannot turn private: remove it, then apologise privately.
        await i.deleteReply().catch(() => undefined);
        await i.followUp(notice);
      } else if (i.replied || i.deferred) await i.followUp(notice);
      else await i.reply(notice);
    } catch (replyErr) {
      deps.log.error('error_reply_failed', { interactionId: i.id, ref, err: replyErr });
    }
  }
}

function kindOf(i: Interaction): string {
  if (i.isAutocomplete()) return 'autocomplete';
  if (i.isChatInputCommand()) return `slash:${i.commandName}`;
  if (i.isMessageContextMenuCommand()) return 'context_menu';
  if (i.isButton()) return `button:${i.customId}`;
  return 'other';
}

async function autocomplete(deps: BotDeps, i: AutocompleteInteraction): Promise<void> {
  const focused = i.options.getFocused(true);
  // /follow's speaker is a speaker too, though /follow is Discord's own command.
  const kind = i.commandName === FOLLOW_COMMAND && focused.name === 'speaker' ? 'speaker' : findCommand(i.commandName)?.options.find((o) => o.name === focused.name)?.kind;
  const typed = String(focused.value);
  // Suggestions wait behind the engine's questions like anything else; past this they would
  // come too late for Discord, so none are offered rather than an error.
  const suggestions = kind === 'speaker'
    ? deps.engine.suggestSpeakers(typed, MAX_CHOICES).then(speakerChoices)
    : kind === 'program' ? deps.engine.programs().then((counts) => programChoices(counts, typed)) : Promise.resolve([]);
  const choices = await withinOr(suggestions, AUTOCOMPLETE_WITHIN_MS, []);
  await i.respond(choices);
}

const AUTOCOMPLETE_WITHIN_MS = 2000;

/** `work`'s value, or `fallback` if it is not ready within `ms`. */
async function withinOr<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The context of the thread the interaction happens in, if Soundbite answered there before. */
async function threadContext(deps: BotDeps, i: { channelId: string | null; channel: Interaction['channel'] }): Promise<AnswerContext | undefined> {
  return i.channel?.isThread() && i.channelId ? deps.threads.current(i.channelId) : undefined;
}

/** Before an answer is sent: a thread takes its context, so a message typed right after reads it. */
function keepThreadContext(deps: BotDeps, i: Interaction): (reply: Reply) => Promise<void> {
  return async (reply) => {
    if (reply.kind === 'answer' && i.channel?.isThread() && i.channelId) await deps.threads.replace(i.channelId, reply.answer.context);
  };
}

/** After an answer in a channel (not a thread): open a thread on it. */
async function afterAnswer(deps: BotDeps, i: Interaction, message: Message | null, ctx: AnswerContext): Promise<void> {
  if (!i.channel?.isThread() && message) await openThread(deps, message, ctx, i.id);
}

async function slashCommand(deps: BotDeps, i: ChatInputCommandInteraction): Promise<void> {
  if (i.commandName === HELP_COMMAND) {
    await i.reply({ content: helpText(), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    return;
  }
  if (deps.engine.live && isAdminCommand(i.commandName)) return adminCommand(deps, i);
  if (isFollowCommand(i.commandName)) return followCommand(deps, i);
  const spec = findCommand(i.commandName);
  if (!spec) {
    await i.reply({ content: `Soundbite has no /${i.commandName} any more. Try /help.`, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    return;
  }
  const args: Record<string, string> = {};
  for (const o of i.options.data) if (typeof o.value === 'string' || typeof o.value === 'number') args[o.name] = String(o.value);
  const ctx = await threadContext(deps, i);
  const inv: Invocation = ctx ? inheritContext({ command: spec.name, args }, ctx) : { command: spec.name, args };
  const { reply, message } = await replyWithAnswer(deps, i, inv, keepThreadContext(deps, i));
  if (reply.kind === 'answer') await afterAnswer(deps, i, message, reply.answer.context);
}

async function contextMenu(deps: BotDeps, i: MessageContextMenuCommandInteraction): Promise<void> {
  if (i.commandName !== WHO_SAID_THIS) return;
  const target = i.targetMessage;
  // A message that is only an embed (another bot's) still has words to look up in its description.
  const text = (target.content || target.embeds[0]?.description || '').replace(/<@[!&]?\d+>/g, ' ').trim();
  const { reply, message } = await replyWithAnswer(deps, i, { command: 'who-said', args: { quote: text } }, keepThreadContext(deps, i));
  if (reply.kind === 'answer') await afterAnswer(deps, i, message, reply.answer.context);
}

/** Export: the whole answer (every page) as Markdown and CSV files, to the one who asked. */
async function exportAnswerFiles(deps: BotDeps, i: ButtonInteraction, ctx: AnswerContext): Promise<void> {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = await deps.engine.run({ command: ctx.command, args: argsOf(ctx) }, deps.now(), EXPORT_PAGE_SIZE);
  if (!outcome.ok) {
    await i.editReply({ content: renderProblem(outcome.problem), allowedMentions: NO_PINGS });
    return;
  }
  const now = deps.now();
  const files = (['md', 'csv'] as const).map((format) => {
    const f = exportAnswer(outcome.answer, format, now);
    return { attachment: Buffer.from(f.body, 'utf8'), name: f.name };
  });
  deps.log.info('answer_exported', { interactionId: i.id, command: ctx.command, passages: outcome.answer.total });
  await i.editReply({ content: `The whole answer (${outcome.answer.total} ${outcome.answer.command === 'timeline' ? 'stories' : 'results'}) as Markdown, ready to paste into a script, and as CSV, one row per passage with every source field.`, files, allowedMentions: NO_PINGS });
}

async function buttonClick(deps: BotDeps, i: ButtonInteraction): Promise<void> {
  const action = parseCustomId(i.customId);
  const ref = action ? await deps.answers.get(action.key) : undefined;
  if (!action || !ref) {
    deps.log.info('button_expired', { interactionId: i.id, customId: i.customId });
    await i.reply({ content: EXPIRED, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    return;
  }
  switch (action.verb) {
    case 'label':
      await i.deferUpdate();
      return;
    case 'page': {
      const inThread = keepThreadContext(deps, i);
      await updateWithAnswer(deps, i, { command: ref.context.command, args: argsOf(ref.context), page: Math.max(1, action.page ?? 1) }, async (reply) => {
        // The thread started on this message follows the page shown, so "more" continues from it.
        if (reply.kind === 'answer') await deps.threads.replaceIfKnown(i.message.id, reply.answer.context);
        await inThread(reply);
      });
      return;
    }
    case 'context':
    case 'timeline': {
      const inv: Invocation = action.verb === 'context'
        ? { command: 'context', args: { id: ref.passageId ?? '' } }
        : { command: 'timeline', args: { speaker: ref.speaker ?? '' } };
      const { reply, message } = await replyWithAnswer(deps, i, inv, keepThreadContext(deps, i));
      if (reply.kind === 'answer') await afterAnswer(deps, i, message, reply.answer.context);
      return;
    }
    case 'story': {
      // "All of [2]": every passage of that story of the timeline, as a new answer with its thread.
      const story = ref.context.stories?.[(action.page ?? 1) - 1];
      if (!story) {
        await i.reply({ content: EXPIRED, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
        return;
      }
      const { reply, message } = await replyWithAnswer(deps, i, { command: 'story', args: { ...argsOf(ref.context), story, stories: ref.context.stories!.join('\n') } }, keepThreadContext(deps, i));
      if (reply.kind === 'answer') await afterAnswer(deps, i, message, reply.answer.context);
      return;
    }
    case 'export':
      return exportAnswerFiles(deps, i, ref.context);
    case 'right':
    case 'wrong': {
      const kept = await recordVote(deps.votes, {
        time: deps.now().toISOString(),
        verdict: action.verb === 'right' ? 'right' : 'wrong_speaker',
        passageId: ref.passageId ?? '',
        query: ref.context.query,
        command: ref.context.command,
        userId: i.user.id,
        interactionId: i.id,
        answerKey: action.key,
      });
      const said = action.verb === 'right' ? 'right' : 'the wrong speaker';
      const content = kept
        ? `Thanks: recorded as ${said} (one vote per answer: clicking again changes it). It helps us check Soundbite's answers.`
        : 'Sorry: Soundbite could not record that just now (its state store cannot be written). It has been logged.';
      await i.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
  }
}
