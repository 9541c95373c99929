/**
 * The double's Gateway v10: plain JSON text frames, one shard, one session.
 *
 * Why a session log: Discord numbers every dispatch (`s`) and, on RESUME,
 * replays what the client missed since the `seq` it reports. Keeping every
 * dispatch of the session lets the double do the same, so an interaction
 * sent while the socket is down still reaches the bot after it resumes.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
} from 'discord-api-types/v10';

export type GatewayLogEntry =
  | { kind: 'connect'; path: string }
  | { kind: 'identify'; intents: number; accepted: boolean; closeCode?: number }
  | { kind: 'resume'; sessionId: string; seq: number; accepted: boolean; replayed: number }
  | { kind: 'heartbeat' }
  | { kind: 'op'; op: number }
  | { kind: 'close'; code: number; by: 'server' | 'client' };

export interface GatewayOptions {
  /** The token IDENTIFY must carry (without the `Bot ` prefix). */
  token: string;
  /** Whether the "portal" allows the privileged MessageContent intent; if not, IDENTIFY with it closes 4014. */
  messageContentIntentAllowed: boolean;
  heartbeatIntervalMs: number;
  /** URL of this gateway, e.g. `ws://127.0.0.1:PORT/gateway`; resume_gateway_url is `${url}/resume`. */
  baseUrl: () => string;
  /** READY's data and the guilds to send as GUILD_CREATE right after it. */
  readyPayload: (sessionId: string, resumeGatewayUrl: string) => {
    ready: GatewayReadyDispatchData;
    guilds: GatewayGuildCreateDispatchData[];
  };
}

interface Dispatch {
  s: number;
  t: string;
  d: unknown;
}

interface Session {
  id: string;
  intents: number;
  seq: number;
  events: Dispatch[];
  socket: WebSocket | null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

function stripBot(token: unknown): string {
  return typeof token === 'string' ? token.replace(/^Bot\s+/i, '') : '';
}

export class GatewayServer {
  readonly log: GatewayLogEntry[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private session: Session | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly opts: GatewayOptions) {}

  /** Intents of the current session's IDENTIFY, or undefined before the first one. */
  get intents(): number | undefined {
    return this.session?.intents;
  }

  get connected(): boolean {
    return this.session?.socket?.readyState === 1;
  }

  /** Called on every log entry; the double uses it to wake `waitForGateway`. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private push(entry: GatewayLogEntry): void {
    this.log.push(entry);
    for (const l of this.listeners) l();
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req.url ?? '/'));
  }

  private accept(ws: WebSocket, url: string): void {
    this.sockets.add(ws);
    this.push({ kind: 'connect', path: url });
    ws.on('message', (data) => this.onMessage(ws, rawToString(data)));
    ws.on('close', (code) => {
      this.sockets.delete(ws);
      if (this.session?.socket === ws) this.session.socket = null;
      // Codes the double itself sent were already logged as 'server'.
      if (!closedByServer.has(ws)) this.push({ kind: 'close', code, by: 'client' });
    });
    ws.on('error', () => {
      /* a client vanishing mid-frame is not the double's failure */
    });
    this.send(ws, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.opts.heartbeatIntervalMs } });
  }

  private send(ws: WebSocket, payload: Record<string, unknown>): void {
    if (ws.readyState === 1) ws.send(JSON.stringify(payload));
  }

  private closeSocket(ws: WebSocket, code: number, reason: string): void {
    closedByServer.add(ws);
    this.push({ kind: 'close', code, by: 'server' });
    ws.close(code, reason);
  }

  private onMessage(ws: WebSocket, text: string): void {
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      this.closeSocket(ws, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    if (!isRecord(payload) || typeof payload.op !== 'number') {
      this.closeSocket(ws, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    const d = payload.d;
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.push({ kind: 'heartbeat' });
        this.send(ws, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        this.identify(ws, isRecord(d) ? d : {});
        return;
      case GatewayOpcodes.Resume:
        this.resume(ws, isRecord(d) ? d : {});
        return;
      default:
        // Presence updates, member requests and the like: recorded, not answered.
        this.push({ kind: 'op', op: payload.op });
    }
  }

  private identify(ws: WebSocket, d: Record<string, unknown>): void {
    const intents = typeof d.intents === 'number' ? d.intents : 0;
    if (stripBot(d.token) !== this.opts.token) {
      this.push({ kind: 'identify', intents, accepted: false, closeCode: GatewayCloseCodes.AuthenticationFailed });
      this.closeSocket(ws, GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    if ((intents & GatewayIntentBits.MessageContent) !== 0 && !this.opts.messageContentIntentAllowed) {
      this.push({ kind: 'identify', intents, accepted: false, closeCode: GatewayCloseCodes.DisallowedIntents });
      this.closeSocket(ws, GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
      return;
    }
    // A new IDENTIFY ends any previous session; its socket (if any) is dropped.
    const previous = this.session?.socket;
    if (previous && previous !== ws) previous.terminate();
    const session: Session = { id: randomUUID().replaceAll('-', ''), intents, seq: 0, events: [], socket: ws };
    this.session = session;
    this.push({ kind: 'identify', intents, accepted: true });
    const { ready, guilds } = this.opts.readyPayload(session.id, `${this.opts.baseUrl()}/resume`);
    this.dispatch(GatewayDispatchEvents.Ready, ready);
    for (const guild of guilds) this.dispatch(GatewayDispatchEvents.GuildCreate, guild);
  }

  private resume(ws: WebSocket, d: Record<string, unknown>): void {
    const sessionId = typeof d.session_id === 'string' ? d.session_id : '';
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    const session = this.session;
    if (!session || session.id !== sessionId || stripBot(d.token) !== this.opts.token) {
      this.push({ kind: 'resume', sessionId, seq, accepted: false, replayed: 0 });
      // Invalid session, not resumable: the client must IDENTIFY again.
      this.send(ws, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    if (session.socket && session.socket !== ws) session.socket.terminate();
    session.socket = ws;
    const missed = session.events.filter((e) => e.s > seq);
    this.push({ kind: 'resume', sessionId, seq, accepted: true, replayed: missed.length });
    for (const e of missed) this.send(ws, { op: GatewayOpcodes.Dispatch, t: e.t, s: e.s, d: e.d });
    this.dispatch(GatewayDispatchEvents.Resumed, {});
  }

  /**
   * Send a dispatch in the current session. While the socket is down the
   * event is only logged, to be replayed on RESUME, as Discord does.
   * Returns false when no session exists (the client never identified).
   */
  dispatch(t: string, d: unknown): boolean {
    const session = this.session;
    if (!session) return false;
    session.seq += 1;
    const event: Dispatch = { s: session.seq, t, d };
    session.events.push(event);
    if (session.socket) this.send(session.socket, { op: GatewayOpcodes.Dispatch, t, s: event.s, d });
    return true;
  }

  /** Close the live socket with `code`; a resumable code (4000, 4009...) makes the client RESUME. */
  drop(code: number): boolean {
    const ws = this.session?.socket;
    if (!ws) return false;
    this.closeSocket(ws, code, 'Dropped by the test double');
    return true;
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.sockets.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

/** Sockets the double closed itself, so their close event is not logged twice. */
const closedByServer = new WeakSet<WebSocket>();
