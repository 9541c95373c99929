// The living archive in Discord, against the loopback double: /stats, /reload and /ingest with
// an attachment the double serves: a good file is added and answered from at once, a bad one
// refused with its lines and nothing written, a duplicate recognised. Who may: admin commands
// are offered in servers only; /reload follows Discord's permission settings; /ingest checks
// again itself that it runs in a server, for a member Discord reports can manage it.
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

  const ingest = (filename: string, text: string | Buffer, perms: bigint = MANAGE_SERVER, where: { inDm?: boolean } = {}) => {
    const a = d.uploadAttachment(filename, Buffer.from(text));
    const dm = where.inDm ? { inDm: true, ignoreContexts: true } : {};
    return d.slashCommand({ name: 'ingest', options: { file: a.id }, resolved: { attachments: { [a.id]: a } }, memberPermissions: perms, ...dm }).final({ timeoutMs: 5000 });
  };

  it('registers /ingest and /reload for those who can manage the server, /stats for all, all three in servers only', () => {
    const cmds = new Map(d.commands(d.guildId).map((cmd) => [cmd.name, cmd]));
    expect(cmds.get('ingest')).toMatchObject({ default_member_permissions: String(MANAGE_SERVER), options: [expect.objectContaining({ name: 'file', type: 11, required: true })] });
    expect(cmds.get('reload')).toMatchObject({ default_member_permissions: String(MANAGE_SERVER) });
    expect(cmds.get('stats')?.default_member_permissions ?? null).toBeNull();
    for (const name of ['ingest', 'reload', 'stats']) expect(cmds.get(name), name).toMatchObject({ contexts: [0], integration_types: [0] });
    // Questions are offered in a DM with the bot too, never as a user-installed app.
    for (const name of ['who-said', 'timeline', 'quotes', 'search', 'context', 'speakers', 'help', 'Who said this?']) {
      expect(cmds.get(name), name).toMatchObject({ contexts: [0, 1], integration_types: [0] });
    }
    expect(() => d.slashCommand({ name: 'ingest', inDm: true })).toThrow(/does not offer \/ingest in DMs/);
  });

  it('answers a question asked in a DM with the bot, without a thread', async () => {
    const m = await d.slashCommand({ name: 'who-said', inDm: true, options: { quote: 'the bridge over the harbour opens to traffic on thursday' } }).final({ timeoutMs: 5000 });
    expect(m.channel_id).not.toBe(d.channelId);
    expect(m.embeds[0]?.title).toBe('Exact match');
    expect(d.threads().some((t) => t.id === m.id)).toBe(false);
  });

  it('/ingest refuses a member Discord reports without Manage Server, and an interaction from a DM, writing nothing', async () => {
    const member = await ingest('port-by-member.md', PORT, 0n);
    expect(member.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(member.content).toBe('Adding transcripts needs the Manage Server permission in this server, and Discord reports that you do not have it.');
    const dm = await ingest('port-from-dm.md', PORT, MANAGE_SERVER, { inDm: true });
    expect(dm.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(dm.content).toBe('/ingest works only in a server, where its admins decide who may use it.');
    expect(readdirSync(c.corpus).sort()).toEqual(['bridge.md']);
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

  it('/reload follows Discord: a member an admin let use it (Integrations) without Manage Server re-reads everything', async () => {
    const granted = await d.slashCommand({ name: 'reload', memberPermissions: 0n }).final({ timeoutMs: 5000 });
    expect(granted.content).toContain('Re-read 2 files.');
    expect(granted.content).toContain('**2** files (2 indexed), **6** passages');
    const dm = await d.slashCommand({ name: 'reload', inDm: true, ignoreContexts: true }).final();
    expect(dm.content).toBe('/reload works only in a server, where its admins decide who may use it.');
  });
});
