// The small pieces of the Discord adapter: settings, command payloads, custom ids, escaping,
// thread names, mention stripping.
import { describe, expect, it } from 'vitest';
import { botSettings, readSettings } from '../../src/app/config.ts';
import { commandPayloads, fitDescription } from '../../src/discord/commandPayloads.ts';
import { customId, parseCustomId } from '../../src/discord/components.ts';
import { clip, escapeText } from '../../src/discord/escapeText.ts';
import { BOT_PERMISSIONS, inviteUrl } from '../../src/discord/invite.ts';
import { createLogger } from '../../src/discord/log.ts';
import { followUpText, threadName } from '../../src/discord/threads.ts';

describe('settings', () => {
  it('defaults', () => {
    expect(readSettings({})).toEqual({
      ok: true,
      settings: { token: undefined, applicationId: undefined, guildId: undefined, apiUrl: 'https://discord.com/api', corpusDir: 'corpus/', dataDir: '.soundbite/', messageContent: true },
    });
  });

  it('an empty line in .env means unset', () => {
    const r = readSettings({ DISCORD_GUILD_ID: '', SOUNDBITE_MESSAGE_CONTENT: 'false' });
    expect(r.ok && r.settings.guildId).toBe(undefined);
    expect(r.ok && r.settings.messageContent).toBe(false);
  });

  it('names the malformed or missing setting in one line', () => {
    expect(readSettings({ DISCORD_GUILD_ID: 'my-server' })).toEqual({ ok: false, message: 'Setting DISCORD_GUILD_ID is malformed: DISCORD_GUILD_ID must be the numeric id Discord shows (15 to 21 digits).' });
    expect(readSettings({ DISCORD_TOKEN: 'Bot abc.def.ghi' })).toMatchObject({ ok: false, message: expect.stringMatching(/^Setting DISCORD_TOKEN is malformed/) });
    const s = readSettings({ DISCORD_TOKEN: 'abc.def.ghi' });
    if (!s.ok) throw new Error(s.message);
    expect(botSettings(s.settings)).toMatchObject({ ok: false, message: expect.stringMatching(/^Setting DISCORD_APPLICATION_ID is missing/) });
  });
});

describe('command payloads', () => {
  it('stay within Discord\'s limits, with required options first', () => {
    for (const c of commandPayloads()) {
      expect(c.name.length).toBeLessThanOrEqual(32);
      if ('description' in c && c.description !== undefined) expect(c.description.length).toBeLessThanOrEqual(100);
      const opts = 'options' in c ? (c.options ?? []) : [];
      for (const o of opts) expect(o.description.length).toBeLessThanOrEqual(100);
      const req = opts.map((o) => ('required' in o ? Boolean(o.required) : false));
      expect(req).toEqual([...req].sort((a, b) => Number(b) - Number(a)));
    }
  });

  it('cut a long description at a word with an ellipsis', () => {
    const d = fitDescription('word '.repeat(40));
    expect(d.length).toBeLessThanOrEqual(100);
    expect(d.endsWith('word…')).toBe(true);
  });
});

describe('custom ids', () => {
  it('round-trip and fit in 100 characters', () => {
    const id = customId({ verb: 'page', key: 'abc123xyz0', page: 12 });
    expect(id).toBe('sb1:p:abc123xyz0:12');
    expect(parseCustomId(id)).toEqual({ verb: 'page', key: 'abc123xyz0', page: 12 });
    expect(parseCustomId('sb1:w:abc123xyz0')).toEqual({ verb: 'wrong', key: 'abc123xyz0' });
  });

  it('reject anything else', () => {
    for (const bad of ['', 'sb0:p:abc', 'sb1:q:abc', 'sb1:p:ABC', 'sb1:p:abc:x', 'x'.repeat(100)]) expect(parseCustomId(bad)).toBe(null);
  });
});

describe('escaping and clipping', () => {
  it('leaves plain text alone', () => {
    expect(escapeText('The President remains receptive, he said.')).toBe('The President remains receptive, he said.');
  });

  it('neutralises line-start markdown', () => {
    expect(escapeText('# Heading\n> quote\n- item')).toBe('\\# Heading\n\\> quote\n\\- item');
  });

  it('clips at a word with an ellipsis, never after a lone backslash', () => {
    expect(clip('one two three four', 10)).toBe('one two…');
    expect(clip('short', 10)).toBe('short');
    expect(clip('aaaa \\*bbbbbbbbb', 7)).toBe('aaaa…');
  });
});

describe('threads', () => {
  it('are named after the question, within 100 characters', () => {
    expect(threadName({ command: 'who-said', query: 'read my lips', page: 1 })).toBe('Who said “read my lips”?');
    expect(threadName({ command: 'timeline', query: 'ferry', page: 1 })).toBe('timeline: ferry');
    const long = threadName({ command: 'who-said', query: 'word '.repeat(50), page: 1 });
    expect([...long].length).toBeLessThanOrEqual(100);
    expect(long.endsWith('…')).toBe(true);
  });

  it('strip the bot mention from a follow-up', () => {
    expect(followUpText('<@42> when was that?', '42')).toBe('when was that?');
    expect(followUpText('more <@!42>', '42')).toBe('more');
    expect(followUpText('<@43> more', '42')).toBe('<@43> more');
  });
});

describe('log', () => {
  it('writes one JSON line per event and never the token', () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l), ['MTAw.secret.token'], () => new Date('2025-01-01T00:00:00Z'));
    log.error('interaction_failed', { interactionId: '1', ref: 'ABC123', err: new Error('bad MTAw.secret.token here') });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('MTAw.secret.token');
    expect(JSON.parse(lines[0]!)).toMatchObject({ time: '2025-01-01T00:00:00.000Z', level: 'error', event: 'interaction_failed', interactionId: '1', ref: 'ABC123', err: { message: 'bad [redacted] here' } });
  });
});

describe('invite', () => {
  it('asks for the scopes and exactly the permissions the bot uses', () => {
    expect(BOT_PERMISSIONS.toString()).toBe('309237730304');
    expect(inviteUrl('123456789012345678')).toBe('https://discord.com/oauth2/authorize?client_id=123456789012345678&scope=bot%20applications.commands&permissions=309237730304');
  });
});
