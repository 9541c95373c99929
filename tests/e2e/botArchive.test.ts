// The living archive in Discord, against the loopback double: /stats, /reload (Manage Server
// only) and /ingest with an attachment the double serves: a good file is added and answered
// from at once, a bad one refused with its lines and nothing written, a duplicate recognised.
import { readdirSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCorpus, type OpenedCorpus } from '../../src/app/openCorpus.ts';
import { createLogger } from '../../src/discord/log.ts';
import { startBot, type Bot } from '../../src/discord/startBot.ts';
import { BRIDGE, PORT, tempCorpus, type TempCorpus } from '../app/corpusFiles.ts';
import { DiscordDouble } from './double/DiscordDouble.ts';
import { register } from './botHarness.ts';

const EPHEMERAL = MessageFlags.Ephemeral as number;
const MANAGE_SERVER = PermissionFlagsBits.ManageGuild;

describe('archive commands in Discord', () => {
  let d: DiscordDouble;
  let c: TempCorpus;
  let opened: OpenedCorpus;
  let bot: Bot;

  beforeAll(async () => {
    d = await DiscordDouble.start({ rejectPolicyViolations: true });
    c = tempCorpus({ 'bridge.md': BRIDGE });
    opened = await openCorpus(c.corpus, { dataDir: c.data });
    await register(d);
    const live = opened.live;
    bot = await startBot({
      settings: { token: d.token, apiUrl: d.restBase, dataDir: await mkdtemp(path.join(tmpdir(), 'soundbite-data-')), messageContent: true },
      index: () => live.index,
      live,
      log: createLogger(() => undefined, [d.token]),
      rest: { retries: 0, timeout: 2000 },
      readyTimeoutMs: 5000,
    });
  });

  afterAll(async () => {
    await bot?.stop();
    await d?.stop();
    rmSync(c.root, { recursive: true, force: true });
  });

  const ingest = (filename: string, text: string | Buffer, perms: bigint = MANAGE_SERVER) => {
    const a = d.uploadAttachment(filename, Buffer.from(text));
    return d.slashCommand({ name: 'ingest', options: { file: a.id }, resolved: { attachments: { [a.id]: a } }, memberPermissions: perms }).final({ timeoutMs: 5000 });
  };

  it('registers /ingest and /reload for those who can manage the server, /stats for all', () => {
    const cmds = new Map(d.commands(d.guildId).map((cmd) => [cmd.name, cmd]));
    expect(cmds.get('ingest')).toMatchObject({ default_member_permissions: String(MANAGE_SERVER), options: [expect.objectContaining({ name: 'file', type: 11, required: true })] });
    expect(cmds.get('reload')).toMatchObject({ default_member_permissions: String(MANAGE_SERVER) });
    expect(cmds.get('stats')?.default_member_permissions ?? null).toBeNull();
  });

  it('/stats shows files, passages, speakers and dates, privately', async () => {
    const m = await d.slashCommand({ name: 'stats' }).final();
    expect(m.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(m.content).toContain('**1** files (1 indexed), **3** passages, **1** speakers, 2024-03-04 to 2024-03-04.');
  });

  it('/ingest adds a good transcript, says what it found, and answers from it at once', async () => {
    const m = await ingest('port.md', PORT);
    expect(m.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(m.content).toContain('**Added** `port.md` (briefing): 3 passages, aired 2024-03-05. It is searchable now.');
    expect(m.content).toContain('Speakers: Sam Park (2).');
    expect(readdirSync(c.corpus).sort()).toEqual(['bridge.md', 'port.md']);
    const answer = await d.slashCommand({ name: 'who-said', options: { quote: 'the cranes move again at the container terminal' } }).final({ timeoutMs: 5000 });
    expect(JSON.stringify(answer.embeds)).toContain('Sam Park');
  });

  it('/ingest recognises the same content uploaded again', async () => {
    const m = await ingest('port-again.md', PORT);
    expect(m.content).toContain('**Already in the archive** as `port.md`: nothing added');
    expect(readdirSync(c.corpus).sort()).toEqual(['bridge.md', 'port.md']);
  });

  it('/ingest refuses a bad file with its lines, and writes nothing', async () => {
    const m = await ingest('empty.md', "---\ndate: '2024-03-06'\ntitle: 'Press Briefing'\n---\n\n");
    expect(m.content).toMatch(/^\*\*Not added\.\*\* empty\.md has 1 problem/);
    expect(m.content).toMatch(/`empty\.md:\d+` error: The briefing has no words after its front matter/);
    const wrong = await ingest('notes.pdf', '%PDF-1.4');
    expect(wrong.content).toContain('notes.pdf is not a transcript file');
    expect(readdirSync(c.corpus).sort()).toEqual(['bridge.md', 'port.md']);
  });

  it('/reload is refused without Manage Server, and re-reads everything with it', async () => {
    const no = await d.slashCommand({ name: 'reload', memberPermissions: 0n }).final();
    expect(no.content).toBe('Only people who can manage this server can reload the archive.');
    const yes = await d.slashCommand({ name: 'reload', memberPermissions: MANAGE_SERVER }).final({ timeoutMs: 5000 });
    expect(yes.content).toContain('Re-read 2 files.');
    expect(yes.content).toContain('**2** files (2 indexed), **6** passages');
  });
});
