import { describe, expect, it } from 'vitest';
import { canonicalSourceName, reportedSource, reportedSpeech } from '../../../src/core/parse/reportedSpeech.ts';

describe('reportedSource', () => {
  it.each([
    ['The White House said that the president wants better relations.', 'The White House'],
    ['However, online outlet Vox reported last month that talks were planned.', 'online outlet Vox'],
    ['According to officials, the bridge will reopen on Friday.', 'officials'],
    ['According to port officials, 300 ships are waiting.', 'port officials'],
    ['The mayor told reporters the budget is final.', 'The mayor'],
    ['The ministry announced new rules for drone pilots.', 'The ministry'],
    ['Busan City says the buses will run all night.', 'Busan City'],
    ['The driver told police that he fell asleep at the wheel.', 'The driver'],
    ['Some fans reportedly claimed at the gate that tickets were fake.', 'Some fans'],
    ['Rates will rise next month, the central bank said.', 'the central bank'],
    ['Officials said: more later', 'Officials'],
  ])('%s', (sentence, source) => {
    expect(reportedSource(sentence)).toBe(source);
  });

  it.each([
    'He said the plan was fine.', // a pronoun names no one
    'She told reporters she would run again.',
    'It has been reported that prices rose.',
    'The 24/7 hotline opened',
    'The council did not deny the report by a local paper.',
    'After receiving a report, firefighters arrived within minutes.',
    'The reports on the budget ran to 400 pages.',
    'The skater claimed first place in the final.',
    'The team added two gold medals on Sunday.',
    'Reporter Han Ji-woo reports.',
    'A court in Seoul confirmed a five-year sentence.',
    'The United States Navy sent two ships.',
    'Police vowed to investigate the fire.',
  ])('leaves %j as narration', (sentence) => {
    expect(reportedSource(sentence)).toBeNull();
  });
});

describe('reportedSpeech: a source is a person or organisation, or no one', () => {
  it.each([
    ["India's foreign minister, Jane Roe, said the talks were useful.", 'Jane Roe'],
    ['Other issues, such as rain, were also discussed, but the mayor, John Doe, said they could wait.', 'John Doe'],
    ['NK News, a news site, said talks resumed.', 'NK News'],
  ])('%s is credited to %s', (sentence, source) => {
    expect(reportedSpeech(sentence)).toEqual({ source });
  });

  it.each([
    'A new report said the economy grew 3 percent.',
    'In 2019, 14 people said they saw it.',
    'According to reports coming from the capital, he was buried on Sunday.',
    'The communique instead calls on all states to refrain from force, said the statement.',
  ])('%s is reported speech by no named source', (sentence) => {
    expect(reportedSpeech(sentence)).toEqual({ source: null });
  });

  it.each(['He said the plan was fine.', 'The team added two gold medals on Sunday.'])('%s is not reported speech', (sentence) => {
    expect(reportedSpeech(sentence)).toBeNull();
  });
});

describe('canonicalSourceName', () => {
  it('keeps the name and drops the description or office', () => {
    expect(canonicalSourceName('online outlet Vox')).toEqual({ name: 'Vox', title: null });
    expect(canonicalSourceName('President Mark Doe')).toEqual({ name: 'Mark Doe', title: 'President' });
    expect(canonicalSourceName('The White House')).toEqual({ name: 'The White House', title: null });
  });
});
