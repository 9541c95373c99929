// Cable rush transcripts (format F): golden files in tests/fixtures/cable, and the label rules.
// Regenerate on purpose and review the diff:
//   UPDATE_GOLDEN=1 npx vitest run tests/core/parse/cable.test.ts
import { describe, expect, it } from 'vitest';
import { goldenCases } from '../../helpers/goldenCases.ts';
import { readCableLabel } from '../../../src/core/parse/cable/cableLabel.ts';
import { cableParser } from '../../../src/core/parse/cable/parseCable.ts';
import { fullDateIn } from '../../../src/core/parse/general/titleLines.ts';
import { parseTranscript } from '../../../src/core/parse/parseTranscript.ts';

goldenCases('cable', cableParser);

describe('cable labels', () => {
  it('reads name, title, party and delivery notes', () => {
    expect(readCableLabel('JANE ROE, CNN ANCHOR: Good evening.')).toEqual({ label: 'JANE ROE, CNN ANCHOR', name: 'JANE ROE', title: 'CNN ANCHOR', rest: 'Good evening.' });
    expect(readCableLabel('SEN. JOHN DOE (R-OH): No.')).toMatchObject({ name: 'SEN. JOHN DOE', title: 'R-OH' });
    expect(readCableLabel('ROE (voice-over): Back.')).toMatchObject({ label: 'ROE (voice-over)', name: 'ROE', title: null });
    expect(readCableLabel('ROE:')).toMatchObject({ name: 'ROE', rest: '' });
  });
  it.each(['Here is the thing: nobody knows.', 'The vote: Thursday.', 'At 20:00 ET we begin.', '(BEGIN VIDEO CLIP)'])('%s is no label', (line) => {
    expect(readCableLabel(line)).toBeNull();
  });
});

describe('cable transcripts', () => {
  const text = [
    'Aired March 4, 2025 - 20:00 ET',
    'THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM AND MAY BE UPDATED.',
    '',
    'JANE ROE, CNN ANCHOR: Good evening.',
    '(BEGIN VIDEO CLIP)',
    'JOHN DOE, PRESIDENT OF THE UNITED STATES: We will do it.',
    '(END VIDEO CLIP)',
    'ROE: The president said on Tuesday (CROSSTALK) that he would.',
  ].join('\n');
  it('resolves a later surname label to the earlier full name, marks the clip, and reads the anchor as narration', () => {
    const t = parseTranscript('show.txt', text);
    expect(t.format).toBe('cable');
    expect(t.meta.aired).toBe('2025-03-04');
    expect(t.passages.map((p) => [p.speaker.label, p.speaker.name, p.kind, p.speaker.role ?? null, p.source.section, p.source.line, p.text])).toEqual([
      ['JANE ROE, CNN ANCHOR', 'Jane Roe', 'narration', 'anchor', null, 4, 'Good evening.'],
      ['JOHN DOE, PRESIDENT OF THE UNITED STATES', 'John Doe', 'quote', null, 'clip', 6, 'We will do it.'],
      // The anchor's words report the president's: reported speech, credited to the president.
      ['The president', 'The president', 'reported', null, null, 8, 'The president said on Tuesday that he would.'],
    ]);
    expect(t.passages[1]?.source.spoken).toBeNull();
  });
  it('reads the aired date as written', () => {
    expect(fullDateIn('AIRED: March 4, 2025 - 20:00 ET')).toBe('2025-03-04');
    expect(fullDateIn('Aired Sept. 9, 2024')).toBe('2024-09-09');
    expect(fullDateIn('No date here')).toBeNull();
  });
});
