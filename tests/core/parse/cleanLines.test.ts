import { describe, expect, it } from 'vitest';
import { cleanLine, cleanLines } from '../../../src/core/parse/general/cleanLines.ts';

// What the export marks as a speaker's opening: a time stamp before a label, Markdown emphasis
// around it, a name with its time alone on the line. A marked label needs no other evidence.
describe('cleanLine', () => {
  it.each([
    ['[00:00:05] John Doe: Hello.', 'John Doe: Hello.', '00:00:05', true],
    ['00:00:05 John Doe: Hello.', 'John Doe: Hello.', '00:00:05', true],
    ['0:05 Good evening.', 'Good evening.', '0:05', true],
    ['10:30 the meeting began', '10:30 the meeting began', null, false],
    ['**John Doe:** Hello.', 'John Doe: Hello.', null, true],
    ['**John Doe**: Hello.', 'John Doe: Hello.', null, true],
    ['__John Doe:__ Hello.', 'John Doe: Hello.', null, true],
    ['**Bold words** and more: Hello.', '**Bold words** and more: Hello.', null, false],
    ['John Doe (00:00:05)', 'John Doe:', '00:00:05', true],
    ['Speaker 2 [01:02:03]', 'Speaker 2:', '01:02:03', true],
    ['Jane Roe  00:21', 'Jane Roe:', '00:21', true],
    ['Jane Roe 00:21', 'Jane Roe 00:21', null, false],
    ['the vote (10:30)', 'the vote (10:30)', null, false],
    ['Plain words: Hello.', 'Plain words: Hello.', null, false],
    ['[Jane Roe] 10:02:11', 'Jane Roe:', '10:02:11', true],
    ['00:00:05 Speaker 1', 'Speaker 1:', '00:00:05', true],
    ['00:00:31 John Doe.', 'John Doe.', '00:00:31', true],
    ['Jane Roe: [00:00:05] Welcome.', 'Jane Roe: Welcome.', '00:00:05', true],
    ['Jane Roe: the vote [00:00:05]', 'Jane Roe: the vote [00:00:05]', null, false],
    ['[00:00.000 --> 00:04.000] SPEAKER_00: Welcome.', 'SPEAKER_00: Welcome.', '00:00', true],
    ['[SPEAKER_00]: Welcome.', 'SPEAKER_00: Welcome.', null, true],
    ['[MUSIC] Welcome.', '[MUSIC] Welcome.', null, false],
    ['[Jane Roe] Welcome.', 'Jane Roe: Welcome.', null, true],
    ['[Laughter] Welcome.', '[Laughter] Welcome.', null, false],
  ])('%j', (line, text, timecode, marked) => {
    const c = cleanLine({ n: 1, text: line });
    expect({ text: c.text, timecode: c.timecode, marked: c.marked }).toEqual({ text, timecode, marked });
  });
});

describe('cleanLines: a clock opening every line', () => {
  const read = (text: string) => cleanLines(text.split('\n').map((t, i) => ({ n: i + 1, text: t }))).map((l) => [l.timecode, l.text]);
  it.each([
    ['three lines of four open with a clock: stamps', 'Harbour hearing\n0:00 welcome to the hearing\n0:04 today the vote\n0:09 it passed',
      [[null, 'Harbour hearing'], ['0:00', 'welcome to the hearing'], ['0:04', 'today the vote'], ['0:09', 'it passed']]],
    ['two of them: words', 'Harbour hearing\n0:00 welcome to the hearing\n0:04 today the vote\nit passed',
      [[null, 'Harbour hearing'], [null, '0:00 welcome to the hearing'], [null, '0:04 today the vote'], [null, 'it passed']]],
    ['three of seven: words', 'a\nb\nc\nd\n0:00 one\n0:04 two\n0:09 three',
      [[null, 'a'], [null, 'b'], [null, 'c'], [null, 'd'], [null, '0:00 one'], [null, '0:04 two'], [null, '0:09 three']]],
  ])('%s', (_, text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});
