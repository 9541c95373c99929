import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachWord, patternWordSpans, wordSpans, wordsOf } from '../../../src/core/search/words.ts';

describe('wordSpans', () => {
  it('cuts ASCII and typeset text exactly as the general pattern does (the fast path must not drift)', () => {
    const pieces = ['a', 'Z', '0', '9', "'", '-', '.', ',', ' ', '\n', 'dont', 'Im', "'s", "n't", 'We', "we'd", 'Nat', 'cant',
      '\u2019', '\u02bc', '\u2018', '\u201c', '\u201d', '\u2014', '\u2013', '\u2026', '\u2022', '\u00a0', 'you\u2019re', 'it\u2019s', 'don\u02bct'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(wordSpans(text)).toEqual(patternWordSpans(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps offsets into the original text and expands contractions', () => {
    expect(wordSpans("We didn't, Nat'l 'quote' 42")).toEqual([
      { word: 'we', start: 0, end: 2 },
      { word: 'did', start: 3, end: 9 },
      { word: 'not', start: 3, end: 9 },
      { word: 'natl', start: 11, end: 16 },
      { word: 'quote', start: 18, end: 23 },
      { word: '42', start: 25, end: 27 },
    ]);
    expect(wordsOf('Café CAFE dont')).toEqual(['cafe', 'cafe', 'do', 'not']);
  });

  it('gives each word as wordSpans does when asked for the words alone (eachWord)', () => {
    const pieces = ['a', 'Z', '0', "'", '-', ' ', 'dont', 'Im', "n't", "we'd", 'Café', 'NAÏVE', '\u2019s', 'it\u2019s'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const seen: string[] = [];
        eachWord(text, (word) => seen.push(word));
        expect(seen).toEqual(wordsOf(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('numbers and abbreviations read as people mean them', () => {
  it.each([
    ['Forty-two states', ['42', 'states']],
    ['forty two states', ['42', 'states']],
    ['42 states', ['42', 'states']],
    ['fifteen minutes', ['15', 'minutes']],
    ['twenty', ['20']],
    ['twenty-six-year-old', ['26', 'year', 'old']],
    ['one hundred', ['1', 'hundred']],
    // a ten and a unit only join when nothing but a hyphen or a space stands between them
    ['forty, two', ['40', '2']],
    ['the U.S. and the U.K.', ['the', 'united', 'states', 'and', 'the', 'united', 'kingdom']],
    ['the United States', ['the', 'united', 'states']],
    ['J. Roe at 9 a.m. today', ['j', 'roe', 'at', '9', 'a', 'm', 'today']],
    ['us and them', ['us', 'and', 'them']],
  ])('%j → %j', (text, words) => {
    expect(wordsOf(text)).toEqual(words);
  });

  it('keeps offsets: the written-out number and the abbreviation are each one marked stretch', () => {
    expect(wordSpans('Forty-two U.S. states')).toEqual([
      { word: '42', start: 0, end: 9 },
      { word: 'united', start: 10, end: 14 },
      { word: 'states', start: 10, end: 14 },
      { word: 'states', start: 15, end: 21 },
    ]);
  });
});

describe('text compared as people see it', () => {
  it.each([
    ['résumé', 're\u0301sume\u0301'],
    ['Zoë Müller', 'Zoe\u0308 Mu\u0308ller'],
    ['antibody', 'anti\u00adbody'],
    ['ceasefire', 'cease\u200bfire'],
    ['naïve', 'nai\u0308ve'],
  ])('%j typed matches %j as saved', (typed, saved) => {
    expect(wordsOf(saved)).toEqual(wordsOf(typed));
  });
});
