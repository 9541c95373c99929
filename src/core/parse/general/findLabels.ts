// Where a line could hand the word to a speaker: a label and its colon at the start of the
// line, or in the middle of it after a sentence, a stage cue (`(BREAK) `), a caption mark
// (`>> `) or page chrome glued to it (`sponsorshipJUDY WOODRUFF:`). This finds candidates
// only; judgeLabels decides over the whole file which of them are labels. Linear in the line:
// each colon looks back a bounded distance, and no pattern backtracks over the line.
import { readLabel, type LabelReading } from './readLabel.ts';

export type Boundary = 'start' | 'sentence' | 'cue' | 'caption' | 'glue';

export interface LabelCandidate {
  /** Index into the file's clean lines. */
  index: number;
  /** Offset of the label's first character in the clean line text. */
  start: number;
  /** Offset just past the colon and its spaces: where the words begin. */
  wordsAt: number;
  boundary: Boundary;
  reading: LabelReading;
  /** Shorter readings of a capitals label, dropping leading words (`TRANSCRIPT BOB SCHIEFFER`
   * may be `BOB SCHIEFFER`); judgeLabels picks one by what recurs in the file. */
  shorter: Array<{ start: number; reading: LabelReading }>;
}

/** A line with this many colons that could end a label, fewer than CROWDED_SPACING characters
 * apart on average, is not speech handed between people (`MR. A: MR. A: …`): it is read as
 * text, not as turns, and its remaining colons are not read at all. */
const CROWDED_AFTER = 100;
const CROWDED_SPACING = 16;
/** A label is never longer than this before its colon. */
const LOOK_BACK = 160;
const ABBREVIATION_BEFORE = /(?:^|\s)(?:\p{Lu}|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Adm|Amb|Fmr|Rev|Hon|Capt|Sgt|Maj|Pres|St|Jr|Sr|MR|MRS|MS|DR|SEN|REP|GOV|GEN|LT|COL|ADM|AMB|FMR|REV|HON|CAPT|SGT|MAJ|PRES|ST|JR|SR)\.$/u;

/** Every label candidate of one line. `captions`: the file is a caption stream, where
 * labels can be lower case after `>>`. */
export function findLabels(index: number, text: string, captions: boolean): LabelCandidate[] {
  // Decided before any label is read: a crowded line would be thrown away after a hundred reads.
  if (isCrowded(text)) return [];
  const found: LabelCandidate[] = [];
  let from = 0;
  // A label holds no colon, so it starts after the last one: on a line of colons every few
  // characters, each looks back a few characters, not a hundred and sixty.
  let lastColon = -1;
  for (let c = text.indexOf(':'); c >= 0; lastColon = c, c = text.indexOf(':', c + 1)) {
    // Times (`11:17`), addresses (`https:`) and ratios are not labels.
    if (!endsLabel(text, c)) continue;
    const low = Math.max(from, lastColon + 1, c - LOOK_BACK);
    const starts = boundaries(text, low, c);
    let best: LabelCandidate | null = null;
    for (const { at, boundary } of starts) {
      const raw = text.slice(at, c).trim();
      const reading = readLabel(raw, captions && boundary !== 'glue');
      if (!reading) continue;
      let wordsAt = c + 1;
      while (wordsAt < text.length && /\s/.test(text[wordsAt] ?? '')) wordsAt++;
      best = { index, start: at + (text.slice(at, c).length - text.slice(at, c).trimStart().length), wordsAt, boundary, reading, shorter: [] };
      break;
    }
    if (!best) continue;
    if (best.reading.style === 'caps' && best.reading.nameWords > 1) best.shorter = shorterReadings(text, best.start, c);
    found.push(best);
    from = best.wordsAt;
  }
  return found;
}

/** Whether the colon at `c` can end a label: times (`11:17`), addresses (`https:`) and ratios
 * do not, nor does a colon with words glued after it. */
function endsLabel(text: string, c: number): boolean {
  const next = text.charCodeAt(c + 1);
  if (next >= 48 && next <= 57) return false;
  if (c > 0 && /\d/.test(text[c - 1] ?? '') && /\d/.test(text[c + 1] ?? '')) return false;
  return c + 1 >= text.length || /\s/.test(text[c + 1] ?? '');
}

/** CROWDED_AFTER label colons or more, and at some point fewer than CROWDED_SPACING characters
 * apart on average since the line began. */
function isCrowded(text: string): boolean {
  let colons = 0;
  for (let c = text.indexOf(':'); c >= 0; c = text.indexOf(':', c + 1)) {
    if (endsLabel(text, c) && ++colons >= CROWDED_AFTER && colons * CROWDED_SPACING > c) return true;
  }
  return false;
}

interface Start {
  at: number;
  boundary: Boundary;
}

/** Possible label starts before a colon, earliest first: the line start, then after each
 * sentence end, stage cue, caption mark or glued chrome within reach. */
function boundaries(text: string, low: number, colon: number): Start[] {
  const starts: Start[] = [];
  if (low === 0) starts.push({ at: 0, boundary: 'start' });
  for (let i = Math.max(low, 1); i < colon; i++) {
    const code = text.charCodeAt(i);
    const prevCode = text.charCodeAt(i - 1);
    // Most characters start nothing: a letter after a letter, a space after anything.
    if (code === 32 || (prevCode !== 32 && prevCode !== 9 && !(code >= 65 && code <= 90) && code < 128)) continue;
    const ch = text[i] ?? '';
    const prev = text[i - 1] ?? '';
    if (/\s/.test(prev) && !/\s/.test(ch)) {
      // After `>>`, a sentence end, or a closing bracket of a cue.
      const before = text.slice(Math.max(0, i - 12), i).trimEnd();
      if (before.endsWith('>>')) starts.push({ at: i, boundary: 'caption' });
      else if (/[.!?…]["'”’]?$/.test(before) && !ABBREVIATION_BEFORE.test(before)) starts.push({ at: i, boundary: 'sentence' });
      else if (/[)\]♪]$/.test(before)) starts.push({ at: i, boundary: 'cue' });
      // `Then: MARY POE, Mayor:`: a word and a colon announcing the next speaker.
      else if (/\p{L}:$/u.test(before) && /\p{Lu}{2}/u.test(text.slice(i, i + 3))) starts.push({ at: i, boundary: 'cue' });
      else if (/[—–-]{1,2}$/.test(before) && /[.!?]\s*[—–-]{1,2}$|^[—–-]{1,2}$/.test(before)) starts.push({ at: i, boundary: 'sentence' });
    } else if (prev === '>' && text[i - 2] === '>' && !/\s/.test(ch)) {
      starts.push({ at: i, boundary: 'caption' });
    } else if (/\p{Lu}/u.test(ch) && /[\p{Ll}\d.]/u.test(prev) && !/[\p{Ll}]/u.test(text[i + 1] ?? 'x') ) {
      // `sponsorshipJUDY WOODRUFF:`: capitals glued to the page text before them.
      starts.push({ at: i, boundary: 'glue' });
    } else if (/\p{Lu}/u.test(ch) && /[\p{Ll}]/u.test(text[i + 1] ?? '') && /[\p{Ll}]\.?$/u.test(prev) && /\.[a-z]{2,4}$/.test(text.slice(Math.max(0, i - 6), i))) {
      // `cityarts.netAlexis Madrigal:`: a mixed-case name glued to a web address.
      starts.push({ at: i, boundary: 'glue' });
    }
  }
  return starts;
}

/** Readings that drop leading words of the name part (never of the title after its comma). */
function shorterReadings(text: string, start: number, colon: number): LabelCandidate['shorter'] {
  const out: LabelCandidate['shorter'] = [];
  const full = text.slice(start, colon);
  const comma = full.search(/[,(]/);
  const raw = comma < 0 ? full : full.slice(0, comma);
  for (let i = raw.indexOf(' '); i >= 0; i = raw.indexOf(' ', i + 1)) {
    const at = start + i + 1;
    const reading = readLabel(text.slice(at, colon).trim());
    if (reading) out.push({ start: at, reading });
  }
  return out;
}
