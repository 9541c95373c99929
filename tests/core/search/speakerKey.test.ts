import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameWords, speakerMatches } from '../../../src/core/search/speakerKey.ts';

describe('speakerMatches', () => {
  it('matches a surname, any case, with or without honorific or hyphen', () => {
    for (const q of ['roe', 'Roe', 'Ms. Roe', 'MS. ROE', 'jane roe', 'Jane  Roe', 'jane-roe']) {
      expect(speakerMatches(q, 'Jane Roe'), q).toBe(true);
    }
    expect(speakerMatches('jean-pierre', 'Karine Jean-Pierre')).toBe(true);
    expect(speakerMatches('Dr. Doe', 'Dana Doe')).toBe(true);
  });
  it('a family name written first (Kim Jong-un) is found by that name too', () => {
    expect(speakerMatches('Kim', 'Kim Jong-un')).toBe(true);
  });
  it('does not match another person, or nothing', () => {
    expect(speakerMatches('doe', 'Jane Roe')).toBe(false);
    expect(speakerMatches('john roe', 'Jane Roe')).toBe(false);
    expect(speakerMatches('', 'Jane Roe')).toBe(false);
    expect(speakerMatches('Ms.', 'Jane Roe')).toBe(false);
  });
  it('always matches a name against itself, whatever its case', () => {
    // A "name" of honorifics only ("Ms Dr") has no words to match, and is refused above.
    const name = fc.array(fc.stringMatching(/^[A-Z][a-z]{1,8}$/), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')).filter((n) => nameWords(n).length > 0);
    fc.assert(fc.property(name, (n) => speakerMatches(n.toUpperCase(), n) && speakerMatches(n, n)));
  });
});
