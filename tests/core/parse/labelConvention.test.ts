import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../../src/core/parse/parseTranscript.ts';

const speakers = (text: string) => parseTranscript('2025-03-05-hearing.txt', text).passages.map((p) => `${p.speaker.name}: ${p.text}`);

// A mixed-case `Name:` at the start of a line is a label when the file labels its turns that way
// (a full name there at least twice) or the export marked it; otherwise it must recur.
describe('mixed-case labels at the start of a line', () => {
  it.each([
    ['a guest who speaks once, among recurring labels',
      'Jane Roe: We are live.\nAna Flores: The contract was signed.\nJane Roe: And the cost?\n',
      ['Jane Roe: We are live.', 'Ana Flores: The contract was signed.', 'Jane Roe: And the cost?']],
    ['no full name recurs: one-off labels stay words',
      'Jane Roe: We are live.\nAna Flores: The contract was signed.\n',
      ['Unidentified speaker: Jane Roe: We are live. Ana Flores: The contract was signed.']],
    ['a heading-like pair of words is not a guest',
      'Jane Roe: We are live.\nBottom Line: the contract was signed.\nJane Roe: And the cost?\n',
      ['Jane Roe: We are live. Bottom Line: the contract was signed.', 'Jane Roe: And the cost?']],
    ['a one-word name is not taken on the convention alone',
      'Jane Roe: We are live.\nRemember: the contract was signed.\nJane Roe: And the cost?\n',
      ['Jane Roe: We are live. Remember: the contract was signed.', 'Jane Roe: And the cost?']],
    ['a time stamp marks a label seen once',
      '[00:00:01] Jane Roe: We are live.\n[00:00:05] Ana Flores: The contract was signed.\n',
      ['Jane Roe: We are live.', 'Ana Flores: The contract was signed.']],
    ['bold marks a label seen once',
      '**Jane Roe:** We are live.\n\n**Ana Flores**: The contract was signed.\n',
      ['Jane Roe: We are live.', 'Ana Flores: The contract was signed.']],
    ['A: answers a Q: question, by someone the label does not name',
      'Q: When was it signed?\nA: On Monday.\n',
      ['Reporter: When was it signed?', 'Interviewee: On Monday.']],
    ['A. answers a Q. question, as depositions write them',
      'Q. When was it signed?\nA. On Monday.\n',
      ['Reporter: When was it signed?', 'Interviewee: On Monday.']],
    ['A. opening a line without questions is an initial',
      'JANE ROE: We spoke to the mayor.\nA. Smith said the work starts in May.\n',
      ['Jane Roe: We spoke to the mayor. A. Smith said the work starts in May.']],
    ['A: without questions is no label',
      'Jane Roe: We are live.\nA: plan was agreed.\nJane Roe: And the cost?\n',
      ['Jane Roe: We are live. A: plan was agreed.', 'Jane Roe: And the cost?']],
    ['names in capitals alone on their lines, twice or more',
      'JANE ROE\nWe are live.\n\nANA FLORES\nThe contract was signed.\n',
      ['Jane Roe: We are live.', 'Ana Flores: The contract was signed.']],
    ['full names in mixed case alone on their lines, one of them twice',
      'Jane Roe\nWe are live.\n\nAna Flores\nThe contract was signed.\n\nJane Roe\nThank you.\n',
      ['Jane Roe: We are live.', 'Ana Flores: The contract was signed.', 'Jane Roe: Thank you.']],
    ['mixed-case lines above words, none twice, are headings',
      'Harbour News\nWe are live.\n\nFerry Times\nThe contract was signed.\n',
      ['Unidentified speaker: Harbour News We are live. Ferry Times The contract was signed.']],
    ['names with letters beyond English, and a name ending in a function word',
      'José Álvarez: We are live.\nNguyễn Văn An: It cost four million.\nHe Lifeng: China agrees.\nJosé Álvarez: Thank you.\n',
      ['José Álvarez: We are live.', 'Nguyễn Văn An: It cost four million.', 'He Lifeng: China agrees.', 'José Álvarez: Thank you.']],
    ['a role, then the person in parentheses',
      'Host (Jane Roe): Welcome back.\nGuest (Ana Flores): Thanks for having me.\nHost (Jane Roe): When was it signed?\n',
      ['Jane Roe: Welcome back.', 'Ana Flores: Thanks for having me.', 'Jane Roe: When was it signed?']],
    ['a title in brackets after the name',
      'Jane Roe: We are live.\nTom Ikeda [Mayor]: It cost four million.\nJane Roe: And the ferry?\n',
      ['Jane Roe: We are live.', 'Tom Ikeda: It cost four million.', 'Jane Roe: And the ferry?']],
    ['a name in capitals alone once is a heading',
      'HARBOUR NEWS\nWe are live.\n',
      ['Unidentified speaker: HARBOUR NEWS We are live.']],
    ['a role that heads page fields, speaking: Presenter: with a sentence after it',
      'Presenter: Good evening. The deal was signed today.\nAna Flores, Harbour Commissioner: It was worth the wait.\nPresenter: Thank you.\n',
      ['Presenter: Good evening. The deal was signed today.', 'Ana Flores: It was worth the wait.', 'Presenter: Thank you.']],
    ['the same role as a page field, a name and title after it, once',
      'Harbour report\nPresenter: Pentagon Press Secretary Jane Roe\n\nJANE ROE: Good evening.\nANA FLORES: Hello.\n',
      ['Jane Roe: Good evening.', 'Ana Flores: Hello.']],
    ['a sound in brackets before a colon is no speaker',
      '[SPEAKER_00]: We are live.\n[APPLAUSE]: \n[SPEAKER_01]: Thank you all.\n',
      ['Speaker 00: We are live.', 'Speaker 01: Thank you all.']],
    ['a sound in capitals before a colon is no speaker either',
      'JANE ROE: We are live.\nLAUGHTER: and more of it\nANA FLORES: Thank you all.\n',
      ['Jane Roe: We are live. LAUGHTER: and more of it', 'Ana Flores: Thank you all.']],
  ])('%s', (_, text, expected) => {
    expect(speakers(text)).toEqual(expected);
  });
});

describe('where a passage cut from narration starts', () => {
  // Reported speech inside a paragraph of narration is its own passage, cited at its own line.
  it('cites the line of the reported sentence, not the paragraph before it', () => {
    const t = parseTranscript('2025-03-21-harbour.txt', 'Harbour deal signed, March 21, 2025\n\nThe harbour was quiet this morning.\nThe mayor, Tom Ikeda, said the cost would be four million dollars.\nWork starts in May.\n');
    expect(t.passages.map((p) => [p.source.line, p.speaker.name, p.kind])).toEqual([
      [3, 'Unidentified speaker', 'narration'],
      [4, 'Tom Ikeda', 'reported'],
      [5, 'Unidentified speaker', 'narration'],
    ]);
  });
  it('keeps a header claimed by Rev or Otter from swallowing the article above it', () => {
    const t = parseTranscript('2025-03-21-harbour.txt', 'Harbour deal signed\n\nThe contract was signed on Monday after a long delay.\n\nJANE ROE (00:01:05): And what do the unions say?\n');
    expect(t.passages.map((p) => [p.speaker.name, p.text])).toEqual([
      ['Unidentified speaker', 'The contract was signed on Monday after a long delay.'],
      ['Jane Roe', 'And what do the unions say?'],
    ]);
  });
});
