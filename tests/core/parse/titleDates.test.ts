import { describe, expect, it } from 'vitest';
import { fullDateIn } from '../../../src/core/parse/general/titleLines.ts';
import { parseTranscript } from '../../../src/core/parse/parseTranscript.ts';

// The dates a title line can give, at the edges of each shape.
describe('fullDateIn', () => {
  it.each([
    ['03/21/2025 Harbour hearing', '2025-03-21'],
    ['21/03/2025 Harbour hearing', '2025-03-21'],
    ['12/11/2025 Harbour hearing', '2025-12-11'],
    ['13/13/2025 Harbour hearing', null],
    ['Harbour hearing (21.03.2025)', '2025-03-21'],
    ['Version 1.2.2025 draft', null],
    ['31.02.2025', null],
    ['Updated: 21.03.2025', null],
  ])('%j gives %j', (line, date) => {
    expect(fullDateIn(line)).toBe(date);
  });
});

describe('date fields above a transcript', () => {
  it.each([
    ['Recorded: 2025-03-21', '2025-03-21'],
    ['Broadcast date: 21 March 2025', '2025-03-21'],
    ['First aired: March 21, 2025', '2025-03-21'],
    ['Posted: March 21, 2025', null],
  ])('%j', (field, aired) => {
    const t = parseTranscript('hearing.txt', `Harbour hearing\n${field}\n\nJane Roe: The contract was signed.\nAna Flores: On Monday.\nJane Roe: Thanks.\n`);
    expect(t.meta.aired).toBe(aired);
  });
});
