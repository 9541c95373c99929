import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/core/parse/broadcast/splitSentences.ts';

// Where a sentence ends: a stop (with closing quotes) before spaces, maybe an opening quote, and
// a capital or digit; a full stop after an abbreviation or an initial ends nothing.
describe('splitSentences', () => {
  it.each([
    ['It fell. Then it rose.', ['It fell.', 'Then it rose.']],
    ['It fell. then it rose.', ['It fell. then it rose.']],
    ['It fell.Then it rose.', ['It fell.Then it rose.']],
    ['He said "no." 2 days later, yes.', ['He said "no."', '2 days later, yes.']],
    ['Wait... "What?" he asked.', ['Wait...', '"What?" he asked.']],
    ['Mr. Roe and Dr. Doe met. They agreed.', ['Mr. Roe and Dr. Doe met.', 'They agreed.']],
    ['The U.S. Senate voted. J. Roe spoke.', ['The U.S. Senate voted.', 'J. Roe spoke.']],
    ['Done! (Really.) Yes.', ['Done!', '(Really.)', 'Yes.']],
    ['Das ist gut. Über alles.', ['Das ist gut.', 'Über alles.']],
    ['End.\u00a0\u2003New start.', ['End.', 'New start.']],
  ])('%j', (paragraph, sentences) => {
    expect(splitSentences(paragraph).map((s) => s.text)).toEqual(sentences);
  });
});
