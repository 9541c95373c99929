// Every parser, through parseTranscript as the corpus reader calls it, on hostile text: lines
// built from the pieces each format is made of, arbitrary Unicode, and random bytes decoded as
// the reader decodes them. Whatever comes in: no throw, no parser failing (parseTranscript
// would catch it, but it would cost the file), and every passage well formed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormatId } from '../../src/core/model.ts';
import { formatParsers } from '../../src/core/parse/formats.ts';
import { parseTranscript } from '../../src/core/parse/parseTranscript.ts';
import { fuzzRuns, testTimeoutMs } from './fuzzRuns.ts';

const FORMATS: ReadonlySet<FormatId | null> = new Set(formatParsers.map((p) => p.format));
const NAMES = ['x.txt', 'x.md', 'x.vtt', 'x.srt', 'x.otter.txt', 'x.rev.txt', '2025-03-04-briefing.md'];

/** Pieces of every format Soundbite reads (docs/FORMATS.md), to be shuffled into files. */
const PIECES = [
  // Broadcast scripts: headers, section markers, the three label layouts, narration.
  'News Today', 'Aired: 2025-06-12', '2025-06-12', 'Headline: Ferry “back” on time', '[LEAD]', '[Report]', 'Pkg', 'LEAD',
  'Jane Roe / Trade Minister (March 15, meeting with reporters)', 'Jane Roe / ', 'Local resident / (VOICE MODIFIED)', 'Oh Min(White House Press Secretary)',
  '[Jane Roe/Minister: "We will reopen the port."]', '[Soundbite] Jane Roe (Minister) : "We will reopen the port."', '[Soundbite]', '"', '“', '”',
  'The ferry resumed service on Tuesday.', 'Officials said: more later.', 'The 24/7 hotline opened.', '한국어 문장',
  // Briefings: front matter, turns, stage notes.
  '---', "date: '2025-01-29'", "title: 'Press Briefing by Press Secretary Jane Roe'", 'source_url: https://example.gov/x', 'tags: press-briefings',
  'MS. ROE:  Good afternoon.', 'Q:  Will the tolls stay?', 'THE PRESIDENT:  Thank you.', 'MR. PARK:', 'Q', '(Laughter.)', 'END 1:30 P.M. EDT', '1:02 P.M. EDT', '# Remarks', '**Bold**',
  // Services and captions.
  'WEBVTT', 'NOTE a note', '1', '00:00:01,000 --> 00:00:02,000', '00:00:01.000 --> 00:00:02.000 align:start', '<v Jane Roe>Hi there', '<v>', '>> JANE ROE:',
  'Jane Roe  0:08', 'Speaker 2  1:02:13', 'Jane Roe (03:04):', 'Jane Roe [03:04]: words', '(03:45)', 'Transcribed by https://otter.ai',
  // Cable rush transcripts.
  'JANE ROE, CNN ANCHOR: Hi.', 'ROE:', '(BEGIN VIDEO CLIP)', '(END VIDEO CLIP)', '(COMMERCIAL BREAK)', 'Aired March 4, 2025 - 10:00 ET',
  // The general reader's layouts (docs/FORMATS.md, G).
  'Sponsored contentJANE ROE: Hi.', '(BREAK) JOHN DOE, Governor: Ready.', 'JOHN DOE, Director of Research,', 'Example University: The numbers',
  'REAR ADM.', '  • AMNA NAWAZ: Good evening.', 'Harbour worker', 'Jane Roe/ resident', 'Jane Roe Portrait The Prime Minister (Jane Roe)',
  '- Hansard - - - Excerpts', '  10:02:11', '6:01 pm', '>> roe: good evening.', '>> we acted.', '>> reporter: the talks ended.',
  '00:52.660 - 00:56.620:  the charges include', '*00:00.000- 00:03.500* :  This is the podcast.', 'John Doe, our correspondent, told me more.',
  'The speech made by Jane Roe, the Minister, in the House on 14 March 2024.', 'Full transcript of "Weekly Table" on Jan. 5, 2020', 'J. ROE: Yes.',
  'Speaker 2: joining us now. Margaret Roe.', 'I\'m Jane Roe.', '(END VIDEOTAPE) TAPPER: Hello.', 'Then: MARY POE, Mayor: So are we.',
  // Things that are nothing in particular.
  '', ' ', '\t', '\r', '\u00a0', '\u202e', '\ufeff', '&amp; <i>x</i>', '/', '(', ')', '[', ']', ':', '--',
];

const fileText = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string() }), { maxLength: 40 }).map((l) => l.join('\n')) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 400 }) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b).toString('utf8')) },
);

describe('parseTranscript on hostile text (fuzz)', () => {
  it('never throws, no parser fails, and every passage is well formed', () => {
    fc.assert(
      fc.property(fileText, fc.constantFrom(...NAMES), (text, file) => {
        const t = parseTranscript(file, text);
        const lineCount = text.split(/\r\n|\r|\n/).length;
        expect(t.file).toBe(file);
        if (t.format === null) expect(t.passages).toEqual([]);
        else expect(FORMATS.has(t.format)).toBe(true);
        for (const issue of t.issues) {
          expect(issue.message).not.toMatch(/parser failed/);
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(issue.line).toBeLessThanOrEqual(lineCount + 1);
        }
        const ids = new Set<string>();
        for (const p of t.passages) {
          expect(p.text.trim()).not.toBe('');
          expect(p.source.file).toBe(file);
          expect(p.source.format).toBe(t.format);
          expect(p.source.line).toBeGreaterThanOrEqual(1);
          expect(p.source.line).toBeLessThanOrEqual(lineCount);
          expect(p.speaker.name).not.toBe('');
          expect(ids.has(p.id)).toBe(false);
          ids.add(p.id);
        }
      }),
      fuzzRuns(1500),
    );
  }, testTimeoutMs());
});
