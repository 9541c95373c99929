// From the label a transcript prints (`MS. PSAKI`, `THE PRESIDENT`, `SECRETARY MAYORKAS`)
// to a canonical name people search for (`Jen Psaki`, `Joe Biden`, `Alejandro Mayorkas`).
import type { Speaker } from '../model.ts';
import { editDistance } from '../editDistance.ts';
import { OFFICE_LABELS, OFFICE_TERMS, officeHolder, officeHolderBySurname, type Office } from './offices.ts';
import { straightenQuotes } from './sourceText.ts';

export interface SpeakerContext {
  /** The file's date, YYYY-MM-DD, or null. */
  date: string | null;
  /** The title line, which often names the main speaker in full. */
  title: string | null;
  /** The file's words, searched for a full name ("Jane Roe, the press secretary"). */
  text: string;
  aliases?: ReadonlyMap<string, string>;
}

export const REPORTER: Readonly<Speaker> = { label: 'Q', name: 'Reporter', title: null, anonymous: true };

const HONORIFIC = /^(MR|MS|MRS|MISS|DR|M)\.?\s+(.+)$/;

/** Titles a label can start with, longest first so `VICE PRESIDENT` wins over `PRESIDENT`. */
const TITLE_PREFIXES: readonly string[] = [
  'DEPUTY PRIME MINISTER', 'LIEUTENANT GOVERNOR', 'LIEUTENANT GENERAL', 'LIEUTENANT COLONEL',
  'LIEUTENANT COMMANDER', 'ACTING ADMINISTRATOR', 'ACTING SECRETARY', 'DEPUTY SECRETARY',
  'SECRETARY-GENERAL', 'SECRETARY GENERAL', 'DIRECTOR-GENERAL', 'ATTORNEY GENERAL', 'SURGEON GENERAL',
  'PRIME MINISTER', 'VICE PRESIDENT', 'VICE ADMIRAL', 'REAR ADMIRAL', 'FIRST LADY', 'SECOND GENTLEMAN',
  'SECOND LADY', 'PRINCIPAL CHIEF', 'PRESIDENT', 'SECRETARY', 'ADMINISTRATOR', 'DIRECTOR', 'CHAIRMAN',
  'CHAIRWOMAN', 'CHAIR', 'GOVERNOR', 'SENATOR', 'REPRESENTATIVE', 'CONGRESSWOMAN', 'CONGRESSMAN',
  'MAYOR', 'AMBASSADOR', 'GENERAL', 'ADMIRAL', 'COLONEL', 'MAJOR', 'CAPTAIN', 'SERGEANT', 'CHIEF',
  'COACH', 'REVEREND', 'PASTOR', 'BISHOP', 'RABBI', 'FATHER', 'JUDGE', 'JUSTICE', 'LEADER', 'SPEAKER',
  'KING', 'QUEEN', 'PRINCE', 'PRINCESS', 'CHANCELLOR', 'TAOISEACH', 'EMIR', 'AMIR', 'COMMISSIONER',
  'ADVISOR', 'CHAPLAIN', 'SHEIKH',
];

/** A label ending in one of these describes someone rather than naming them. */
const ROLE_NOUNS = new Set([
  'OFFICIAL', 'OFFICIALS', 'MODERATOR', 'AUDIENCE', 'MEMBER', 'MEMBERS', 'OPERATOR', 'AIDE', 'PARTICIPANT',
  'PARTICIPANTS', 'CHILD', 'CHILDREN', 'STAFF', 'CREW', 'PLAYERS', 'WOMAN', 'MAN', 'CUSTOMER', 'PROTESTOR',
  'PROTESTER', 'PHOTOJOURNALIST', 'SPOKESPERSON', 'STUDENT', 'STUDENTS', 'REPORTER', 'VOICE', 'NARRATOR',
  'ANNOUNCER', 'INTERPRETER', 'TWO', 'ONE', 'THREE', 'CROWD', 'GROUP', 'VOLUNTEER', 'SPEAKER', 'KIDS',
]);

/** Capitalised words that precede a surname without being a first name. */
const NOT_FIRST_NAMES = new Set(
  `the and but so thank thanks hey okay ok well yes no now mr mrs ms dr president vice secretary press
  senator governor mayor ambassador director administrator chair chairman leader speaker representative
  congressman congresswoman deputy acting general admiral advisor adviser officer chief minister prime
  first second lady gentleman former dear judge justice attorney commissioner surgeon communications
  security national house white council coordinator counselor principal assistant team response covid
  economic homeland department lieutenant colonel captain sergeant major america american united states
  sen rep gov sec of i we you he she they it in on at to for with from by as if when today senior
  pastor reverend father bishop rabbi king queen prince princess coach doctor professor special envoy
  climate domestic policy federal state administration spokesperson cabinet ceo fellow my our his her
  their this that these those after before during where what why how who said says both all every
  january february march april may june july august september october november december monday tuesday
  wednesday thursday friday saturday sunday sir madam mister miss god saint st doctors taoiseach
  member members office energy transportation commerce agriculture education europe`.split(/\s+/),
);

/** `SENIOR ADMINISTRATION OFFICIAL`, `AUDIENCE MEMBERS`: a label that describes someone. */
export function isDescriptiveLabel(label: string): boolean {
  return ROLE_NOUNS.has(normalizeLabel(label).split(' ').at(-1) ?? '');
}

/** Label as a key: straight quotes, single spaces, upper case, `MR SULLIVAN` → `MR. SULLIVAN`. */
export function normalizeLabel(label: string): string {
  return straightenQuotes(label)
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase()
    .replace(/^(MR|MS|MRS|DR)\.?\s+/, '$1. ');
}

/** `JEAN-PIERRE` → `Jean-Pierre`, `O'CONNELL` → `O'Connell`. */
export function titleCase(upper: string): string {
  return upper
    .toLowerCase()
    .replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** The office a label names, forgiving up to two typos in the longer labels. */
export function officeOfLabel(label: string): Office | null {
  const norm = normalizeLabel(label);
  const exact = OFFICE_LABELS.get(norm);
  if (exact) return exact;
  for (const [known, office] of OFFICE_LABELS) {
    if (editDistance(norm, known, 2) <= (known.length >= 12 ? 2 : 1)) return office;
  }
  return null;
}

/** A name in the title line for this office, trusted when its term covers the date or the
 * date is an inauguration day (when the outgoing and incoming holder both speak). */
function officeHolderFromTitle(office: Office, ctx: SpeakerContext): { name: string; title: string } | null {
  if (!ctx.title) return null;
  const words: Record<Office, RegExp> = {
    president: /(?<!Vice[\s\u00a0]+)President[\s\u00a0]+(?:Joe[\s\u00a0]+|Donald[\s\u00a0]+J\.[\s\u00a0]+|Donald[\s\u00a0]+|Barack[\s\u00a0]+)?(\p{Lu}[\p{L}-]+)/gu,
    'vice-president': /Vice[\s\u00a0]+President[\s\u00a0]+(?:\p{Lu}[\p{L}.]*[\s\u00a0]+)?(\p{Lu}[\p{L}-]+)/gu,
    'first-lady': /First[\s\u00a0]+Lady[\s\u00a0]+(?:\p{Lu}[\p{L}.]*[\s\u00a0]+)?(\p{Lu}[\p{L}-]+)/gu,
    'second-spouse': /Second[\s\u00a0]+(?:Gentleman|Lady)[\s\u00a0]+(?:\p{Lu}[\p{L}.]*[\s\u00a0]+)?(\p{Lu}[\p{L}-]+)/gu,
  };
  const byDate = officeHolder(office, ctx.date);
  const inaugurationDay = ctx.date !== null && OFFICE_TERMS.some((t) => t.from === ctx.date);
  for (const m of ctx.title.matchAll(words[office])) {
    const hit = officeHolderBySurname(office, m[1] ?? '', ctx.date);
    if (!hit) continue;
    if (ctx.date === null || inaugurationDay || hit.name === byDate?.name) return hit;
  }
  return null;
}

function isFirstNameToken(w: string): boolean {
  if (/^\p{Lu}\.$/u.test(w)) return true; // a middle initial
  if (/'(?!\p{Lu})/u.test(w)) return false; // I'm, We're; O'Neal passes
  // Jane, Anne-Marie, O'Neal, McDonough
  if (!/^\p{Lu}[\p{Ll}']*\p{Ll}(?:-\p{Lu}\p{Ll}+)*$/u.test(w) && !/^\p{Lu}\p{Ll}*'?\p{Lu}\p{Ll}+$/u.test(w)) return false;
  return !NOT_FIRST_NAMES.has(w.toLowerCase());
}

/** Words that, just before a would-be first name, show it is the tail of a title instead:
 * "Secretary of Energy Jennifer Granholm", "Council of Economic Advisers Jared Bernstein". */
const TITLE_JOINERS = new Set(['of', 'for', 'the', 'and', 'on', 'at', 'in', "i'm", "we're"]);

/** The full names the text gives for a surname ("Jake Sullivan" for SULLIVAN), counted.
 * One first name by default; a second ("Andrew Ross Sorkin") only when the word before it
 * is neither capitalised (a title running on) nor a joiner such as "of". The surname is
 * found with one case-blind search, and only the few words before each hit are read. */
export function fullNamesIn(text: string, surname: string, weight: number, tally: Map<string, number>, mixedCaseOnly = false): void {
  const find = new RegExp(surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"), 'gi');
  for (let m = find.exec(text); m !== null; m = find.exec(text)) {
    const at = m.index;
    const after = text.slice(at + surname.length, at + surname.length + 1);
    if (!/^\p{Lu}/u.test(m[0]) || /^[\p{L}-]/u.test(after) || /[\p{L}-]/u.test(text.charAt(at - 1))) continue;
    // A label in capitals (`TONY:`) is not the name spelled out in the words.
    if (mixedCaseOnly && m[0].length > 1 && m[0] === m[0].toUpperCase()) continue;
    // A name never runs across a line break: `Transcript` ⏎ `TONY:` is a heading and a label.
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const before = straightenQuotes(text.slice(Math.max(0, at - 80, lineStart), at)).split(/\s+/).filter((w) => w !== '');
    let j = before.length - 1;
    const initial = /^\p{Lu}\.$/u.test(before[j] ?? '') ? before[j--] : null;
    const first = before[j] ?? '';
    if (!isFirstNameToken(first) || /^\p{Lu}\.$/u.test(first)) continue;
    const parts = [first, ...(initial ? [initial] : []), straightenQuotes(m[0])];
    const outer = before[j - 1] ?? '';
    const prior = before[j - 2] ?? '';
    if (isFirstNameToken(outer) && !/^\p{Lu}\.$/u.test(outer) && !/^\p{Lu}/u.test(prior) && !TITLE_JOINERS.has(prior.toLowerCase())) {
      parts.unshift(outer);
    }
    const name = parts.join(' ');
    tally.set(name, (tally.get(name) ?? 0) + weight);
  }
}

export function mostCounted(tally: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let count = 0;
  for (const [name, n] of tally) {
    if (n > count || (n === count && best !== null && name.length > best.length)) {
      best = name;
      count = n;
    }
  }
  return best;
}

export type SpeakerResolver = (label: string) => Speaker;

/** Resolves the labels of one file, remembering full names it has already seen (an earlier
 * `MS. JANE ROE:` makes a later `MS. ROE:` Jane Roe) and resolving each label once. */
export function createSpeakerResolver(ctx: SpeakerContext): SpeakerResolver {
  const seen = new Map<string, Speaker>();
  const fullBySurname = new Map<string, string>();

  const fullName = (rest: string): string | null => {
    const words = rest.split(' ');
    const surname = words.at(-1) ?? rest;
    const known = fullBySurname.get(surname);
    if (known) return known;
    const tally = new Map<string, number>();
    fullNamesIn(ctx.title ?? '', surname, 100, tally);
    fullNamesIn(ctx.text, surname, 1, tally);
    // A two-word rest (`LUJAN GRISHAM`) must appear whole in the candidate.
    if (words.length > 1) {
      for (const name of [...tally.keys()]) {
        if (!name.toUpperCase().endsWith(rest)) tally.delete(name);
      }
    }
    return mostCounted(tally);
  };

  const resolve = (label: string): Speaker => {
    const norm = normalizeLabel(label);
    const alias = ctx.aliases?.get(label) ?? ctx.aliases?.get(norm);
    if (alias) return { label, name: alias, title: null, anonymous: false };
    if (norm === 'Q') return { ...REPORTER, label };

    const office = officeOfLabel(norm);
    if (office) {
      const holder = officeHolderFromTitle(office, ctx) ?? officeHolder(office, ctx.date);
      const written = titleCase(norm.replace(/^THE /, ''));
      return holder
        ? { label, name: holder.name, title: holder.title, anonymous: false }
        : { label, name: `The ${written}`, title: written, anonymous: false };
    }

    const honorific = HONORIFIC.exec(norm);
    if (honorific) {
      const rest = honorific[2] ?? '';
      const parts = rest.split(' ');
      const surname = parts.at(-1) ?? rest;
      if (parts.length > 1 && !fullBySurname.has(surname)) {
        const name = titleCase(rest);
        fullBySurname.set(surname, name);
        return { label, name, title: null, anonymous: false };
      }
      return { label, name: fullName(rest) ?? titleCase(rest), title: null, anonymous: false };
    }

    const words = norm.split(' ');
    if (ROLE_NOUNS.has(words.at(-1) ?? '')) return { label, name: titleCase(norm), title: null, anonymous: true };

    const prefix = TITLE_PREFIXES.find((t) => norm.startsWith(`${t} `));
    if (prefix) {
      const rest = norm.slice(prefix.length + 1);
      const usOffice: Office | null =
        prefix === 'PRESIDENT' ? 'president' : prefix === 'VICE PRESIDENT' ? 'vice-president'
          : prefix === 'FIRST LADY' ? 'first-lady' : null;
      const us = usOffice ? officeHolderBySurname(usOffice, rest.split(' ').at(-1) ?? rest, ctx.date) : null;
      if (us) return { label, name: us.name, title: us.inOffice ? us.title : titleCase(prefix), anonymous: false };
      return { label, name: fullName(rest) ?? titleCase(rest), title: titleCase(prefix), anonymous: false };
    }
    return { label, name: titleCase(norm), title: null, anonymous: false };
  };

  return (label: string): Speaker => {
    const hit = seen.get(label);
    if (hit) return hit;
    const speaker = resolve(label);
    seen.set(label, speaker);
    return speaker;
  };
}

/** One label, one context: the convenience form of `createSpeakerResolver`. */
export function canonicalSpeaker(label: string, ctx: SpeakerContext): Speaker {
  return createSpeakerResolver(ctx)(label);
}
