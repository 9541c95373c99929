// /ingest's download is bounded: an attachment whose server stalls is given up on with a
// sentence, and one that sends more than the limit is not read past it. The attachments here
// are served by a loopback server of the test's own, standing in for Discord's CDN.
import { readdirSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/app/openCorpus.ts';
import { createLogger } from '../../src/discord/log.ts';
import { startBot, type Bot } from '../../src/discord/startBot.ts';
import { BRIDGE, PORT, tempCorpus, type TempCorpus } from '../app/corpusFiles.ts';
import { DiscordDouble } from './double/DiscordDouble.ts';
import { register } from './botHarness.ts';

describe('/ingest downloads within bounds', () => {
  let d: DiscordDouble;
  let c: TempCorpus;
  let bot: Bot;
  let cdn: Server;
  let cdnBase: string;
  let served = 0;

  beforeAll(async () => {
    cdn = createServer((req, res) => {
      res.writeHead(200);
      if (req.url === '/stalls') return void res.write(PORT.slice(0, 100));
      // Endless: far past the 5 MB an upload may be, counted as it goes.
      const timer = setInterval(() => {
        served += 256 * 1024;
        res.write(Buffer.alloc(256 * 1024, 0x61));
      }, 1);
      res.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
    cdnBase = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
    d = await DiscordDouble.start();
    c = tempCorpus({ 'bridge.md': BRIDGE });
    const opened = await openCorpus(c.corpus, { dataDir: c.data });
    await register(d);
    bot = await startBot({
      settings: { token: d.token, apiUrl: d.restBase, dataDir: await mkdtemp(path.join(tmpdir(), 'soundbite-data-')), messageContent: true },
      live: opened.live,
      log: createLogger(() => undefined, [d.token]),
      rest: { retries: 0, timeout: 5000 },
      readyTimeoutMs: 5000,
      downloadTimeoutMs: 400,
    });
  });

  afterAll(async () => {
    await bot?.stop();
    await d?.stop();
    cdn.closeAllConnections();
    cdn.close();
    rmSync(c.root, { recursive: true, force: true });
  });

  /** An attachment Discord describes as small, served from `route` of the test's CDN. */
  const ingestFrom = (route: string) => {
    const a = { ...d.uploadAttachment('port.md', Buffer.from(PORT)), url: `${cdnBase}${route}` };
    return d.slashCommand({ name: 'ingest', options: { file: a.id }, resolved: { attachments: { [a.id]: a } }, memberPermissions: PermissionFlagsBits.ManageGuild }).final({ timeoutMs: 10_000 });
  };

  it('gives up on a download that stalls, says so, and adds nothing', async () => {
    const m = await ingestFrom('/stalls');
    expect(m.content).toMatch(/took longer than/);
    expect(readdirSync(c.corpus)).toEqual(['bridge.md']);
  });

  it('stops reading an attachment that runs past the upload limit, says so, and adds nothing', async () => {
    const m = await ingestFrom('/endless');
    expect(m.content).toMatch(/larger than the 5 MB/);
    expect(served).toBeLessThan(20 * 1024 * 1024);
    expect(readdirSync(c.corpus)).toEqual(['bridge.md']);
  });
});
