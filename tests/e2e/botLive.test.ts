// The bot as `npm start` runs it follows its corpus folder: a transcript dropped in while it runs
// is answered within seconds, one removed stops being answered, and the next start loads the
// snapshot saved on the way out.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDiscord, type RunIo } from '../../src/discord/runDiscord.ts';
import { BRIDGE, PORT, tempCorpus, type TempCorpus } from '../app/corpusFiles.ts';
import { DiscordDouble } from './double/DiscordDouble.ts';
import { poll, register } from './botHarness.ts';

describe('the running bot follows its corpus folder', () => {
  let d: DiscordDouble;
  let c: TempCorpus;

  beforeAll(async () => {
    d = await DiscordDouble.start();
    c = tempCorpus({ 'bridge.md': BRIDGE });
    await register(d);
  });

  afterAll(async () => {
    await d?.stop();
    rmSync(c.root, { recursive: true, force: true });
  });

  function start() {
    const out: string[] = [];
    const logs: Array<Record<string, unknown>> = [];
    const sink: RunIo = {
      err: () => undefined,
      out: (l) => out.push(l),
      env: { DISCORD_TOKEN: d.token, DISCORD_APPLICATION_ID: d.applicationId, DISCORD_GUILD_ID: d.guildId, DISCORD_API_URL: d.restBase, SOUNDBITE_CORPUS: c.corpus, SOUNDBITE_DATA_DIR: c.data },
      logSink: (l) => logs.push(JSON.parse(l) as Record<string, unknown>),
    };
    let stop!: () => void;
    const stopWhen = new Promise<void>((resolve) => (stop = resolve));
    const running = runDiscord(sink, { stopWhen, bot: { rest: { retries: 0, timeout: 2000 }, readyTimeoutMs: 5000 } });
    return { out, logs, stop, running };
  }

  const whoSaid = async (quote: string) => JSON.stringify((await d.slashCommand({ name: 'who-said', options: { quote } }).final({ timeoutMs: 5000 })).embeds);

  it('answers from a file added while it runs, forgets a removed one, and restarts from the snapshot', async () => {
    const first = start();
    await poll(() => first.out[0], 10_000, 'the online line');
    expect(first.logs.find((l) => l.event === 'corpus_loaded')).toMatchObject({ load: 'rebuilt', reread: 1 });
    expect(await whoSaid('the cranes move again at the container terminal')).not.toContain('Sam Park');

    c.write('port.md', PORT);
    await poll(() => first.logs.find((l) => l.event === 'corpus_updated'), 10_000, 'the corpus update');
    expect(await whoSaid('the cranes move again at the container terminal')).toContain('Sam Park');

    rmSync(path.join(c.corpus, 'port.md'));
    await poll(() => (first.logs.filter((l) => l.event === 'corpus_updated').length >= 2 ? true : undefined), 10_000, 'the removal');
    expect(await whoSaid('the cranes move again at the container terminal')).not.toContain('Sam Park');
    first.stop();
    expect(await first.running).toBe(0);

    const second = start();
    await poll(() => second.out[0], 10_000, 'the online line after a restart');
    expect(second.logs.find((l) => l.event === 'corpus_loaded')).toMatchObject({ load: 'snapshot', reread: 0 });
    second.stop();
    expect(await second.running).toBe(0);
  }, 60_000);
});
