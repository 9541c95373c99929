import { describe, expect, it } from 'vitest';
import { dateFromFileName } from '../../../src/core/parse/dateFromFileName.ts';

describe('dateFromFileName', () => {
  it.each([
    ['2025-03-04-council.otter.txt', '2025-03-04'],
    ['council_20250304.vtt', '2025-03-04'],
    ['exports/2024_02_29 budget.srt', '2024-02-29'],
    ['council.2025.03.04.rev.txt', '2025-03-04'],
  ])('%s → %s', (file, date) => expect(dateFromFileName(file)).toBe(date));

  it.each([
    ['council.vtt'],
    ['2023-02-29-not-a-leap-year.txt'],
    ['2025-13-01-no-such-month.txt'],
    ['id-1202503041.srt'],
    ['2025-03/council.vtt'],
  ])('%s has no date', (file) => expect(dateFromFileName(file)).toBeNull());
});
