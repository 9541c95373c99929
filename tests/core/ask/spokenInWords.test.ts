// Words that say when they were said date the passage, read back from the airing: only in a
// sentence that reports speech, the time beside the verb, never after the airing.
import { describe, expect, it } from 'vitest';
import { read } from '../../../src/core/ask/spokenInWords.ts';

const AIRED = '2025-06-12'; // a Thursday

describe('spokenInWords', () => {
  it.each([
    ['The minister said last month that rates would rise.', '2025-05', 'last month'],
    ['Last month, the minister said rates would rise.', '2025-05', 'Last month'],
    ['As I told you on Tuesday, we will not back down.', '2025-06-10', 'on Tuesday'],
    ['The company said on Friday it would close.', '2025-06-06', 'on Friday'],
    ['He announced last Thursday that he would resign.', '2025-06-05', 'last Thursday'],
    ['The president announced in March that he would run.', '2025-03', 'in March'],
    ['She said in September that talks had stalled.', '2024-09', 'in September'],
    ['It said in December 2024 that it was ready.', '2024-12', 'in December 2024'],
    ['He said two weeks ago he would resign.', '2025-05-29', 'two weeks ago'],
    ['Officials said yesterday the toll had climbed.', '2025-06-11', 'yesterday'],
    ['Trump said last year tariffs would work.', '2024', 'last year'],
  ])('%s → %s', (text, date, words) => {
    expect(read(text, AIRED)).toEqual({ date, words });
  });

  it.each([
    ['Last month, prices rose sharply.'], // no one said anything
    ['She said: we expect it in May.'], // the time is inside the quoted words
    ['The minister said rates would rise, and in the spring of next year the new office opens in March.'], // too far from the verb
    ['On Thursday the minister said it again.'], // the airing day itself is no news
    ['The minister spoke at length.'],
  ])('%s → not dated', (text) => {
    expect(read(text, AIRED)).toBeNull();
  });
});
