// Following a topic in a channel: /follow keeps the topic (and speaker) in the state store, so it
// survives restarts; whenever the archive re-reads files (added or changed), each follow asks the
// engine what those files say about it and posts a short answer in its channel, with the source,
// pinging nobody. /following lists a server's follows, /unfollow removes one. A server may keep
// at most MAX_FOLLOWS_PER_SERVER.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  MessageFlags,
  type ChatInputCommandInteraction,
  type Client,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import type { Answer } from '../core/ask/answer.ts';
import { describeStory } from '../core/ask/describe.ts';
import { NO_PINGS } from './ask.ts';
import type { BotDeps } from './botDeps.ts';
import { SERVER_ONLY } from './commandScopes.ts';
import { clip, nameText } from './escapeText.ts';
import { newKey } from './components.ts';
import { renderItem } from './renderEmbeds.ts';
import type { StateRecords } from './stateStore.ts';

export const FOLLOW_COMMAND = 'follow';
export const FOLLOWING_COMMAND = 'following';
export const UNFOLLOW_COMMAND = 'unfollow';
const NAMES: ReadonlySet<string> = new Set([FOLLOW_COMMAND, FOLLOWING_COMMAND, UNFOLLOW_COMMAND]);

/** Follows a server may keep: each is a question asked again at every change of the archive. */
export const MAX_FOLLOWS_PER_SERVER = 25;
/** Stories one post shows at most; the rest are counted. */
const STORIES_PER_POST = 3;

const followSchema = z.object({
  id: z.string(),
  guildId: z.string(),
  channelId: z.string(),
  topic: z.string(),
  speaker: z.string().optional(),
  userId: z.string(),
  createdAt: z.string(),
});
export type Follow = z.infer<typeof followSchema>;

export function isFollow(v: unknown): v is Follow {
  return followSchema.safeParse(v).success;
}

export function isFollowCommand(name: string): boolean {
  return NAMES.has(name);
}

export function followPayloads(): RESTPostAPIApplicationCommandsJSONBody[] {
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: FOLLOW_COMMAND,
      description: 'Post here whenever a new or changed transcript says something about a topic.',
      options: [
        { type: ApplicationCommandOptionType.String, name: 'topic', description: 'A few words naming the topic', required: true, max_length: 300 },
        { type: ApplicationCommandOptionType.String, name: 'speaker', description: 'Only words by this person', required: false, autocomplete: true, max_length: 100 },
      ],
      ...SERVER_ONLY,
    },
    { type: ApplicationCommandType.ChatInput, name: FOLLOWING_COMMAND, description: 'The topics this server follows, and where they are posted.', ...SERVER_ONLY },
    {
      type: ApplicationCommandType.ChatInput,
      name: UNFOLLOW_COMMAND,
      description: 'Stop following a topic (its id from /following, or the topic as followed).',
      options: [{ type: ApplicationCommandOptionType.String, name: 'follow', description: 'The id from /following, or the topic', required: true, max_length: 300 }],
      ...SERVER_ONLY,
    },
  ];
}

const privately = (content: string) => ({ content: clip(content, 1900), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS }) as const;

async function serverFollows(deps: BotDeps, guildId: string): Promise<Follow[]> {
  return (await deps.follows.list(10_000)).filter((f) => f.guildId === guildId);
}

function followLine(f: Follow): string {
  return `\`${f.id}\` “${nameText(f.topic)}”${f.speaker ? ` by ${nameText(f.speaker)}` : ''} in <#${f.channelId}>`;
}

export async function followCommand(deps: BotDeps, i: ChatInputCommandInteraction): Promise<void> {
  if (!i.inGuild()) {
    await i.reply(privately('Follows are kept per server: use /follow in a server channel.'));
    return;
  }
  const guildId = i.guildId;
  if (i.commandName === FOLLOWING_COMMAND) {
    const list = await serverFollows(deps, guildId);
    await i.reply(privately(list.length ? `This server follows ${list.length} topic${list.length === 1 ? '' : 's'} (at most ${MAX_FOLLOWS_PER_SERVER}):\n${list.map(followLine).join('\n')}` : 'This server follows no topic yet. /follow adds one.'));
    return;
  }
  if (i.commandName === UNFOLLOW_COMMAND) {
    const wanted = i.options.getString('follow', true).trim();
    const list = await serverFollows(deps, guildId);
    const gone = list.filter((f) => f.id === wanted || f.topic.toLowerCase() === wanted.toLowerCase());
    if (gone.length === 0) {
      await i.reply(privately(`No follow of this server is "${wanted}". /following lists them with their ids.`));
      return;
    }
    for (const f of gone) await deps.follows.remove(f.id);
    deps.log.info('unfollowed', { interactionId: i.id, userId: i.user.id, follows: gone.map((f) => f.id) });
    await i.reply({ content: clip(`No longer following ${gone.map((f) => `“${nameText(f.topic)}”`).join(', ')}.`, 1900), allowedMentions: NO_PINGS });
    return;
  }
  // /follow: the topic must read as a timeline does, so a follow never waits on a typo.
  const topic = i.options.getString('topic', true).trim();
  const speaker = i.options.getString('speaker')?.trim() || undefined;
  const check = await deps.engine.run({ command: 'timeline', args: { topic, ...(speaker ? { speaker } : {}) } }, deps.now(), 1);
  if (!check.ok) {
    await i.reply(privately(check.problem.message));
    return;
  }
  const list = await serverFollows(deps, guildId);
  if (list.some((f) => f.channelId === i.channelId && f.topic.toLowerCase() === topic.toLowerCase() && f.speaker === speaker)) {
    await i.reply(privately(`This channel already follows “${topic}”.`));
    return;
  }
  if (list.length >= MAX_FOLLOWS_PER_SERVER) {
    await i.reply(privately(`This server already follows ${list.length} topics, the most it may; /unfollow one first (/following lists them).`));
    return;
  }
  const follow: Follow = { id: newKey().slice(0, 6), guildId, channelId: i.channelId, topic, ...(speaker ? { speaker } : {}), userId: i.user.id, createdAt: deps.now().toISOString() };
  if (!(await deps.follows.add(follow))) {
    await i.reply(privately('Sorry: Soundbite could not keep that follow just now (its state store cannot be written). It has been logged.'));
    return;
  }
  deps.log.info('followed', { interactionId: i.id, userId: i.user.id, follow: follow.id, topic, speaker });
  await i.reply({
    content: clip(`Following “${nameText(topic)}”${speaker ? ` by ${nameText(speaker)}` : ''} here: when a new or changed transcript says something about it, it will be posted in this channel (follow \`${follow.id}\`; /unfollow stops it). ${check.answer.total} ${check.answer.total === 1 ? 'story is' : 'stories are'} on its timeline now.`, 1900),
    allowedMentions: NO_PINGS,
  });
}

/**
 * After the archive re-read `files`: every follow asks what they say about its topic and posts
 * what it finds in its channel. One follow failing (a channel gone, a question refused) is logged
 * and never stops the others.
 */
export async function postFollows(deps: BotDeps, client: Client, files: readonly string[]): Promise<number> {
  if (files.length === 0) return 0;
  let posted = 0;
  for (const f of await deps.follows.list(10_000)) {
    try {
      const out = await deps.engine.run({ command: 'followed', args: { topic: f.topic, ...(f.speaker ? { speaker: f.speaker } : {}), files: files.join('\n') } }, deps.now(), STORIES_PER_POST);
      if (!out.ok || out.answer.total === 0) continue;
      const channel = await client.channels.fetch(f.channelId).catch(() => null);
      if (!channel?.isSendable()) {
        deps.log.warn('follow_not_posted', { follow: f.id, channelId: f.channelId, reason: 'the channel cannot be reached' });
        continue;
      }
      await channel.send({ embeds: [followEmbed(f, out.answer)], allowedMentions: NO_PINGS });
      deps.log.info('follow_posted', { follow: f.id, channelId: f.channelId, stories: out.answer.total });
      posted++;
    } catch (err) {
      deps.log.error('follow_failed', { follow: f.id, err });
    }
  }
  return posted;
}

function followEmbed(f: Follow, a: Answer): { title: string; description: string; color: number; fields: Array<{ name: string; value: string }>; footer: { text: string } } {
  const stories = a.stories ?? [];
  const more = a.total - stories.length;
  return {
    title: clip(`New on “${f.topic}”${f.speaker ? ` by ${f.speaker}` : ''}`, 256),
    description: clip(`A new or changed transcript says something about a topic this channel follows.${more > 0 ? ` ${more} more stor${more === 1 ? 'y' : 'ies'}: /timeline ${f.topic}.` : ''}`, 1000),
    color: 0x4a6fa5,
    fields: stories.map((s) => ({ name: clip(nameText(describeStory(s)), 256), value: renderItem(s.shown[0]!, 900, 300, false) })),
    footer: { text: `follow ${f.id} · /unfollow ${f.id} stops it` },
  };
}

/** The follows a bot keeps, in the state store's `follows` space. */
export interface FollowStore {
  list(limit: number): Promise<Follow[]>;
  add(f: Follow): Promise<boolean>;
  remove(id: string): Promise<void>;
}

export function followStore(records: StateRecords<Follow>): FollowStore {
  return {
    list: (limit) => records.all(limit),
    add: (f) => records.set(f.id, f),
    remove: (id) => records.delete(id),
  };
}
