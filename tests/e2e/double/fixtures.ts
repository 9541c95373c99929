/**
 * Payload builders for the Discord double: the guild, its channels, roles,
 * members and users, and the messages and interactions the double sends.
 *
 * Everything is typed with `discord-api-types/v10` so that a field Discord
 * requires and discord.js reads cannot silently go missing here.
 */
import { randomBytes } from 'node:crypto';
import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  MessageType,
  PermissionFlagsBits,
  type APIGuildMember,
  type GuildMemberFlags,
  type RoleFlags,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIRole,
  type APITextChannel,
  type APIThreadChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';

/** Discord's epoch (2015-01-01), the zero point of every snowflake. */
const DISCORD_EPOCH = 1_420_070_400_000n;
let snowflakeIncrement = 0n;

/**
 * A snowflake-like id: timestamp in the high bits, a process-wide counter in
 * the low 12, so ids are unique, increase over time, and decode to a sane
 * `createdAt` in discord.js (which reads the timestamp back out of them).
 */
export function nextSnowflake(): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  const ts = BigInt(Date.now()) - DISCORD_EPOCH;
  // Bits 12..21 carry a random worker/process id so two doubles in one
  // millisecond still do not collide.
  const worker = BigInt(randomBytes(2).readUInt16BE(0) & 0x3ff);
  return ((ts << 22n) | (worker << 12n) | snowflakeIncrement).toString();
}

/** Interaction tokens: Discord's are long and URL-safe; keep ours alphanumeric so they need no escaping in routes. */
export function alphanumericToken(length = 64): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/** Permissions of @everyone in the newsroom: enough to read, talk, use commands and start threads. */
export const EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.UseExternalEmojis;

/** Every permission bit discord-api-types knows: what Discord reports for an Administrator. */
export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((acc, bit) => acc | bit, 0n);

/** What the bot may do in the newsroom channel (sent as `app_permissions`). */
export const BOT_PERMISSIONS = EVERYONE_PERMISSIONS | PermissionFlagsBits.ManageThreads | PermissionFlagsBits.ManageMessages;

export function makeUser(id: string, username: string, bot = false): APIUser {
  return {
    id,
    username,
    global_name: bot ? null : username[0]!.toUpperCase() + username.slice(1),
    discriminator: '0',
    avatar: null,
    bot,
  };
}

export function makeRole(id: string, name: string, permissions: bigint, position: number, botId?: string): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: botId !== undefined,
    mentionable: false,
    // Flag enums have no zero member; "no flags" is 0 on the wire.
    flags: 0 as RoleFlags,
    ...(botId !== undefined ? { tags: { bot_id: botId } } : {}),
  };
}

export function makeTextChannel(id: string, guildId: string, name: string, position = 0): APITextChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position,
    topic: null,
    nsfw: false,
    parent_id: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    permission_overwrites: [],
    default_auto_archive_duration: 1440,
  };
}

export function makeThreadChannel(opts: {
  id: string;
  guildId: string;
  parentId: string;
  ownerId: string;
  name: string;
  autoArchiveDuration: 60 | 1440 | 4320 | 10080;
}): APIThreadChannel {
  const now = new Date().toISOString();
  return {
    id: opts.id,
    type: ChannelType.PublicThread,
    guild_id: opts.guildId,
    parent_id: opts.parentId,
    owner_id: opts.ownerId,
    name: opts.name,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    applied_tags: [],
    thread_metadata: {
      archived: false,
      auto_archive_duration: opts.autoArchiveDuration,
      archive_timestamp: now,
      locked: false,
      create_timestamp: now,
    },
  };
}

export function makeMember(user: APIUser, roles: string[], joinedAt: string): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

/** The member object inside an interaction: a guild member plus the invoker's computed permissions. */
export function makeInteractionMember(member: APIGuildMember, permissions: bigint): APIInteractionGuildMember {
  return { ...member, user: member.user, permissions: permissions.toString() };
}

/**
 * The fixed cast of the double's world: one guild with one text channel, the
 * bot, a journalist (plain member) and an editor (holds the admin role).
 */
export interface World {
  applicationId: string;
  guildId: string;
  channelId: string;
  botUser: APIUser;
  journalist: APIUser;
  editor: APIUser;
  everyoneRole: APIRole;
  adminRole: APIRole;
  botRole: APIRole;
  members: APIGuildMember[];
  channels: APITextChannel[];
  joinedAt: string;
}

export function makeWorld(opts: { applicationId?: string; guildId?: string }): World {
  const applicationId = opts.applicationId ?? nextSnowflake();
  const guildId = opts.guildId ?? nextSnowflake();
  const channelId = nextSnowflake();
  const joinedAt = new Date(Date.now() - 86_400_000).toISOString();
  // Modern applications' bot user shares the application's id.
  const botUser = makeUser(applicationId, 'soundbite', true);
  const journalist = makeUser(nextSnowflake(), 'jo');
  const editor = makeUser(nextSnowflake(), 'ed');
  // @everyone's role id is the guild id, as on Discord.
  const everyoneRole = makeRole(guildId, '@everyone', EVERYONE_PERMISSIONS, 0);
  const adminRole = makeRole(nextSnowflake(), 'Editors', PermissionFlagsBits.Administrator, 2);
  const botRole = makeRole(nextSnowflake(), 'Soundbite', BOT_PERMISSIONS, 1, applicationId);
  return {
    applicationId,
    guildId,
    channelId,
    botUser,
    journalist,
    editor,
    everyoneRole,
    adminRole,
    botRole,
    members: [
      makeMember(botUser, [botRole.id], joinedAt),
      makeMember(journalist, [], joinedAt),
      makeMember(editor, [adminRole.id], joinedAt),
    ],
    channels: [makeTextChannel(channelId, guildId, 'newsroom')],
    joinedAt,
  };
}

/** Permissions a member has in the guild: @everyone plus their roles; Administrator means everything. */
export function memberPermissions(world: World, member: APIGuildMember): bigint {
  let perms = BigInt(world.everyoneRole.permissions);
  for (const roleId of member.roles) {
    const role = [world.adminRole, world.botRole].find((r) => r.id === roleId);
    if (role) perms |= BigInt(role.permissions);
  }
  return (perms & PermissionFlagsBits.Administrator) !== 0n ? ALL_PERMISSIONS : perms;
}

export function guildCreatePayload(world: World, threads: APIThreadChannel[]): GatewayGuildCreateDispatchData {
  return {
    id: world.guildId,
    name: 'Soundbite Newsroom',
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: world.editor.id,
    region: 'europe',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    mfa_level: GuildMFALevel.None,
    nsfw_level: GuildNSFWLevel.Default,
    premium_tier: GuildPremiumTier.None,
    premium_progress_bar_enabled: false,
    system_channel_id: world.channelId,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    application_id: null,
    preferred_locale: Locale.EnglishUS,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    hub_type: null,
    incidents_data: null,
    features: [],
    roles: [world.everyoneRole, world.botRole, world.adminRole],
    emojis: [],
    stickers: [],
    joined_at: world.joinedAt,
    large: false,
    unavailable: false,
    member_count: world.members.length,
    voice_states: [],
    members: world.members,
    channels: world.channels,
    threads,
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** A message as Discord stores it; `author` decides whether it is the bot's or a journalist's. */
export function makeMessage(opts: {
  id: string;
  channelId: string;
  author: APIUser;
  content: string;
  type?: MessageType;
}): APIMessage {
  return {
    id: opts.id,
    channel_id: opts.channelId,
    author: opts.author,
    content: opts.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: opts.type ?? MessageType.Default,
  };
}
