// Builds the discord.js client, wires the handlers and logs in. The REST base comes from the
// settings (DISCORD_API_URL), which is how the end-to-end tests point the bot at a loopback Discord.
import { Client, Events, GatewayIntentBits, Partials, type RESTOptions } from 'discord.js';
import type { BotSettings } from '../app/config.ts';
import type { Engine } from '../app/engine/Engine.ts';
import { LocalEngine } from '../app/engine/LocalEngine.ts';
import type { LiveCorpus } from '../app/liveCorpus.ts';
import type { Invocation } from '../core/ask/commands.ts';
import type { CorpusIndex } from '../core/search/CorpusIndex.ts';
import { isAnswerContext, isAnswerRef } from './answerState.ts';
import type { BotDeps } from './botDeps.ts';
import { NO_PINGS } from './ask.ts';
import { isFeedbackVote } from './feedback.ts';
import { followStore, isFollow, postFollows } from './follows.ts';
import { fatalCloseMessage, isFatalClose } from './gatewayCloses.ts';
import { handleInteraction } from './handleInteraction.ts';
import type { Logger } from './log.ts';
import { DataDirError, openStateStore } from './openStateStore.ts';
import { SPACES, StateRecords, type StateStore } from './stateStore.ts';
import { ThreadContexts } from './threadContexts.ts';
import { handleMessage } from './threads.ts';

export interface BotOptions {
  settings: Pick<BotSettings, 'token' | 'apiUrl' | 'dataDir' | 'messageContent' | 'shards'>;
  /** The archive the bot answers from; runDiscord passes a WorkerEngine. Without one, the bot
   * answers in this thread from `live` (with /ingest, /reload, /stats) or from `index`. */
  engine?: Engine;
  index?: CorpusIndex | (() => CorpusIndex);
  log: Logger;
  now?: () => Date;
  /** See BotDeps. */
  beforeCore?: (inv: Invocation) => Promise<void>;
  deferAfterMs?: number;
  deferAbovePassages?: number;
  /** See BotDeps. */
  downloadTimeoutMs?: number;
  /** Tests pass `{ retries: 0, timeout: 2000 }` to fail fast. */
  rest?: Partial<Pick<RESTOptions, 'retries' | 'timeout'>>;
  readyTimeoutMs?: number;
  live?: LiveCorpus;
  /** Where state is kept; by default a SQLite file in the data folder. */
  store?: StateStore;
}

export interface Bot {
  client: Client;
  deps: BotDeps;
  /** Resolves, with a line saying why, if Discord closes the connection for good (token revoked,
   * intent switched off): the bot can no longer answer and should stop. Never rejects. */
  lost: Promise<string>;
  /** The archive re-read these files (added or changed): followed topics they mention are posted. */
  corpusChanged(files: readonly string[]): Promise<number>;
  stop(): Promise<void>;
}

/** A start-up failure worded for the person running `npm start`. */
export class BotStartError extends Error {}

const REJECTED_TOKEN = 'Discord rejected DISCORD_TOKEN (401 Unauthorized). Reset the token in the developer portal (Bot > Reset Token) and put the new one in .env.';

/** An answer not ready by then is acknowledged ("thinking…") and sent as an edit: well within
 * Discord's 3 seconds, and quick answers (nearly all) still arrive as plain replies. */
export const DEFER_AFTER_MS = 500;

export async function startBot(opts: BotOptions): Promise<Bot> {
  const { settings, log } = opts;
  const engine = opts.engine ?? (opts.live ? LocalEngine.ofLive(opts.live) : opts.index ? LocalEngine.ofIndex(opts.index) : null);
  if (!engine) throw new TypeError('startBot needs an engine, a live corpus or an index');
  const now = opts.now ?? (() => new Date());
  let store: StateStore;
  try {
    store = opts.store ?? openStateStore(settings.dataDir, log, { now: () => now().getTime() });
  } catch (err) {
    if (err instanceof DataDirError) throw new BotStartError(dataDirProblem(err));
    throw err;
  }
  const deps: BotDeps = {
    engine,
    now,
    log,
    store,
    answers: new StateRecords(store, SPACES.answers, isAnswerRef, log),
    threads: new ThreadContexts(new StateRecords(store, SPACES.threads, isAnswerContext, log)),
    votes: new StateRecords(store, SPACES.votes, isFeedbackVote, log),
    follows: followStore(new StateRecords(store, SPACES.follows, isFollow, log)),
    deferAfterMs: opts.deferAfterMs ?? DEFER_AFTER_MS,
    deferAbovePassages: opts.deferAbovePassages ?? 200_000,
    ...(opts.beforeCore ? { beforeCore: opts.beforeCore } : {}),
    ...(opts.downloadTimeoutMs !== undefined ? { downloadTimeoutMs: opts.downloadTimeoutMs } : {}),
  };

  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  // Privileged: without it, thread follow-ups must mention the bot (Discord blanks other text).
  if (settings.messageContent) intents.push(GatewayIntentBits.MessageContent);
  const client = new Client({
    intents,
    // Messages in threads the client has not cached are dropped without Partials.Channel.
    partials: [Partials.Channel, Partials.Message],
    rest: { api: settings.apiUrl, ...opts.rest },
    allowedMentions: NO_PINGS,
    // A shard range per process (SOUNDBITE_SHARDS of SOUNDBITE_SHARD_COUNT), so shards can run on
    // different machines; with the archive and state in PostgreSQL any of them answers any thread.
    ...(settings.shards ? { shards: settings.shards.ids, shardCount: settings.shards.count } : {}),
  });

  client.on(Events.InteractionCreate, (i) => void handleInteraction(deps, i));
  client.on(Events.MessageCreate, (m) => {
    handleMessage(deps, m).catch((err: unknown) => log.error('message_failed', { messageId: m.id, err }));
  });
  client.on(Events.Error, (err) => log.error('client_error', { err }));
  client.on(Events.Warn, (message) => log.warn('client_warning', { message }));
  client.on(Events.ShardError, (err, shardId) => log.warn('gateway_error', { shardId, err }));
  // discord.js emits shardDisconnect only for closes it will not recover from; before ready,
  // loginAndWait turns them into start-up failures.
  let wasReady = false;
  client.once(Events.ClientReady, () => (wasReady = true));
  const lost = new Promise<string>((resolve) => {
    client.on(Events.ShardDisconnect, (event, shardId) => {
      if (!wasReady || !isFatalClose(event.code)) return;
      log.error('gateway_closed_for_good', { shardId, code: event.code });
      resolve(fatalCloseMessage(event.code));
    });
  });

  try {
    await loginAndWait(client, settings.token, opts.readyTimeoutMs ?? 30_000);
  } catch (err) {
    await client.destroy().catch(() => undefined);
    await store.close();
    if (isRejectedToken(err)) throw new BotStartError(REJECTED_TOKEN);
    if (isDisallowedIntents(err)) {
      throw new BotStartError('Discord refused the MessageContent intent (close 4014). Switch on "Message Content Intent" under Bot in the developer portal, or set SOUNDBITE_MESSAGE_CONTENT=false.');
    }
    throw err;
  }
  log.info('bot_ready', { user: client.user?.tag, guilds: client.guilds.cache.size, passages: engine.figures().passages, messageContent: settings.messageContent });

  return {
    client,
    deps,
    lost,
    corpusChanged: (files) => postFollows(deps, client, files),
    stop: async () => {
      await client.destroy();
      await store.close();
      log.info('bot_stopped');
    },
  };
}

/** A data folder that cannot be used, worded after the setting that names it. */
export function dataDirProblem(err: DataDirError): string {
  return `Setting SOUNDBITE_DATA_DIR cannot be used: ${err.message}. Point it at a folder Soundbite may write to.`;
}

async function loginAndWait(client: Client, token: string, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    client.once(Events.ClientReady, () => resolve());
    // A gateway close such as 4004 (authentication failed) arrives as a shard disconnect.
    client.on(Events.ShardDisconnect, (event) => {
      if (!client.isReady()) reject(new GatewayClosed(event.code));
    });
    timer = setTimeout(() => reject(new BotStartError(`Discord did not report ready within ${timeoutMs / 1000} s.`)), timeoutMs);
  });
  try {
    await Promise.all([client.login(token), ready]);
  } finally {
    clearTimeout(timer);
  }
}

class GatewayClosed extends Error {
  constructor(readonly code: number) {
    super(`gateway closed with ${code}`);
  }
}

function isRejectedToken(err: unknown): boolean {
  if (err instanceof GatewayClosed) return err.code === 4004;
  if (typeof err !== 'object' || err === null) return false;
  return ('code' in err && err.code === 'TokenInvalid') || ('status' in err && err.status === 401);
}

function isDisallowedIntents(err: unknown): boolean {
  return (err instanceof GatewayClosed && err.code === 4014) || (err instanceof Error && /disallowed intents/i.test(err.message));
}
