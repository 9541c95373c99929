// Passage id → slot, as an open-addressing hash table in typed arrays. At a million passages a
// Map of id strings took over half a second of the start-up to fill and some 50 MB to keep. This
// table stores slots and the ids' hashes; the id itself is read from the passage, through
// `idOf`, only when a probe meets an equal hash.

const EMPTY = 0;
const DELETED = -1;
const MAX_LOAD = 0.5;

export class IdSlots {
  /** slot + 1, or EMPTY, or DELETED. */
  private table: Int32Array;
  private hashes: Uint32Array;
  private live = 0;
  private used = 0;

  /** `expected`: how many ids are coming, so a known number is placed without regrowing. */
  constructor(private readonly idOf: (slot: number) => string | undefined, expected = 0) {
    let size = 1024;
    while (expected / size > MAX_LOAD / 2) size *= 2;
    this.table = new Int32Array(size);
    this.hashes = new Uint32Array(size);
  }

  get size(): number {
    return this.live;
  }

  get(id: string): number | undefined {
    const mask = this.table.length - 1;
    const h = hash(id);
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const e = this.table[i]!;
      if (e === EMPTY) return undefined;
      if (e > 0 && this.hashes[i] === h && this.idOf(e - 1) === id) return e - 1;
    }
  }

  /** Adds `id` at `slot`; false, changing nothing, when the id is already there. */
  add(id: string, slot: number): boolean {
    if ((this.used + 1) / this.table.length > MAX_LOAD) this.rebuild();
    const mask = this.table.length - 1;
    const h = hash(id);
    let free = -1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const e = this.table[i]!;
      if (e === EMPTY) {
        if (free < 0) {
          free = i;
          this.used++;
        }
        break;
      }
      if (e === DELETED) {
        if (free < 0) free = i;
        continue;
      }
      if (this.hashes[i] === h && this.idOf(e - 1) === id) return false;
    }
    this.table[free] = slot + 1;
    this.hashes[free] = h;
    this.live++;
    return true;
  }

  /** Call while the passage can still be read through `idOf`. */
  delete(id: string): boolean {
    const mask = this.table.length - 1;
    const h = hash(id);
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const e = this.table[i]!;
      if (e === EMPTY) return false;
      if (e > 0 && this.hashes[i] === h && this.idOf(e - 1) === id) {
        this.table[i] = DELETED;
        this.live--;
        return true;
      }
    }
  }

  /** Twice the size when mostly live, the same size when mostly deleted entries. */
  private rebuild(): void {
    const old = this.table;
    const oldHashes = this.hashes;
    let size = old.length;
    while ((this.live + 1) / size > MAX_LOAD / 2) size *= 2;
    this.table = new Int32Array(size);
    this.hashes = new Uint32Array(size);
    const mask = size - 1;
    // Entries are distinct already, and their hashes are kept: placed without reading any id.
    old.forEach((e, k) => {
      if (e <= 0) return;
      const h = oldHashes[k]!;
      let i = h & mask;
      while (this.table[i] !== EMPTY) i = (i + 1) & mask;
      this.table[i] = e;
      this.hashes[i] = h;
    });
    this.used = this.live;
  }
}

/** FNV-1a over the id's characters. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
