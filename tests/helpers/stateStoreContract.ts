// What every state store promises, asked of each (SQLite in the data folder, PostgreSQL): records
// kept across a reopen until they expire, and at most maxRecords per space, the oldest write
// going first, a rewrite making a record the newest, other spaces untouched.
import { expect, it } from 'vitest';
import type { StateSpace, StateStore } from '../../src/discord/stateStore.ts';

/** Opens the store under test (again, on the same place, when called again) with this clock. */
export type OpenStore = (now: () => number) => Promise<StateStore>;

const small: StateSpace = { name: 'small', ttlMs: 1000, maxRecords: 3 };

export function stateStoreContract(open: OpenStore): void {
  it('keeps records across a reopen, and forgets them when they expire', async () => {
    let now = 1_000_000;
    const store = await open(() => now);
    await store.put(small, 'a', { n: 1 });
    now += 999;
    await store.close();
    const again = await open(() => now);
    expect(await again.get(small, 'a')).toEqual({ n: 1 });
    // Rewriting a record starts its life again.
    await again.put(small, 'a', { n: 2 });
    now += 999;
    expect(await again.get(small, 'a')).toEqual({ n: 2 });
    now += 1;
    expect(await again.get(small, 'a')).toBeUndefined();
    expect(await again.list(small, 10)).toEqual([]);
    await again.close();
  });

  it('keeps at most maxRecords per space, the oldest writes going first, other spaces untouched', async () => {
    let now = 5_000_000;
    const store = await open(() => now);
    const capped: StateSpace = { ...small, name: 'capped' };
    const other: StateSpace = { name: 'other', ttlMs: 10_000, maxRecords: 10 };
    await store.put(other, 'keep', { k: 'keep' });
    for (const k of ['a', 'b', 'c', 'd', 'e']) {
      await store.put(capped, k, { k });
      now += 1;
    }
    expect((await store.list(capped, 10)).map((r) => r.key)).toEqual(['c', 'd', 'e']);
    // A rewrite makes a record the newest again: "c" outlives "d" now.
    await store.put(capped, 'c', { k: 'c2' });
    now += 1;
    await store.put(capped, 'f', { k: 'f' });
    expect((await store.list(capped, 10)).map((r) => r.key)).toEqual(['e', 'c', 'f']);
    expect(await store.get(other, 'keep')).toEqual({ k: 'keep' });
    await store.close();
  });
}
