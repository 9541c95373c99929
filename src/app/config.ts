// Settings from the environment (after dotenv), checked once at start-up: each problem is named
// in one line, so a newsroom admin knows which line of .env to fix.
import { z } from 'zod';

export const DEFAULT_API_URL = 'https://discord.com/api';
export const DEFAULT_CORPUS = 'corpus/';
export const DEFAULT_DATA_DIR = '.soundbite/';

const POSTGRES_URL = /^postgres(ql)?:\/\/\S+$/;

const snowflake = (name: string) =>
  z.string().regex(/^\d{15,21}$/, `${name} must be the numeric id Discord shows (15 to 21 digits)`);

const bool = (name: string) =>
  z
    .string()
    .regex(/^(true|false|1|0|yes|no|on|off)$/i, `${name} must be true or false`)
    .transform((v) => /^(true|1|yes|on)$/i.test(v));

// Read lazily: an empty line in .env (`DISCORD_GUILD_ID=`) means "not set", not "set to nothing".
const optional = <T extends z.ZodType>(t: T) => z.preprocess((v) => (v === '' ? undefined : v), t.optional());

const schema = z.object({
  DISCORD_TOKEN: optional(
    // Three dot-separated base64url parts; a pasted "Bot " prefix or quotes are the usual mistakes.
    z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'DISCORD_TOKEN does not look like a bot token (three parts separated by dots, no "Bot " prefix or quotes)'),
  ),
  DISCORD_APPLICATION_ID: optional(snowflake('DISCORD_APPLICATION_ID')),
  DISCORD_GUILD_ID: optional(snowflake('DISCORD_GUILD_ID')),
  DISCORD_API_URL: optional(
    z.string().regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'DISCORD_API_URL must be an http(s) address such as https://discord.com/api'),
  ),
  SOUNDBITE_CORPUS: optional(z.string()),
  SOUNDBITE_DATA_DIR: optional(z.string()),
  SOUNDBITE_MESSAGE_CONTENT: optional(bool('SOUNDBITE_MESSAGE_CONTENT')),
  SOUNDBITE_DATABASE_URL: optional(z.string().regex(POSTGRES_URL, 'SOUNDBITE_DATABASE_URL must be a PostgreSQL address such as postgres://user:password@host:5432/soundbite')),
  SOUNDBITE_DATABASE_REPLICA_URLS: optional(
    z.string().refine((v) => v.split(',').every((u) => POSTGRES_URL.test(u.trim())), 'SOUNDBITE_DATABASE_REPLICA_URLS must be PostgreSQL addresses separated by commas'),
  ),
  SOUNDBITE_SHARDS: optional(z.string().regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/, 'SOUNDBITE_SHARDS must list shard ids such as 0,1 or 0-3')),
  SOUNDBITE_SHARD_COUNT: optional(z.string().regex(/^[1-9]\d{0,4}$/, 'SOUNDBITE_SHARD_COUNT must be a whole number from 1')),
});

export interface Settings {
  token: string | undefined;
  applicationId: string | undefined;
  guildId: string | undefined;
  apiUrl: string;
  corpusDir: string;
  dataDir: string;
  messageContent: boolean;
  /** The PostgreSQL archive and state; the embedded index and state.db without it. */
  databaseUrl?: string | undefined;
  /** Read replicas that answer questions. */
  replicaUrls?: string[];
  /** The Discord shards this process runs, and how many there are in all; both or neither. */
  shards?: { ids: number[]; count: number } | undefined;
}

/** Settings the bot cannot run without. */
export interface BotSettings extends Settings {
  token: string;
  applicationId: string;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; message: string };

export function readSettings(env: Readonly<Record<string, string | undefined>>): SettingsResult {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'a setting');
    return { ok: false, message: `Setting ${name} is malformed: ${issue?.message ?? 'invalid value'}.` };
  }
  const v = parsed.data;
  const shards = shardSettings(v.SOUNDBITE_SHARDS, v.SOUNDBITE_SHARD_COUNT);
  if (typeof shards === 'string') return { ok: false, message: shards };
  return {
    ok: true,
    settings: {
      token: v.DISCORD_TOKEN,
      applicationId: v.DISCORD_APPLICATION_ID,
      guildId: v.DISCORD_GUILD_ID,
      apiUrl: (v.DISCORD_API_URL ?? DEFAULT_API_URL).replace(/\/+$/, ''),
      corpusDir: v.SOUNDBITE_CORPUS ?? DEFAULT_CORPUS,
      dataDir: v.SOUNDBITE_DATA_DIR ?? DEFAULT_DATA_DIR,
      messageContent: v.SOUNDBITE_MESSAGE_CONTENT ?? true,
      // Only when set: without a database the settings are what they always were.
      ...(v.SOUNDBITE_DATABASE_URL ? { databaseUrl: v.SOUNDBITE_DATABASE_URL } : {}),
      ...(v.SOUNDBITE_DATABASE_REPLICA_URLS ? { replicaUrls: v.SOUNDBITE_DATABASE_REPLICA_URLS.split(',').map((u) => u.trim()).filter(Boolean) } : {}),
      ...(shards ? { shards } : {}),
    },
  };
}

/** The bot needs a token and the application id; say which is missing, in one line. */
export function botSettings(s: Settings): { ok: true; settings: BotSettings } | { ok: false; message: string } {
  if (!s.token) return { ok: false, message: 'Setting DISCORD_TOKEN is missing: copy the bot token from the developer portal (Bot > Reset Token) into .env.' };
  if (!s.applicationId) return { ok: false, message: 'Setting DISCORD_APPLICATION_ID is missing: copy the Application ID from the developer portal (General Information) into .env.' };
  return { ok: true, settings: { ...s, token: s.token, applicationId: s.applicationId } };
}

/** `0-1` and `4` → shards 0 and 1 of 4: a process runs those, another process (or machine) the rest. */
function shardSettings(list: string | undefined, count: string | undefined): Settings['shards'] | string {
  if (list === undefined && count === undefined) return undefined;
  if (list === undefined || count === undefined) return 'Settings SOUNDBITE_SHARDS and SOUNDBITE_SHARD_COUNT go together: set both (e.g. 0-1 and 4) or neither.';
  const total = Number(count);
  const ids = list.split(',').flatMap((part) => {
    const [a, b = a] = part.split('-').map(Number) as [number, number?];
    return Array.from({ length: Math.max(0, b! - a + 1) }, (_, i) => a + i);
  });
  if (ids.length === 0 || ids.some((id) => id >= total)) return `Setting SOUNDBITE_SHARDS is malformed: shard ids run from 0 to ${total - 1} when SOUNDBITE_SHARD_COUNT is ${total}.`;
  return { ids: [...new Set(ids)].sort((x, y) => x - y), count: total };
}
