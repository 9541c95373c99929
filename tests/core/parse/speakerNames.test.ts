import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officeHolder } from '../../../src/core/parse/offices.ts';
import {
  canonicalSpeaker,
  createSpeakerResolver,
  normalizeLabel,
  titleCase,
  type SpeakerContext,
} from '../../../src/core/parse/speakerNames.ts';

const ctx = (over: Partial<SpeakerContext> = {}): SpeakerContext => ({ date: '2022-05-04', title: null, text: '', ...over });

describe('officeHolder', () => {
  it('names the president by inauguration date', () => {
    expect(officeHolder('president', '2016-12-31')?.name).toBe('Barack Obama');
    expect(officeHolder('president', '2017-01-20')?.name).toBe('Donald Trump');
    expect(officeHolder('president', '2021-01-19')?.name).toBe('Donald Trump');
    expect(officeHolder('president', '2021-01-20')?.name).toBe('Joe Biden');
    expect(officeHolder('president', '2025-06-01')?.name).toBe('Donald Trump');
    expect(officeHolder('vice-president', '2025-06-01')?.name).toBe('JD Vance');
    expect(officeHolder('vice-president', '2010-01-01')?.name).toBe('Joe Biden');
    expect(officeHolder('first-lady', '2023-01-01')).toEqual({ name: 'Jill Biden', title: 'First Lady of the United States' });
  });
  it('knows nobody before 2009 or without a date', () => {
    expect(officeHolder('president', '2001-01-01')).toBeNull();
    expect(officeHolder('president', null)).toBeNull();
  });
});

describe('canonicalSpeaker', () => {
  it('turns an office label into the person in office on the date', () => {
    expect(canonicalSpeaker('THE PRESIDENT', ctx({ date: '2019-03-01' }))).toEqual({
      label: 'THE PRESIDENT', name: 'Donald Trump', title: 'President of the United States', anonymous: false,
    });
    expect(canonicalSpeaker('THE VICE PRESIDENT', ctx()).name).toBe('Kamala Harris');
    expect(canonicalSpeaker('THE FIRST LADY', ctx()).name).toBe('Jill Biden');
    expect(canonicalSpeaker('THE SECOND GENTLEMAN', ctx()).name).toBe('Doug Emhoff');
  });
  it('forgives a misspelled office label', () => {
    expect(canonicalSpeaker('THE PRESIDNET', ctx()).name).toBe('Joe Biden');
    expect(canonicalSpeaker('THE PRESDIDENT', ctx()).name).toBe('Joe Biden');
  });
  it('prefers the title line on an inauguration day, when both presidents speak', () => {
    const morning = ctx({ date: '2025-01-20', title: 'Remarks by President Biden Before Departing' });
    expect(canonicalSpeaker('THE PRESIDENT', morning).name).toBe('Joe Biden');
    expect(canonicalSpeaker('THE PRESIDENT', ctx({ date: '2025-01-20', title: 'Remarks by President Trump at the Inauguration' })).name).toBe('Donald Trump');
  });
  it('does not let a title that mentions another president override the date', () => {
    const c = ctx({ date: '2022-05-04', title: 'Remarks by President Biden on President Obama’s Health Law' });
    expect(canonicalSpeaker('THE PRESIDENT', c).name).toBe('Joe Biden');
  });
  it('keeps the office when there is no date to go by', () => {
    expect(canonicalSpeaker('THE PRESIDENT', ctx({ date: null }))).toMatchObject({ name: 'The President', title: 'President' });
  });
  it('finds the full name in the title line', () => {
    const c = ctx({ title: 'Press Briefing by Press Secretary Jane Roe, May 4, 2022' });
    expect(canonicalSpeaker('MS. ROE', c)).toEqual({ label: 'MS. ROE', name: 'Jane Roe', title: null, anonymous: false });
  });
  it('finds the full name in the text, not a title word before it', () => {
    const c = ctx({ text: 'Joining us is Secretary of Bridges Dana Doe.  As Dana Doe said, ...' });
    expect(canonicalSpeaker('SECRETARY DOE', c)).toMatchObject({ name: 'Dana Doe', title: 'Secretary' });
    expect(canonicalSpeaker('MR. DOE', ctx({ text: 'I’m Bob Doe.' })).name).toBe('Bob Doe');
  });
  it('keeps a hyphenated surname whole', () => {
    const c = ctx({ title: 'Press Briefing by Press Secretary Anne-Marie Jean-Roe' });
    expect(canonicalSpeaker('MS. JEAN-ROE', c).name).toBe('Anne-Marie Jean-Roe');
  });
  it('falls back to a readable surname, leaving the honorific out', () => {
    expect(canonicalSpeaker('MS. ROE', ctx()).name).toBe('Roe');
    expect(canonicalSpeaker('MR O’DOE', ctx()).name).toBe("O'Doe");
  });
  it('remembers an earlier full-name label in the same file', () => {
    const resolve = createSpeakerResolver(ctx());
    expect(resolve('MS. JANE ROE').name).toBe('Jane Roe');
    expect(resolve('MS. ROE').name).toBe('Jane Roe');
  });
  it('marks descriptions as anonymous', () => {
    expect(canonicalSpeaker('SENIOR ADMINISTRATION OFFICIAL', ctx())).toEqual({
      label: 'SENIOR ADMINISTRATION OFFICIAL', name: 'Senior Administration Official', title: null, anonymous: true,
    });
    expect(canonicalSpeaker('AUDIENCE MEMBER', ctx()).anonymous).toBe(true);
    expect(canonicalSpeaker('Q', ctx())).toMatchObject({ name: 'Reporter', anonymous: true });
  });
  it('resolves a president named by surname, in office or not', () => {
    expect(canonicalSpeaker('PRESIDENT BIDEN', ctx())).toMatchObject({ name: 'Joe Biden', title: 'President of the United States' });
    expect(canonicalSpeaker('PRESIDENT OBAMA', ctx())).toMatchObject({ name: 'Barack Obama', title: 'President' });
    expect(canonicalSpeaker('VICE PRESIDENT HARRIS', ctx())).toMatchObject({ name: 'Kamala Harris' });
  });
  it('uses the newsroom alias list first', () => {
    const c = ctx({ aliases: new Map([['MS. ROE', 'Janet Roe-Smith']]) });
    expect(canonicalSpeaker('MS. ROE', c).name).toBe('Janet Roe-Smith');
  });
});

describe('normalizeLabel and titleCase', () => {
  it('normalises spacing, case and a missing honorific dot', () => {
    expect(normalizeLabel('  Mr  Doe ')).toBe('MR. DOE');
    expect(normalizeLabel('MS. O’ROE')).toBe("MS. O'ROE");
  });
  it('title-cases hyphens and apostrophes', () => {
    expect(titleCase('JEAN-PIERRE')).toBe('Jean-Pierre');
    expect(titleCase("O'CONNELL")).toBe("O'Connell");
  });
});

