// What a speaker label says, in every shape newsrooms write one: `KYRA PHILLIPS, CNN ANCHOR`,
// `SEN. AMY KLOBUCHAR (D), Minnesota`, `Mr. RICHARD KYLE (Chief White House Correspondent,
// Bloomberg News)`, `President GEORGE W. BUSH`, `JOHN DOE reporting`, `NEAL CONAN, host`,
// `VOLODYMYR ZELENSKYY, Ukrainian President (through translator)`, `Alexis Madrigal`, `J. KING`,
// `Speaker 2`, `Q`. Whether a label is trusted is decided over the whole file (judgeLabels);
// this only reads one and says whether it is shaped like a speaker at all.
import { straightenQuotes } from '../sourceText.ts';
import { roleOfTitle, type Role } from './roles.ts';

export type NameStyle = 'caps' | 'title' | 'lower';

export interface LabelReading {
  /** The label as written, without the colon. */
  raw: string;
  /** The person part as written: `KYRA PHILLIPS`, `Alexis Madrigal`, `J. KING`, `Speaker 2`. */
  name: string;
  /** Title words written before the name: `SEN.`, `President`, `FMR. REP.`, `Mr.`. */
  prefix: string | null;
  /** Title or description: `CNN ANCHOR`, `Senior Director, New America`, `Minnesota`. */
  title: string | null;
  /** `D`, `R-TN`, `Lab`. */
  party: string | null;
  /** How, not who: `via telephone`, `voice-over`, `through translator`. */
  delivery: string | null;
  role: Role | null;
  style: NameStyle;
  /** `Speaker 2`, `Unidentified Man #1`, `UNIDENTIFIED MALE`: someone, not named. */
  generic: boolean;
  /** `Harbour worker`, `Mayor's office`: a label that describes the speaker instead of naming them. */
  description?: boolean;
  /** `Q`, `QUESTION`: a reporter's question at a briefing. */
  question: boolean;
  /** `A`, `ANSWER`: the answer to the question before, in an interview written as Q and A. The
   * person answering is not named by the label: an anonymous interviewee. */
  answer?: boolean;
  /** Words in the name part: more of them is more certainly a name. */
  nameWords: number;
}

const MAX_RAW = 160;
const MAX_NAME_WORDS = 5;
const MAX_TITLE_WORDS = 18;

/** Title words a label can open with, any case; abbreviations with or without the point. */
const PREFIX_WORDS = new Set(
  `mr mrs ms miss dr sen senator rep representative congressman congresswoman gov governor pres president
  vice prime minister secretary fmr former rear vice adm admiral gen general lt col colonel maj major capt captain
  sgt sergeant amb ambassador hon rev reverend judge justice mayor chancellor lord lady sir dame prince princess
  king queen sheikh chief deputy acting attorney professor prof dean father rabbi bishop cardinal pope
  first the`.split(/\s+/),
);
/** Parenthesised party tags: `(D)`, `(R-TN)`, `(D-Indiana)`, `(Lab)`, `(Con)`, `(I-VT)`. */
const PARTY = /^(?:[DRI]|Lab|Con|LD|Lib Dem|SNP|DUP|SDLP|PC|Green|Ind|Independent|Reform|Alliance)(?:[-–][\p{L} ]{1,20})?$/u;
/** Parenthesised words about the delivery: lower case, or the usual ones in capitals. */
const DELIVERY = /^(?:\p{Ll}|VOICE[- ]OVER|ON CAMERA|ON[- ]CAMERA|THROUGH TRANSLATOR|VIA TELEPHONE|VIA PHONE|VIA SKYPE|OFF[- ]CAMERA|OFF[- ]MIKE|BEGIN VIDEO)/u;
/** Words that end a label and say the speaker's role rather than a title: `JOHN DOE reporting`. */
const ROLE_SUFFIX = /\s+(reporting|host|co-host|anchor|byline)$/i;
const GENERIC = /^(?:speaker|spk|unknown|unidentified|unknown speaker|male|female|man|woman|voice|participant|person|caller|audience member|crowd|group)(?:\s+(?:speaker|male|female|man|woman|voice|person|participant|reporter))?(?:\s*#?\s*\d{1,3})?$/i;
const INITIALS = /^(?:\p{Lu}\.){1,3}$|^(?:\p{Lu}\.)+\p{Lu}\.?$/u;
/** Name particles written in lower case inside a name: `Charles de Gaulle`, `al-Jubeir`. */
const PARTICLES = new Set(['de', 'da', 'del', 'della', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'ter', 'dos', 'das', 'y']);
/** Function words never inside a name (they are inside sentences and titles). */
const FUNCTION_WORDS = new Set(
  `the a an of to in on for and or but with at by from is are was were be been it its our your my we you they he she
  not no this that these those here there what why how who when where which as if so than then also just now very
  i me us him her them his their has have had do does did will would can could should may might must shall`.split(/\s+/),
);

/** Roles a label can open with before the person's name in parentheses: `Host (Jane Roe)`. */
const ROLE_LEAD = /^(?:host|co-host|guest|anchor|reporter|correspondent|interviewer|interviewee|moderator|presenter|panelist|panellist|caller|narrator|announcer|speaker|witness|chair|chairman|chairwoman|commentator|analyst)$/i;

/** Function words that are also names, written capitalised inside one: `Nguyen Van An`, `He
 * Lifeng`, `Do Hung`. */
const SURNAME_WORDS = new Set(['An', 'Do', 'He', 'So']);

/** Reads a label, or returns null when it cannot be a speaker's. `context` lower-case allows the
 * caption streams' `>> judy:` labels. */
export function readLabel(rawLabel: string, allowLower = false): LabelReading | null {
  // A title in brackets reads as one in parentheses: `Tom Ikeda [Mayor]`.
  const raw = straightenQuotes(rawLabel).replace(/\s+/g, ' ').trim().replace(/\s*\[([^\][]{1,80})\]$/, ' ($1)');
  // Diarised machine transcripts (WhisperX, pyannote): `SPEAKER_00`, someone not named.
  const diarised = /^speaker_(\d{1,3})$/i.exec(raw);
  if (diarised) return reading(raw, `Speaker ${diarised[1]}`, null, null, null, null, 'caps', true, false, 2);
  if (raw === '' || raw.length > MAX_RAW || /["\u201c\u201d:;!?]|^\(|\bhttps?\b|[=<>|@*_~]/.test(raw)) return null;
  if (/^(?:Q|QUESTION|Question|QUESTIONER|AUDIENCE QUESTION)$/.test(raw)) {
    return reading(raw, raw, null, null, null, null, 'caps', false, true, 1);
  }
  if (/^(?:A|ANSWER|Answer)$/.test(raw)) {
    return { ...reading(raw, 'Interviewee', null, null, null, null, 'caps', true, false, 1), answer: true };
  }

  // Trailing parentheses, possibly nested: delivery notes, party tags, titles.
  let rest = raw;
  let delivery: string | null = null;
  let party: string | null = null;
  const parenTitles: string[] = [];
  for (let guard = 0; guard < 4 && rest.endsWith(')'); guard++) {
    const open = matchingOpen(rest);
    if (open <= 0) return null;
    const inner = rest.slice(open + 1, -1).trim();
    rest = rest.slice(0, open).trim();
    if (inner === '') continue;
    if (PARTY.test(inner)) party ??= inner;
    else if (DELIVERY.test(inner) && !/[A-Z]{2}.*,/.test(inner)) delivery ??= inner;
    else parenTitles.unshift(inner);
  }
  // The first comma outside parentheses separates the person from the title.
  let title: string | null = null;
  const comma = firstCommaOutsideParens(rest);
  if (comma >= 0) {
    title = rest.slice(comma + 1).trim() || null;
    rest = rest.slice(0, comma).trim();
  }
  // `SEN. AMY KLOBUCHAR (D)` before the comma, `Governor MARY POE (Independent, Somestate)`.
  for (let guard = 0; guard < 2 && rest.endsWith(')'); guard++) {
    const open = matchingOpen(rest);
    if (open <= 0) return null;
    const inner = rest.slice(open + 1, -1).trim();
    rest = rest.slice(0, open).trim();
    if (PARTY.test(inner)) party ??= inner;
    else if (DELIVERY.test(inner)) delivery ??= inner;
    else parenTitles.unshift(inner);
  }
  if (rest.includes('(') || rest.includes(')')) return null;
  // `Host (Jane Roe)`, `Guest (Ana Flores)`: the role first, the person in parentheses.
  const named = title === null && parenTitles.length === 1 && ROLE_LEAD.test(rest) ? parenTitles[0]!.split(' ') : null;
  if (named && named.length <= 4) {
    const style = nameStyle(named, false);
    if (style !== null) return reading(raw, named.join(' '), null, rest, party, delivery, style, false, false, named.length, roleOfTitle(rest));
  }

  let role: Role | null = null;
  const suffix = ROLE_SUFFIX.exec(rest);
  if (suffix) {
    role = roleOfTitle(suffix[1] ?? '');
    rest = rest.slice(0, suffix.index).trim();
  }
  if (rest === '') return null;

  if (GENERIC.test(rest)) {
    const titleText = [title, ...parenTitles].filter((t) => t).join(', ') || null;
    return reading(raw, rest, null, titleText, party, delivery, styleOf(rest), true, false, rest.split(' ').length);
  }

  const words = rest.split(' ');
  // Leading title words: `SEN.`, `FMR. REP.`, `President`, `Mr.`; never the whole label.
  let p = 0;
  while (p < words.length - 1 && isPrefixWord(words[p] ?? '', words.slice(p + 1))) p++;
  const prefix = p > 0 ? words.slice(0, p).join(' ') : null;
  const nameWords = words.slice(p);
  const name = nameWords.join(' ');
  const style = nameStyle(nameWords, allowLower);
  if (style === null || nameWords.length > MAX_NAME_WORDS) return null;

  const titles = [title, ...parenTitles].filter((t): t is string => t !== null && t !== '');
  const titleText = titles.length > 0 ? titles.join(', ') : null;
  if (titleText !== null && (titleText.split(' ').length > MAX_TITLE_WORDS || /\p{Ll}{3}[.!?]\s+\p{Lu}\p{Ll}/u.test(titleText))) return null;
  // `REPORTER:`, `>> reporter:`, `ANNOUNCER:`: the label is the role itself.
  role ??= roleOfTitle(titleText ?? '') ?? roleOfTitle(prefix ?? '') ?? (nameWords.length === 1 ? roleOfTitle(name) : null);
  return reading(raw, name, prefix, titleText, party, delivery, style, false, false, nameWords.length, role);
}

function reading(
  raw: string, name: string, prefix: string | null, title: string | null, party: string | null, delivery: string | null,
  style: NameStyle, generic: boolean, question: boolean, nameWords: number, role: Role | null = null,
): LabelReading {
  return { raw, name, prefix, title, party, delivery, role: role ?? roleOfTitle(title ?? ''), style, generic, question, nameWords };
}

function isPrefixWord(word: string, after: readonly string[]): boolean {
  const bare = word.replace(/\.$/, '').toLowerCase();
  if (!PREFIX_WORDS.has(bare)) return false;
  // `THE PRESIDENT` names an office: the resolver reads it whole.
  if (bare === 'the') return false;
  // A prefix is followed by the name: in mixed labels (`President GEORGE W. BUSH`) the name is
  // in capitals; in capitals (`SEN. AMY KLOBUCHAR`) the prefix is a known title word.
  return after.length > 0;
}

function nameStyle(words: readonly string[], allowLower: boolean): NameStyle | null {
  if (words.length === 0) return null;
  const letters = words.join('');
  if (!/\p{L}/u.test(letters)) return null;
  if (words.some((w) => /\d/.test(w))) return null;
  if (words.every((w) => isCapsWord(w)) && /\p{Lu}{2}/u.test(letters)) return 'caps';
  if (words.every((w, i) => isTitleWord(w) || (i > 0 && PARTICLES.has(w.toLowerCase())))) {
    return words.some((w) => FUNCTION_WORDS.has(w.toLowerCase()) && !PARTICLES.has(w.toLowerCase()) && !(words.length >= 2 && SURNAME_WORDS.has(w))) ? null : 'title';
  }
  if (allowLower && words.length <= 3 && words.every((w) => /^[\p{Ll}][\p{Ll}'’.-]*$/u.test(w)) && !words.some((w) => FUNCTION_WORDS.has(w))) {
    return 'lower';
  }
  return null;
}

/** `O'BRIEN`, `JEAN-PIERRE`, `A.M.`, `W.`, `D'AGATA`, `MCEWEN`. */
function isCapsWord(w: string): boolean {
  return /^[\p{Lu}][\p{Lu}'’.\-]*$/u.test(w) || INITIALS.test(w) || /^Mc\p{Lu}+$/u.test(w);
}

/** `Alexis`, `McDonald`, `O'Neal`, `Jean-Pierre`, `J.`, `al-Jubeir`. */
function isTitleWord(w: string): boolean {
  return /^\p{Lu}[\p{Ll}'’]*(?:\p{Lu}\p{Ll}+)*(?:-\p{Lu}?\p{Ll}+)*\.?$/u.test(w) || INITIALS.test(w) || /^(?:al|el)-\p{Lu}\p{Ll}+$/u.test(w);
}

function styleOf(text: string): NameStyle {
  return /\p{Ll}/u.test(text) ? (/^\p{Lu}/u.test(text) ? 'title' : 'lower') : 'caps';
}

function matchingOpen(text: string): number {
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ')') depth++;
    else if (c === '(' && --depth === 0) return i;
  }
  return -1;
}

function firstCommaOutsideParens(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) return i;
  }
  return -1;
}
