// Self-test of the Discord double with a bare discord.js Client (no Soundbite
// code): if these pass, the bot's e2e tests can trust what the double reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  Events,
  GatewayIntentBits,
  Partials,
  type Interaction,
  type Message,
} from 'discord.js';
import { InteractionResponseType } from 'discord-api-types/v10';
import { WebSocket } from 'ws';
import { DiscordDouble } from './double/DiscordDouble.ts';

function makeClient(d: DiscordDouble, intents: GatewayIntentBits[]): Client {
  return new Client({
    intents,
    partials: [Partials.Channel],
    rest: { api: d.restBase, retries: 0, timeout: 2000 },
    allowedMentions: { parse: [] },
  });
}

const ALL = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent];

/** The next interaction the client receives, or a rejection after `ms`. */
function nextInteraction(client: Client, ms = 2000): Promise<Interaction> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no interaction within ${ms} ms`)), ms);
    client.once(Events.InteractionCreate, (i) => {
      clearTimeout(timer);
      resolve(i);
    });
  });
}

/** The next message from a human (the double echoes the bot's own messages too). */
function nextHumanMessage(client: Client, ms = 2000): Promise<Message> {
  return new Promise((resolve, reject) => {
    const handler = (m: Message): void => {
      if (m.author.bot) return;
      clearTimeout(timer);
      client.off(Events.MessageCreate, handler);
      resolve(m);
    };
    const timer = setTimeout(() => {
      client.off(Events.MessageCreate, handler);
      reject(new Error(`no human message within ${ms} ms`));
    }, ms);
    client.on(Events.MessageCreate, handler);
  });
}

describe('DiscordDouble with a bare discord.js client', () => {
  let d: DiscordDouble;
  let client: Client;

  beforeAll(async () => {
    d = await DiscordDouble.start();
    client = makeClient(d, ALL);
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    const t0 = Date.now();
    await client.login(d.token);
    await ready;
    // GUILD_CREATE arrived, so ready did not wait out discord.js's 15 s guild timeout.
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  afterAll(async () => {
    await client?.destroy();
    await d?.stop();
  });

  it('reaches ready with the guild, its channel and roles cached', () => {
    const guild = client.guilds.cache.get(d.guildId);
    expect(guild?.name).toBe('Soundbite Newsroom');
    expect(guild?.channels.cache.get(d.channelId)?.isTextBased()).toBe(true);
    expect(guild?.roles.cache.size).toBe(3);
    expect(client.user?.id).toBe(d.applicationId);
    expect(d.identifiedIntents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.MessageContent);
  });

  it('registers commands and delivers a slash command the client replies to', async () => {
    await client.application!.commands.set(
      [{ name: 'whosaid', description: 'Who said that?', options: [{ name: 'quote', description: 'Words', type: 3, required: true }] }],
      d.guildId,
    );
    expect(d.commands(d.guildId).map((c) => c.name)).toEqual(['whosaid']);

    const arriving = nextInteraction(client);
    const h = d.slashCommand({ name: 'whosaid', options: { quote: 'read my lips' } });
    const interaction = await arriving;
    expect(interaction.isChatInputCommand()).toBe(true);
    if (!interaction.isChatInputCommand()) return;
    expect(interaction.options.getString('quote')).toBe('read my lips');
    expect(interaction.commandId).toBe(d.commands(d.guildId)[0]!.id);
    await interaction.reply({ content: 'Nobody said that.' });

    const cb = await h.response();
    expect(cb.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect((await h.final()).content).toBe('Nobody said that.');
    expect(d.messagesIn().at(-1)?.content).toBe('Nobody said that.');
  });

  it('shows an editReply after a deferral as the final message', async () => {
    const arriving = nextInteraction(client);
    const h = d.slashCommand({ name: 'whosaid', options: { quote: 'slow one' } });
    const interaction = await arriving;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply({ flags: 64 });
    expect((await h.response()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const edited = await interaction.editReply({ content: 'Found it, eventually.' });
    expect(edited.content).toBe('Found it, eventually.');
    const final = await h.final();
    expect(final.content).toBe('Found it, eventually.');
    expect((final.flags ?? 0) & 64).toBe(64);
    // The edit used the interaction webhook, with @original URL-encoded.
    const patch = await d.waitFor('PATCH /webhooks/*/*/messages/@original');
    expect(patch.rawPath).toContain('%40original');
    expect(patch.hadAuthorization).toBe(false);

    const follow = await interaction.followUp({ content: 'And one more thing.' });
    expect(follow.content).toBe('And one more thing.');
    expect(h.followUps().map((m) => m.content)).toEqual(['And one more thing.']);
  });

  it('delivers a button click with its message and records the update', async () => {
    const channel = client.channels.cache.get(d.channelId);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('more:1').setLabel('More').setStyle(ButtonStyle.Primary),
    );
    const sent = await channel.send({ content: 'Result 1', components: [row] });
    const stored = d.messagesIn().find((m) => m.id === sent.id);
    expect(stored?.components).toHaveLength(1);

    const arriving = nextInteraction(client);
    const h = d.clickButton({ customId: 'more:1', message: stored! });
    const interaction = await arriving;
    if (!interaction.isButton()) throw new Error('expected a button');
    expect(interaction.customId).toBe('more:1');
    expect(interaction.message.id).toBe(sent.id);
    await interaction.update({ content: 'Result 2', components: [] });
    expect((await h.final()).content).toBe('Result 2');
    expect(d.message(sent.id)?.content).toBe('Result 2');
  });

  it('starts a thread on a message; a journalist message in it reaches the client', async () => {
    const channel = client.channels.cache.get(d.channelId);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const starter = await channel.send({ content: 'Quote of the day' });
    const thread = await starter.startThread({ name: 'Quote discussion' });
    expect(thread.id).toBe(starter.id);
    expect(d.threads().map((t) => t.id)).toContain(starter.id);

    const arriving = nextHumanMessage(client);
    d.userMessage({ channelId: thread.id, content: 'Who said it first?' });
    const got = await arriving;
    expect(got.channelId).toBe(thread.id);
    expect(got.content).toBe('Who said it first?');

    await thread.send({ content: 'Looking it up.' });
    expect(d.messagesIn(thread.id).map((m) => m.content)).toEqual(['Who said it first?', 'Looking it up.']);
  });

  it('answers a body over a Discord limit with 400 and records it', async () => {
    const channel = client.channels.cache.get(d.channelId);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    await expect(channel.send({ content: 'x'.repeat(2001) })).rejects.toThrow(/content\[BASE_TYPE_MAX_LENGTH\]/);
    expect(d.limitViolations()).toEqual([expect.objectContaining({ kind: 'discord', path: ['content'] })]);
  });

  it('parses multipart bodies: payload_json plus files', async () => {
    const channel = client.channels.cache.get(d.channelId);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const sent = await channel.send({ content: 'Transcript attached', files: [{ attachment: Buffer.from('HOST: hello'), name: 'excerpt.txt' }] });
    const req = await d.waitFor((r) => r.method === 'POST' && r.files.length === 1);
    expect(req.body).toMatchObject({ content: 'Transcript attached' });
    expect(req.files[0]?.data.toString()).toBe('HOST: hello');
    expect(sent.attachments.first()?.name).toBe('excerpt.txt');
    const download = await fetch(sent.attachments.first()!.url);
    expect(await download.text()).toBe('HOST: hello');
  });

  it('lets the client ride out an injected 429', async () => {
    d.failNext('POST /channels/*/messages', { status: 429, retryAfter: 0.05 });
    const channel = client.channels.cache.get(d.channelId);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const sent = await channel.send({ content: 'after the rate limit' });
    expect(sent.content).toBe('after the rate limit');
    expect(d.requests('POST /channels/*/messages').filter((r) => r.fault === 'fail')).toHaveLength(1);
  });

  it('answers autocomplete and a message context menu', async () => {
    let arriving = nextInteraction(client);
    const ac = d.autocomplete({ name: 'whosaid', options: { quote: 'rea' } });
    const focused = await arriving;
    if (!focused.isAutocomplete()) throw new Error('expected autocomplete');
    expect(focused.options.getFocused()).toBe('rea');
    await focused.respond([{ name: 'read my lips', value: 'read my lips' }]);
    const cb = await ac.response();
    expect(cb.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(cb.data).toEqual({ choices: [{ name: 'read my lips', value: 'read my lips' }] });

    const target = d.userMessage({ content: 'I never said that' });
    arriving = nextInteraction(client);
    const cm = d.messageContextMenu({ name: 'Who said this?', targetMessage: target });
    const menu = await arriving;
    if (!menu.isMessageContextMenuCommand()) throw new Error('expected a message context menu');
    expect(menu.targetMessage.content).toBe('I never said that');
    await menu.reply({ content: 'Checking.', flags: 64 });
    // Ephemeral replies are not echoed into the channel.
    expect((await cm.final()).content).toBe('Checking.');
    expect(d.messagesIn().some((m) => m.content === 'Checking.')).toBe(false);
  });

  it('resumes after a dropped gateway connection and replays events sent while down', async () => {
    const resumed = new Promise<void>((resolve) => client.once(Events.ShardResume, () => resolve()));
    const arriving = nextInteraction(client);
    d.dropGatewayConnection(4000);
    // Sent while the socket is closing: only RESUME's replay can deliver it.
    d.slashCommand({ name: 'whosaid', options: { quote: 'still there?' } });
    await resumed;
    expect(d.gatewayLog()).toContainEqual(expect.objectContaining({ kind: 'resume', accepted: true, replayed: 1 }));
    expect(d.gatewayLog()).toContainEqual({ kind: 'connect', path: '/gateway/resume?v=10&encoding=json' });
    expect((await arriving).isChatInputCommand()).toBe(true);
  });

  it('made no request the double did not know', () => {
    expect(d.unknownRequests()).toEqual([]);
    expect(d.limitViolations().filter((v) => v.kind === 'policy')).toEqual([]);
  });
});

describe('DiscordDouble without the MessageContent intent', () => {
  it('blanks journalists\u2019 content unless the bot is mentioned', async () => {
    const d = await DiscordDouble.start();
    const client = makeClient(d, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
    try {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(d.token);
      await ready;
      const plain = nextHumanMessage(client);
      d.userMessage({ content: 'secret quote' });
      expect((await plain).content).toBe('');
      const mentioned = nextHumanMessage(client);
      d.userMessage({ content: 'who said this?', mentionsBot: true });
      expect((await mentioned).content).toBe(`<@${d.applicationId}> who said this?`);
    } finally {
      await client.destroy();
      await d.stop();
    }
  });
});

describe('DiscordDouble interaction deadline', () => {
  it('answers a first response after the deadline with 404 Unknown interaction', async () => {
    const d = await DiscordDouble.start({ interactionDeadlineMs: 50 });
    const client = makeClient(d, [GatewayIntentBits.Guilds]);
    try {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(d.token);
      await ready;
      const arriving = nextInteraction(client);
      d.slashCommand({ name: 'whosaid', options: { quote: 'too slow' } });
      const interaction = await arriving;
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await new Promise((r) => setTimeout(r, 100));
      await expect(interaction.reply({ content: 'late' })).rejects.toThrow('Unknown interaction');
    } finally {
      await client.destroy();
      await d.stop();
    }
  });
});

describe('DiscordDouble with a wrong token', () => {
  it('closes the gateway with 4004 on an IDENTIFY with a wrong token', async () => {
    const d = await DiscordDouble.start();
    const ws = new WebSocket(`${d.gatewayUrl}?v=10&encoding=json`);
    try {
      const code = await new Promise<number>((resolve) => {
        ws.on('message', () => ws.send(JSON.stringify({ op: 2, d: { token: 'nope', intents: 1, properties: {} } })));
        ws.on('close', (c) => resolve(c));
      });
      expect(code).toBe(4004);
    } finally {
      ws.terminate();
      await d.stop();
    }
  });

  it('rejects login with 401', async () => {
    const d = await DiscordDouble.start({ token: 'the-right-token' });
    const client = makeClient(d, ALL);
    try {
      // discord.js turns the 401 on GET /gateway/bot into its own TokenInvalid error.
      await expect(client.login('a-wrong-token')).rejects.toThrow('An invalid token was provided.');
      expect(d.requests('GET /gateway/bot')[0]?.status).toBe(401);
    } finally {
      await client.destroy();
      await d.stop();
    }
  });
});
