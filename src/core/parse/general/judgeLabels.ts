// Which candidates are labels is a judgement over the whole file, not one pattern per line:
// a name in capitals before a colon at the start of a line is a label almost anywhere; the
// same in the middle of a paragraph only when the name recurs as a label, carries a title, or
// has a first name and surname; `Alexis Madrigal:` in mixed case only when it recurs, introduces
// itself, sits among other labels, or opens a line in a file whose turns open that way; a label
// the export marked (a time stamp before it, bold around it) needs no more; a sentence with a
// colon never. Field names of page headers (`Date:`, `Location:`, `GUESTS:`) are not speakers,
// unless a role among them (`Presenter:`) is followed by a sentence.
import { SOUND_WORDS } from './cleanLines.ts';
import type { LabelCandidate } from './findLabels.ts';
import type { LabelReading } from './readLabel.ts';

/** Words that open a page header field or a heading, never a speaker. */
const HEADER_WORDS = new Set(
  `aired air date time show program programme headline headlines title guests guest guests byline section length network
  channel transcript transcripts type highlight load-date language source speakers document-type publication-type
  copyright update updated note editors editor's location location by credit credits presenter presenters department
  expires posted published subjects subject topic topics tags tag category categories filed summary description
  duration episode season series part chapter contents related share download print email subscribe follow watch
  listen read more next previous up full debate excerpts hansard contributions moderator/panelist panelist panelists
  participants attendees from to cc re sent date:`.split(/\s+/),
);
/** Capitals that head a line and are not a person: `BREAKING NEWS:`, `UPDATE:`, `END:`. */
const NOT_SPEAKER_CAPS = new Set(
  `breaking news update note end begin commercial break watch listen clip video audio source photo graphic text title
  subject topic transcript rush summary warning correction clarification advisory embargoed exclusive live developing
  programme program headline headlines guests guest copyright page section caption captions sponsor sponsored
  announcement statement notice disclaimer question answer plus then also next now first second third finally here
  today tonight meanwhile but and so why what how who where when yes no ok okay well look listen
  monday tuesday wednesday thursday friday saturday sunday key points bottom line takeaway takeaways main
  good morning evening afternoon night thank thanks you hello hi bye goodbye welcome back`.split(/\s+/),
);
/** Labels that say what someone is rather than who: fine as single capitals mid-line. */
const ROLE_NOUNS = new Set(['MAN', 'WOMAN', 'ANNOUNCER', 'REPORTER', 'NARRATOR', 'CROWD', 'AUDIENCE', 'CHILD', 'BOY', 'GIRL', 'VOICE', 'OPERATOR', 'MODERATOR', 'INTERPRETER', 'TRANSLATOR', 'PROTESTERS', 'PROTESTER']);
/** A self-introduction in the label's own words: `I am Alexis Madrigal`. */
const SELF_INTRO = /\b(?:I['’]m|I am|this is|my name is|name's)\s+/i;

export interface Judged {
  candidate: LabelCandidate;
  /** The reading kept (possibly a shorter one, see LabelCandidate.shorter). */
  reading: LabelReading;
  start: number;
}

export interface JudgeInput {
  candidates: readonly LabelCandidate[];
  /** The clean line texts, for the words after a label. */
  texts: readonly string[];
  /** Lines whose opening words the export marked as a speaker's (CleanLine.marked). */
  marked?: ReadonlySet<number>;
}

/** The candidates that are labels, in file order. */
export function judgeLabels({ candidates, texts, marked }: JudgeInput): Judged[] {
  // How often each name appears as a candidate, whole or as its last word (a surname).
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const c of candidates) bump(keyOf(c.reading));
  const surnames = new Map<string, number>();
  for (const c of candidates) {
    const words = keyOf(c.reading).split(' ');
    if (words.length > 1) surnames.set(words.at(-1) ?? '', (surnames.get(words.at(-1) ?? '') ?? 0) + 1);
  }
  const recurs = (r: LabelReading): boolean => (counts.get(keyOf(r)) ?? 0) >= 2 || (r.nameWords === 1 && (surnames.get(keyOf(r)) ?? 0) >= 1);

  const strong = candidates.filter((c) => c.boundary === 'start' && c.reading.style === 'caps' && !isHeader(c.reading) && !c.reading.generic);
  const firstStrong = strong[0]?.index ?? Infinity;
  // `A:` answers only in a file of `Q:` questions.
  const asked = candidates.some((c) => c.reading.question);
  // A file whose turns open `Jane Roe:` at the start of a line, one full name at least twice,
  // labels its speakers that way: a guest who speaks once, `Tom Ikeda:`, is a label too.
  const convention = candidates.some((c) => c.boundary === 'start' && c.reading.style === 'title' && c.reading.nameWords >= 2 && !isHeader(c.reading) && (counts.get(keyOf(c.reading)) ?? 0) >= 2);
  const kept: Judged[] = [];
  for (const c of candidates) {
    const chosen = chooseReading(c, counts);
    const r = chosen.reading;
    const words = (texts[c.index] ?? '').slice(c.wordsAt, c.wordsAt + 200);
    if (isHeader(r) && !roleSpeaking(r, words, counts)) continue;
    if (r.answer && !(asked && c.boundary === 'start')) continue;
    const markedHere = c.boundary === 'start' && (marked?.has(c.index) ?? false);
    if (markedHere ? !notSpeakerWords(r) : accept(c, r, words, recurs, firstStrong, strong.length, convention)) kept.push({ candidate: c, reading: r, start: chosen.start });
  }
  return kept;
}

function accept(
  c: LabelCandidate,
  r: LabelReading,
  words: string,
  recurs: (r: LabelReading) => boolean,
  firstStrong: number,
  strongCount: number,
  convention: boolean,
): boolean {
  if (r.question) return c.boundary === 'start' || c.boundary === 'caption';
  if (r.generic) return c.boundary !== 'glue';
  const titled = r.title !== null || r.role !== null || r.prefix !== null || r.party !== null;
  const introduces = selfIntroduces(r, words);
  switch (r.style) {
    case 'caps': {
      if (notSpeakerWords(r)) return false;
      if (c.boundary === 'start' || c.boundary === 'caption') return true;
      if (r.nameWords >= 2 || titled || ROLE_NOUNS.has(r.name) || recurs(r)) return true;
      return false;
    }
    case 'title': {
      if (introduces) return true;
      if (r.nameWords === 1 && !titled) return recurs(r) && (c.boundary === 'start' || c.boundary === 'caption') || ROLE_NOUNS.has(r.name.toUpperCase());
      if (c.boundary === 'start') return recurs(r) || titled || (strongCount > 0 && c.index > firstStrong) || (convention && !notSpeakerWords(r));
      return recurs(r) && c.boundary !== 'glue' || (titled && r.role !== null);
    }
    case 'lower':
      // Caption streams: `>> judy:`, `>> reporter:`; elsewhere only a name that recurs.
      return c.boundary === 'caption' || (recurs(r) && c.boundary !== 'glue') || ROLE_NOUNS.has(r.name.toUpperCase());
  }
}

/** Every word of the name is one that heads a line without being a person (`BREAKING NEWS`), or
 * a sound (`LAUGHTER`). */
export function notSpeakerWords(r: LabelReading): boolean {
  return r.name.split(' ').every((w) => {
    const word = w.replace(/[.']/g, '').toLowerCase();
    return NOT_SPEAKER_CAPS.has(word) || SOUND_WORDS.has(word);
  });
}

function chooseReading(c: LabelCandidate, counts: ReadonlyMap<string, number>): { reading: LabelReading; start: number } {
  let best = { reading: c.reading, start: c.start };
  let bestCount = counts.get(keyOf(c.reading)) ?? 0;
  for (const s of c.shorter) {
    const n = counts.get(keyOf(s.reading)) ?? 0;
    // A full name that stands as a label elsewhere, where the longer one does not:
    // `TRANSCRIPT BOB SCHIEFFER` is `BOB SCHIEFFER`. A lone surname is a short form, never this.
    if (s.reading.nameWords >= 2 && n > bestCount) {
      best = s;
      bestCount = n;
    }
  }
  // Leading heading words glued to a name: `TRANSCRIPT BOB SCHIEFFER` even when it is alone.
  if (best === c || best.reading === c.reading) {
    const words = c.reading.name.split(' ');
    if (words.length > 2 && NOT_SPEAKER_CAPS.has((words[0] ?? '').toLowerCase())) {
      const s = c.shorter.find((x) => x.reading.name === words.slice(1).join(' '));
      if (s) best = s;
    }
  }
  return best;
}

const keys = new WeakMap<LabelReading, string>();

export function keyOf(r: LabelReading): string {
  let key = keys.get(r);
  if (key === undefined) {
    key = r.name.toUpperCase().replace(/[’]/g, "'").replace(/\s+/g, ' ');
    keys.set(r, key);
  }
  return key;
}

/** `Presenter: Good evening. The harbour deal…`: a role that heads page fields (`Presenter:
 * Pentagon Press Secretary Jane Roe`) speaking instead, because a sentence follows it (words in
 * lower case), not a name and title, or because it labels several turns. */
function roleSpeaking(r: LabelReading, words: string, counts: ReadonlyMap<string, number>): boolean {
  if (r.role === null || r.nameWords !== 1) return false;
  const lower = words.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w)).length;
  return (counts.get(keyOf(r)) ?? 0) >= 2 || lower >= 2;
}

function isHeader(r: LabelReading): boolean {
  if (r.prefix !== null || r.question) return false;
  const words = r.name.toLowerCase().split(' ');
  if (words.length <= 2 && words.every((w) => HEADER_WORDS.has(w))) return true;
  return HEADER_WORDS.has(r.raw.toLowerCase());
}

function selfIntroduces(r: LabelReading, words: string): boolean {
  const m = SELF_INTRO.exec(words);
  if (!m) return false;
  const after = words.slice(m.index + m[0].length, m.index + m[0].length + r.name.length + 2).toLowerCase();
  const surname = r.name.split(' ').at(-1)?.toLowerCase() ?? '';
  return surname !== '' && after.includes(surname);
}
