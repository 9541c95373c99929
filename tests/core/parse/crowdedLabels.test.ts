// A line whose colons come every few characters is not speech handed between people: findLabels
// reads it as text. The rule's boundaries: how many colons, and how far apart on average.
import { describe, expect, it } from 'vitest';
import { findLabels } from '../../../src/core/parse/general/findLabels.ts';

/** `count` labels `BOB ROE: ` each followed by filler so that colons are `spacing` apart. */
function line(count: number, spacing: number): string {
  const label = 'BOB ROE: ';
  const filler = 'x'.repeat(Math.max(0, spacing - label.length - 2));
  return Array.from({ length: count }, () => `${label}${filler}. `).join('');
}

describe('a line crowded with colons is read as text', () => {
  it.each([
    ['99 colons 11 apart: labels', 99, 11, true],
    ['100 colons 11 apart: text', 100, 11, false],
    ['100 colons 15 apart: text', 100, 15, false],
    ['100 colons 17 apart: labels', 100, 17, true],
    ['1,000 colons 40 apart: labels', 1000, 40, true],
  ])('%s', (_what, count, spacing, labelled) => {
    const text = line(count, spacing);
    const found = findLabels(0, text, false);
    if (labelled) expect(found.length).toBe(count);
    else expect(found).toEqual([]);
  });
});
