// The first pass of the general reader: every line as a person sees it. Pages copied from the
// web and caption exports carry what nobody said (bullets, caption `#` marks, zero-width
// characters, time stamps glued to labels); they are taken off here, once, so that what
// follows reads words and labels only. Line numbers are kept: a passage cites its source line.
import type { SourceLine } from '../sourceText.ts';

export interface CleanLine {
  /** 1-based line number in the file. */
  n: number;
  /** The words of the line: NFC, no invisible characters, no bullet, no leading stamp. */
  text: string;
  /** A time stamp the line opened with (`20:00:07`, `00:52`), or that stood alone on it. */
  timecode: string | null;
  /** The line was a time stamp and nothing else (`6:01 pm`, `  11:17:43`, `(00:12)`). */
  stampOnly: boolean;
  /** The line opened with a bullet (`•`), as caption copies write one caption per bullet. */
  bullet: boolean;
}

/** Zero-width spaces and joiners, word joiner, BOM, soft hyphen: invisible, and they split words. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const BULLET = /^\s*[•●▪◦‣∙·]\s*/;
/** `[20:00:07]` or `[06:30:35]`, CNN's wall-clock stamps. */
const BRACKET_STAMP = /^\s*\[(\d{1,2}:\d{2}(?::\d{2})?)\]\s*/;
/** Machine transcripts: `00:52.660 - 00:56.620:` and `*00:00.000- 00:03.500* :`. */
const RANGE_STAMP = /^\s*\*?((?:\d{1,2}:)?\d{1,2}:\d{2})(?:[.,]\d+)?\s*-\s*(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d+)?\*?\s*:\s*/;
/** A line that is only a clock or a stamp: `6:01 pm`, `11:17:43`, `(00:12)`, `0:00 0:00`. */
const STAMP_ONLY = /^\s*\(?((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d+)?)\)?(?:\s*[ap]\.?m\.?)?(?:\s+\(?(?:\d{1,2}:)?\d{1,2}:\d{2}\)?)*\s*$/i;
/** Caption software marks line joins with `#` glued to a word: `I'm# Amna`, `in the## wake`. */
const CAPTION_HASH = /(?<=[\p{L}\p{N}.,'’"”?!])#+(?=\s|$)/gu;
const TAGS = /<\/?[a-zA-Z!][^<>]{0,400}>/g;

export function cleanLines(lines: readonly SourceLine[]): CleanLine[] {
  return lines.map(cleanLine);
}

export function cleanLine(line: SourceLine): CleanLine {
  let text = line.text.normalize('NFC').replace(INVISIBLE, '').replace(/[\u00a0\u2007\u202f\t]/g, ' ');
  if (text.includes('<')) text = text.replace(TAGS, ' ');
  let bullet = false;
  const b = BULLET.exec(text);
  if (b) {
    bullet = true;
    text = text.slice(b[0].length);
  }
  const only = STAMP_ONLY.exec(text);
  if (only && /\d/.test(text)) {
    return { n: line.n, text: '', timecode: only[1] ?? null, stampOnly: true, bullet };
  }
  let timecode: string | null = null;
  const stamp = BRACKET_STAMP.exec(text) ?? RANGE_STAMP.exec(text);
  if (stamp) {
    timecode = stamp[1] ?? null;
    text = text.slice(stamp[0].length);
  }
  if (text.includes('#')) text = text.replace(CAPTION_HASH, '');
  return { n: line.n, text: text.replace(/\s+$/, ''), timecode, stampOnly: false, bullet };
}
