import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdSlots } from '../../../src/core/search/idSlots.ts';

describe('IdSlots', () => {
  it('agrees with a Map through any sequence of adds and deletes, across rebuilds', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), id: fc.integer({ min: 0, max: 3000 }) }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 3000 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 4000 }), (ops) => {
        const ids: string[] = [];
        const table = new IdSlots((slot) => ids[slot]);
        const model = new Map<string, number>();
        for (const o of ops) {
          const id = `p${o.id}-${o.id % 7}`;
          if (o.kind === 'add') {
            const slot = ids.length;
            ids.push(id);
            expect(table.add(id, slot)).toBe(!model.has(id));
            if (!model.has(id)) model.set(id, slot);
          } else {
            expect(table.delete(id)).toBe(model.delete(id));
          }
        }
        expect(table.size).toBe(model.size);
        for (let k = 0; k <= 3000; k += 7) expect(table.get(`p${k}-${k % 7}`)).toBe(model.get(`p${k}-${k % 7}`));
      }),
      { numRuns: 60 },
    );
  });
});
