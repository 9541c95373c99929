// Start-up as `npm start` runs it (settings from the environment → corpus → bot): a missing or
// malformed setting and a rejected token each stop it with one plain line; a stop request ends it cleanly.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDiscord, runRegister, type RunIo } from '../../src/discord/runDiscord.ts';
import { DiscordDouble } from './double/DiscordDouble.ts';
import { poll, tempDataDir } from './botHarness.ts';

const root = path.resolve(import.meta.dirname, '../..');
const corpus = path.join(root, 'tests/fixtures/discord-corpus');

function io(env: Record<string, string | undefined>) {
  const err: string[] = [];
  const out: string[] = [];
  const logs: string[] = [];
  const sink: RunIo = { err: (l) => err.push(l), out: (l) => out.push(l), env, logSink: (l) => logs.push(l) };
  return { sink, err, out, logs };
}

describe('start-up', () => {
  let d: DiscordDouble;
  let env: Record<string, string>;

  beforeAll(async () => {
    d = await DiscordDouble.start();
    env = {
      DISCORD_TOKEN: d.token,
      DISCORD_APPLICATION_ID: d.applicationId,
      DISCORD_GUILD_ID: d.guildId,
      DISCORD_API_URL: d.restBase,
      SOUNDBITE_CORPUS: corpus,
      SOUNDBITE_DATA_DIR: await tempDataDir(),
    };
  });

  afterAll(async () => {
    await d?.stop();
  });

  it('a missing setting stops start-up with one line naming it', async () => {
    const { sink, err } = io({ ...env, DISCORD_APPLICATION_ID: undefined });
    expect(await runDiscord(sink)).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^soundbite: Setting DISCORD_APPLICATION_ID is missing/)]);
  });

  it('a malformed setting stops start-up with one line naming it', async () => {
    const { sink, err } = io({ ...env, SOUNDBITE_MESSAGE_CONTENT: 'maybe' });
    expect(await runDiscord(sink)).toBe(1);
    expect(err).toEqual(['soundbite: Setting SOUNDBITE_MESSAGE_CONTENT is malformed: SOUNDBITE_MESSAGE_CONTENT must be true or false.']);
    const bad = io({ ...env, DISCORD_API_URL: 'discord.com' });
    expect(await runDiscord(bad.sink)).toBe(1);
    expect(bad.err[0]).toMatch(/^soundbite: Setting DISCORD_API_URL is malformed/);
  });

  it('a rejected token says so plainly, and the token is in no line', async () => {
    const wrong = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.wrong.not-the-real-token';
    const { sink, err, logs } = io({ ...env, DISCORD_TOKEN: wrong });
    expect(await runDiscord(sink, { bot: { rest: { retries: 0, timeout: 2000 }, readyTimeoutMs: 5000 } })).toBe(1);
    expect(err).toEqual(['soundbite: Discord rejected DISCORD_TOKEN (401 Unauthorized). Reset the token in the developer portal (Bot > Reset Token) and put the new one in .env.']);
    expect([...err, ...logs].join('\n')).not.toContain(wrong);
    const reg = io({ ...env, DISCORD_TOKEN: wrong });
    expect(await runRegister(reg.sink)).toBe(1);
    expect(reg.err[0]).toMatch(/Discord rejected DISCORD_TOKEN \(401 Unauthorized\)/);
  });

  it('registers globally without DISCORD_GUILD_ID', async () => {
    const { sink, out } = io({ ...env, DISCORD_GUILD_ID: undefined });
    expect(await runRegister(sink)).toBe(0);
    expect(out[0]).toBe('Registered 14 commands globally: Discord may take up to an hour to show them everywhere.');
    expect(out[1]).toBe(`Invite the bot with: https://discord.com/oauth2/authorize?client_id=${d.applicationId}&scope=bot%20applications.commands&permissions=309237730304`);
    expect(d.commands().map((c) => c.name)).toContain('who-said');
  });

  it('MessageContent requested but not allowed in the portal says what to switch on', async () => {
    const strict = await DiscordDouble.start({ messageContentIntentAllowed: false });
    try {
      const { sink, err } = io({ ...env, DISCORD_TOKEN: strict.token, DISCORD_APPLICATION_ID: strict.applicationId, DISCORD_API_URL: strict.restBase });
      expect(await runDiscord(sink, { bot: { rest: { retries: 0, timeout: 2000 }, readyTimeoutMs: 5000 } })).toBe(1);
      expect(err).toEqual([expect.stringMatching(/^soundbite: Discord refused the MessageContent intent \(close 4014\)\. Switch on "Message Content Intent"/)]);
    } finally {
      await strict.stop();
    }
  });

  it('an unreachable Discord is one line naming the address', async () => {
    const { sink, err } = io({ ...env, DISCORD_API_URL: 'http://127.0.0.1:9/api' });
    expect(await runDiscord(sink, { bot: { rest: { retries: 0, timeout: 1000 }, readyTimeoutMs: 3000 } })).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^soundbite: could not connect to Discord at http:\/\/127\.0\.0\.1:9\/api: /);
  });

  it('registers to the guild, starts, logs structured lines, and stops cleanly when asked', async () => {
    const reg = io(env);
    expect(await runRegister(reg.sink)).toBe(0);
    expect(reg.out[0]).toMatch(/^Registered 14 commands in guild \d+: they show up at once\.$/);
    expect(d.commands(d.guildId)).toHaveLength(14);

    let stop!: () => void;
    const stopWhen = new Promise<void>((resolve) => (stop = resolve));
    const { sink, out, logs } = io(env);
    const running = runDiscord(sink, { stopWhen, bot: { rest: { retries: 0, timeout: 2000 }, readyTimeoutMs: 5000 } });
    // Polled: the line is written after the last request, so the double has no change to wake on.
    await poll(() => out[0], 15_000, 'the online line');
    expect(out[0]).toMatch(/^Soundbite is online as soundbite, answering from \d+ passages\./);
    stop();
    expect(await running).toBe(0);
    const events = logs.map((l) => (JSON.parse(l) as { event: string }).event);
    expect(events).toEqual(['corpus_loaded', 'bot_ready', 'bot_stopped']);
    expect(logs.join('\n')).not.toContain(d.token);
  });

  it.each([
    [4004, /the token was rejected \(4004 Authentication failed\): it was reset or revoked/],
    [4010, /\(4010 Invalid shard\)/],
    [4011, /\(4011 Sharding required\)/],
    [4012, /\(4012 Invalid API version\)/],
    [4013, /\(4013 Invalid intents\)/],
    [4014, /the MessageContent intent is no longer allowed \(4014 Disallowed intents\)\. Switch on "Message Content Intent"/],
  ])('a gateway close %i after ready ends the run with one line and exit code 1', async (code, said) => {
    const { sink, out, err, logs } = io(env);
    const running = runDiscord(sink, { stopWhen: new Promise(() => undefined), bot: { rest: { retries: 0, timeout: 2000 }, readyTimeoutMs: 5000 } });
    await poll(() => out[0], 15_000, 'the online line');
    d.dropGatewayConnection(code);
    expect(await running).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^soundbite: Discord closed the connection for good, so Soundbite stopped: /)]);
    expect(err[0]).toMatch(said);
    expect(logs.map((l) => JSON.parse(l) as { event: string; code?: number })).toContainEqual(expect.objectContaining({ event: 'gateway_closed_for_good', code }));
  });

  it('a resumable close (4000) after ready does not end the run', async () => {
    let stop!: () => void;
    const stopWhen = new Promise<void>((resolve) => (stop = resolve));
    const { sink, out, err } = io(env);
    const running = runDiscord(sink, { stopWhen, bot: { rest: { retries: 0, timeout: 2000 }, readyTimeoutMs: 5000 } });
    await poll(() => out[0], 15_000, 'the online line');
    d.dropGatewayConnection(4000);
    await d.waitForGateway((e) => e.kind === 'resume' && e.accepted, 5000);
    const m = await d.slashCommand({ name: 'speakers' }).final({ timeoutMs: 5000 });
    expect(m.embeds[0]?.title).toMatch(/^Speakers/);
    stop();
    expect(await running).toBe(0);
    expect(err).toEqual([]);
  });

  it('a data folder that is a file is named as the setting at fault, not as a failure to reach Discord', async () => {
    const file = path.join(await tempDataDir(), 'data');
    writeFileSync(file, 'not a folder');
    const { sink, err } = io({ ...env, SOUNDBITE_DATA_DIR: file });
    expect(await runDiscord(sink, { bot: { rest: { retries: 0, timeout: 2000 }, readyTimeoutMs: 5000 } })).toBe(1);
    expect(err).toEqual([`soundbite: Setting SOUNDBITE_DATA_DIR cannot be used: ${file} is a file, not a folder. Point it at a folder Soundbite may write to.`]);
    const under = io({ ...env, SOUNDBITE_DATA_DIR: path.join(file, 'state') });
    expect(await runDiscord(under.sink)).toBe(1);
    expect(under.err[0]).toMatch(/^soundbite: Setting SOUNDBITE_DATA_DIR cannot be used: .* cannot be created: part of the path is a file, not a folder/);
  });

  /** `npm start` in its own process, with the environment alone configuring it (no .env in its folder); resolves once online. */
  async function npmStart() {
    const child = spawn(process.execPath, [path.join(root, 'bin/soundbite.mjs'), 'start'], {
      cwd: await tempDataDir(),
      env: { PATH: process.env.PATH ?? '', ...env, SOUNDBITE_DATA_DIR: await tempDataDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = { stdout: '', stderr: '' };
    child.stdout.on('data', (b: Buffer) => (out.stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out.stderr += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await poll(() => (out.stdout.includes('Soundbite is online') ? true : undefined), 15_000, `the online line (stderr: ${out.stderr})`);
    return { child, out, exited };
  }

  it('npm start exits non-zero, saying why, when Discord revokes the token while it runs', async () => {
    const { out, exited } = await npmStart();
    d.dropGatewayConnection(4004);
    expect(await exited).toBe(1);
    expect(out.stderr).toContain('soundbite: Discord closed the connection for good, so Soundbite stopped: the token was rejected (4004 Authentication failed)');
  }, 20_000);

  it('npm start with a token starts the bot (main dispatch), and SIGTERM stops it cleanly', async () => {
    const { child, out, exited } = await npmStart();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const stderr = out.stderr;
    const events = stderr.trim().split('\n').map((l) => (JSON.parse(l) as { event: string }).event);
    expect(events).toEqual(['corpus_loaded', 'bot_ready', 'bot_stopped']);
    expect(stderr).not.toContain(d.token);
  }, 20_000);
});
