// The small pieces of the broadcast parsers: labels, sniffing, and never throwing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bracketedParser } from '../../../src/core/parse/broadcast/parseBracketedScript.ts';
import { soundbiteParser } from '../../../src/core/parse/broadcast/parseSoundbiteScript.ts';
import { speakerLineParser } from '../../../src/core/parse/broadcast/parseSpeakerLineScript.ts';
import { labelShape, labelSlash } from '../../../src/core/parse/broadcast/readSpeakerLineSoundbite.ts';
import { splitSpeakerLabel } from '../../../src/core/parse/broadcast/splitSpeakerLabel.ts';
import { sourceLines } from '../../../src/core/parse/sourceText.ts';

const PARSERS = [speakerLineParser, bracketedParser, soundbiteParser];

describe('splitSpeakerLabel', () => {
  it('reads name, title and a re-dating note', () => {
    expect(splitSpeakerLabel('Jane Roe / Trade Minister (March 15, meeting with reporters)', '2025-06-12')).toEqual({
      speaker: { label: 'Jane Roe / Trade Minister (March 15, meeting with reporters)', name: 'Jane Roe', title: 'Trade Minister', anonymous: false },
      note: 'March 15, meeting with reporters',
      spoken: '2025-03-15',
    });
  });

  it('keeps a parenthesis that is part of the title', () => {
    const r = splitSpeakerLabel('Han Bo-ra / Teacher (former swimmer)', '2025-06-12');
    expect(r.speaker.title).toBe('Teacher (former swimmer)');
    expect(r.note).toBeNull();
    expect(splitSpeakerLabel('Oh Min(White House Press Secretary)', null).speaker.title).toBe('White House Press Secretary');
  });

  it('marks labels that describe rather than name as anonymous', () => {
    expect(splitSpeakerLabel('Local resident / (VOICE MODIFIED)', null).speaker).toEqual({
      label: 'Local resident / (VOICE MODIFIED)', name: 'Local resident', title: null, anonymous: true,
    });
    expect(splitSpeakerLabel('Witness/ ', null).speaker).toMatchObject({ name: 'Witness', anonymous: true });
    expect(splitSpeakerLabel('Passenger from Jeju', null).speaker.anonymous).toBe(true);
    expect(splitSpeakerLabel('Lee / Church missionary', null).speaker.anonymous).toBe(false);
  });

  it('moves a leading office to the title and applies aliases', () => {
    expect(splitSpeakerLabel('President Mark Doe', null).speaker).toMatchObject({ name: 'Mark Doe', title: 'President' });
    const aliases = new Map([['Mark Doe', 'Mark A. Doe']]);
    expect(splitSpeakerLabel('President Mark Doe', null, aliases).speaker.name).toBe('Mark A. Doe');
  });
});

describe('labelShape', () => {
  it.each([
    ['Jane Roe / Trade Minister', 'slash'],
    ['Jane Roe/ Trade Minister', 'slash'],
    ['Jane Roe /Trade Minister', 'slash'],
    ['Local resident / ', 'slash'],
    ['Delivery driver from Busan', 'bare'],
  ])('%j is a label (%s)', (text, shape) => expect(labelShape(text.trim())).toBe(shape));

  it.each(['The 24/7 hotline opened.', 'Officials said: more later', 'Prices rose 3% and/or more.', 'He came home/ went out, then left.'])(
    '%j is not a slash label',
    (text) => expect(labelShape(text)).not.toBe('slash'),
  );

  it.each([
    ['Room 24 / Night Nurse', true],
    ['Room 24/ Night Nurse', false],
    ['Jane Roe /7 Days Host', false],
    ['Jane Roe / 7 Days Host', true],
    ['Jane Roe / Host / Editor', false],
    ['24 / 7', false],
    ['Jane Roe /  ', true],
  ])('%j at the edges of a slash label: %s', (text, slash) => expect(labelShape(text) === 'slash').toBe(slash));

  // The same answers as the pattern the slash test replaced, on short lines of label characters.
  it('agrees with the old label pattern on random short lines', () => {
    const OLD = /^(?<name>[^/]*?\p{L}[^/]*?)(?<!\p{N})\s*\/(?!\p{N})\s*(?<title>[^/]*)$/u;
    const chars = fc.constantFrom('A', 'b', 'R', '7', ' ', '/', '(', ')', 'É', '.', '-');
    fc.assert(fc.property(fc.array(chars, { maxLength: 24 }).map((a) => a.join('')), (text) => {
      const m = OLD.exec(text);
      const old = m?.groups ? { name: m.groups['name']!.trim(), title: m.groups['title']!.trim() } : null;
      const now = labelSlash(text);
      expect(now ? { name: now.name.trim(), title: now.title.trim() } : null).toEqual(old);
    }), { seed: 12, numRuns: 3000 });
  });

  it('reads a very long line without a slash at once (the old pattern took minutes)', () => {
    for (const line of ['A' + 'a'.repeat(300_000), `A${' '.repeat(300_000)}b`, `A${'a'.repeat(300_000)}1/x`]) {
      expect(labelShape(line)).not.toBe('slash');
    }
  }, 5000);
});

describe('sniff', () => {
  it('leaves YAML front matter to the briefing parser', () => {
    const lines = sourceLines("---\ndate: '2025-01-29'\ntitle: Press Briefing\n---\nMS. ROE:  Good afternoon.\n");
    for (const p of PARSERS) expect(p.sniff(lines)).toBe(0);
  });

  it('says 0 for plain prose', () => {
    const lines = sourceLines('Dear editor,\nThe meeting is on Tuesday.\nRegards.\n');
    for (const p of PARSERS) expect(p.sniff(lines)).toBe(0);
  });
});

describe('robustness', () => {
  it('never throws, and every passage has a line in the file', () => {
    const piece = fc.constantFrom(
      '[LEAD]', '[Report]', '[Pkg]', '[Soundbite]', '[Soundbite] Kim(Title) : "Hi', '[Kim/Title: "Yes', '"]',
      'Jane Roe / Minister (July)', 'Witness/ ', ' date 2025-01-01 [News Today] “x”', '입력 2024.01.01 (10:00)',
      'Narration goes here.', 'we said so', '(Question?)', '', ']', '/', ':', '“', '(', 'a',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 30 }), (parts) => {
        const lines = sourceLines(parts.join('\n'));
        for (const p of PARSERS) {
          const t = p.parse({ file: 'x.txt', lines });
          for (const passage of t.passages) {
            expect(passage.source.line).toBeGreaterThanOrEqual(1);
            expect(passage.source.line).toBeLessThanOrEqual(Math.max(lines.length, 1));
            expect(passage.text.trim()).not.toBe('');
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
