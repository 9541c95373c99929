// The small pieces of the Discord adapter: settings, command payloads, custom ids, escaping,
// thread names, mention stripping.
import { describe, expect, it } from 'vitest';
import { botSettings, readSettings } from '../../src/app/config.ts';
import { commandPayloads, fitDescription } from '../../src/discord/commandPayloads.ts';
import { customId, parseCustomId } from '../../src/discord/components.ts';
import { clip, clipMiddle, codeSpan, escapeText, nameText, plainName } from '../../src/discord/escapeText.ts';
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

  it('neutralises what reorders or hides text: controls and bidi overrides everywhere, line breaks and marks in names', () => {
    // U+202E (right-to-left override) would show "cod.exe" as "exe.doc"; U+2066 isolates likewise.
    expect(escapeText('a\u202ecod.exe\u2066b\u0007c\nd')).toBe('a\ufffdcod.exe\ufffdb\ufffdc\nd');
    expect(plainName('Mara\nQuell\u200f\u202e')).toBe('Mara\ufffdQuell\ufffd\ufffd');
    expect(nameText('**Mara** <@123>\r\n@everyone')).toBe('\\*\\*Mara\\*\\* <\u200b@123>\ufffd\ufffd@\u200beveryone');
    // Arabic or Hebrew text itself is left as it is.
    expect(nameText('مرحبا שלום')).toBe('مرحبا שלום');
  });

  it('code spans keep a name on one line and inside the span', () => {
    expect(codeSpan('a`b\nc.txt, line 4')).toBe('`aʼb\ufffdc.txt, line 4`');
  });

  it.each([
    ['short.txt', 20, 'short.txt'],
    ['abcdefghijklmnopqrstuvwxyz', 26, 'abcdefghijklmnopqrstuvwxyz'],
    ['abcdefghijklmnopqrstuvwxyz', 25, 'abcdefghi…lmnopqrstuvwxyz'],
    ['abcdefghijklmnopqrstuvwxyz', 11, 'abcd…uvwxyz'],
    ['press/2025/03/press-briefing-by-the-press-secretary-march-4.md', 30, 'press/2025/…cretary-march-4.md'],
    ['ab', 1, '…'],
  ])('clipMiddle(%j, %i) = %j', (text, max, want) => {
    expect(clipMiddle(text, max)).toBe(want);
    expect([...clipMiddle(text, max)].length).toBeLessThanOrEqual(max);
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
    expect(threadName({ command: 'who-said', query: 'read my \u202elips\nnow', page: 1 })).toBe('Who said “read my \ufffdlips now”?');
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
