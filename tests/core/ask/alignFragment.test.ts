import { describe, expect, it } from 'vitest';
import { alignFragment, wordsDiffering } from '../../../src/core/ask/alignFragment.ts';
import { compareWords, stem } from '../../../src/core/search/similarWords.ts';
import { wordSpans, wordsOf } from '../../../src/core/search/words.ts';

const passage = 'The President remains receptive to correspondence with Kim Jong-un and he would like to see progress.';
function align(fragment: string) {
  const words = wordsOf(fragment);
  return alignFragment(words, words.map(() => 1), wordSpans(passage));
}
const marked = (a: ReturnType<typeof align>) => a!.marks.map((m) => passage.slice(m.start, m.end)).join(' ');

describe('alignFragment', () => {
  it('finds an exact run and marks exactly its words', () => {
    const a = align('remains receptive to correspondence');
    expect(a).toMatchObject({ exact: 4, similar: 0, missing: 0, extra: 0, swapped: 0 });
    expect(marked(a)).toBe('remains receptive to correspondence');
    expect(passage.slice(a!.span.start, a!.span.end)).toBe('remains receptive to correspondence');
  });

  it('ignores punctuation, case and curly quotes', () => {
    const a = align('“RECEPTIVE, to correspondence”');
    expect(wordsDiffering(a!)).toBe(0);
  });

  it('counts a dropped word as one difference', () => {
    const a = align('remains receptive correspondence with Kim');
    expect(a).toMatchObject({ exact: 5, extra: 1 });
    expect(wordsDiffering(a!)).toBe(1);
  });

  it('counts a changed word as one difference', () => {
    const a = align('remains open to correspondence with Kim');
    expect(a).toMatchObject({ exact: 5, missing: 1 });
  });

  it('forgives a misspelling as similar', () => {
    const a = align('remains receptve to corespondence with Kim');
    expect(a).toMatchObject({ exact: 4, similar: 2 });
  });

  it('finds two swapped words', () => {
    const a = align('remains to receptive correspondence with');
    expect(a!.swapped).toBe(1);
    expect(wordsDiffering(a!)).toBe(1);
  });

  it('joins words across what was a hard line break', () => {
    const words = wordsOf('to correspondence with');
    const a = alignFragment(words, [1, 1, 1], wordSpans('receptive to\ncorrespondence with Kim'));
    expect(a!.exact).toBe(3);
  });

  it('weighs rare words: missing the rare one loses most of the weight', () => {
    const words = wordsOf('receptive to the moon');
    const a = alignFragment(words, [5, 0.2, 0.2, 5], wordSpans(passage));
    expect(a!.weightFound).toBeLessThan(0.6);
  });

  it('lines up next to nothing of words nobody said', () => {
    const a = align('build a wall on the moon');
    expect(a!.exact).toBeLessThanOrEqual(1);
    expect(a!.missing).toBeGreaterThanOrEqual(5);
  });

  it('returns null for an empty fragment or passage', () => {
    expect(alignFragment([], [], wordSpans(passage))).toBeNull();
    expect(alignFragment(['kim'], [1], [])).toBeNull();
  });
});

describe('compareWords', () => {
  it.each([
    ['happier', 'happy', 'similar'],
    ['meetings', 'meeting', 'similar'],
    ['opne', 'open', 'similar'],
    ['recieve', 'receive', 'similar'],
    ['cat', 'cut', 'none'],
    ['wall', 'will', 'none'],
    ['uion', 'union', 'similar'],
    ['thse', 'these', 'similar'],
    ['teh', 'the', 'none'],
    ['line', 'line', 'exact'],
  ] as const)('%s ~ %s is %s', (a, b, want) => {
    expect(compareWords(a, b)).toBe(want);
  });

  it('stems lightly and never below three letters', () => {
    expect(stem('studies')).toBe('study');
    expect(stem('bus')).toBe('bus');
  });
});

describe('words', () => {
  it('expands contractions, with or without the apostrophe, and keeps their place in the text', async () => {
    const { wordSpans, wordsOf } = await import('../../../src/core/search/words.ts');
    expect(wordsOf("We didn't say we're done; I dont think it’s over")).toEqual(['we', 'did', 'not', 'say', 'we', 'are', 'done', 'i', 'do', 'not', 'think', 'it', 'is', 'over']);
    expect(wordSpans("didn't").map((s) => [s.word, s.start, s.end])).toEqual([['did', 0, 6], ['not', 0, 6]]);
  });
  it('treats words that name object properties as plain words', async () => {
    const { wordsOf } = await import('../../../src/core/search/words.ts');
    // Underscores are not letters, so __proto__ is the word "proto".
    expect(wordsOf('constructor toString __proto__ hasOwnProperty')).toEqual(['constructor', 'tostring', 'proto', 'hasownproperty']);
  });
});

describe('negations line up or the match is off', () => {
  const spans = wordSpans('This is a snapshot of what the future looks like if we do not get our emissions under control, and we will not lift the tariffs.');
  const align = (fragment: string) => {
    const words = wordsOf(fragment);
    return alignFragment(words, words.map(() => 1), spans)!;
  };
  it.each([
    ['unless for if … not pairs up', 'what the future looks like unless we get our emissions under control', false],
    ['a not left out flips the statement', 'and we will lift the tariffs', true],
    ['a never the passage lacks flips it', 'we will never get our emissions under control', true],
    ['never for not pairs up', 'and we will never lift the tariffs', false],
    ['cannot for will not pairs up', 'and we cannot lift the tariffs', false],
    ['a cannot the passage lacks flips it', 'a snapshot of what the future cannot look like', true],
  ])('%s', (_what, fragment, differs) => {
    expect(align(fragment).negationDiffers).toBe(differs);
  });
});
