// `npm start` with a token, and `npm run register`: settings → corpus → bot, with every start-up
// failure said in one line and a clean shutdown on SIGINT/SIGTERM.
import { botSettings, readSettings, type BotSettings } from '../app/config.ts';
import { CorpusFolderError } from '../app/corpusFolder.ts';
import { WorkerEngine, type OpenedEngine } from '../app/engine/WorkerEngine.ts';
import type { WorkerStart } from '../app/engine/protocol.ts';
import { createLogger, stderrSink, type LogSink } from './log.ts';
import { inviteUrl } from './invite.ts';
import { registerCommands } from './register.ts';
import { checkDataDir, DataDirError } from './openStateStore.ts';
import { BotStartError, dataDirProblem, startBot, type Bot, type BotOptions } from './startBot.ts';
import type { Logger } from './log.ts';
import type { Database } from '../app/postgres/database.ts';
import type { PostgresStateStore } from './postgresStateStore.ts';
import { watchCorpus, type CorpusWatcher } from '../app/watchCorpus.ts';
import { stat } from 'node:fs/promises';

export interface RunIo {
  err(line: string): void;
  out(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Where structured logs go; stderr by default. */
  logSink?: LogSink;
}

export interface RunOptions {
  /** Resolves when the bot should stop; SIGINT or SIGTERM by default. */
  stopWhen?: Promise<unknown>;
  /** Extra options for startBot (tests: fast REST failures). */
  bot?: Partial<Pick<BotOptions, 'rest' | 'readyTimeoutMs' | 'deferAfterMs'>>;
  /** Extra options for the engine worker (tests and the bench: hold, debounceMs). */
  engine?: Partial<Pick<WorkerStart, 'hold' | 'debounceMs'>>;
}

function settingsOrFail(io: RunIo): BotSettings | null {
  const read = readSettings(io.env);
  if (!read.ok) {
    io.err(`soundbite: ${read.message}`);
    return null;
  }
  const bot = botSettings(read.settings);
  if (!bot.ok) {
    io.err(`soundbite: ${bot.message}`);
    return null;
  }
  return bot.settings;
}

export async function runDiscord(io: RunIo, opts: RunOptions = {}): Promise<number> {
  const settings = settingsOrFail(io);
  if (!settings) return 1;
  const log = createLogger(io.logSink ?? stderrSink, [settings.token]);
  try {
    checkDataDir(settings.dataDir);
  } catch (err) {
    if (!(err instanceof DataDirError)) throw err;
    io.err(`soundbite: ${dataDirProblem(err)}`);
    return 1;
  }
  if (settings.databaseUrl) return runOnDatabase(settings, io, log, opts);
  // The corpus, its watcher and every question live in a worker thread (app/engine): this
  // thread only talks to Discord, so it can always acknowledge within Discord's 3 seconds.
  let opened: OpenedEngine;
  // Set once the bot is up; a change the watcher picks up before then has no one to post it.
  let bot: Bot | undefined;
  try {
    opened = await WorkerEngine.open({ corpusDir: settings.corpusDir, dataDir: settings.dataDir, ...opts.engine }, {
      onSync: (r) => {
        log.info('corpus_updated', { reread: r.reread, removed: r.removed, passages: r.passages });
        for (const message of r.aliasProblems) log.warn('aliases_broken', { file: 'speakers.json', message });
        // Followed topics the new or changed files mention are posted (once the bot is up).
        void bot?.corpusChanged(r.reread).catch((err: unknown) => log.error('follows_failed', { err }));
      },
      onProblem: (event, err) => log.error(event, { err }),
    });
  } catch (err) {
    if (err instanceof CorpusFolderError) {
      io.err(`soundbite: ${err.message.replace('--corpus DIR', 'SOUNDBITE_CORPUS')}`);
      return 1;
    }
    throw err;
  }
  const { engine, loaded: corpus } = opened;
  log.info('corpus_loaded', { dir: corpus.dir, files: corpus.files, passages: corpus.passages, issues: corpus.issues, ms: Math.round(corpus.ms), load: corpus.load.mode, reread: corpus.load.reread.length, snapshotReason: corpus.load.reason });
  if (corpus.load.saveError) log.error('snapshot_save_failed', { reason: corpus.load.saveError, dataDir: settings.dataDir });
  for (const message of corpus.aliasProblems) log.warn('aliases_broken', { file: 'speakers.json', message });
  try {
    bot = await startBot({ settings, engine, log, ...opts.bot });
  } catch (err) {
    await engine.close();
    if (err instanceof BotStartError) {
      io.err(`soundbite: ${err.message}`);
      return 1;
    }
    // Anything else at start-up is almost always the network: say where it tried, in one line.
    log.error('bot_start_failed', { apiUrl: settings.apiUrl, err });
    io.err(`soundbite: could not connect to Discord at ${settings.apiUrl}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  io.out(`Soundbite is online as ${bot.client.user?.tag ?? 'the bot'}, answering from ${engine.figures().passages} passages. Ctrl+C stops it.`);
  const signals = untilSignal();
  const end = await Promise.race([(opts.stopWhen ?? signals.received).then(() => null), bot.lost, engine.lost]);
  signals.dispose();
  await bot.stop();
  await engine.close();
  if (end === null) return 0;
  // Non-zero, so a supervisor restarts it or alerts someone.
  io.err(`soundbite: ${end}`);
  return 1;
}

/**
 * The bot on PostgreSQL: the archive and the state are in the database, shared with every other
 * process (shards on this machine or others). Questions wait on the database, not on this
 * thread, so no worker is needed. A corpus folder beside it, if there is one, is watched and
 * imported as it changes.
 */
async function runOnDatabase(settings: BotSettings, io: RunIo, log: Logger, opts: RunOptions): Promise<number> {
  // Loaded only with a database: the embedded default starts without pg.
  const [{ Database }, { PostgresEngine }, { importFolder }, { PostgresStateStore }] = await Promise.all([
    import('../app/postgres/database.ts'), import('../app/postgres/PostgresEngine.ts'), import('../app/postgres/importFolder.ts'), import('./postgresStateStore.ts'),
  ]);
  let db: Database;
  let store: PostgresStateStore;
  try {
    db = await Database.open({ url: settings.databaseUrl!, replicas: settings.replicaUrls ?? [] });
    store = await PostgresStateStore.open(settings.databaseUrl!);
  } catch (err) {
    io.err(`soundbite: Setting SOUNDBITE_DATABASE_URL cannot be used: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const folder = await stat(settings.corpusDir).then((s) => s.isDirectory(), () => false);
  const engine = await PostgresEngine.open(db, folder ? settings.corpusDir : null);
  let watcher: CorpusWatcher | null = null;
  // Set once the bot is up. Follows are posted by the process holding shard 0 (or the only one),
  // so several processes watching one folder do not post the same news several times.
  let bot: Bot | undefined;
  const postsFollows = !settings.shards || settings.shards.ids.includes(0);
  if (folder) {
    // Every import is committed as it goes: nothing is ever left to save.
    const importer = { dir: settings.corpusDir, sync: () => importFolder(db, settings.corpusDir), save: async () => undefined, unsaved: false };
    watcher = watchCorpus(importer, {
      ...(opts.engine?.debounceMs !== undefined ? { debounceMs: opts.engine.debounceMs } : {}),
      onSync: (r) => {
        log.info('corpus_updated', { reread: r.reread, removed: r.removed, passages: engine.figures().passages });
        if (postsFollows) void bot?.corpusChanged(r.reread).catch((err: unknown) => log.error('follows_failed', { err }));
      },
      onError: (err) => log.error('corpus_watch_failed', { err }),
    });
  }
  log.info('archive_opened', { database: new URL(settings.databaseUrl!).host, replicas: (settings.replicaUrls ?? []).length, passages: engine.figures().passages, shards: settings.shards ?? null });
  const close = async () => {
    await watcher?.close();
    await engine.close();
    await db.close();
  };
  try {
    bot = await startBot({ settings, engine, store, log, ...opts.bot });
  } catch (err) {
    await close();
    io.err(`soundbite: ${err instanceof BotStartError ? err.message : `could not connect to Discord at ${settings.apiUrl}: ${err instanceof Error ? err.message : String(err)}`}`);
    return 1;
  }
  io.out(`Soundbite is online as ${bot.client.user?.tag ?? 'the bot'}${settings.shards ? ` (shards ${settings.shards.ids.join(',')} of ${settings.shards.count})` : ''}, answering from ${engine.figures().passages} passages in PostgreSQL. Ctrl+C stops it.`);
  const signals = untilSignal();
  const end = await Promise.race([(opts.stopWhen ?? signals.received).then(() => null), bot.lost]);
  signals.dispose();
  await bot.stop();
  await close();
  if (end === null) return 0;
  io.err(`soundbite: ${end}`);
  return 1;
}

export async function runRegister(io: RunIo): Promise<number> {
  const settings = settingsOrFail(io);
  if (!settings) return 1;
  const log = createLogger(io.logSink ?? stderrSink, [settings.token]);
  try {
    const done = await registerCommands(settings, log);
    io.out(done.scope === 'guild'
      ? `Registered ${done.names.length} commands in guild ${settings.guildId}: they show up at once.`
      : `Registered ${done.names.length} commands globally: Discord may take up to an hour to show them everywhere.`);
    io.out(`Invite the bot with: ${inviteUrl(settings.applicationId)}`);
    return 0;
  } catch (err) {
    const status = typeof err === 'object' && err !== null && 'status' in err ? err.status : undefined;
    io.err(status === 401
      ? 'soundbite: Discord rejected DISCORD_TOKEN (401 Unauthorized). Reset the token in the developer portal and put the new one in .env.'
      : `soundbite: registering the commands failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

function untilSignal(): { received: Promise<NodeJS.Signals>; dispose: () => void } {
  let done: (sig: NodeJS.Signals) => void = () => undefined;
  const received = new Promise<NodeJS.Signals>((resolve) => {
    done = (sig) => {
      dispose();
      resolve(sig);
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  const dispose = () => {
    process.off('SIGINT', done);
    process.off('SIGTERM', done);
  };
  return { received, dispose };
}
