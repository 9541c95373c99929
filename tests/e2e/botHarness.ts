// Starts the real bot (as startBot builds it) against the loopback Discord double, with the small
// e2e corpus: the seed transcript plus the invented files in tests/fixtures/discord-corpus/.
import { cp, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIEmbed, APIMessage } from 'discord-api-types/v10';
import { openTestCorpus } from '../helpers/indexFiles.ts';
import type { Invocation } from '../../src/core/ask/commands.ts';
import type { CorpusIndex } from '../../src/core/search/CorpusIndex.ts';
import { registerCommands } from '../../src/discord/register.ts';
import { createLogger } from '../../src/discord/log.ts';
import { startBot, type Bot } from '../../src/discord/startBot.ts';
import type { StateStore } from '../../src/discord/stateStore.ts';
import { DiscordDouble } from './double/DiscordDouble.ts';
import { passageId } from '../../src/core/parse/passageId.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The e2e corpus in a temporary folder: corpus/ and tests/fixtures/discord-corpus/ together. */
/** The Mara Quell soundbite in the e2e corpus, the passage most tests ask about. */
export const FERRY_19 = passageId('001_harbour_ferry.txt', 19);

export async function e2eCorpus(): Promise<CorpusIndex> {
  const dir = await mkdtemp(path.join(tmpdir(), 'soundbite-corpus-'));
  for (const from of ['corpus', 'tests/fixtures/discord-corpus']) {
    for (const f of await readdir(path.join(root, from))) if (f.endsWith('.txt')) await cp(path.join(root, from, f), path.join(dir, f));
  }
  return (await openTestCorpus(dir)).index;
}

export async function tempDataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'soundbite-data-'));
}

export interface HarnessOptions {
  index: CorpusIndex;
  dataDir: string;
  messageContent?: boolean;
  beforeCore?: (inv: Invocation) => Promise<void>;
  deferAfterMs?: number;
  deferAbovePassages?: number;
  token?: string;
  /** The state store; by default the bot opens its own in dataDir. */
  store?: StateStore;
  /** The bot's clock (answers' dates, the state store's expiry). */
  now?: () => Date;
}

export interface Running {
  bot: Bot;
  logs: string[];
}

export async function runBot(d: DiscordDouble, o: HarnessOptions): Promise<Running> {
  const logs: string[] = [];
  const token = o.token ?? d.token;
  const bot = await startBot({
    settings: { token, apiUrl: d.restBase, dataDir: o.dataDir, messageContent: o.messageContent ?? true },
    index: o.index,
    log: createLogger((l) => logs.push(l), [token]),
    rest: { retries: 0, timeout: 2000 },
    readyTimeoutMs: 5000,
    ...(o.beforeCore ? { beforeCore: o.beforeCore } : {}),
    ...(o.deferAfterMs !== undefined ? { deferAfterMs: o.deferAfterMs } : {}),
    ...(o.deferAbovePassages !== undefined ? { deferAbovePassages: o.deferAbovePassages } : {}),
    ...(o.store ? { store: o.store } : {}),
    ...(o.now ? { now: o.now } : {}),
  });
  return { bot, logs };
}

export async function register(d: DiscordDouble): Promise<void> {
  await registerCommands(
    { token: d.token, applicationId: d.applicationId, guildId: d.guildId, apiUrl: d.restBase, corpusDir: 'corpus', dataDir: '.', messageContent: true },
    createLogger(() => undefined),
  );
}

export function embedOf(m: APIMessage): APIEmbed {
  const e = m.embeds[0];
  if (!e) throw new Error(`message ${m.id} has no embed: ${JSON.stringify(m).slice(0, 300)}`);
  return e;
}

/** Every button's custom_id on a message, by label. */
export function buttonsOf(m: APIMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of m.components ?? []) {
    if (!('components' in row)) continue;
    for (const c of row.components) {
      if ('custom_id' in c && 'label' in c && typeof c.label === 'string') out.set(c.label, c.custom_id);
    }
  }
  return out;
}

export function fieldText(e: APIEmbed): string {
  return (e.fields ?? []).map((f) => `${f.name}\n${f.value}`).join('\n');
}

/** Polls `probe` every 20 ms: for state the double cannot wake on, such as files the bot writes. */
export async function poll<T>(probe: () => T | undefined, timeoutMs = 2000, what = 'a condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
