import { describe, expect, it } from 'vitest';
import { spokenFromNote } from '../../../src/core/parse/timeNote.ts';

describe('spokenFromNote', () => {
  const aired = '2025-06-12';
  it.each([
    ['March', '2025-03'],
    ['July', '2024-07'], // a month after the aired month is last year's
    ['2018', '2018'],
    ['March 15, meeting with reporters', '2025-03-15'],
    ['Jan. 20', '2025-01-20'],
    ['Feb. 7', '2025-02-07'],
    ['June 20', '2024-06-20'], // later in the aired month: the year before
    ['June 12', '2025-06-12'],
    ['Feb. 2023', '2023-02'],
    ['May', '2025-05'],
    ['5.20', '2025-05-20'],
    ['yesterday', '2025-06-11'],
    ['last week', '2025-06'],
    ['last month', '2025-05'],
    ['last year', '2024'],
  ])('%s aired %s', (note, expected) => {
    expect(spokenFromNote(note, aired)).toBe(expected);
  });

  it.each(['meeting with reporters', 'former national skier', '', 'Mayor of Busan', 'press conference'])(
    'gives no date for %j',
    (note) => expect(spokenFromNote(note, aired)).toBeNull(),
  );

  it('never dates words after the broadcast', () => {
    expect(spokenFromNote('2026', aired)).toBeNull();
    expect(spokenFromNote('July 4, 2025', aired)).toBeNull();
  });

  it('needs the aired date unless the note has a year', () => {
    expect(spokenFromNote('March', null)).toBeNull();
    expect(spokenFromNote('last week', null)).toBeNull();
    expect(spokenFromNote('2019', null)).toBe('2019');
    expect(spokenFromNote('Feb. 2023', null)).toBe('2023-02');
  });

  it('handles the turn of the year', () => {
    expect(spokenFromNote('Dec. 30', '2025-01-03')).toBe('2024-12-30');
    expect(spokenFromNote('December', '2025-01-03')).toBe('2024-12');
  });
});
