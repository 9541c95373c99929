// What the Discord adapter keeps beyond one message (what a button acts on, a thread's context,
// feedback votes): keyed records in named spaces, each with an expiry. SQLite keeps them now
// (sqliteStateStore.ts); PostgreSQL can follow behind the same interface, so every method is
// async and each is one atomic step. Typed access, and what a failure means, is StateRecords.
import type { Logger } from './log.ts';

/** A kind of record, with how long one lives and how many may be kept. */
export interface StateSpace {
  readonly name: string;
  /** A record expires this long after it was last written. */
  readonly ttlMs: number;
  /** Beyond this many, the records closest to expiry go first: the store cannot grow without end. */
  readonly maxRecords: number;
}

export interface StoredRecord {
  key: string;
  value: unknown;
  /** Milliseconds since the epoch, by the store's clock. */
  writtenAt: number;
}

export interface StateStore {
  /** Where the records are kept, for logs: a file, or why none are. */
  readonly where: string;
  /** The record's value as written, or undefined when there is none or it has expired. */
  get(space: StateSpace, key: string): Promise<unknown>;
  /** Writes or replaces a record; rejects when it cannot be kept (disk full, read-only, locked). */
  put(space: StateSpace, key: string, value: unknown): Promise<void>;
  delete(space: StateSpace, key: string): Promise<void>;
  /** Live records of a space, oldest write first, at most `limit`. */
  list(space: StateSpace, limit: number): Promise<StoredRecord[]>;
  close(): Promise<void>;
}

const DAY = 24 * 60 * 60 * 1000;

/** The spaces the bot uses. Another feature adds its own space beside these. */
export const SPACES = {
  /** Button key → the answer its message shows (answerState.ts). */
  answers: { name: 'answers', ttlMs: 90 * DAY, maxRecords: 50_000 },
  /** Thread id → the context of the thread's latest answer (threadContexts.ts). */
  threads: { name: 'threads', ttlMs: 30 * DAY, maxRecords: 20_000 },
  /** Answer key and user → that user's Right / Wrong speaker vote (feedback.ts). */
  votes: { name: 'votes', ttlMs: 365 * DAY, maxRecords: 100_000 },
  /** Follow id → a topic a channel follows (follows.ts); kept until unfollowed. */
  follows: { name: 'follows', ttlMs: 100 * 365 * DAY, maxRecords: 10_000 },
} as const satisfies Record<string, StateSpace>;

/**
 * One space read and written as values of one type. A value that does not pass `accept` (written
 * by another version) reads as absent; a store that cannot be read or written is logged and
 * answered as "nothing kept", so the caller answers without buttons rather than failing.
 */
export class StateRecords<T> {
  constructor(
    private readonly store: StateStore,
    readonly space: StateSpace,
    private readonly accept: (v: unknown) => v is T,
    private readonly log: Logger,
  ) {}

  async get(key: string): Promise<T | undefined> {
    try {
      const v = await this.store.get(this.space, key);
      return v !== undefined && this.accept(v) ? v : undefined;
    } catch (err) {
      this.log.error('state_read_failed', { space: this.space.name, key, store: this.store.where, err });
      return undefined;
    }
  }

  /** True once the record is kept; false (logged) when the store could not keep it. */
  async set(key: string, value: T): Promise<boolean> {
    try {
      await this.store.put(this.space, key, value);
      return true;
    } catch (err) {
      this.log.error('state_write_failed', { space: this.space.name, key, store: this.store.where, err });
      return false;
    }
  }

  /** Every live record of the space, oldest first, at most `limit` (logged, and none, when the
   * store cannot be read). */
  async all(limit: number): Promise<T[]> {
    try {
      return (await this.store.list(this.space, limit)).flatMap((r) => (this.accept(r.value) ? [r.value] : []));
    } catch (err) {
      this.log.error('state_read_failed', { space: this.space.name, store: this.store.where, err });
      return [];
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.store.delete(this.space, key);
    } catch (err) {
      this.log.error('state_write_failed', { space: this.space.name, key, store: this.store.where, err });
    }
  }
}

/** A store that keeps nothing, for when none could be opened: every write says why. */
export class UnavailableStore implements StateStore {
  constructor(private readonly reason: string) {}

  get where(): string {
    return `nowhere (${this.reason})`;
  }

  get(): Promise<unknown> {
    return Promise.resolve(undefined);
  }

  put(): Promise<void> {
    return Promise.reject(new Error(`no state store: ${this.reason}`));
  }

  delete(): Promise<void> {
    return Promise.resolve();
  }

  list(): Promise<StoredRecord[]> {
    return Promise.resolve([]);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
