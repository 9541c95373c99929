/**
 * HTTP plumbing of the double's REST API v10: body parsing (JSON and
 * multipart), the route table, route patterns for fault injection, and the
 * record kept of every request. The routes' behaviour lives in
 * DiscordDouble.ts, next to the state they change.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RecordedFile {
  /** Multipart field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface RecordedRequest {
  /** 1-based order of arrival. */
  seq: number;
  at: number;
  method: string;
  /** Path after `/api/v10`, percent-decoded (`%40original` reads `@original`). */
  path: string;
  /** Path after `/api/v10` exactly as sent. */
  rawPath: string;
  query: Record<string, string>;
  /** Lower-cased request headers, Authorization removed (tests never need the token). */
  headers: Record<string, string>;
  /** Whether an Authorization header was present (webhook and callback routes carry none). */
  hadAuthorization: boolean;
  /** Parsed JSON body, or the parsed `payload_json` of a multipart body; undefined without a body. */
  body: unknown;
  files: RecordedFile[];
  /** The route template that matched, e.g. `POST /interactions/:id/:token/callback`, or `unknown`. */
  route: string;
  status: number;
  responseBody: unknown;
  /** Set when a `failNext`/`delayNext` rule applied to this request. */
  fault?: 'fail' | 'delay' | 'hold';
}

/**
 * Matches requests for `failNext`, `delayNext` and `waitFor` helpers.
 * A string is `"METHOD /path"` or just `"/path"` (any method); in the path,
 * `*` or `:name` matches one segment and a trailing `**` any rest. Segments
 * compare decoded, so `@original` matches `%40original`. A RegExp is tested
 * against `"METHOD /decoded/path"`.
 */
export type RoutePattern = string | RegExp;

export function matchesPattern(pattern: RoutePattern, method: string, path: string): boolean {
  if (pattern instanceof RegExp) return pattern.test(`${method} ${path}`);
  const trimmed = pattern.trim();
  const space = trimmed.indexOf(' ');
  const pMethod = space > 0 ? trimmed.slice(0, space).toUpperCase() : null;
  const pPath = space > 0 ? trimmed.slice(space + 1).trim() : trimmed;
  if (pMethod && pMethod !== '*' && pMethod !== method) return false;
  const want = splitPath(pPath);
  const got = splitPath(path);
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    if (w === '**') return true;
    const g = got[i];
    if (g === undefined) return false;
    if (w === '*' || w.startsWith(':')) continue;
    if (w !== g) return false;
  }
  return want.length === got.length;
}

function splitPath(path: string): string[] {
  return path
    .split('?')[0]!
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => safeDecode(s));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export interface RestResponse {
  status: number;
  /** JSON-serialised; omitted for 204. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: RecordedFile[];
  record: RecordedRequest;
}

export type RouteHandler = (ctx: RouteContext) => RestResponse | Promise<RestResponse>;

interface Route {
  method: string;
  template: string;
  segments: string[];
  handler: RouteHandler;
  /** Bot-token routes answer 401 on a missing or wrong token; webhook and callback routes need none. */
  auth: boolean;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, template: string, handler: RouteHandler, opts: { auth?: boolean } = {}): void {
    this.routes.push({ method, template, segments: splitPath(template), handler, auth: opts.auth ?? true });
  }

  /** The first route whose template matches; literal segments beat parameters because they are added first. */
  match(method: string, path: string): { route: Route; params: Record<string, string> } | null {
    const got = splitPath(path);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== got.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      route.segments.forEach((seg, i) => {
        const g = got[i]!;
        if (seg.startsWith(':')) params[seg.slice(1)] = g;
        else if (seg !== g) ok = false;
      });
      if (ok) return { route, params };
    }
    return null;
  }
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

export class BadBodyError extends Error {}

/** JSON or multipart (`payload_json` + `files[n]`), as @discordjs/rest sends them. */
export async function readBody(req: IncomingMessage): Promise<{ body: unknown; files: RecordedFile[] }> {
  const raw = await readRaw(req);
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    // Node 20's fetch Response parses multipart bodies for us.
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    let body: unknown;
    const files: RecordedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = parseJson(value);
      } else {
        files.push({
          field,
          filename: value.name,
          contentType: value.type,
          data: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
    return { body, files };
  }
  return { body: parseJson(raw.toString('utf8')), files: [] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadBodyError('The request body contains invalid JSON.');
  }
}

export function headersWithoutAuth(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (k === 'authorization' || v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/**
 * Write a response. JSON bodies always carry `Content-Type: application/json`
 * (without it @discordjs/rest hands callers raw bytes); a 204 carries no
 * body and no content type, because @discordjs/rest calls `res.json()` on
 * anything labelled JSON and an empty body would make that throw.
 */
export function writeResponse(res: ServerResponse, response: RestResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  if (response.status === 204 || response.body === undefined) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  headers['content-type'] = 'application/json';
  res.writeHead(response.status, headers);
  res.end(JSON.stringify(response.body));
}

/** Discord-style JSON error body. */
export function discordError(status: number, code: number, message: string): RestResponse {
  return { status, body: { message, code } };
}
