// A small keyed JSON file that survives restarts: written whole to a temporary file and renamed
// over the old one, so a crash mid-write leaves the previous version, never half a file.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface JsonStoreOptions<T> {
  /** Narrows what was read back; entries it rejects are dropped (a file from an older version). */
  accept: (value: unknown) => value is T;
  /** Oldest entries go first beyond this many, so the file cannot grow without end. */
  maxEntries?: number;
}

export class JsonStore<T> {
  private readonly entries = new Map<string, T>();
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly opts: JsonStoreOptions<T>,
  ) {}

  static async open<T>(file: string, opts: JsonStoreOptions<T>): Promise<JsonStore<T>> {
    const store = new JsonStore<T>(file, opts);
    await mkdir(path.dirname(file), { recursive: true });
    const text = await readFile(file, 'utf8').catch((err: unknown) => {
      if (isNodeError(err) && err.code === 'ENOENT') return '{}';
      throw err;
    });
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      // A corrupt file is not worth stopping the bot for: old buttons then answer "expired".
      data = {};
    }
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
      for (const [k, v] of Object.entries(data)) if (opts.accept(v)) store.entries.set(k, v);
    }
    return store;
  }

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  /** Sets the entry and resolves once it is on disk. */
  set(key: string, value: T): Promise<void> {
    this.entries.delete(key); // re-inserting moves it to the newest end
    this.entries.set(key, value);
    const max = this.opts.maxEntries ?? Infinity;
    for (const k of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(k);
    }
    return this.flush();
  }

  private flush(): Promise<void> {
    // Writes run one after another; each writes the whole current map, so the last one wins.
    const run = async () => {
      const tmp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(tmp, JSON.stringify(Object.fromEntries(this.entries)), 'utf8');
      await rename(tmp, this.file);
    };
    this.writing = this.writing.then(run, run);
    return this.writing;
  }
}

function isNodeError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && 'code' in err;
}
