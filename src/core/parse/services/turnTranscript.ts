// The last step shared by the timed formats (Otter, Rev, WebVTT, SRT) and cable: turns, each a
// speaker's words with where they start, become passages with a full source.
import type { FormatId, ParseIssue, Passage, Speaker, Transcript, TranscriptMeta } from '../../model.ts';
import { introductionIn, selfIntroduction } from '../general/introductions.ts';
import { passageId } from '../passageId.ts';
import { squash } from '../sourceText.ts';

export interface Turn {
  speaker: Speaker;
  /** 1-based line where the words start. */
  line: number;
  /** `03:04` where the format times its words, else null. */
  timecode: string | null;
  /** The words, possibly hard-wrapped; squashed here. */
  text: string;
  /** `clip` for a cable video clip, else null. */
  section: string | null;
}

export interface TurnFile {
  file: string;
  format: FormatId;
  meta: TranscriptMeta;
  turns: readonly Turn[];
  issues: ParseIssue[];
}

export function transcriptFromTurns({ file, format, meta, turns: given, issues }: TurnFile): Transcript {
  const perLine = new Map<number, number>();
  const passages: Passage[] = [];
  const turns = nameGenericSpeakers(given);
  for (const turn of turns) {
    const text = squash(turn.text);
    if (text === '') continue;
    // Two speakers can share a caption line (`Yes. >> No.`): the second gets a part number.
    const part = perLine.get(turn.line) ?? 0;
    perLine.set(turn.line, part + 1);
    passages.push({
      id: passageId(file, turn.line, part),
      speaker: turn.speaker,
      kind: 'quote',
      text,
      source: {
        file,
        line: turn.line,
        format,
        program: meta.program,
        headline: meta.headline,
        section: turn.section,
        aired: meta.aired,
        // A clip was recorded before the show, on a day the transcript does not say.
        spoken: turn.section === 'clip' ? null : meta.aired,
        note: null,
        url: meta.url,
        timecode: turn.timecode,
      },
    });
  }
  if (passages.length === 0) {
    issues.push({ file, line: 1, message: `The ${format} file has no spoken words in it, so nothing from it can be quoted.`, severity: 'error' });
  }
  return { file, format, meta, passages, issues };
}

/** `Speaker 2`, `Speaker 3`: labels that number voices rather than name them. */
const NUMBERED = /^(?:speaker|spk|voice|participant)\s*#?\s*\d{1,3}$/i;

/**
 * A numbered voice is named where the transcript itself names it: introduced by the speaker
 * before their first words ("… joining us now. Margaret Brennan …") or naming themselves ("I'm
 * Margaret Brennan"). Each name is given to one voice only; a voice nobody names stays numbered.
 */
export function nameGenericSpeakers(turns: readonly Turn[]): Turn[] {
  const named = new Map<string, Speaker>();
  const used = new Set<string>();
  turns.forEach((turn, t) => {
    const label = turn.speaker.label;
    if (!NUMBERED.test(label) || named.has(label)) return;
    const self = turns.filter((x) => x.speaker.label === label).slice(0, 3).map((x) => selfIntroduction(x.text, false)).find((n) => n !== null);
    let before = '';
    for (let k = t - 1; k >= 0 && before.length < 1500; k--) {
      const prev = turns[k];
      if (!prev || prev.speaker.label === label) break;
      before = `${prev.text} ${before}`;
    }
    const intro = self ? null : introductionIn(before, false);
    const name = self ?? intro?.name ?? null;
    if (name === null || used.has(name)) return;
    used.add(name);
    named.set(label, {
      label,
      name,
      title: intro?.title ?? null,
      anonymous: false,
      ...(intro ? { introduced: { line: turns[t - 1]?.line ?? turn.line, text: intro.text } } : {}),
    });
  });
  if (named.size === 0) return [...turns];
  return turns.map((turn) => {
    const speaker = named.get(turn.speaker.label);
    return speaker ? { ...turn, speaker } : turn;
  });
}
