// Typed dates mean what a person means: months, seasons and years without a year are past ones,
// never a month still to come, and words for a month or a year are the whole month or year.
import { describe, expect, it } from 'vitest';
import { parseDateInput } from '../../../src/core/ask/parseDateInput.ts';

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const span = (text: string, now: string) => {
  const d = parseDateInput(text, at(now));
  return d.ok ? `${d.first}..${d.last}` : `refused: ${d.message}`;
};

describe('parseDateInput', () => {
  it.each([
    // [typed, now, range]
    ['2025', '2026-11-27', '2025-01-01..2025-12-31'],
    ['2025-02', '2026-11-27', '2025-02-01..2025-02-28'],
    ['2024-02', '2026-11-27', '2024-02-01..2024-02-29'],
    ['2025-03-15', '2026-11-27', '2025-03-15..2025-03-15'],
    // A month alone: the latest that has begun (this month counts).
    ['March', '2026-11-27', '2026-03-01..2026-03-31'],
    ['March', '2026-03-01', '2026-03-01..2026-03-31'],
    ['March', '2026-02-28', '2025-03-01..2025-03-31'],
    ['in March', '2026-02-10', '2025-03-01..2025-03-31'],
    ['January', '2026-01-31', '2026-01-01..2026-01-31'],
    ['December', '2026-01-05', '2025-12-01..2025-12-31'],
    ['sept', '2026-11-27', '2026-09-01..2026-09-30'],
    // "last March": the latest March that is over.
    ['last March', '2026-11-27', '2026-03-01..2026-03-31'],
    ['last March', '2026-03-20', '2025-03-01..2025-03-31'],
    ['last March', '2026-04-01', '2026-03-01..2026-03-31'],
    ['this March', '2026-03-20', '2026-03-01..2026-03-31'],
    ['March 2024', '2026-11-27', '2024-03-01..2024-03-31'],
    ['March of 2024', '2026-11-27', '2024-03-01..2024-03-31'],
    // Years, months and weeks named by words are whole periods, not the day a year ago.
    ['last year', '2026-11-27', '2025-01-01..2025-12-31'],
    ['last year', '2026-01-01', '2025-01-01..2025-12-31'],
    ['this year', '2026-11-27', '2026-01-01..2026-12-31'],
    ['last month', '2026-01-15', '2025-12-01..2025-12-31'],
    ['last week', '2026-02-11', '2026-02-02..2026-02-08'],
    ['the past 2 years', '2026-11-27', '2024-11-27..2026-11-27'],
    // Seasons: the latest begun; "last summer" the latest over; winter spans the new year.
    ['summer', '2026-07-10', '2026-06-01..2026-08-31'],
    ['summer', '2026-05-31', '2025-06-01..2025-08-31'],
    ['last summer', '2026-07-10', '2025-06-01..2025-08-31'],
    ['summer 2025', '2026-11-27', '2025-06-01..2025-08-31'],
    ['winter', '2026-01-10', '2025-12-01..2026-02-28'],
    ['last winter', '2026-01-10', '2024-12-01..2025-02-28'],
    // Days: never one still to come.
    ['yesterday', '2026-02-10', '2026-02-09..2026-02-09'],
    ['Jan 5', '2026-02-10', '2026-01-05..2026-01-05'],
    ['Dec 5', '2026-02-10', '2025-12-05..2025-12-05'],
    ['a year ago', '2026-02-10', '2025-02-10..2025-02-10'],
  ])('%s on %s is %s', (text, now, want) => {
    expect(span(text, now)).toBe(want);
  });

  it.each([
    ['2025-13', 'no month 13'],
    ['2025-02-30', 'not a real day'],
    ['the moon', 'not a date I can read'],
  ])('refuses %s (%s)', (text, why) => {
    expect(span(text, '2026-11-27')).toContain(why);
  });
});
