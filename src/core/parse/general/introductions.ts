// Where no label names a speaker, broadcasts name them in their own words: the presenter's
// "Vitaly Shevchenko, Russia editor at BBC Monitoring, … told me more", "Our Russia editor,
// Steve Rosenberg reports", "I asked our Europe regional editor, Paul Moss, …", a caption's
// "cbs' carter evans is there", a host's "joining us now, Margaret Brennan". These patterns
// read such introductions, and the journalists' roles they state ("correspondent Charlie
// D'Agata", "NPR's Liz Baker"). An introduction is evidence shown with the answer, never a guess
// dressed as a label; where none is found the words stay unattributed.
import type { Role } from './roles.ts';
import { roleOfTitle } from './roles.ts';

export interface Introduced {
  /** The name as the text writes it. */
  name: string;
  /** What the introduction says they are: `Russia editor at BBC Monitoring`. */
  title: string | null;
  role: Role | null;
  /** The introducing words, for the answer to show. */
  text: string;
  /** Offset in the searched text just past the introduction. */
  end: number;
}

// A name: two or three capitalised words (`Vitaly Shevchenko`, `Charlie D'Agata`, `Adel
// al-Jubeir`), or in caption streams two lower-case words (`carter evans`).
const CAP_WORD = "\\p{Lu}[\\p{Ll}'’]*(?:\\p{Lu}[\\p{Ll}'’]+)?(?:-\\p{Lu}?[\\p{Ll}'’]+)?";
const CAP_NAME = `(${CAP_WORD}(?:\\s+(?:\\p{Lu}\\.\\s+)?(?:al-|el-|de\\s+|van\\s+)?${CAP_WORD}){1,2})`;
const LOW_WORD = "[\\p{Ll}][\\p{Ll}'’]+(?:-[\\p{Ll}]+)?";
const LOW_NAME = `(${LOW_WORD}\\s+(?:al-)?${LOW_WORD})`;
const DESC = "(?:[^.!?]{0,80}?)";

const CUES_AFTER_NAME = [
  'is following (?:developments|this|the story) and told (?:me|us) more',
  'told (?:me|us) more(?: about [^.!?]{1,60})?',
  'has (?:more|our report|the story|this report|the details|details|the latest|been following[^.]{0,60})',
  'reports(?: from [^.]{1,40})?',
  'joins (?:us|me)(?: now)?(?: from [^.]{1,60})?',
  'is (?:there|with us|on the line|standing by)[^.!?]{0,100}',
  'testified[^.]{0,80}',
  'sent (?:us )?this report',
];
const CUES_BEFORE_NAME = [
  'I asked',
  'we asked',
  'I spoke (?:to|with)',
  'we spoke (?:to|with)',
  '(?:the BBC|CNN|NPR|we) spoke to',
  'joining (?:us|me)(?: now)?',
  "here['’]s",
  'we(?:[’\']re| are) joined by',
  "I['’]m joined (?:now )?by",
  'with (?:me|us) (?:now )?is',
  "let['’]s (?:hear from|bring in|go to)",
  'over to',
];

/** Cue words in either case at the start (`Joining us now`, `joining us now`); names keep their
 * case, so no pattern here takes the `i` flag, under which `\\p{Lu}` would match any letter. */
function anyCaseStart(cue: string, lower: boolean): string {
  if (lower) return cue.toLowerCase();
  const c = cue.charAt(0);
  return /\p{L}/u.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]${cue.slice(1)}` : cue;
}

function compile(nameGroup: string, lower: boolean): { after: RegExp; before: RegExp; sentenceFinalName: RegExp } {
  const afterCues = CUES_AFTER_NAME.join('|');
  const beforeCues = CUES_BEFORE_NAME.map((c) => anyCaseStart(c, lower)).join('|');
  return {
    // `NAME[, DESC,] CUE` at the end of the text.
    after: new RegExp(`${nameGroup},?(?:\\s*(${DESC}),)?\\s+(?:and (?:he|she|they) )?(?:${afterCues})\\s*[.:]?\\s*$`, 'u'),
    // `CUE [DESC,] NAME` near the end: "I asked our Europe regional editor, Paul Moss, why …".
    before: new RegExp(`(?:${beforeCues})\\s+(?:(${DESC}),\\s+)?${nameGroup}(?=[,.:?!]|\\s+(?:about|why|what|how|who|whether|for|from|of|in|at))`, 'u'),
    // "… the Russia editor for BBC Monitoring is Vitaly Shevchenko."
    sentenceFinalName: new RegExp(`\\b(?:editor|correspondent|reporter|guest|voice|expert|analyst|here)\\b[^.!?]{0,60}\\bis\\s+${nameGroup}(?:\\s+and\\s+(?:he|she|they)\\b[^.!?]{0,80})?\\s*\\.\\s*$`, 'u'),
  };
}

const CAPS = compile(CAP_NAME, false);
const LOWER = compile(LOW_NAME, true);
/** Stop words that cannot be part of a lower-case name. */
const NOT_NAME = new Set(
  `the a an of to in on for and or but with at by from is are was were be it its our your my we you they he she this that
  there here now today tonight also just more some all any new old good great first last next people police officials
  news reporter anchor host correspondent editor report story live says said us me him her them who what where when
  how why which while after before over under up down out off about into president secretary minister senator`.split(/\s+/),
);

/** The last introduction in `text` (the words just before an unnamed turn), or null. */
export function introductionBefore(text: string, lowerCase: boolean): Introduced | null {
  const tail = text.slice(-400);
  const offset = text.length - tail.length;
  const { after, before, sentenceFinalName } = lowerCase ? LOWER : CAPS;
  const m = after.exec(tail);
  if (m && isName(m[1] ?? '', lowerCase)) return introduced(m[1] ?? '', m[2] ?? null, tail, m.index, offset + tail.length);
  let last: RegExpExecArray | null = null;
  const scan = new RegExp(before.source, `${before.flags}g`);
  for (let b = scan.exec(tail); b !== null; b = scan.exec(tail)) if (isName(b[2] ?? '', lowerCase)) last = b;
  // Only an introduction in the last sentence or two: further back, someone else may have spoken.
  if (last && tail.length - (last.index + last[0].length) < 160) {
    return introduced(last[2] ?? '', last[1] ?? null, tail, last.index, offset + last.index + last[0].length);
  }
  const f = sentenceFinalName.exec(tail);
  if (f && isName(f[1] ?? '', lowerCase)) {
    const sentenceStart = Math.max(tail.lastIndexOf('. ', f.index) + 2, 0);
    return introduced(f[1] ?? '', null, tail, sentenceStart, offset + tail.length);
  }
  return null;
}

/** A caption stream names a speaker just after they spoke: "the saudi arabian foreign
 * minister, adel al-jubeir, is sticking to …". Only the first sentence of `text` is read. */
export function namedAfter(text: string, lowerCase: boolean): Introduced | null {
  const first = text.slice(0, 240);
  const name = lowerCase ? LOW_NAME : CAP_NAME;
  const m = new RegExp(`^\\s*(?:[Tt]hat was\\s+|[Tt]he\\s+)?(${DESC}),\\s+${name},\\s+(?:is|was|who|says|said|has|had)\\b`, 'u').exec(first);
  if (!m || !isName(m[2] ?? '', lowerCase)) return null;
  return introduced(m[2] ?? '', m[1] ?? null, first, 0, 0);
}

/** A turn that names only its speaker: "Vitaly Shevchenko." or "That was Danny Eberhardt." — the
 * presenter signing off an item; what follows is the presenter again. */
export function signOffName(sentence: string): string | null {
  const m = new RegExp(`^(?:[Tt]hat was\\s+|[Tt]hanks?(?: you)?,?\\s+)?${CAP_NAME}\\.?$`, 'u').exec(sentence.trim());
  return m && isName(m[1] ?? '', false) ? m[1] ?? null : null;
}

function introduced(name: string, desc: string | null, text: string, from: number, end: number): Introduced {
  const sentenceStart = Math.max(text.lastIndexOf('. ', from) + 2, text.lastIndexOf('? ', from) + 2, 0);
  const title = desc === null ? null : cleanDesc(desc);
  const sentence = text.slice(sentenceStart, Math.min(text.length, Math.max(end, from + 1) + 1, sentenceStart + 240)).trim();
  return { name: name.trim(), title, role: roleOfTitle(title ?? '') ?? roleOfTitle(sentence), text: sentence, end };
}

function cleanDesc(desc: string): string | null {
  const d = desc.replace(/^(?:and\s+)?(?:our|the|a|an)\s+/i, '').trim();
  return d === '' || d.split(/\s+/).length > 12 ? null : d;
}

function isName(name: string, lowerCase: boolean): boolean {
  const words = name.toLowerCase().split(/\s+/);
  if (words.some((w) => NOT_NAME.has(w))) return false;
  if (!lowerCase) return true;
  return words.every((w) => w.length >= 2);
}

/** Journalists the text itself names as such: "correspondent Charlie D'Agata", "NPR's Liz
 * Baker", "Richard Kyle is chief White House correspondent", "Nick Schifrin has our report". */
const ROLE_WORD = /\b(?:[Cc]orrespondent|[Rr]eporter|[Aa]nchor|[Hh]ost|[Cc]o-host|[Ee]ditor|[Mm]oderator|[Pp]resenter)\b/;

export function journalistsIn(text: string, lowerCase: boolean): Map<string, Role> {
  const found = new Map<string, Role>();
  const name = lowerCase ? LOW_NAME : CAP_NAME;
  const add = (n: string | undefined, role: Role | null) => {
    if (!n || role === null || !isName(n, lowerCase)) return;
    const key = n.toUpperCase().replace(/’/g, "'");
    if (!found.has(key)) found.set(key, role);
  };
  const roleWord = '([Cc]orrespondent|[Rr]eporter|[Aa]nchor|[Hh]ost|[Cc]o-host|[Ee]ditor|[Mm]oderator|[Pp]resenter)';
  // The patterns that start at a name are tried at every capitalised word: only where the word
  // they need is in the text at all (a long page without it is read in one pass, not one per word).
  const hasRole = ROLE_WORD.test(text);
  if (hasRole) for (const m of text.matchAll(new RegExp(`\\b${roleWord}\\s+${name}`, 'gu'))) add(m[2], roleOfTitle(m[1] ?? ''));
  if (hasRole) for (const m of text.matchAll(new RegExp(`${name}(?:,| is| was)\\s+(?:a\\s+|the\\s+|our\\s+|an\\s+)?[^.,;:!?]{0,50}?\\b${roleWord}\\b`, 'gu'))) add(m[1], roleOfTitle(m[2] ?? ''));
  for (const m of text.matchAll(new RegExp(`\\b(?:NPR|CNN|CBS|BBC|PBS|ABC|NBC)['’]s?\\s+${name}`, 'gu'))) add(m[1], 'reporter');
  if (/\breport/.test(text)) for (const m of text.matchAll(new RegExp(`${name}\\s+(?:has (?:our|this|the) report|reports\\b|sent (?:us )?this report)`, 'gu'))) add(m[1], 'reporter');
  for (const m of text.matchAll(new RegExp(`\\b(?:moderated|hosted|presented|anchored) by\\s+${name}`, 'gu'))) add(m[1], 'host');
  for (const m of text.matchAll(new RegExp(`\\bwith\\s+${name},\\s+reporting\\b`, 'gu'))) add(m[1], 'anchor');
  return found;
}

/** "I'm Judy Woodruff", "Hey, I am Lulu Miller", "This is Neal Conan": a speaker naming
 * themselves. Returns the name, or null. */
export function selfIntroduction(text: string, lowerCase: boolean): string | null {
  const name = lowerCase ? LOW_NAME : CAP_NAME;
  const m = new RegExp(`(?:^|[.!?,]\\s+|\\b(?:[Aa]nd|[Hh]ey|[Hh]ello|[Hh]i|evening|morning|afternoon),?\\s+)(?:I['’]m|I am|[Tt]his is|[Mm]y name is|i['’]m|i am)\\s+${name}`, 'u').exec(text.slice(0, 600));
  return m && isName(m[1] ?? '', lowerCase) ? m[1] ?? null : null;
}

/** A toss to a correspondent: "holly williams with the saudi foreign minister in riyadh." — read
 * only for a turn labelled just `reporter`, whom the anchor has just named. */
export function tossBefore(text: string, lowerCase: boolean): Introduced | null {
  const tail = text.slice(-300);
  const name = lowerCase ? LOW_NAME : CAP_NAME;
  const m = new RegExp(`(?:^|[.!?]["'”’]?\\s+)${name}(?:,)?\\s+(?:is\\s+)?(?:with|in|at|from|joins us from)\\s+[^.!?]{3,80}[.!?]?\\s*$`, 'u').exec(tail);
  if (!m || !isName(m[1] ?? '', lowerCase)) return null;
  return introduced(m[1] ?? '', null, tail, m.index, text.length);
}

/** The last introduction anywhere in a speaker's words: for a generic label (`Speaker 2`) whose
 * first words follow a host's long monologue that named them part-way ("… joining us now.
 * Margaret Brennan …"). */
export function introductionIn(text: string, lowerCase: boolean): Introduced | null {
  const { before } = lowerCase ? LOWER : CAPS;
  const scan = new RegExp(before.source, `${before.flags}g`);
  let last: RegExpExecArray | null = null;
  for (let b = scan.exec(text); b !== null; b = scan.exec(text)) if (isName(b[2] ?? '', lowerCase)) last = b;
  if (last) return introduced(last[2] ?? '', last[1] ?? null, text, last.index, last.index + last[0].length);
  // "Joining us now. Margaret Brennan …": the cue ends a sentence and the name opens the next.
  const name = lowerCase ? LOW_NAME : CAP_NAME;
  const split = new RegExp(`(?:[Jj]oining (?:us|me)(?: now)?|[Ww]e(?:['’]re| are) joined by|[Hh]ere(?:['’]s| is))[.:,]\\s+${name}\\b`, 'gu');
  let found: RegExpExecArray | null = null;
  for (let m = split.exec(text); m !== null; m = split.exec(text)) if (isName(m[1] ?? '', lowerCase)) found = m;
  return found ? introduced(found[1] ?? '', null, text, found.index, found.index + found[0].length) : null;
}

/** Sentences only a presenter says between items: the introduced voice has finished. */
const PRESENTER_TURN = /^(?:also in (?:this|the) (?:podcast|programme|program)|meanwhile\b|in other news\b|still to come\b|coming up\b|now to\b|let['’]s (?:go|turn|head|move)\b|you['’]re listening to\b|this is the [^.]{0,40}\b(?:podcast|programme|program)\b|that was\s+\p{Lu}|back to\b|turning now\b|and now\b|now,? (?:to|let['’]s)\b)/iu;

export function presenterTurn(sentence: string): boolean {
  return PRESENTER_TURN.test(sentence.trim());
}
