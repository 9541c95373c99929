// Captions cut speech into two-second cues; a reader wants the speaker's turn. Consecutive cues
// by one speaker become one passage, keeping the first cue's line and time, until the speaker
// changes, the recording pauses, or the passage is as long as a passage should be.
import { PASSAGE_WORD_BUDGET } from '../briefing/chunkParagraphs.ts';
import { formatTimecode } from '../services/timecode.ts';
import { UNKNOWN_SPEAKER, type LabelSpeaker } from '../services/labelSpeaker.ts';
import type { Turn } from '../services/turnTranscript.ts';
import type { Cue } from './cue.ts';
import { cueSpeech } from './cueSpeech.ts';

/** Silence longer than this between cues ends a passage even when the speaker goes on. */
export const LONG_PAUSE_SECONDS = 5;

interface OpenTurn {
  turn: Turn;
  /** When the turn's last cue ended. */
  end: number;
  words: number;
}

export function mergeCues(cues: readonly Cue[], speakerOf: LabelSpeaker): Turn[] {
  const turns: Turn[] = [];
  let open: OpenTurn | null = null;
  const start = (cue: Cue, line: number, speaker: Turn['speaker'], text: string): OpenTurn => {
    const turn: Turn = { speaker, line, timecode: formatTimecode(cue.start), text, section: null };
    turns.push(turn);
    return { turn, end: cue.end, words: countWords(text) };
  };

  for (const cue of cues) {
    const speeches = cueSpeech(cue.payload);
    speeches.forEach((speech, i) => {
      const firstInCue = i === 0;
      const paused = open !== null && firstInCue && cue.start - open.end > LONG_PAUSE_SECONDS;
      const full = open !== null && firstInCue && open.words >= PASSAGE_WORD_BUDGET;
      let speaker = open?.turn.speaker ?? UNKNOWN_SPEAKER;
      let same = open !== null;
      if (speech.mark.kind === 'named') {
        speaker = speakerOf(speech.mark.label);
        // `Jane Roe:` then `>> JANE ROE:` is still Jane Roe; an unnamed `>>` turn is never her.
        same = open !== null && open.turn.speaker.label !== '>>' && open.turn.speaker.name === speaker.name;
      } else if (speech.mark.kind === 'unnamed') {
        speaker = { ...UNKNOWN_SPEAKER, label: '>>' };
        same = false;
      }
      if (open !== null && same && !paused && !full) {
        if (speech.text !== '') {
          // A turn opened by a name alone (`<v Jane Roe>` on its own line) starts at its words.
          if (open.turn.text === '') open.turn.line = speech.line;
          open.turn.text = open.turn.text === '' ? speech.text : `${open.turn.text} ${speech.text}`;
          open.words += countWords(speech.text);
        }
        open.end = cue.end;
      } else {
        open = start(cue, speech.line, speaker, speech.text);
      }
    });
  }
  return turns;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}
