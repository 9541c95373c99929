// WebVTT and SRT captions: golden files in tests/fixtures/webvtt and tests/fixtures/srt, and the
// speaker marks captions use. Regenerate on purpose and review the diff:
//   UPDATE_GOLDEN=1 npx vitest run tests/core/parse/captions.test.ts
import { describe, expect, it } from 'vitest';
import { goldenCases } from '../../helpers/goldenCases.ts';
import { namePrefix } from '../../../src/core/parse/captions/cueSpeech.ts';
import { srtParser } from '../../../src/core/parse/captions/parseSrt.ts';
import { webVttParser } from '../../../src/core/parse/captions/parseWebVtt.ts';
import { parseTranscript } from '../../../src/core/parse/parseTranscript.ts';


goldenCases('webvtt', webVttParser);
goldenCases('srt', srtParser);

const said = (file: string, text: string): [string, string, string | null | undefined][] =>
  parseTranscript(file, text).passages.map((p) => [p.speaker.name, p.text, p.source.timecode]);

describe('WebVTT', () => {
  it('merges one speaker\'s cues and keeps the first cue\'s time and line', () => {
    const t = parseTranscript('2025-03-06.vtt', 'WEBVTT\n\n00:00:11.000 --> 00:00:13.000\n<v Jane Roe>We are here.\n\n00:00:13.500 --> 00:00:15.000\n<v Jane Roe>Still here.\n');
    expect(t.format).toBe('webvtt');
    expect(t.passages).toHaveLength(1);
    expect(t.passages[0]?.text).toBe('We are here. Still here.');
    expect(t.passages[0]?.source).toMatchObject({ line: 4, timecode: '00:11', aired: '2025-03-06' });
  });
  it('ends a passage at a long pause, same speaker', () => {
    expect(said('x.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nJane Roe: One.\n\n00:00:30.000 --> 00:00:31.000\nTwo.\n')).toEqual([
      ['Jane Roe', 'One.', '00:01'],
      ['Jane Roe', 'Two.', '00:30'],
    ]);
  });
  it('needs WEBVTT on the first line', () => {
    const t = parseTranscript('x.vtt', 'Some notes\nWEBVTT\n\n00:00:01.000 --> 00:00:02.000\nJane Roe: One.\n');
    expect(t.format).not.toBe('webvtt');
  });
});

describe('SRT', () => {
  it('continues the previous speaker until a new name or >>', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nJane Roe: Where are we?\n\n2\n00:00:02,100 --> 00:00:03,000\nAt the council.\n\n3\n00:00:03,100 --> 00:00:04,000\n>> Who is asking?\n';
    expect(said('x.srt', srt)).toEqual([
      ['Jane Roe', 'Where are we? At the council.', '00:01'],
      ['Unknown speaker', 'Who is asking?', '00:03'],
    ]);
  });
  it('reads >> JANE ROE: in all-caps captions as a named speaker', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\n>> JANE ROE: WE ARE LIVE.\n';
    const t = parseTranscript('x.srt', srt);
    expect(t.passages[0]?.speaker).toMatchObject({ label: 'JANE ROE', name: 'Jane Roe', anonymous: false });
  });
});

describe('a colon is not a name', () => {
  it.each([
    ['Jane Roe: Hello.', 'Jane Roe'],
    ['JANE ROE: HELLO.', 'JANE ROE'],
    ['Ursula von der Leyen: Hello.', 'Ursula von der Leyen'],
    ['Speaker 2: Hi.', 'Speaker 2'],
  ])('%s names %s', (text, label) => expect(namePrefix(text)?.label).toBe(label));
  it.each(['The plan is simple: wait.', 'THE PLAN IS SIMPLE: WAIT.', 'Note: the vote moved.', 'At 10:30 we start.', 'Why: because.'])(
    '%s names no one',
    (text) => expect(namePrefix(text)).toBeNull(),
  );
});

describe('subtitle dialogue dashes', () => {
  // Two speakers in one cue, each line opened by a dash and a name: two turns, the dash no part
  // of either name.
  it.each([
    ['2025-03-17.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n- Jane Roe: When was it signed?\n- Ana Flores: On Monday.\n'],
    ['2025-03-17.srt', '1\n00:00:01,000 --> 00:00:04,000\n- JANE ROE: When was it signed?\n– ANA FLORES: On Monday.\n'],
  ])('%s', (file, text) => {
    const t = parseTranscript(file, text);
    expect(t.passages.map((p) => [p.speaker.name, p.text])).toEqual([['Jane Roe', 'When was it signed?'], ['Ana Flores', 'On Monday.']]);
  });

  it('a dash with no name goes on with the speaker', () => {
    const t = parseTranscript('2025-03-17.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nJane Roe: When was it signed,\n- and by whom?\n');
    expect(t.passages.map((p) => [p.speaker.name, p.text])).toEqual([['Jane Roe', 'When was it signed, - and by whom?']]);
  });
});

describe('diarised machine captions', () => {
  it('reads [SPEAKER_00]: as a numbered, unnamed speaker, not a sound', () => {
    const t = parseTranscript('2025-03-25.srt', '1\n00:00:01,000 --> 00:00:04,000\n[SPEAKER_00]: Welcome.\n\n2\n00:00:04,500 --> 00:00:09,000\nSPEAKER_01: The contract was signed.\n');
    expect(t.passages.map((p) => [p.speaker.name, p.speaker.anonymous, p.text])).toEqual([['Speaker 00', true, 'Welcome.'], ['Speaker 01', true, 'The contract was signed.']]);
  });
});

describe('names in brackets', () => {
  it('reads [Jane Roe] before the words as the speaker, and [Music] as a sound', () => {
    const t = parseTranscript('2025-04-02.srt', '1\n00:00:01,000 --> 00:00:04,000\n[Jane Roe] When was it signed?\n\n2\n00:00:04,500 --> 00:00:09,000\n[Music] la la la\n\n3\n00:00:09,500 --> 00:00:12,000\n[Ana Flores] On Monday.\n');
    expect(t.passages.map((p) => [p.speaker.name, p.text])).toEqual([['Jane Roe', 'When was it signed? la la la'], ['Ana Flores', 'On Monday.']]);
  });
  it('reads [APPLAUSE]: as a sound, not a speaker', () => {
    const t = parseTranscript('2025-04-02.srt', '1\n00:00:01,000 --> 00:00:04,000\n[Jane Roe] When was it signed?\n\n2\n00:00:04,500 --> 00:00:09,000\n[APPLAUSE]: and cheers\n');
    expect(t.passages.map((p) => p.speaker.name)).toEqual(['Jane Roe']);
  });
});
