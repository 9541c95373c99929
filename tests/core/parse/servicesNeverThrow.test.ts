// The E and F parsers never throw, whatever a newsroom drops in the folder: lines made of the
// pieces these formats are built from, shuffled at random.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cableParser } from '../../../src/core/parse/cable/parseCable.ts';
import { srtParser } from '../../../src/core/parse/captions/parseSrt.ts';
import { webVttParser } from '../../../src/core/parse/captions/parseWebVtt.ts';
import { otterParser } from '../../../src/core/parse/services/parseOtter.ts';
import { revParser } from '../../../src/core/parse/services/parseRev.ts';
import { sourceLines } from '../../../src/core/parse/sourceText.ts';

const PIECES = [
  'WEBVTT', '', '1', '00:00:01,000 --> 00:00:02,000', '00:00:01.000 --> 00:00:02.000 align:start', 'NOTE x',
  '<v Jane Roe>Hi', '<v>', '>>', '>> JANE ROE:', 'Jane Roe:', 'Jane Roe  0:08', '0:08', 'Speaker 2  1:02:13',
  'Jane Roe (03:04):', '(03:45)', '[99:99]', 'Transcribed by https://otter.ai', 'JANE ROE, CNN ANCHOR: Hi.', 'ROE:',
  '(BEGIN VIDEO CLIP)', '(END VIDEO CLIP)', '(COMMERCIAL BREAK)', 'Aired March 4, 2025', 'words & <i>more</i> &#x1F600;',
];

describe('E and F parsers on random input', () => {
  it('never throw, and every passage has words and a line in the file', () => {
    const parsers = [otterParser, revParser, webVttParser, srtParser, cableParser];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string()), { maxLength: 30 }), (parts) => {
        const lines = sourceLines(parts.join('\n'));
        for (const parser of parsers) {
          parser.sniff(lines);
          const t = parser.parse({ file: 'x.txt', lines });
          for (const p of t.passages) {
            expect(p.text).not.toBe('');
            expect(p.source.line).toBeGreaterThanOrEqual(1);
            expect(p.source.line).toBeLessThanOrEqual(lines.length);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
