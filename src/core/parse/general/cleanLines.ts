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
  /** The export marked the line's opening words as a speaker's: a time stamp before them
   * (`[00:00:05] John Doe:`), bold around them (`**John Doe:**`), or a name with its time alone
   * on the line (`John Doe (00:00:05)`, turned into `John Doe:`). A label there needs no other
   * evidence that it is one. */
  marked: boolean;
}

/** Zero-width spaces and joiners, word joiner, BOM, soft hyphen: invisible, and they split words. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const BULLET = /^\s*[•●▪◦‣∙·]\s*/;
/** `[20:00:07]` or `[06:30:35]`, CNN's wall-clock stamps; Whisper's `[00:00.000 --> 00:04.000]`. */
const BRACKET_STAMP = /^\s*\[((?:\d{1,2}:)?\d{1,2}:\d{2})(?:[.,]\d+)?(?:\s*-->\s*(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d+)?)?\]\s*/;
/** Machine transcripts: `00:52.660 - 00:56.620:` and `*00:00.000- 00:03.500* :`. */
const RANGE_STAMP = /^\s*\*?((?:\d{1,2}:)?\d{1,2}:\d{2})(?:[.,]\d+)?\s*-\s*(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d+)?\*?\s*:\s*/;
/** A line that is only a clock or a stamp: `6:01 pm`, `11:17:43`, `(00:12)`, `0:00 0:00`. */
const STAMP_ONLY = /^\s*\(?((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d+)?)\)?(?:\s*[ap]\.?m\.?)?(?:\s+\(?(?:\d{1,2}:)?\d{1,2}:\d{2}\)?)*\s*$/i;
/** Caption software marks line joins with `#` glued to a word: `I'm# Amna`, `in the## wake`. */
const CAPTION_HASH = /(?<=[\p{L}\p{N}.,'’"”?!])#+(?=\s|$)/gu;
const TAGS = /<\/?[a-zA-Z!][^<>]{0,400}>/g;
/** A clock at the start of a line before a capital: `00:00:05 John Doe: …`, `0:05 Good evening`. */
const PLAIN_STAMP = /^\s*((?:\d{1,2}:)?\d{1,2}:\d{2})(?:[.,]\d+)?\s+(?=\p{Lu})/u;
/** Markdown bold or italics around a label: `**John Doe:**`, `**John Doe**:`, `__John Doe:__`. */
const MARKED_UP_LABEL = /^(\*\*|__|\*|_)([^*_:\n]{1,80}?)(?::\1|\1\s*:)(?=\s|$)\s*/;
/** A label in brackets: `[SPEAKER_00]: words`, `[Jane Roe]: words`. */
const BRACKETED_LABEL = /^\[([^\]\d:][^\]:]{0,59})\]:\s*/;
/** Sound descriptions written in brackets, in any case: `[Music]`, `[Laughter]`, never a name. */
export const SOUND_WORDS = new Set(
  `music applause laughter laughs laughing crosstalk inaudible unintelligible silence noise cheering cheers sound
  sounds singing sings foreign language speaking static beep beeping sighs sigh coughs cough pause indistinct
  chuckles chuckling gasps background overlapping`.split(/\s+/),
);
/** Whether bracketed words are a sound description rather than a name. */
function isSound(words: string): boolean {
  return words.toLowerCase().split(/[\s-]+/).some((w) => SOUND_WORDS.has(w));
}
/** A name in brackets before the words, in mixed case: `[Jane Roe] words` (`[MUSIC]` is a sound). */
const BRACKETED_NAME = /^\[(\p{Lu}\p{Ll}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*){0,3})\]\s+(?=\S)/u;

/** A speaker label in brackets opening a line, and the words after it: `[SPEAKER_00]: words`,
 * `[Jane Roe] words`. Not a sound description: `[APPLAUSE]:` (capitals alone), `[Laughter] …`.
 * The general reader and the caption readers both ask this. */
export function bracketedLabel(text: string): { name: string; words: string } | null {
  const colon = BRACKETED_LABEL.exec(text);
  if (colon) return /^[\p{Lu}\s]+$/u.test(colon[1] ?? '') ? null : { name: colon[1] ?? '', words: text.slice(colon[0].length) };
  const named = BRACKETED_NAME.exec(text);
  return named && !isSound(named[1] ?? '') ? { name: named[1] ?? '', words: text.slice(named[0].length) } : null;
}
/** A name: up to four capitalised words, or a numbered speaker. */
const NAME = String.raw`(?:\p{Lu}[\p{L}'’.\-]*\s+){0,3}\p{Lu}[\p{L}'’.\-]*|Speaker \d{1,2}`;
const CLOCK = String.raw`((?:\d{1,2}:)?\d{1,2}:\d{2})(?:[.,]\d+)?`;
/** A name and its time alone on a line, as transcription services write a turn's head:
 * `John Doe (00:00:05)`, `Speaker 2 [01:02:03]`, `Jane Roe  0:05` (Descript, Trint), and Zoom's
 * `[John Doe] 10:02:11`. */
const NAME_THEN_STAMP = new RegExp(String.raw`^\s*(${NAME})\s*(?:[([]${CLOCK}[)\]]| \s{1,11}${CLOCK})\s*$`, 'u');
const BRACKETED_NAME_THEN_STAMP = new RegExp(String.raw`^\s*\[(${NAME})\]\s+${CLOCK}\s*$`, 'u');
/** A name alone after a line's time stamp: `00:00:05 Speaker 1` above the words. Not a name
 * with a full stop: `John Doe.` signs a report off. */
const ONLY_NAME = new RegExp(String.raw`^(${NAME})(?<!\.)$`, 'u');
/** A label with its time: Sonix's `John Doe: [00:00:05] Good evening.`, and `JOHN DOE (00:01:05):`
 * or `John Doe [00:01:05]:` as Rev and others write it in a file the Rev reader does not take. */
const LABEL_THEN_STAMP = new RegExp(String.raw`^([^:[\]()]{1,80}?)(?::\s*\[${CLOCK}\]|\s*[([]${CLOCK}[)\]]\s*:)\s*`, 'u');

/** A line longer than this (a whole transcript on one line) is read in pieces of about this
 * size, cut at a sentence's end where there is one: every step after is linear in a piece, and
 * no label is longer than a sentence. The pieces keep the line's number. */
export const MAX_PIECE = 4_000;

export function cleanLines(lines: readonly SourceLine[]): CleanLine[] {
  const out: CleanLine[] = [];
  const stamped = stampsEveryLine(lines);
  for (const line of lines) {
    const clean = stamped ? withLeadingClock(cleanLine(line)) : cleanLine(line);
    if (clean.text.length <= MAX_PIECE) {
      out.push(clean);
      continue;
    }
    for (const piece of pieces(clean.text)) out.push({ ...clean, text: piece, bullet: clean.bullet && out.at(-1)?.n !== clean.n });
  }
  return out;
}

/** A clock before lower-case words: `0:04 today the commission votes`. */
const LEADING_CLOCK = /^((?:\d{1,2}:)?\d{1,2}:\d{2})(?:[.,]\d+)?\s+(?=\S)/;

/** Video-site transcripts open every line with its time, whatever follows (`0:04 today the…`).
 * Only where most lines do it, three at least, is a clock before lower case a stamp: in prose,
 * `10:30 the meeting began` is words. */
function stampsEveryLine(lines: readonly SourceLine[]): boolean {
  let text = 0;
  let clocked = 0;
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    text++;
    if (LEADING_CLOCK.test(l.text.trimStart())) clocked++;
  }
  return clocked >= 3 && clocked * 2 >= text;
}

function withLeadingClock(line: CleanLine): CleanLine {
  const m = line.timecode === null ? LEADING_CLOCK.exec(line.text) : null;
  return m ? { ...line, text: line.text.slice(m[0].length), timecode: m[1] ?? null } : line;
}

function pieces(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (text.length - at > MAX_PIECE) {
    const window = text.slice(at, at + MAX_PIECE);
    let cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
    if (cut < MAX_PIECE / 2) cut = window.lastIndexOf(' ');
    if (cut < MAX_PIECE / 2) cut = MAX_PIECE - 1;
    out.push(text.slice(at, at + cut + 1));
    at += cut + 1;
  }
  out.push(text.slice(at));
  return out;
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
    return { n: line.n, text: '', timecode: only[1] ?? null, stampOnly: true, bullet, marked: false };
  }
  const head = text.length <= 120 ? NAME_THEN_STAMP.exec(text) ?? BRACKETED_NAME_THEN_STAMP.exec(text) : null;
  if (head) return { n: line.n, text: `${head[1]}:`, timecode: head[2] ?? head[3] ?? null, stampOnly: false, bullet, marked: true };
  let timecode: string | null = null;
  const stamp = BRACKET_STAMP.exec(text) ?? RANGE_STAMP.exec(text) ?? PLAIN_STAMP.exec(text);
  if (stamp) {
    timecode = stamp[1] ?? null;
    text = text.slice(stamp[0].length);
    const alone = text.length <= 60 ? ONLY_NAME.exec(text.trim()) : null;
    if (alone) return { n: line.n, text: `${alone[1]}:`, timecode, stampOnly: false, bullet, marked: true };
  }
  let marked = stamp !== null;
  const late = text.length > 0 && text.length <= MAX_PIECE ? LABEL_THEN_STAMP.exec(text) : null;
  if (late) {
    timecode ??= late[2] ?? late[3] ?? null;
    text = `${late[1]}: ${text.slice(late[0].length)}`;
    marked = true;
  }
  const bracketed = bracketedLabel(text);
  if (bracketed) {
    text = `${bracketed.name}: ${bracketed.words}`;
    marked = true;
  }
  const markup = MARKED_UP_LABEL.exec(text);
  if (markup) {
    text = `${markup[2]}: ${text.slice(markup[0].length)}`;
    marked = true;
  }
  if (text.includes('#')) text = text.replace(CAPTION_HASH, '');
  return { n: line.n, text: text.replace(/\s+$/, ''), timecode, stampOnly: false, bullet, marked };
}
