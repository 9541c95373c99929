// Who each label of one file names. Pages introduce people once in full (`JOHN KING, FLIGHT
// INSTRUCTOR:`) and then by surname (`KING:`), by initials (`J. KING:`, `A.M. JOHNSON:`), by
// honorific (`Mr. KYLE:`) or by first name (`LULU:`). A short form resolves to the one full name
// of the file it fits; where two fit and nothing tells them apart (two Kings and a bare `KING:`)
// the label stays as written and the admin is told, because a guess would misquote.
import type { Speaker } from '../../model.ts';
import { fullNamesIn, isDescriptiveLabel, mostCounted, officeOfLabel, titleCase, type SpeakerResolver } from '../speakerNames.ts';
import { keyOf } from './judgeLabels.ts';
import type { LabelReading } from './readLabel.ts';
import { roleOfTitle, type Role } from './roles.ts';

export interface Person {
  /** As shown: `Miles O'Brien`. */
  display: string;
  /** Upper case words: `MILES O'BRIEN`. */
  words: string[];
  title: string | null;
  role: Role | null;
}

export interface Resolution {
  speaker: Speaker;
  /** Set when a short label fits several people: the names it could be. */
  ambiguous: string[] | null;
}

const INITIAL = /^(?:\p{Lu}\.)+$|^\p{Lu}$/u;
/** Capital-letter words of a name as the text spells them: `McEwen`, `O'Brien`, `D'Agata`. */
const MIXED_NAME_WORD = /^\p{Lu}[\p{L}'’-]*$/u;

export class FileSpeakers {
  private readonly people: Person[] = [];
  private readonly byKey = new Map<string, Person>();

  constructor(
    /** The file's words, searched for full names and their spelling. */
    private readonly text: string,
    /** Resolves office labels (`THE PRESIDENT`) and honorifics the way briefings do. */
    private readonly resolveUpper: SpeakerResolver,
    /** Journalists the text names as such: upper-case name → role. */
    private readonly journalists: ReadonlyMap<string, Role>,
  ) {}

  /** Learns the full names a file's labels give, before any label is resolved. */
  learn(reading: LabelReading): void {
    if (reading.generic || reading.question) return;
    const words = nameWords(reading);
    if (words.length < 2 || INITIAL.test(words[0] ?? '')) return;
    this.addPerson(words, reading.title ?? titleFromPrefix(reading), reading.role);
  }

  /** A person the text introduces or a portrait caption names. */
  learnName(written: string, title: string | null, role: Role | null): Person {
    // Caption streams write names in lower case: `judy woodruff` is shown as `Judy Woodruff`.
    const display = /\p{Lu}/u.test(written) ? written : titleCase(written);
    const words = display.toUpperCase().replace(/’/g, "'").split(/\s+/);
    return this.addPerson(words, title, role, display);
  }

  private addPerson(words: string[], title: string | null, role: Role | null, display?: string): Person {
    const key = words.join(' ');
    const known = this.byKey.get(key);
    if (known) {
      known.title ??= title;
      known.role ??= role;
      return known;
    }
    const person: Person = { display: display ?? this.spell(words), words, title, role: role ?? this.journalists.get(key) ?? null };
    this.people.push(person);
    this.byKey.set(key, person);
    return person;
  }

  private readonly resolved = new Map<string, Resolution>();
  private readonly spelled = new Map<string, string>();

  /** The person a label names, or a speaker made from the label itself; each label once. */
  resolve(reading: LabelReading): Resolution {
    const key = `${reading.raw}\u0000${reading.title ?? ''}`;
    let hit = this.resolved.get(key);
    if (!hit) {
      hit = this.resolveOnce(reading);
      this.resolved.set(key, hit);
    }
    return hit;
  }

  private resolveOnce(reading: LabelReading): Resolution {
    const words = nameWords(reading);
    const person = this.personFor(words);
    if (person === 'ambiguous') {
      const names = this.candidates(words).map((p) => p.display);
      return { speaker: this.asWritten(reading, words), ambiguous: names };
    }
    if (person) {
      return {
        speaker: {
          label: reading.raw,
          name: person.display,
          title: joinTitles(titleFromPrefix(reading), reading.title ?? person.title),
          anonymous: false,
          ...roleField(reading.role ?? person.role ?? this.journalists.get(person.words.join(' ')) ?? null),
        },
        ambiguous: null,
      };
    }
    return { speaker: this.asWritten(reading, words), ambiguous: null };
  }

  private asWritten(reading: LabelReading, words: readonly string[]): Speaker {
    const upper = words.join(' ');
    const title = joinTitles(titleFromPrefix(reading), reading.title);
    // Offices (`THE PRESIDENT`) and descriptions (`UNIDENTIFIED MALE`, `MAN`) as briefings read them.
    if (officeOfLabel(upper) !== null || isDescriptiveLabel(upper)) {
      const resolved = this.resolveUpper(upper);
      // `ANNOUNCER:`, `NARRATOR:`, `REPORTER:` describe the programme's own voice.
      return { label: reading.raw, name: resolved.name, title: title ?? resolved.title, anonymous: resolved.anonymous, ...roleField(reading.role ?? roleOfTitle(upper)) };
    }
    const textName = words.length === 1 ? this.fullNameInText(words[0] ?? '') : null;
    const name = textName ?? this.spell(words);
    const role = reading.role ?? this.journalists.get(name.toUpperCase()) ?? this.byKey.get(name.toUpperCase())?.role ?? null;
    return { label: reading.raw, name, title, anonymous: false, ...roleField(role) };
  }

  private personFor(words: readonly string[]): Person | 'ambiguous' | null {
    if (words.length === 0) return null;
    const exact = this.byKey.get(words.join(' '));
    if (exact) return exact;
    const found = this.candidates(words);
    if (found.length === 1) return found[0] ?? null;
    return found.length > 1 ? 'ambiguous' : null;
  }

  /** People a short form fits: by surname, by initials and surname, or by first name. */
  private candidates(words: readonly string[]): Person[] {
    const surname = words.at(-1) ?? '';
    const initials = words.slice(0, -1).flatMap((w) => (INITIAL.test(w) ? w.replace(/\./g, '').split('') : []));
    const written = words.slice(0, -1).filter((w) => !INITIAL.test(w));
    const bySurname = this.people.filter((p) => p.words.length > 1 && p.words.at(-1) === surname);
    if (words.length === 1) {
      if (bySurname.length > 0) return bySurname;
      const byFirst = this.people.filter((p) => p.words[0] === surname);
      if (byFirst.length > 0) return byFirst;
      // A caption cut short, `O'DON:` for `O'DONNELL:`: a surname it begins, if only one.
      return surname.length >= 4 ? this.people.filter((p) => (p.words.at(-1) ?? '').startsWith(surname)) : [];
    }
    if (written.length > 0) return [];
    return bySurname.filter((p) => initials.every((ch, i) => (p.words[i] ?? '').startsWith(ch)));
  }

  /** `CONAN` → `Neal Conan` where the text says "I'm Neal Conan". */
  private fullNameInText(word: string): string | null {
    const tally = new Map<string, number>();
    fullNamesIn(this.text, titleCase(word), 1, tally, true);
    for (const name of [...tally.keys()]) if (name.split(' ').length > 3) tally.delete(name);
    const best = mostCounted(tally);
    if (best) this.learnName(best, null, null);
    return best;
  }

  /** The name as the text spells it in mixed case (`McEwen`), else in title case. */
  private spell(words: readonly string[]): string {
    const upper = words.join(' ');
    const known = this.spelled.get(upper);
    if (known !== undefined) return known;
    const spelled = this.spellOnce(words, upper);
    this.spelled.set(upper, spelled);
    return spelled;
  }

  private spellOnce(words: readonly string[], upper: string): string {
    const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")).join('\\s+');
    const re = new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'giu');
    for (const m of this.text.matchAll(re)) {
      const found = m[0].replace(/\s+/g, ' ');
      if (found !== found.toUpperCase() && found.split(' ').every((w) => MIXED_NAME_WORD.test(w) || INITIAL.test(w))) return found.replace(/’/g, "'");
    }
    return titleCase(upper).replace(/\bMc(\p{Ll})/gu, (_m, c: string) => `Mc${c.toUpperCase()}`);
  }
}

function nameWords(reading: LabelReading): string[] {
  return keyOf(reading).split(' ').filter((w) => w !== '');
}

/** Written-out forms of the abbreviated titles labels open with. */
const TITLE_WORDS: Readonly<Record<string, string>> = {
  sen: 'Senator', rep: 'Representative', gov: 'Governor', fmr: 'Former', gen: 'General', lt: 'Lieutenant',
  col: 'Colonel', adm: 'Admiral', amb: 'Ambassador', sec: 'Secretary', pres: 'President', capt: 'Captain',
  sgt: 'Sergeant', maj: 'Major', rev: 'Reverend', hon: 'Honourable', prof: 'Professor',
};

function titleFromPrefix(reading: LabelReading): string | null {
  if (reading.prefix === null || /^(?:mr|mrs|ms|miss|dr|the)\.?$/i.test(reading.prefix)) return null;
  return reading.prefix.split(/\s+/).filter((w) => !/^(?:mr|mrs|ms|miss|dr)\.?$/i.test(w))
    .map((w) => TITLE_WORDS[w.replace(/\.$/, '').toLowerCase()] ?? titleCase(w.replace(/\.$/, ''))).join(' ') || null;
}

/** `Senator` and `Minnesota` → `Senator, Minnesota`; either alone as it is. */
function joinTitles(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null || b.toLowerCase().includes(a.toLowerCase())) return b ?? a;
  return `${a}, ${b}`;
}

function roleField(role: Role | null): { role?: Role } {
  return role === null ? {} : { role };
}
