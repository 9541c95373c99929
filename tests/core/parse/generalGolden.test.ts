// The general reader (layout G of docs/FORMATS.md): golden files of invented text for each layout
// and trap, and properties that hold for any text. Regenerate on purpose and review the diff:
//   UPDATE_GOLDEN=1 npx vitest run tests/core/parse/generalGolden.test.ts
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generalParser, parseGeneral } from '../../../src/core/parse/general/parseGeneral.ts';
import { CHROME_MAX_CHARS, isChromeLine } from '../../../src/core/parse/general/titleLines.ts';
import { sourceLines } from '../../../src/core/parse/sourceText.ts';
import { wordsOf } from '../../../src/core/search/words.ts';
import { goldenCases } from '../../helpers/goldenCases.ts';

goldenCases('general', generalParser);

/** Lines of the shapes real pages hold, mixed at random. */
const LINE = fc.oneof(
  fc.constantFrom(
    'JANE ROE, NEWS ANCHOR: Good evening.', 'ROE: And the bridge?', 'J. ROE: The river is falling.', 'JOHN DOE (via telephone): Yes.',
    'Jane Roe: We agree.', 'Speaker 2: Okay.', '>> roe: good evening.', '>> we acted to stop it.', '>>', 'Q Thank you.',
    '(BEGIN VIDEO CLIP)', '(END VIDEO CLIP)', '(BREAK) JOHN DOE: Welcome back.', 'Sponsored contentJANE ROE: Hi.',
    'Jane Roe Portrait The Prime Minister (Jane Roe)', '- Hansard - - - Excerpts', '  10:02:11', '6:01 pm', '[20:00:07]',
    '00:52.660 - 00:56.620:  the charges include conspiracy and', '*00:00.000- 00:03.500* :  This is the podcast.',
    '  • AMNA NAWAZ: Good evening.', 'Harbour worker', 'Jane Roe/ resident', 'Aired August 30, 2005 - 07:00 ET',
    'Here is the thing: nobody knows.', 'Then: MARY POE, Mayor: So are we.', 'John Doe, our correspondent, told me more.',
    'The statement made by Jane Roe, the Minister, in the House on 14 March 2024.', 'Return to Transcripts main page', '',
    'JOHN DOE, Director of Research,', 'Example University: The numbers', 're\u0301sume\u0301 anti\u00adbody cease\u200bfire',
  ),
  fc.string({ maxLength: 60 }),
  fc.lorem({ maxCount: 12, mode: 'sentences' }),
);

describe('the general reader on any text', () => {
  it('never throws, and every non-blank line is either in a passage, a label, or reported as holding nothing anyone said', () => {
    fc.assert(
      fc.property(fc.array(LINE, { maxLength: 40 }), (lines) => {
        const text = lines.join('\n');
        const t = parseGeneral({ file: 'any.txt', lines: sourceLines(text) });
        const said = new Set(t.passages.flatMap((p) => [...wordsOf(p.text), ...wordsOf(p.speaker.label), ...wordsOf(p.speaker.name), ...wordsOf(p.speaker.title ?? '')]));
        for (const w of wordsOf(`${t.meta.headline ?? ''} ${t.meta.program ?? ''}`)) said.add(w);
        const unspoken = new Set(t.reading?.unspoken ?? []);
        sourceLines(text).forEach((l) => {
          if (wordsOf(l.text).length === 0 || unspoken.has(l.n) || isChromeLine(l.text)) return;
          // Stage notes, markup, caption marks and time stamps are not words anyone said.
          const spoken = l.text.replace(/<\/?[a-zA-Z!][^<>]*>/g, ' ').replace(/\([A-Z][^()]*\)|\[[^\]]*\]|\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?|\b[ap]m\b/g, ' ');
          // Page chrome glued to a label (`Sponsored contentJANE ROE:`) may go; nothing else may.
          const chrome = new Set(l.text.replace(/(\p{Ll})(\p{Lu}{2})/gu, '$1 \n$2').split(/\n|:\s/).filter((seg) => isChromeLine(seg)).flatMap((seg) => wordsOf(seg)));
          const glued = new Set(wordsOf(l.text).filter((w) => !wordsOf(spoken).includes(w) || [...chrome].some((c) => w.startsWith(c))));
          const missing = wordsOf(spoken).filter((w) => !said.has(w) && !chrome.has(w) && !glued.has(w));
          expect({ line: l.n, text: l.text, missing }).toEqual({ line: l.n, text: l.text, missing: [] });
        });
      }),
      { numRuns: Number(process.env["FUZZ_RUNS"] ?? 400), seed: Number(process.env["FUZZ_SEED"] ?? 20261129) },
    );
  });
});

describe('page chrome', () => {
  // Chrome is a short line: past CHROME_MAX_CHARS a line that opens like chrome is words.
  const subscribe = (n: number) => `Subscribe to our newsletter ${'x'.repeat(n - 28)}`;
  it.each([
    ['Share', true],
    ['This is a rush transcript. This copy may not be in its final form.', true],
    [subscribe(CHROME_MAX_CHARS), true],
    [subscribe(CHROME_MAX_CHARS + 1), false],
    ['We share the concern.', false],
    ['Press Operations Bookmark and Share', true],
    ['News Transcript', true],
  ])('%j is chrome: %s', (line, chrome) => {
    expect(isChromeLine(line)).toBe(chrome);
  });
});
