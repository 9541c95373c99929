// Acknowledgement under load (issue 12): the bot as `npm start` runs it, against the loopback
// Discord of the end-to-end tests, with four heavy questions in flight at once (each holds the
// engine's thread for `holdMs`, as a 2-second /search would) and quick ones behind them. Each
// interaction's acknowledgement time is from its creation to the first callback Discord accepts
// (a reply, or "thinking…"). The baseline is the same bot answering in its own thread, as it
// did before the engine worker: its acknowledgements wait behind the questions.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalEngine } from '../src/app/engine/LocalEngine.ts';
import { openCorpus } from '../src/app/openCorpus.ts';
import { registerCommands } from '../src/discord/register.ts';
import { createLogger } from '../src/discord/log.ts';
import { runDiscord } from '../src/discord/runDiscord.ts';
import { startBot } from '../src/discord/startBot.ts';
import { DiscordDouble } from '../tests/e2e/double/DiscordDouble.ts';
import { percentiles, type Percentiles } from './measure.ts';

export interface AckFigures {
  /** Where the questions ran. */
  engine: 'worker' | 'same thread (before)';
  heavy: Percentiles;
  quick: Percentiles;
  /** Interactions never acknowledged within Discord's 3 s (the double then forgets them). */
  late: number;
  answered: number;
  total: number;
}

const HEAVY = 4;
const QUICK = 12;

export async function measureAcknowledgements(holdMs: number, log: (m: string) => void): Promise<AckFigures[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'soundbite-bench-ack-'));
  const corpus = path.join(root, 'corpus');
  mkdirSync(corpus);
  for (const f of readdirSync('corpus')) if (f.endsWith('.txt')) copyFileSync(path.join('corpus', f), path.join(corpus, f));
  try {
    const out: AckFigures[] = [];
    log(`acknowledgements: ${HEAVY} questions holding the engine ${holdMs} ms each, ${QUICK} quick ones behind them (engine worker)`);
    out.push(await withWorker(corpus, path.join(root, 'data-worker'), holdMs));
    log('acknowledgements: the same with the questions in the bot\'s own thread (before)');
    out.push(await inSameThread(corpus, path.join(root, 'data-same'), holdMs));
    return out;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function register(d: DiscordDouble): Promise<void> {
  await registerCommands({ token: d.token, applicationId: d.applicationId, guildId: d.guildId, apiUrl: d.restBase, corpusDir: 'corpus', dataDir: '.', messageContent: true }, createLogger(() => undefined));
}

async function withWorker(corpus: string, dataDir: string, holdMs: number): Promise<AckFigures> {
  const d = await DiscordDouble.start();
  await register(d);
  let stop!: () => void;
  const stopWhen = new Promise<void>((resolve) => (stop = resolve));
  let online!: () => void;
  const ready = new Promise<void>((resolve) => (online = resolve));
  const running = runDiscord(
    { err: () => undefined, out: () => online(), logSink: () => undefined, env: { DISCORD_TOKEN: d.token, DISCORD_APPLICATION_ID: d.applicationId, DISCORD_GUILD_ID: d.guildId, DISCORD_API_URL: d.restBase, SOUNDBITE_CORPUS: corpus, SOUNDBITE_DATA_DIR: dataDir } },
    { stopWhen, bot: { rest: { retries: 0, timeout: 30_000 } }, engine: { hold: { command: 'search', ms: holdMs } } },
  );
  await ready;
  try {
    return { engine: 'worker', ...(await fire(d)) };
  } finally {
    stop();
    await running;
    await d.stop();
  }
}

async function inSameThread(corpus: string, dataDir: string, holdMs: number): Promise<AckFigures> {
  const d = await DiscordDouble.start();
  await register(d);
  const opened = await openCorpus(corpus, { dataDir });
  const bot = await startBot({
    settings: { token: d.token, apiUrl: d.restBase, dataDir, messageContent: true },
    engine: LocalEngine.ofLive(opened.live, { hold: { command: 'search', ms: holdMs } }),
    log: createLogger(() => undefined),
    rest: { retries: 0, timeout: 30_000 },
  });
  try {
    return { engine: 'same thread (before)', ...(await fire(d)) };
  } finally {
    await bot.stop();
    await d.stop();
  }
}

/** Fires the heavy questions and the quick ones at once; times each first accepted callback. */
async function fire(d: DiscordDouble): Promise<Omit<AckFigures, 'engine'>> {
  const sent: Array<{ kind: 'heavy' | 'quick'; at: number; h: ReturnType<DiscordDouble['slashCommand']> }> = [];
  for (let i = 0; i < HEAVY; i++) sent.push({ kind: 'heavy', at: Date.now(), h: d.slashCommand({ name: 'search', options: { query: 'Kim summit' } }) });
  for (let i = 0; i < QUICK; i++) sent.push({ kind: 'quick', at: Date.now(), h: d.slashCommand({ name: i % 2 ? 'speakers' : 'who-said', options: i % 2 ? {} : { quote: 'I walked across the line' } }) });
  const heavy: number[] = [];
  const quick: number[] = [];
  let late = 0;
  let answered = 0;
  // All at once: a late one is refused by the double and never accepted, so each wait runs out.
  const callbacks = await Promise.all(sent.map((s) => s.h.response(15_000).catch(() => null)));
  const finals = await Promise.all(sent.map((s, i) => (callbacks[i] ? s.h.final({ timeoutMs: 60_000 }).catch(() => null) : null)));
  sent.forEach((s, i) => {
    const callback = callbacks[i];
    if (!callback) {
      late++;
      return;
    }
    (s.kind === 'heavy' ? heavy : quick).push(callback.at - s.at);
    if (finals[i]) answered++;
  });
  return { heavy: percentiles(heavy), quick: percentiles(quick), late, answered, total: sent.length };
}

// So the bench can run it alone: node --import tsx bench/acknowledge.ts [HOLD_MS]
if (process.argv[1]?.endsWith('acknowledge.ts')) {
  const figures = await measureAcknowledgements(Number(process.argv[2] ?? 2000), (m) => process.stderr.write(`${m}\n`));
  console.log(JSON.stringify(figures, null, 2));
}
