// Otter and Rev exports: golden files in tests/fixtures/otter and tests/fixtures/rev (the
// export beside the expected Transcript as JSON), plus the timecode helpers they share.
// Regenerate on purpose and review the diff:
//   UPDATE_GOLDEN=1 npx vitest run tests/core/parse/services.test.ts
import { describe, expect, it } from 'vitest';
import { goldenCases } from '../../helpers/goldenCases.ts';
import { parseTranscript } from '../../../src/core/parse/parseTranscript.ts';
import { otterParser } from '../../../src/core/parse/services/parseOtter.ts';
import { revParser } from '../../../src/core/parse/services/parseRev.ts';
import { formatTimecode, secondsFromClock } from '../../../src/core/parse/services/timecode.ts';


goldenCases('otter', otterParser);
goldenCases('rev', revParser);

describe('timecodes', () => {
  it('reads the clocks the exports write', () => {
    expect(secondsFromClock('0:08')).toBe(8);
    expect(secondsFromClock('03:04')).toBe(184);
    expect(secondsFromClock('1:02:13')).toBe(3733);
    expect(secondsFromClock('00:01:14,815')).toBeCloseTo(74.815);
    expect(secondsFromClock('00:00:11.000')).toBe(11);
    expect(secondsFromClock('3:75')).toBeNull();
    expect(secondsFromClock('soon')).toBeNull();
  });
  it('shows minutes under an hour and hours from then on', () => {
    expect(formatTimecode(8)).toBe('00:08');
    expect(formatTimecode(184.9)).toBe('03:04');
    expect(formatTimecode(3733)).toBe('1:02:13');
  });
});

describe('Otter', () => {
  const parse = (file: string, text: string) => parseTranscript(file, text);
  it('keeps the footer out of the words and marks numbered speakers anonymous', () => {
    const t = parse('2025-03-04-x.txt', 'Jane Roe  0:08\nHello there.\nSpeaker 2  0:10\nHi.\nTranscribed by https://otter.ai\n');
    expect(t.format).toBe('otter');
    expect(t.passages.map((p) => [p.speaker.name, p.speaker.anonymous, p.text, p.source.timecode])).toEqual([
      ['Jane Roe', false, 'Hello there.', '00:08'],
      ['Speaker 2', true, 'Hi.', '00:10'],
    ]);
    expect(t.passages[0]?.source.aired).toBe('2025-03-04');
  });
  // The gap before the time is bounded (a line of a million spaces must not be tried a million
  // ways); a short name takes any spaces past two into itself, so the bound is on the whole.
  it.each([
    ['two spaces', 'Jane Roe  0:08', 'Jane Roe'],
    ['twelve spaces', `Jane Roe${' '.repeat(12)}0:08`, 'Jane Roe'],
    ['65 spaces after an 8-letter name: 61 characters of name, then 12', `Jane Roe${' '.repeat(65)}0:08`, 'Jane Roe'],
    ['66 spaces: no longer a header', `Jane Roe${' '.repeat(66)}0:08`, null],
    ['one space: no header', 'Jane Roe 0:08', null],
  ])('a header with %s', (_, header, name) => {
    const t = parse('2025-03-04-x.otter.txt', `${header}\nHello there.\nJohn Doe  0:10\nHi.\nAmy Poe  0:12\nBye.\n`);
    expect(t.format).toBe('otter');
    expect(t.passages.map((p) => [p.speaker.name, p.text])).toEqual([...(name ? [[name, 'Hello there.']] : []), ['John Doe', 'Hi.'], ['Amy Poe', 'Bye.']]);
  });
  it('says when the file and its name carry no date', () => {
    const t = parse('interview.txt', 'Jane Roe  0:08\nHello there.\nJohn Doe  0:10\nHi.\n');
    expect(t.meta.aired).toBeNull();
    expect(t.issues).toEqual([expect.objectContaining({ line: 1, severity: 'warning', message: expect.stringContaining('no date') })]);
  });
});

describe('Rev', () => {
  // As Otter's: the space before the time is bounded; the name takes up to 61 characters.
  it.each([
    ['one space', 'Jane Roe (03:04):', 'Jane Roe'],
    ['61 spaces: 61 characters of name, then 8', `Jane Roe${' '.repeat(61)}(03:04):`, 'Jane Roe'],
    ['62 spaces: no longer a header', `Jane Roe${' '.repeat(62)}(03:04):`, null],
  ])('a header with %s', (_, header, name) => {
    const t = parseTranscript('2025-03-05.txt', `${header}\nWe have news.\nJohn Doe (03:45):\nHi.\nAmy Poe (03:50):\nBye.\n`);
    expect(t.format).toBe('rev');
    expect(t.passages.map((p) => [p.speaker.name, p.text])).toEqual([...(name ? [[name, 'We have news.']] : []), ['John Doe', 'Hi.'], ['Amy Poe', 'Bye.']]);
  });
  it('splits a long turn at a bare stamp, same speaker, new time', () => {
    const t = parseTranscript('2025-03-05.txt', 'Jane Roe (03:04):\nWe have news.\n(03:45)\nIn other news.\n');
    expect(t.format).toBe('rev');
    expect(t.passages.map((p) => [p.speaker.name, p.text, p.source.timecode, p.source.line])).toEqual([
      ['Jane Roe', 'We have news.', '03:04', 2],
      ['Jane Roe', 'In other news.', '03:45', 4],
    ]);
  });
});
