/**
 * DiscordDouble: a loopback Discord (REST v10 + Gateway v10 on one port) for
 * end-to-end tests of the real, unmodified discord.js client.
 *
 *   const d = await DiscordDouble.start({ token?, messageContentIntentAllowed?, applicationId?, guildId? });
 *   const client = new Client({ intents, partials, rest: { api: d.restBase, retries: 0, timeout: 2000 } });
 *   await client.login(d.token);               // GET /gateway/bot -> ws://127.0.0.1:PORT/gateway
 *   ...
 *   await client.destroy(); await d.stop();
 *
 * The world: `d.world` holds one guild (`guildId`) with one text channel
 * (`channelId`), roles @everyone / Editors (Administrator) / the bot's role,
 * and members: the bot, `journalist` (no roles) and `editor` (Editors).
 *
 * Playing the journalists (each returns an InteractionHandle, except userMessage):
 *   d.slashCommand({ name, options?, subcommand?, channelId?, user?, memberPermissions?, inDm? })
 *   d.autocomplete({ name, options, focused? })
 *   d.clickButton({ customId, message }) / d.selectMenu({ customId, message, values })
 *   d.messageContextMenu({ name, targetMessage })
 *   d.userMessage({ channelId?, content, mentionsBot?, user? })  -> the stored APIMessage
 *   h.response() -> the interaction callback;  h.final() -> the visible message once
 *   no longer deferred (callback message or latest @original edit);  h.followUps()
 *
 * Observing: d.requests(), d.waitFor(predicate | pattern, ms), d.unknownRequests(),
 *   d.messagesIn(channelId?), d.threads(), d.commands(guildId?), d.limitViolations(),
 *   d.identifiedIntents, d.gatewayLog(), d.waitForGateway(predicate, ms).
 *
 * Faults: d.failNext(pattern, { status, body?, retryAfter? (seconds), global? }),
 *   d.delayNext(pattern, ms) (held before it is handled), d.holdResponseNext(pattern, ms)
 *   (handled, its gateway events sent, and only then answered: the latency a client sees
 *   after Discord has already announced the change), d.dropGatewayConnection(closeCode = 4000).
 *
 * Faithful on purpose: a wrong token gets REST 401 and gateway close 4004;
 * MessageContent without portal permission closes 4014; other people's
 * message content is blanked without the intent unless the bot is mentioned;
 * the first interaction response after 3 s gets 404 Unknown interaction; a
 * second one gets 400 "already acknowledged"; bodies over Discord's limits
 * get 400 Invalid Form Body (and are listed in limitViolations()).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIInteractionDataResolved,
  type APIChannel,
  type APIChatInputApplicationCommandInteraction,
  type APIGuildMember,
  type APIInteraction,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentInteraction,
  type APIThreadChannel,
  type ApplicationFlags,
  type APIUser,
  type ThreadAutoArchiveDuration,
} from 'discord-api-types/v10';
import {
  BOT_PERMISSIONS,
  alphanumericToken,
  guildCreatePayload,
  makeInteractionMember,
  makeMember,
  makeMessage,
  makeThreadChannel,
  makeWorld,
  memberPermissions,
  nextSnowflake,
  type World,
} from './fixtures.ts';
import { GatewayServer, type GatewayLogEntry } from './gateway.ts';
import {
  checkAutocomplete,
  checkCommands,
  checkMessageBody,
  checkModal,
  formBodyError,
  type LimitViolation,
} from './limits.ts';
import {
  BadBodyError,
  Router,
  discordError,
  headersWithoutAuth,
  matchesPattern,
  readBody,
  writeResponse,
  type RecordedFile,
  type RecordedRequest,
  type RestResponse,
  type RouteContext,
  type RoutePattern,
} from './rest.ts';

export type { LimitViolation, RecordedRequest, RoutePattern, GatewayLogEntry, World };

export interface DiscordDoubleOptions {
  /** The bot token the double accepts. Default `DiscordDouble.DEFAULT_TOKEN`. */
  token?: string;
  /** Whether the privileged MessageContent intent is switched on "in the portal". Default true. */
  messageContentIntentAllowed?: boolean;
  applicationId?: string;
  guildId?: string;
  /** Gateway heartbeat interval sent in HELLO. Default 41250 ms, as Discord. */
  heartbeatIntervalMs?: number;
  /** Time from INTERACTION_CREATE to the first callback before Discord forgets the interaction. Default 3000 ms. */
  interactionDeadlineMs?: number;
  /** Also answer 400 for Soundbite policy violations (allowed_mentions missing). Default false: recorded only. */
  rejectPolicyViolations?: boolean;
}

export interface FailSpec {
  status: number;
  /** Response body; defaults to Discord's body for the status. */
  body?: unknown;
  /** For 429: seconds, as Discord's Retry-After (fractions allowed, so tests stay fast). */
  retryAfter?: number;
  /** For 429: a global rate limit (X-RateLimit-Global). */
  global?: boolean;
}

/** The bot's answer at POST /interactions/{id}/{token}/callback. */
export interface InteractionCallback {
  type: InteractionResponseType;
  data: unknown;
  withResponse: boolean;
  at: number;
}

export interface InteractionHandle<P extends APIInteraction = APIInteraction> {
  readonly id: string;
  readonly token: string;
  readonly payload: P;
  /** The first callback the double accepted; rejects after `timeoutMs` (default 2000). */
  response(timeoutMs?: number): Promise<InteractionCallback>;
  /**
   * The visible message once the interaction is no longer deferred: the
   * callback's message, or the latest PATCH of @original (or the first
   * follow-up, which Discord lets replace a deferred reply). Waits until no
   * change has happened for `settleMs` (default 25) so a reply-then-edit
   * sequence reports the edit.
   */
  final(opts?: { timeoutMs?: number; settleMs?: number }): Promise<APIMessage>;
  followUps(): APIMessage[];
}

type OptionValue = string | number | boolean;

export interface SlashCommandInput {
  name: string;
  /** Either `{ option: value }` (types taken from the registered command, else inferred) or raw options. */
  options?: Record<string, OptionValue> | APIApplicationCommandInteractionDataOption[];
  subcommand?: string;
  channelId?: string;
  user?: APIUser;
  /** Overrides the invoker's computed permissions (bitfield). */
  memberPermissions?: bigint | string;
  locale?: Locale;
  /** Objects the options refer to by id, e.g. an attachment from `uploadAttachment`. */
  resolved?: APIInteractionDataResolved;
  /** Used in the bot's DM: no guild, no member, context BotDM. Refused, as Discord would not
   * offer it, when the registered command's `contexts` leave DMs out, unless `ignoreContexts`
   * (a command registered by an older version that set no contexts). */
  inDm?: boolean;
  ignoreContexts?: boolean;
}

export interface AutocompleteInput extends SlashCommandInput {
  /** The option being typed; defaults to the only option given. */
  focused?: string;
}

export interface ComponentInput {
  customId: string;
  message: APIMessage;
  user?: APIUser;
  memberPermissions?: bigint | string;
}

interface InteractionState {
  id: string;
  token: string;
  payload: APIInteraction;
  createdAt: number;
  callback?: InteractionCallback;
  /** Id of the message @original refers to (the reply, or the component's message). */
  originalId?: string;
  /** True from a deferral (type 5 or 6) until the first edit. */
  deferred: boolean;
  followUpIds: string[];
  changedAt: number;
}

interface StoredMessage {
  message: APIMessage;
  ephemeral: boolean;
  deleted: boolean;
}

/** A command as registered through PUT/POST .../commands, with the ids Discord assigns. */
export interface RegisteredCommand {
  id: string;
  application_id: string;
  guild_id?: string;
  name: string;
  type: number;
  description: string;
  version: string;
  options?: unknown[];
  [key: string]: unknown;
}

const EPHEMERAL = MessageFlags.Ephemeral as number;
const LOADING = MessageFlags.Loading as number;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function numberField(v: unknown, fallback = 0): number {
  return typeof v === 'number' ? v : fallback;
}

export class DiscordDouble {
  static readonly DEFAULT_TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAw.double.soundbite-e2e-token';

  readonly token: string;
  readonly world: World;
  private readonly opts: Required<Omit<DiscordDoubleOptions, 'applicationId' | 'guildId'>>;
  private readonly server: Server;
  private readonly gateway: GatewayServer;
  private readonly router = new Router();
  private port = 0;

  private readonly recorded: RecordedRequest[] = [];
  private readonly violations: LimitViolation[] = [];
  private readonly faults: { pattern: RoutePattern; fail?: FailSpec; delayMs?: number; holdMs?: number }[] = [];
  private readonly channels = new Map<string, APIChannel>();
  /** Every message ever sent, by id, in creation order (Map keeps insertion order). */
  private readonly messages = new Map<string, StoredMessage>();
  private readonly attachments = new Map<string, RecordedFile>();
  private readonly interactions = new Map<string, InteractionState>();
  private readonly commandScopes = new Map<string, RegisteredCommand[]>();
  private readonly waiters = new Set<() => void>();
  private seq = 0;

  private constructor(opts: DiscordDoubleOptions) {
    this.token = opts.token ?? DiscordDouble.DEFAULT_TOKEN;
    this.opts = {
      token: this.token,
      messageContentIntentAllowed: opts.messageContentIntentAllowed ?? true,
      heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41_250,
      interactionDeadlineMs: opts.interactionDeadlineMs ?? 3_000,
      rejectPolicyViolations: opts.rejectPolicyViolations ?? false,
    };
    this.world = makeWorld({ applicationId: opts.applicationId, guildId: opts.guildId });
    for (const ch of this.world.channels) this.channels.set(ch.id, ch);
    this.gateway = new GatewayServer({
      token: this.token,
      messageContentIntentAllowed: this.opts.messageContentIntentAllowed,
      heartbeatIntervalMs: this.opts.heartbeatIntervalMs,
      baseUrl: () => this.gatewayUrl,
      readyPayload: (sessionId, resumeGatewayUrl) => ({
        ready: {
          v: 10,
          user: this.world.botUser,
          guilds: [{ id: this.world.guildId, unavailable: true }],
          session_id: sessionId,
          resume_gateway_url: resumeGatewayUrl,
          shard: [0, 1],
          // Flag enums have no zero member; "no flags" is 0 on the wire.
          application: { id: this.world.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
        },
        guilds: [guildCreatePayload(this.world, this.threads())],
      }),
    });
    this.gateway.onChange(() => this.notify());
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
      if ((req.url ?? '').startsWith('/gateway')) this.gateway.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
    this.addRoutes();
  }

  static async start(opts: DiscordDoubleOptions = {}): Promise<DiscordDouble> {
    const d = new DiscordDouble(opts);
    await new Promise<void>((resolve, reject) => {
      d.server.once('error', reject);
      d.server.listen(0, '127.0.0.1', () => resolve());
    });
    d.port = (d.server.address() as AddressInfo).port;
    return d;
  }

  /** Pass as `rest: { api }`; discord.js appends `/v10` itself. */
  get restBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** The URL GET /gateway/bot hands out; READY's resume_gateway_url is `${gatewayUrl}/resume`. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  get channelId(): string {
    return this.world.channelId;
  }

  get guildId(): string {
    return this.world.guildId;
  }

  get applicationId(): string {
    return this.world.applicationId;
  }

  async stop(): Promise<void> {
    for (const w of this.waiters) w();
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- observing

  /** Every REST request so far (after its response was decided), optionally filtered. */
  requests(pattern?: RoutePattern): RecordedRequest[] {
    return pattern === undefined ? [...this.recorded] : this.recorded.filter((r) => matchesPattern(pattern, r.method, r.path));
  }

  /** Requests no route knew: a correct bot makes none. */
  unknownRequests(): RecordedRequest[] {
    return this.recorded.filter((r) => r.route === 'unknown');
  }

  limitViolations(): LimitViolation[] {
    return [...this.violations];
  }

  /** Non-ephemeral, undeleted messages in a channel or thread, oldest first. */
  messagesIn(channelId: string = this.world.channelId): APIMessage[] {
    const out: APIMessage[] = [];
    for (const s of this.messages.values()) {
      if (!s.ephemeral && !s.deleted && s.message.channel_id === channelId) out.push(s.message);
    }
    return out;
  }

  /** Any message by id, ephemeral ones included. */
  message(id: string): APIMessage | undefined {
    return this.messages.get(id)?.message;
  }

  threads(): APIThreadChannel[] {
    const out: APIThreadChannel[] = [];
    for (const ch of this.channels.values()) {
      if (ch.type === ChannelType.PublicThread || ch.type === ChannelType.PrivateThread) out.push(ch);
    }
    return out;
  }

  /** Registered commands: global without `guildId`, else that guild's. */
  commands(guildId?: string): RegisteredCommand[] {
    return [...(this.commandScopes.get(guildId ?? 'global') ?? [])];
  }

  /** Intents of the client's last accepted IDENTIFY. */
  get identifiedIntents(): number | undefined {
    return this.gateway.intents;
  }

  gatewayLog(): GatewayLogEntry[] {
    return [...this.gateway.log];
  }

  /** Resolves with the first recorded request matching, past or future. */
  waitFor(match: RoutePattern | ((r: RecordedRequest) => boolean), timeoutMs = 2000): Promise<RecordedRequest> {
    const pred = typeof match === 'function' ? match : (r: RecordedRequest) => matchesPattern(match, r.method, r.path);
    return this.waitUntil(() => this.recorded.find(pred), timeoutMs, `a request matching ${String(match)}`);
  }

  waitForGateway(pred: (e: GatewayLogEntry) => boolean, timeoutMs = 2000): Promise<GatewayLogEntry> {
    return this.waitUntil(() => this.gateway.log.find(pred), timeoutMs, 'a gateway event');
  }

  /** Resolves when `probe` returns something other than undefined; re-checked on every change. */
  waitUntil<T>(probe: () => T | undefined, timeoutMs: number, what = 'a condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        const v = probe();
        if (v === undefined) return false;
        cleanup();
        resolve(v);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`DiscordDouble: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter = (): void => void check();
      if (check()) return;
      this.waiters.add(waiter);
    });
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  // ------------------------------------------------------------------ faults

  /** The next request matching `pattern` gets this failure instead of its answer. */
  failNext(pattern: RoutePattern, spec: FailSpec): void {
    this.faults.push({ pattern, fail: spec });
  }

  /** The next request matching `pattern` is held `ms` before it is handled, as if slow in transit. */
  delayNext(pattern: RoutePattern, ms: number): void {
    this.faults.push({ pattern, delayMs: ms });
  }

  /** The next request matching `pattern` is handled at once (state changed, events dispatched)
   * but its response is held `ms`, as when Discord's answer is slower than its gateway. */
  holdResponseNext(pattern: RoutePattern, ms: number): void {
    this.faults.push({ pattern, holdMs: ms });
  }

  /** Close the gateway socket with `closeCode` (4000 Unknown error: discord.js resumes). */
  dropGatewayConnection(closeCode = 4000): void {
    if (!this.gateway.drop(closeCode)) throw new Error('DiscordDouble: no gateway connection to drop');
  }

  private takeFault(method: string, path: string, kind: 'fail' | 'delay' | 'hold'): { fail?: FailSpec; delayMs?: number; holdMs?: number } | undefined {
    const has = { fail: 'fail', delay: 'delayMs', hold: 'holdMs' } as const;
    const i = this.faults.findIndex((f) => f[has[kind]] !== undefined && matchesPattern(f.pattern, method, path));
    if (i < 0) return undefined;
    return this.faults.splice(i, 1)[0];
  }

  private faultResponse(spec: FailSpec): RestResponse {
    if (spec.status === 429) {
      const retryAfter = spec.retryAfter ?? 1;
      const headers: Record<string, string> = {
        'retry-after': String(retryAfter),
        'x-ratelimit-limit': '1',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(retryAfter),
        'x-ratelimit-bucket': 'double-bucket',
        'x-ratelimit-scope': spec.global ? 'global' : 'user',
      };
      if (spec.global) headers['x-ratelimit-global'] = 'true';
      return {
        status: 429,
        headers,
        body: spec.body ?? { message: 'You are being rate limited.', retry_after: retryAfter, global: spec.global ?? false },
      };
    }
    return { status: spec.status, body: spec.body ?? { message: `${spec.status}: Injected failure`, code: 0 } };
  }

  // ------------------------------------------------------------ HTTP handling

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    // Attachment downloads live outside /api, like Discord's CDN: raw bytes, not recorded.
    if (method === 'GET' && url.pathname.startsWith('/attachments/')) {
      const file = this.attachments.get(url.pathname.split('/')[3] ?? '');
      res.writeHead(file ? 200 : 404, { 'content-type': file?.contentType || 'application/octet-stream' });
      res.end(file?.data);
      return;
    }
    const prefix = '/api/v10';
    const rawPath = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) || '/' : url.pathname;
    const path = rawPath
      .split('/')
      .map((s) => {
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      })
      .join('/');
    const record: RecordedRequest = {
      seq: ++this.seq,
      at: Date.now(),
      method,
      path,
      rawPath,
      query: Object.fromEntries(url.searchParams),
      headers: headersWithoutAuth(req),
      hadAuthorization: req.headers.authorization !== undefined,
      body: undefined,
      files: [],
      route: 'unknown',
      status: 0,
      responseBody: undefined,
    };
    let response: RestResponse;
    try {
      const parsed = await readBody(req);
      record.body = parsed.body;
      record.files = parsed.files;
      response = await this.route(req, url, record);
    } catch (err) {
      response =
        err instanceof BadBodyError
          ? discordError(400, 50109, err.message)
          : { status: 500, body: { message: `500: double error: ${String(err)}`, code: 0 } };
    }
    record.status = response.status;
    record.responseBody = response.body;
    this.recorded.push(record);
    if (!res.destroyed) writeResponse(res, response);
    this.notify();
  }

  private async route(req: IncomingMessage, url: URL, record: RecordedRequest): Promise<RestResponse> {
    const { method, path } = record;
    const delay = this.takeFault(method, path, 'delay');
    if (delay?.delayMs !== undefined) {
      record.fault = 'delay';
      await sleep(delay.delayMs);
    }
    const fail = this.takeFault(method, path, 'fail');
    if (fail?.fail) {
      record.fault = 'fail';
      record.route = this.router.match(method, path)?.route.template ?? 'unknown';
      return this.faultResponse(fail.fail);
    }
    if (!url.pathname.startsWith('/api/v10/')) return discordError(404, 0, '404: Not Found');
    const matched = this.router.match(method, path);
    if (!matched) return discordError(404, 0, '404: Not Found');
    record.route = matched.route.template;
    if (matched.route.auth && req.headers.authorization !== `Bot ${this.token}`) {
      return discordError(401, 0, '401: Unauthorized');
    }
    const ctx: RouteContext = {
      method,
      path,
      params: matched.params,
      query: url.searchParams,
      body: record.body,
      files: record.files,
      record,
    };
    const hold = this.takeFault(method, path, 'hold');
    const response = await matched.route.handler(ctx);
    if (hold?.holdMs !== undefined) {
      record.fault = 'hold';
      await sleep(hold.holdMs);
    }
    return response;
  }

  /** Record violations; answer 400 if any would make Discord refuse the body. */
  private reject(found: LimitViolation[], record: RecordedRequest): RestResponse | null {
    if (found.length === 0) return null;
    for (const v of found) this.violations.push({ ...v, requestSeq: record.seq, route: `${record.method} ${record.path}` });
    const fatal = found.filter((v) => v.kind === 'discord' || this.opts.rejectPolicyViolations);
    return fatal.length > 0 ? { status: 400, body: formBodyError(fatal) } : null;
  }

  // ------------------------------------------------------------------ routes

  private addRoutes(): void {
    const r = this.router;
    const ok = (body: unknown, status = 200): RestResponse => ({ status, body });
    const noContent: RestResponse = { status: 204 };

    r.add('GET', '/gateway', () => ok({ url: this.gatewayUrl }), { auth: false });
    r.add('GET', '/gateway/bot', () =>
      ok({
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      }),
    );
    r.add('GET', '/users/@me', () => ok(this.world.botUser));
    r.add('GET', '/applications/@me', () => ok(this.applicationObject()));
    r.add('GET', '/oauth2/applications/@me', () => ok(this.applicationObject()));

    // Commands, global and per guild.
    for (const scoped of [false, true]) {
      const base = scoped ? '/applications/:app/guilds/:guild/commands' : '/applications/:app/commands';
      const scopeOf = (ctx: RouteContext): string | null => {
        if (ctx.params.app !== this.world.applicationId) return null;
        return scoped ? (ctx.params.guild ?? null) : 'global';
      };
      const unknownApp = discordError(403, 50001, 'Missing Access');
      r.add('GET', base, (ctx) => {
        const scope = scopeOf(ctx);
        return scope ? ok(this.commandScopes.get(scope) ?? []) : unknownApp;
      });
      r.add('PUT', base, (ctx) => {
        const scope = scopeOf(ctx);
        if (!scope) return unknownApp;
        const bad = this.reject(checkCommands(ctx.body), ctx.record);
        if (bad) return bad;
        const list = Array.isArray(ctx.body) ? ctx.body : [];
        const previous = this.commandScopes.get(scope) ?? [];
        const stored = list.filter(isRecord).map((c) => this.storeCommand(c, previous, scoped ? scope : undefined));
        this.commandScopes.set(scope, stored);
        return ok(stored);
      });
      r.add('POST', base, (ctx) => {
        const scope = scopeOf(ctx);
        if (!scope) return unknownApp;
        const bad = this.reject(checkCommands([ctx.body]), ctx.record);
        if (bad) return bad;
        if (!isRecord(ctx.body)) return discordError(400, 50035, 'Invalid Form Body');
        const previous = this.commandScopes.get(scope) ?? [];
        const cmd = this.storeCommand(ctx.body, previous, scoped ? scope : undefined);
        const existed = previous.some((c) => c.id === cmd.id);
        this.commandScopes.set(scope, [...previous.filter((c) => c.id !== cmd.id), cmd]);
        return ok(cmd, existed ? 200 : 201);
      });
      r.add('GET', `${base}/:command`, (ctx) => {
        const scope = scopeOf(ctx);
        const cmd = scope ? this.commandScopes.get(scope)?.find((c) => c.id === ctx.params.command) : undefined;
        return cmd ? ok(cmd) : discordError(404, 10063, 'Unknown application command');
      });
      r.add('DELETE', `${base}/:command`, (ctx) => {
        const scope = scopeOf(ctx);
        const list = scope ? this.commandScopes.get(scope) : undefined;
        if (!scope || !list?.some((c) => c.id === ctx.params.command)) {
          return discordError(404, 10063, 'Unknown application command');
        }
        this.commandScopes.set(scope, list.filter((c) => c.id !== ctx.params.command));
        return noContent;
      });
    }

    // Interactions: the callback and the interaction webhook. No bot token on these.
    r.add('POST', '/interactions/:id/:token/callback', (ctx) => this.interactionCallback(ctx), { auth: false });
    r.add('POST', '/webhooks/:app/:token', (ctx) => this.followUp(ctx), { auth: false });
    r.add('GET', '/webhooks/:app/:token/messages/:message', (ctx) => this.webhookMessage(ctx), { auth: false });
    r.add('PATCH', '/webhooks/:app/:token/messages/:message', (ctx) => this.webhookMessage(ctx), { auth: false });
    r.add('DELETE', '/webhooks/:app/:token/messages/:message', (ctx) => this.webhookMessage(ctx), { auth: false });

    // Channels and messages.
    r.add('GET', '/channels/:channel', (ctx) => {
      const ch = this.channels.get(ctx.params.channel ?? '');
      return ch ? ok(ch) : discordError(404, 10003, 'Unknown Channel');
    });
    r.add('PATCH', '/channels/:channel', (ctx) => this.patchChannel(ctx));
    r.add('POST', '/channels/:channel/typing', () => noContent);
    r.add('GET', '/channels/:channel/messages', (ctx) => {
      if (!this.channels.has(ctx.params.channel ?? '')) return discordError(404, 10003, 'Unknown Channel');
      const limit = Math.min(100, Number(ctx.query.get('limit') ?? 50) || 50);
      // Discord lists newest first.
      return ok(this.messagesIn(ctx.params.channel).reverse().slice(0, limit));
    });
    r.add('GET', '/channels/:channel/messages/:message', (ctx) => {
      const m = this.channelMessage(ctx);
      return m ? ok(m) : discordError(404, 10008, 'Unknown Message');
    });
    r.add('POST', '/channels/:channel/messages', (ctx) => {
      const channelId = ctx.params.channel ?? '';
      if (!this.channels.has(channelId)) return discordError(404, 10003, 'Unknown Channel');
      const bad = this.reject(checkMessageBody(ctx.body, [], { isCreate: true, fileCount: ctx.files.length }), ctx.record);
      if (bad) return bad;
      return ok(this.createBotMessage(channelId, ctx.body, ctx.files, { ephemeral: false }));
    });
    r.add('PATCH', '/channels/:channel/messages/:message', (ctx) => {
      const m = this.channelMessage(ctx);
      if (!m) return discordError(404, 10008, 'Unknown Message');
      if (m.author.id !== this.world.botUser.id) return discordError(403, 50005, 'Cannot edit a message authored by another user');
      const bad = this.reject(checkMessageBody(ctx.body, [], { isCreate: false }), ctx.record);
      if (bad) return bad;
      return ok(this.editMessage(m.id, ctx.body, ctx.files));
    });
    r.add('DELETE', '/channels/:channel/messages/:message', (ctx) => {
      const m = this.channelMessage(ctx);
      if (!m) return discordError(404, 10008, 'Unknown Message');
      this.deleteMessage(m.id);
      return noContent;
    });
    r.add('PUT', '/channels/:channel/messages/:message/reactions/:emoji/@me', (ctx) =>
      this.channelMessage(ctx) ? noContent : discordError(404, 10008, 'Unknown Message'),
    );

    // Threads.
    r.add('POST', '/channels/:channel/messages/:message/threads', (ctx) => this.startThread(ctx, true));
    r.add('POST', '/channels/:channel/threads', (ctx) => this.startThread(ctx, false));
    for (const method of ['PUT', 'DELETE']) {
      r.add(method, '/channels/:channel/thread-members/@me', (ctx) => this.threadMember(ctx));
      r.add(method, '/channels/:channel/thread-members/:user', (ctx) => this.threadMember(ctx));
    }
    r.add('GET', '/channels/:channel/thread-members', (ctx) =>
      this.isThread(ctx.params.channel) ? ok([]) : discordError(404, 10003, 'Unknown Channel'),
    );

    // Guild reads discord.js may make.
    r.add('GET', '/guilds/:guild', (ctx) =>
      ctx.params.guild === this.world.guildId ? ok(guildCreatePayload(this.world, [])) : discordError(404, 10004, 'Unknown Guild'),
    );
    r.add('GET', '/guilds/:guild/channels', (ctx) =>
      ctx.params.guild === this.world.guildId ? ok(this.world.channels) : discordError(404, 10004, 'Unknown Guild'),
    );
    r.add('GET', '/guilds/:guild/roles', (ctx) =>
      ctx.params.guild === this.world.guildId
        ? ok([this.world.everyoneRole, this.world.botRole, this.world.adminRole])
        : discordError(404, 10004, 'Unknown Guild'),
    );
    r.add('GET', '/guilds/:guild/members/:user', (ctx) => {
      const m = this.world.members.find((x) => x.user.id === ctx.params.user);
      return ctx.params.guild === this.world.guildId && m ? ok(m) : discordError(404, 10007, 'Unknown Member');
    });
  }

  private applicationObject(): Record<string, unknown> {
    return {
      id: this.world.applicationId,
      name: 'Soundbite',
      icon: null,
      description: 'Who said that, and when?',
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: 0,
      team: null,
      owner: this.world.editor,
      bot: this.world.botUser,
      summary: '',
      guild_id: this.world.guildId,
      approximate_guild_count: 1,
    };
  }

  private storeCommand(input: Record<string, unknown>, previous: RegisteredCommand[], guildId?: string): RegisteredCommand {
    const type = numberField(input.type, ApplicationCommandType.ChatInput);
    const name = typeof input.name === 'string' ? input.name : '';
    // Discord keeps a command's id when it is overwritten under the same name and type.
    const id = previous.find((c) => c.name === name && c.type === type)?.id ?? nextSnowflake();
    return {
      name_localizations: null,
      description_localizations: null,
      default_member_permissions: null,
      nsfw: false,
      contexts: null,
      integration_types: [0],
      ...input,
      description: typeof input.description === 'string' ? input.description : '',
      id,
      application_id: this.world.applicationId,
      ...(guildId ? { guild_id: guildId } : {}),
      name,
      type,
      version: nextSnowflake(),
    };
  }

  // ---------------------------------------------------------------- messages

  private guildMessageEvent(m: APIMessage): Record<string, unknown> {
    const member = this.world.members.find((x) => x.user.id === m.author.id);
    // Gateway messages carry guild_id and a partial member (without user).
    const partialMember = member ? { ...member, user: undefined } : undefined;
    return { ...m, guild_id: this.world.guildId, ...(partialMember ? { member: partialMember } : {}) };
  }

  private attachmentsFrom(channelId: string, body: Record<string, unknown>, files: RecordedFile[]): APIAttachment[] {
    // payload_json.attachments[i].id refers to files[i] for new uploads.
    const described = Array.isArray(body.attachments) ? body.attachments.filter(isRecord) : [];
    return files.map((file, i) => {
      const id = nextSnowflake();
      this.attachments.set(id, file);
      const meta = described.find((a) => String(a.id) === String(i));
      const url = `http://127.0.0.1:${this.port}/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`;
      return {
        id,
        filename: typeof meta?.filename === 'string' ? meta.filename : file.filename,
        ...(typeof meta?.description === 'string' ? { description: meta.description } : {}),
        size: file.data.length,
        url,
        proxy_url: url,
        ...(file.contentType ? { content_type: file.contentType } : {}),
      };
    });
  }

  /** Store a message the bot sent; echo it as MESSAGE_CREATE unless ephemeral, as Discord does. */
  private createBotMessage(
    channelId: string,
    rawBody: unknown,
    files: RecordedFile[],
    extra: { ephemeral: boolean; interaction?: InteractionState; loading?: boolean },
  ): APIMessage {
    const body = isRecord(rawBody) ? rawBody : {};
    const message = makeMessage({ id: nextSnowflake(), channelId, author: this.world.botUser, content: '' });
    this.applyBody(message, body, files, channelId);
    let flags = numberField(body.flags) & ~EPHEMERAL;
    if (extra.ephemeral) flags |= EPHEMERAL;
    if (extra.loading) flags |= LOADING;
    message.flags = flags;
    if (isRecord(body.message_reference) && typeof body.message_reference.message_id === 'string') {
      message.message_reference = {
        message_id: body.message_reference.message_id,
        channel_id: channelId,
        guild_id: this.world.guildId,
      };
      message.type = MessageType.Reply;
    }
    const interaction = extra.interaction;
    if (interaction) {
      const p = interaction.payload;
      message.webhook_id = this.world.applicationId;
      message.application_id = this.world.applicationId;
      if (p.type === InteractionType.ApplicationCommand) {
        message.type = p.data.type === ApplicationCommandType.ChatInput ? MessageType.ChatInputCommand : MessageType.ContextMenuCommand;
        message.interaction_metadata = {
          id: p.id,
          type: InteractionType.ApplicationCommand,
          user: this.invoker(p),
          authorizing_integration_owners: p.authorizing_integration_owners,
        };
      }
    }
    this.messages.set(message.id, { message, ephemeral: extra.ephemeral, deleted: false });
    this.touchChannel(channelId, message.id);
    if (!extra.ephemeral) this.gateway.dispatch(GatewayDispatchEvents.MessageCreate, this.guildMessageEvent(message));
    return message;
  }

  private applyBody(message: APIMessage, body: Record<string, unknown>, files: RecordedFile[], channelId: string): void {
    if (typeof body.content === 'string') message.content = body.content;
    if (Array.isArray(body.embeds)) message.embeds = body.embeds.filter(isRecord);
    if (Array.isArray(body.components)) {
      // Stored as the bot sent them, which is what Discord echoes back; limits were checked before.
      const components: unknown[] = body.components;
      message.components = components as APIMessage['components'];
    }
    if (Array.isArray(body.attachments) || files.length > 0) {
      // Kept attachments are listed by their existing id; new uploads come as files.
      const keptIds = new Set(
        (Array.isArray(body.attachments) ? body.attachments : [])
          .filter(isRecord)
          .map((a) => String(a.id)),
      );
      const kept = Array.isArray(body.attachments) ? message.attachments.filter((a) => keptIds.has(a.id)) : message.attachments;
      message.attachments = [...kept, ...this.attachmentsFrom(channelId, body, files)];
    }
  }

  private editMessage(id: string, rawBody: unknown, files: RecordedFile[]): APIMessage {
    const stored = this.messages.get(id);
    if (!stored) throw new Error(`DiscordDouble: no message ${id}`);
    const body = isRecord(rawBody) ? rawBody : {};
    const message: APIMessage = { ...stored.message, edited_timestamp: new Date().toISOString() };
    this.applyBody(message, body, files, message.channel_id);
    // An edit ends the "thinking..." state; only SuppressEmbeds may be changed by the bot.
    let flags = numberField(message.flags) & ~LOADING;
    if (typeof body.flags === 'number') {
      const suppress = MessageFlags.SuppressEmbeds as number;
      flags = (flags & ~suppress) | (body.flags & suppress);
    }
    message.flags = flags;
    stored.message = message;
    if (!stored.ephemeral) this.gateway.dispatch(GatewayDispatchEvents.MessageUpdate, this.guildMessageEvent(message));
    return message;
  }

  private deleteMessage(id: string): void {
    const stored = this.messages.get(id);
    if (!stored) return;
    stored.deleted = true;
    if (!stored.ephemeral) {
      this.gateway.dispatch(GatewayDispatchEvents.MessageDelete, {
        id,
        channel_id: stored.message.channel_id,
        guild_id: this.world.guildId,
      });
    }
  }

  private touchChannel(channelId: string, messageId: string): void {
    const ch = this.channels.get(channelId);
    if (!ch) return;
    if (ch.type === ChannelType.PublicThread || ch.type === ChannelType.PrivateThread) {
      this.channels.set(channelId, {
        ...ch,
        last_message_id: messageId,
        message_count: (ch.message_count ?? 0) + 1,
        total_message_sent: (ch.total_message_sent ?? 0) + 1,
      });
    } else if (ch.type === ChannelType.GuildText) {
      this.channels.set(channelId, { ...ch, last_message_id: messageId });
    }
  }

  private channelMessage(ctx: RouteContext): APIMessage | undefined {
    const stored = this.messages.get(ctx.params.message ?? '');
    if (!stored || stored.deleted || stored.ephemeral || stored.message.channel_id !== ctx.params.channel) return undefined;
    return stored.message;
  }

  // ----------------------------------------------------------------- threads

  private isThread(id: string | undefined): boolean {
    const ch = this.channels.get(id ?? '');
    return ch?.type === ChannelType.PublicThread || ch?.type === ChannelType.PrivateThread;
  }

  private startThread(ctx: RouteContext, fromMessage: boolean): RestResponse {
    const parentId = ctx.params.channel ?? '';
    const parent = this.channels.get(parentId);
    if (!parent) return discordError(404, 10003, 'Unknown Channel');
    if (parent.type !== ChannelType.GuildText) return discordError(400, 50024, 'Cannot execute action on this channel type');
    const body = isRecord(ctx.body) ? ctx.body : {};
    const bad = this.reject(
      typeof body.name === 'string' && [...body.name].length > 100
        ? [{ kind: 'discord', path: ['name'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' }]
        : [],
      ctx.record,
    );
    if (bad) return bad;
    let id: string;
    if (fromMessage) {
      const starter = this.channelMessage(ctx);
      if (!starter) return discordError(404, 10008, 'Unknown Message');
      // Discord gives a thread started on a message the message's id.
      id = starter.id;
      if (this.channels.has(id)) return discordError(400, 160004, 'A thread has already been created for this message');
    } else {
      id = nextSnowflake();
    }
    const duration = numberField(body.auto_archive_duration, 1440);
    const thread = makeThreadChannel({
      id,
      guildId: this.world.guildId,
      parentId,
      ownerId: this.world.botUser.id,
      name: typeof body.name === 'string' ? body.name : 'thread',
      autoArchiveDuration: ([60, 1440, 4320, 10080].includes(duration) ? duration : 1440) as ThreadAutoArchiveDuration,
    });
    if (!fromMessage && body.type === ChannelType.PrivateThread) thread.type = ChannelType.PrivateThread;
    this.channels.set(id, thread);
    if (fromMessage) {
      const starter = this.messages.get(id);
      if (starter) starter.message = { ...starter.message, thread };
    }
    this.gateway.dispatch(GatewayDispatchEvents.ThreadCreate, { ...thread, newly_created: true });
    // People see the thread now, whenever the response reaches the bot (see holdResponseNext).
    this.notify();
    return { status: 201, body: thread };
  }

  private threadMember(ctx: RouteContext): RestResponse {
    if (!this.isThread(ctx.params.channel)) return discordError(404, 10003, 'Unknown Channel');
    return { status: 204 };
  }

  private patchChannel(ctx: RouteContext): RestResponse {
    const id = ctx.params.channel ?? '';
    const ch = this.channels.get(id);
    if (!ch) return discordError(404, 10003, 'Unknown Channel');
    const body = isRecord(ctx.body) ? ctx.body : {};
    if (ch.type === ChannelType.PublicThread || ch.type === ChannelType.PrivateThread) {
      const updated: APIThreadChannel = {
        ...ch,
        ...(typeof body.name === 'string' ? { name: body.name } : {}),
        thread_metadata: {
          auto_archive_duration: ch.thread_metadata?.auto_archive_duration ?? 1440,
          archived: typeof body.archived === 'boolean' ? body.archived : (ch.thread_metadata?.archived ?? false),
          archive_timestamp: new Date().toISOString(),
          locked: typeof body.locked === 'boolean' ? body.locked : (ch.thread_metadata?.locked ?? false),
          ...(ch.thread_metadata?.create_timestamp ? { create_timestamp: ch.thread_metadata.create_timestamp } : {}),
        },
      };
      this.channels.set(id, updated);
      this.gateway.dispatch(GatewayDispatchEvents.ThreadUpdate, updated);
      return { status: 200, body: updated };
    }
    if (ch.type !== ChannelType.GuildText) return discordError(400, 50024, 'Cannot execute action on this channel type');
    const updated: APIChannel = { ...ch, ...(typeof body.name === 'string' ? { name: body.name } : {}) };
    this.channels.set(id, updated);
    this.gateway.dispatch(GatewayDispatchEvents.ChannelUpdate, updated);
    return { status: 200, body: updated };
  }

  // ------------------------------------------------------------ interactions

  private invoker(p: APIInteraction): APIUser {
    return p.member?.user ?? p.user ?? this.world.journalist;
  }

  private interactionCallback(ctx: RouteContext): RestResponse {
    const state = this.interactions.get(ctx.params.token ?? '');
    if (!state || state.id !== ctx.params.id) return discordError(404, 10062, 'Unknown interaction');
    if (state.callback) return discordError(400, 40060, 'Interaction has already been acknowledged.');
    if (Date.now() - state.createdAt > this.opts.interactionDeadlineMs) {
      // Discord forgets an unanswered interaction after 3 s.
      return discordError(404, 10062, 'Unknown interaction');
    }
    const body = isRecord(ctx.body) ? ctx.body : {};
    const type = numberField(body.type, -1) as InteractionResponseType;
    const data: Record<string, unknown> = isRecord(body.data) ? body.data : {};
    const p = state.payload;
    const isComponent = p.type === InteractionType.MessageComponent || p.type === InteractionType.ModalSubmit;
    const channelId = p.channel?.id ?? this.world.channelId;
    const ephemeral = (numberField(data.flags) & EPHEMERAL) !== 0;
    let message: APIMessage | undefined;

    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        const bad = this.reject(checkMessageBody(data, ['data'], { isCreate: true, fileCount: ctx.files.length }), ctx.record);
        if (bad) return bad;
        message = this.createBotMessage(channelId, data, ctx.files, { ephemeral, interaction: state });
        state.originalId = message.id;
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource:
        message = this.createBotMessage(channelId, {}, [], { ephemeral, interaction: state, loading: true });
        state.originalId = message.id;
        state.deferred = true;
        break;
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        if (!isComponent || !p.message) return discordError(400, 40043, 'Interaction response type is not valid for this interaction');
        state.originalId = p.message.id;
        if (!this.messages.has(p.message.id)) {
          // A component on a message the double never stored (built by the test): adopt it.
          this.messages.set(p.message.id, {
            message: p.message,
            ephemeral: (numberField(p.message.flags) & EPHEMERAL) !== 0,
            deleted: false,
          });
        }
        if (type === InteractionResponseType.UpdateMessage) {
          const bad = this.reject(checkMessageBody(data, ['data'], { isCreate: false }), ctx.record);
          if (bad) return bad;
          message = this.editMessage(p.message.id, data, ctx.files);
        } else {
          state.deferred = true;
        }
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        if (p.type !== InteractionType.ApplicationCommandAutocomplete) {
          return discordError(400, 40043, 'Interaction response type is not valid for this interaction');
        }
        const bad = this.reject(checkAutocomplete(data, ['data']), ctx.record);
        if (bad) return bad;
        break;
      }
      case InteractionResponseType.Modal: {
        const bad = this.reject(checkModal(data, ['data']), ctx.record);
        if (bad) return bad;
        break;
      }
      case InteractionResponseType.PremiumRequired:
      case InteractionResponseType.LaunchActivity:
        break;
      default:
        return { status: 400, body: formBodyError([{ kind: 'discord', path: ['type'], code: 'BASE_TYPE_CHOICES', message: `Value must be one of valid interaction response types.` }]) };
    }

    const withResponse = ctx.query.get('with_response') === 'true';
    state.callback = { type, data: body.data, withResponse, at: Date.now() };
    state.changedAt = Date.now();
    if (!withResponse) return { status: 204 };
    const original = state.originalId ? this.messages.get(state.originalId)?.message : undefined;
    return {
      status: 200,
      body: {
        interaction: {
          id: state.id,
          type: p.type,
          ...(original ? { response_message_id: original.id } : {}),
          response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
          response_message_ephemeral: ephemeral,
        },
        resource: { type, ...(message ? { message } : {}) },
      },
    };
  }

  private webhookState(ctx: RouteContext): InteractionState | undefined {
    if (ctx.params.app !== this.world.applicationId) return undefined;
    return this.interactions.get(ctx.params.token ?? '');
  }

  private followUp(ctx: RouteContext): RestResponse {
    const state = this.webhookState(ctx);
    if (!state || !state.callback) return discordError(404, 10015, 'Unknown Webhook');
    const body = isRecord(ctx.body) ? ctx.body : {};
    const bad = this.reject(checkMessageBody(body, [], { isCreate: true, fileCount: ctx.files.length }), ctx.record);
    if (bad) return bad;
    const wait = ctx.query.get('wait') === 'true';
    let message: APIMessage;
    const original = state.originalId ? this.messages.get(state.originalId) : undefined;
    if (state.deferred && state.callback.type === InteractionResponseType.DeferredChannelMessageWithSource && original) {
      // Discord lets the first follow-up replace a deferred "thinking..." reply.
      message = this.editMessage(original.message.id, body, ctx.files);
      state.deferred = false;
    } else {
      const ephemeral = (numberField(body.flags) & EPHEMERAL) !== 0;
      message = this.createBotMessage(state.payload.channel?.id ?? this.world.channelId, body, ctx.files, {
        ephemeral,
        interaction: state,
      });
      state.followUpIds.push(message.id);
    }
    state.changedAt = Date.now();
    return wait ? { status: 200, body: message } : { status: 204 };
  }

  private webhookMessage(ctx: RouteContext): RestResponse {
    const state = this.webhookState(ctx);
    if (!state) return discordError(404, 10015, 'Unknown Webhook');
    const which = ctx.params.message ?? '';
    const id = which === '@original' ? state.originalId : state.followUpIds.find((x) => x === which) ?? (which === state.originalId ? which : undefined);
    const stored = id ? this.messages.get(id) : undefined;
    if (!id || !stored || stored.deleted) return discordError(404, 10008, 'Unknown Message');
    if (ctx.method === 'GET') return { status: 200, body: stored.message };
    if (ctx.method === 'DELETE') {
      this.deleteMessage(id);
      state.changedAt = Date.now();
      return { status: 204 };
    }
    const bad = this.reject(checkMessageBody(ctx.body, [], { isCreate: false }), ctx.record);
    if (bad) return bad;
    const message = this.editMessage(id, ctx.body, ctx.files);
    if (id === state.originalId) state.deferred = false;
    state.changedAt = Date.now();
    return { status: 200, body: message };
  }

  // ------------------------------------------------------ acting as journalists

  private memberFor(user: APIUser): APIGuildMember {
    return this.world.members.find((m) => m.user.id === user.id) ?? makeMember(user, [], this.world.joinedAt);
  }

  private basePayload(channelId: string | undefined, user: APIUser | undefined, perms: bigint | string | undefined) {
    const channel = this.channels.get(channelId ?? this.world.channelId);
    if (!channel) throw new Error(`DiscordDouble: unknown channel ${String(channelId)}`);
    const member = this.memberFor(user ?? this.world.journalist);
    const permissions = perms === undefined ? memberPermissions(this.world, member) : BigInt(perms);
    return {
      id: nextSnowflake(),
      application_id: this.world.applicationId,
      token: alphanumericToken(),
      version: 1 as const,
      guild_id: this.world.guildId,
      guild: { id: this.world.guildId, locale: Locale.EnglishUS, features: [] },
      channel_id: channel.id,
      channel,
      member: makeInteractionMember(member, permissions),
      app_permissions: BOT_PERMISSIONS.toString(),
      locale: Locale.EnglishUS,
      guild_locale: Locale.EnglishUS,
      entitlements: [],
      authorizing_integration_owners: { '0': this.world.guildId },
      context: InteractionContextType.Guild,
      attachment_size_limit: 10 * 1024 * 1024,
    };
  }

  /** The same interaction fields as basePayload, as Discord sends them from the bot's DM. */
  private dmPayload(user: APIUser | undefined) {
    const who = user ?? this.world.journalist;
    const channel = { id: `9${who.id.slice(1)}`, type: ChannelType.DM as const, recipients: [who], last_message_id: null, flags: 0 };
    return {
      id: nextSnowflake(),
      application_id: this.world.applicationId,
      token: alphanumericToken(),
      version: 1 as const,
      channel_id: channel.id,
      channel,
      user: who,
      app_permissions: BOT_PERMISSIONS.toString(),
      locale: Locale.EnglishUS,
      entitlements: [],
      // Discord's documented value for a guild-installed app used in a DM with its bot.
      authorizing_integration_owners: { '0': '0' },
      context: InteractionContextType.BotDM,
      attachment_size_limit: 10 * 1024 * 1024,
    };
  }

  private findCommand(name: string, type: ApplicationCommandType): RegisteredCommand | undefined {
    return [...this.commands(this.world.guildId), ...this.commands()].find((c) => c.name === name && c.type === type);
  }

  private buildOptions(
    input: SlashCommandInput,
    focused: string | undefined,
  ): APIApplicationCommandInteractionDataOption[] {
    if (Array.isArray(input.options)) return input.options;
    const registered = this.findCommand(input.name, ApplicationCommandType.ChatInput);
    let defs: unknown[] = registered?.options ?? [];
    if (input.subcommand) {
      const sub = defs.filter(isRecord).find((o) => o.name === input.subcommand);
      defs = sub && Array.isArray(sub.options) ? sub.options : [];
    }
    const basic: APIApplicationCommandInteractionDataBasicOption[] = Object.entries(input.options ?? {}).map(([name, value]) => {
      const def = defs.filter(isRecord).find((o) => o.name === name);
      const type = def && typeof def.type === 'number' ? def.type : inferOptionType(value);
      const option = { name, type, value, ...(name === focused ? { focused: true } : {}) };
      // The union is keyed on `type`; the value was taken from a registered definition or inferred from it.
      return option as APIApplicationCommandInteractionDataBasicOption;
    });
    if (input.subcommand) {
      return [{ name: input.subcommand, type: ApplicationCommandOptionType.Subcommand, options: basic }];
    }
    return basic;
  }

  private dispatchInteraction<P extends APIInteraction>(payload: P): InteractionHandle<P> {
    const state: InteractionState = {
      id: payload.id,
      token: payload.token,
      payload,
      createdAt: Date.now(),
      deferred: false,
      followUpIds: [],
      changedAt: Date.now(),
    };
    this.interactions.set(payload.token, state);
    if (!this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload)) {
      throw new Error('DiscordDouble: the client has not identified yet; await login and ready first');
    }
    return this.handleFor(state, payload);
  }

  private handleFor<P extends APIInteraction>(state: InteractionState, payload: P): InteractionHandle<P> {
    return {
      id: state.id,
      token: state.token,
      payload,
      response: (timeoutMs = 2000) => this.waitUntil(() => state.callback, timeoutMs, `the response to interaction ${state.id}`),
      final: async ({ timeoutMs = 2000, settleMs = 25 } = {}) => {
        const deadline = Date.now() + timeoutMs;
        const visible = (): APIMessage | undefined => {
          if (!state.callback || state.deferred || !state.originalId) return undefined;
          return this.messages.get(state.originalId)?.message;
        };
        await this.waitUntil(visible, timeoutMs, `a final message for interaction ${state.id}`);
        if (state.callback && !state.originalId) {
          throw new Error(`DiscordDouble: interaction ${state.id} was answered with type ${state.callback.type}, which shows no message`);
        }
        // Settle: give a quick follow-on edit the chance to land.
        while (Date.now() - state.changedAt < settleMs && Date.now() < deadline) {
          await sleep(Math.max(1, settleMs - (Date.now() - state.changedAt)));
        }
        const m = visible();
        if (!m) throw new Error(`DiscordDouble: interaction ${state.id} has no visible message`);
        return m;
      },
      followUps: () =>
        state.followUpIds.map((id) => this.messages.get(id)?.message).filter((m): m is APIMessage => m !== undefined),
    };
  }

  /** A journalist runs a slash command (type 2, data.type 1). */
  slashCommand(input: SlashCommandInput): InteractionHandle<APIChatInputApplicationCommandInteraction> {
    const registered = this.findCommand(input.name, ApplicationCommandType.ChatInput);
    const contexts = registered?.contexts;
    if (input.inDm && !input.ignoreContexts && Array.isArray(contexts) && !contexts.includes(InteractionContextType.BotDM)) {
      throw new Error(`DiscordDouble: Discord does not offer /${input.name} in DMs (its contexts are [${contexts.join(', ')}])`);
    }
    const base = input.inDm ? this.dmPayload(input.user) : this.basePayload(input.channelId, input.user, input.memberPermissions);
    const payload: APIChatInputApplicationCommandInteraction = {
      ...base,
      ...(input.locale ? { locale: input.locale } : {}),
      type: InteractionType.ApplicationCommand,
      data: {
        id: registered?.id ?? nextSnowflake(),
        name: input.name,
        type: ApplicationCommandType.ChatInput,
        options: this.buildOptions(input, undefined),
        ...(this.world.guildId && !input.inDm ? { guild_id: this.world.guildId } : {}),
        ...(input.resolved ? { resolved: input.resolved } : {}),
      },
    };
    return this.dispatchInteraction(payload);
  }

  /** A person attaches a file to a slash command: stored and served like Discord's CDN. Pass it
   * as the option's value (its id) and in `resolved: { attachments: { [id]: attachment } }`. */
  uploadAttachment(filename: string, data: Buffer, contentType = 'text/plain; charset=utf-8'): APIAttachment {
    const [attachment] = this.attachmentsFrom(this.world.channelId, {}, [{ field: 'files[0]', filename, contentType, data }]);
    if (!attachment) throw new Error('DiscordDouble.uploadAttachment: no attachment made');
    return attachment;
  }

  /** A journalist types into an option with autocomplete (type 4). */
  autocomplete(input: AutocompleteInput): InteractionHandle<APIApplicationCommandAutocompleteInteraction> {
    const base = this.basePayload(input.channelId, input.user, input.memberPermissions);
    const registered = this.findCommand(input.name, ApplicationCommandType.ChatInput);
    const keys = Array.isArray(input.options) ? [] : Object.keys(input.options ?? {});
    const focused = input.focused ?? (keys.length === 1 ? keys[0] : undefined);
    if (!Array.isArray(input.options) && focused === undefined) {
      throw new Error('DiscordDouble.autocomplete: say which option is focused');
    }
    const payload: APIApplicationCommandAutocompleteInteraction = {
      ...base,
      type: InteractionType.ApplicationCommandAutocomplete,
      data: {
        id: registered?.id ?? nextSnowflake(),
        name: input.name,
        type: ApplicationCommandType.ChatInput,
        options: this.buildOptions(input, focused),
      },
    };
    return this.dispatchInteraction(payload);
  }

  /** A journalist clicks a button (type 3, component_type 2) on `message`. */
  clickButton(input: ComponentInput): InteractionHandle<APIMessageComponentInteraction> {
    return this.component(input, { custom_id: input.customId, component_type: ComponentType.Button });
  }

  /** A journalist picks from a string select (type 3, component_type 3). */
  selectMenu(input: ComponentInput & { values: string[] }): InteractionHandle<APIMessageComponentInteraction> {
    return this.component(input, { custom_id: input.customId, component_type: ComponentType.StringSelect, values: input.values });
  }

  private component(
    input: ComponentInput,
    data: APIMessageComponentInteraction['data'],
  ): InteractionHandle<APIMessageComponentInteraction> {
    // The interaction carries the message as Discord has it now, not a stale copy.
    const current = this.messages.get(input.message.id)?.message ?? input.message;
    const base = this.basePayload(current.channel_id, input.user, input.memberPermissions);
    const payload: APIMessageComponentInteraction = {
      ...base,
      type: InteractionType.MessageComponent,
      message: current,
      data,
    };
    return this.dispatchInteraction(payload);
  }

  /** A journalist uses a message context menu command (type 2, data.type 3) on `targetMessage`. */
  messageContextMenu(input: {
    name: string;
    targetMessage: APIMessage;
    user?: APIUser;
    memberPermissions?: bigint | string;
  }): InteractionHandle<APIMessageApplicationCommandInteraction> {
    const target = this.messages.get(input.targetMessage.id)?.message ?? input.targetMessage;
    const base = this.basePayload(target.channel_id, input.user, input.memberPermissions);
    const registered = this.findCommand(input.name, ApplicationCommandType.Message);
    const payload: APIMessageApplicationCommandInteraction = {
      ...base,
      type: InteractionType.ApplicationCommand,
      data: {
        id: registered?.id ?? nextSnowflake(),
        name: input.name,
        type: ApplicationCommandType.Message,
        target_id: target.id,
        // Resolved messages always carry their content: interactions are exempt from the intent.
        resolved: { messages: { [target.id]: target } },
        guild_id: this.world.guildId,
      },
    };
    return this.dispatchInteraction(payload);
  }

  /**
   * A journalist posts in a channel or thread. The stored message keeps the
   * full text; the MESSAGE_CREATE the bot receives has `content` (and
   * embeds, attachments, components) blanked when the client identified
   * without MessageContent and the bot is not mentioned, as Discord does.
   */
  userMessage(input: { channelId?: string; content: string; mentionsBot?: boolean; user?: APIUser }): APIMessage {
    const channelId = input.channelId ?? this.world.channelId;
    if (!this.channels.has(channelId)) throw new Error(`DiscordDouble: unknown channel ${channelId}`);
    const intents = this.gateway.intents;
    if (intents === undefined) throw new Error('DiscordDouble: the client has not identified yet');
    const author = input.user ?? this.world.journalist;
    const mention = `<@${this.world.botUser.id}>`;
    const content = input.mentionsBot && !input.content.includes(mention) ? `${mention} ${input.content}` : input.content;
    const message = makeMessage({ id: nextSnowflake(), channelId, author, content });
    if (input.mentionsBot || content.includes(mention)) message.mentions = [this.world.botUser];
    this.messages.set(message.id, { message, ephemeral: false, deleted: false });
    this.touchChannel(channelId, message.id);
    const canRead = (intents & GatewayIntentBits.MessageContent) !== 0 || message.mentions.some((u) => u.id === this.world.botUser.id);
    const seen: APIMessage = canRead ? message : { ...message, content: '', embeds: [], attachments: [], components: [] };
    this.gateway.dispatch(GatewayDispatchEvents.MessageCreate, this.guildMessageEvent(seen));
    return message;
  }
}

function inferOptionType(value: OptionValue): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') {
    return Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
  }
  return ApplicationCommandOptionType.String;
}
