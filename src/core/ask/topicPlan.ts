// A topic as typed ("Karoline Leavitt on tariffs", "the decision to step aside after the debate")
// turned into what to look for: weighted terms, the people it names (said by or about them, with
// their aliases), the programmes it names, and the dates it names.
import type { Passage } from '../model.ts';
import type { TopicTerm } from '../search/CorpusIndex.ts';
import { MAX_TOPIC_TERMS } from '../search/CorpusIndex.ts';
import type { QuestionIndex } from '../search/questionIndex.ts';
import { nameWords } from '../search/speakerKey.ts';
import { isStopword, wordsOf } from '../search/words.ts';
import type { Refusal } from './answer.ts';
import { CONNECTIVES as SEARCH_CONNECTIVES } from './findTopic.ts';
import { topicDates } from './topicDates.ts';

/** What a term of the plan stands for, for showing and for the story-level checks. */
export interface PlannedTerm extends TopicTerm {
  kind: 'word' | 'person' | 'programme' | 'either';
  /** As the journalist typed it: `tariffs`, `Karoline Leavitt`, `Face the Nation`. */
  label: string;
  /** person: the canonical names it means; programme: the programme names, as word strings. */
  names?: ReadonlySet<string>;
  /** either: the names listed ("Turkey, Syria and Morocco"), any of which stands for the term. */
  members?: readonly string[];
}

export interface TopicPlan {
  /** The topic without its dates. */
  topic: string;
  terms: PlannedTerm[];
  /** Terms typed next to each other ("rice farmers", "Business of the House"), as indices into
   * `terms`: a story that says them together is more about the topic than one that scatters them. */
  pairs: Array<readonly [number, number]>;
  /** The summed weight of every term: what a passage covering the whole topic would hold. */
  total: number;
  /** Words of the topic the archive never uses (no near spelling either): left out. */
  unknown: string[];
  since?: string;
  until?: string;
}

// Words that join a topic's words without naming anything, and the words of a question about
// one ("what Leavitt said about tariffs"); beyond the index's stopwords.
const CONNECTIVES = new Set([
  ...SEARCH_CONNECTIVES,
  ...('what who when where which how why said says say talk talked talking did does do ' +
    'its their his her them those these there here than then just very any all some each other').split(' '),
]);

/** Content words of a topic, in order, once each. */
export function topicWords(topic: string): string[] {
  return [...new Set(wordsOf(topic).filter((w) => w.length > 1 && !isStopword(w) && !CONNECTIVES.has(w)))];
}

/** Endings cut before looking a word up as a prefix, longest first: `evacuations` finds
 * `evacuate`, `announces` finds `announcement`, `tariffs` finds `tariff`. */
const ENDINGS = ['ations', 'ation', 'ements', 'ement', 'ments', 'ings', 'ing', 'ies', 'ied', 'ers', 'sses', 'es', 'ed', 's'];
const MIN_STEM = 5;
/** A name used in at most this many passages (or this share of them) is rare enough to have
 * misspellings looked for. */
const RARE_NAME = 5;
const RARE_NAME_SHARE = 0.0005;

/** How telling a term is of a story: inverse story frequency (files using it), since a
 * timeline keeps stories; a word in a few passages of every story of a programme tells little. */
export function storyWeight(index: QuestionIndex, term: string, prefix = false, also: readonly string[] = []): number {
  return Math.log(1 + (index.fileCount + 1) / (index.filesWith(term, prefix, also) + 1));
}

/** The prefix a topic word is looked up by (the word itself when no ending can go). */
export function topicStem(word: string): string {
  for (const ending of ENDINGS) {
    // "business", "press": a double s is no plural.
    if (ending === 's' && word.endsWith('ss')) break;
    // A plural s may leave four letters ("loans" → "loan"); other endings leave at least five.
    if (word.endsWith(ending) && word.length - ending.length >= (ending === 's' ? MIN_STEM - 1 : MIN_STEM)) return word.slice(0, -ending.length);
  }
  return word;
}

export function planTopic(index: QuestionIndex, raw: string, now: Date): TopicPlan | Refusal {
  const dated = topicDates(raw.trim(), now);
  if ('ok' in dated) return dated;
  const topic = dated.topic;
  const tokens = topic.split(/\s+/).filter(Boolean);
  const units: Unit[] = [];
  const used = new Set<number>(); // token positions a name or programme took
  const absorbed = new Set<string>(); // words a named person's title covers ("press secretary")
  const take = (u: Unit) => {
    for (let i = u.from; i < u.to; i++) used.add(i);
    units.push(u);
  };

  for (const found of findPeople(index, tokens)) {
    const names = found.names;
    take({ ...found, term: {
      kind: 'person',
      label: label(tokens, found),
      // The text speaks of them by surname ("Leavitt defended…").
      term: found.nameWords[found.nameWords.length - 1]!,
      prefix: false,
      weight: storyWeight(index, found.nameWords[found.nameWords.length - 1]!),
      names,
      speakers: names,
    } });
    for (const t of found.titles) for (const w of wordsOf(t)) absorbed.add(w);
  }
  for (const found of findProgrammes(index, tokens, used)) {
    const words = found.words.filter((w) => !isStopword(w));
    take({ ...found, term: { kind: 'programme', label: found.label, term: rarest(index, words), prefix: false, weight: Math.max(...words.map((w) => storyWeight(index, w))), names: found.names } });
  }
  const names: Unit[] = [];
  for (const found of capitalisedRuns(tokens, used)) {
    const all = topicWords(label(tokens, found));
    const words = all.filter((w) => index.docFrequency(w) > 0);
    // A name the archive never uses still takes its place in a list, standing for nothing.
    names.push({ ...found, term: { kind: 'word', label: label(tokens, found), term: words.length ? rarest(index, words) : all[0] ?? '', prefix: false, weight: words.length ? Math.max(...words.map((w) => storyWeight(index, w))) : 0 } });
  }
  const terms: PlannedTerm[] = [];
  const unknown: string[] = [];
  for (const run of coordinated(tokens, [...units, ...names].sort((a, b) => a.from - b.from))) {
    // A capitalised name on its own is just its words; in a list it is one of the alternatives.
    if (run.length === 1 && names.includes(run[0]!)) continue;
    for (const u of run) for (let i = u.from; i < u.to; i++) used.add(i);
    const known = run.filter((u) => u.term.weight > 0);
    unknown.push(...run.filter((u) => u.term.weight <= 0).map((u) => u.term.label));
    if (known.length > 0) terms.push(known.length > 1 ? either(known.map((u) => u.term)) : known[0]!.term);
  }

  // The other words, in order; a name, a comma or "and" between two of them breaks a phrase.
  const pairs: Array<readonly [number, number]> = [];
  let previous = -1;
  tokens.forEach((token, i) => {
    if (used.has(i)) {
      previous = -1;
      return;
    }
    for (const w of wordsOf(token)) {
      if (w === 'and' || w === 'or') previous = -1;
      if (w.length <= 1 || isStopword(w) || CONNECTIVES.has(w) || absorbed.has(w)) continue;
      let at = terms.findIndex((t) => t.kind === 'word' && t.label === w);
      if (at < 0) {
        const term = wordTerm(index, w, /^\p{Lu}/u.test(token) && i > 0);
        // A word the archive never uses, with no near spelling, can only make every story look
        // less about the topic: it is left out, and the answer says so.
        if (index.docFrequency(w) === 0 && !term.also?.length) {
          if (!unknown.includes(w)) unknown.push(w);
          previous = -1;
          continue;
        }
        at = terms.length;
        terms.push(term);
      }
      if (previous >= 0 && previous !== at) pairs.push([previous, at]);
      previous = at;
    }
    if (/[,;:.!?]$/.test(token)) previous = -1;
  });
  // A very long topic keeps its most telling terms.
  const kept = terms.length > MAX_TOPIC_TERMS ? [...terms].sort((a, b) => b.weight - a.weight).slice(0, MAX_TOPIC_TERMS) : terms;
  const place = new Map(kept.map((t, i) => [t, i]));
  return {
    topic,
    unknown,
    terms: kept,
    pairs: pairs.flatMap(([a, b]) => {
      const x = place.get(terms[a]!);
      const y = place.get(terms[b]!);
      return x === undefined || y === undefined ? [] : [[x, y] as const];
    }),
    total: kept.reduce((a, t) => a + t.weight, 0),
    ...(dated.since ? { since: dated.since } : {}),
    ...(dated.until ? { until: dated.until } : {}),
  };
}

/**
 * A plain word of the topic, looked up by its stem as a prefix. A word the archive does not know
 * is most likely a typo, and a name (capitalised, not first) may be spelled several ways
 * ("Yevgeny", "Yevgeni", "Yvgeny"): their near spellings stand in too.
 */
function wordTerm(index: QuestionIndex, w: string, name: boolean): PlannedTerm {
  const known = index.docFrequency(w) > 0;
  const stem = w.length >= MIN_STEM ? topicStem(w) : w;
  const budget = w.length >= 8 ? 2 : w.length >= 5 ? 1 : 0;
  // A rare name may be spelled several ways by those who transcribed it (Yevgeny, Yavgene); a
  // common capitalised word ("Nation", "House") is no such name, and "notion" no spelling of it.
  const rare = (x: string) => index.docFrequency(x) <= Math.max(RARE_NAME, index.passageCount * RARE_NAME_SHARE);
  const also = !known
    ? index.similarWords(w, w.length >= 4 ? Math.max(1, budget) : 0)
    : name && rare(w) && w.length >= 6 ? index.similarWords(w, w.length >= 7 ? 2 : 1).filter((x) => rare(x) && x[0] === w[0]) : [];
  const prefix = w.length >= MIN_STEM;
  const weight = storyWeight(index, known ? stem : also[0] ?? w, known && prefix, known ? also : also.slice(1));
  return { kind: 'word', label: w, term: stem, prefix, weight, ...(also.length ? { also } : {}) };
}

/** A name, programme or capitalised phrase of the topic, at token positions from..to. */
interface Unit {
  from: number;
  to: number;
  term: PlannedTerm;
}

function label(tokens: readonly string[], span: { from: number; to: number }): string {
  return tokens.slice(span.from, span.to).join(' ').replace(/[,.;:]+$/, '');
}

function rarest(index: QuestionIndex, words: readonly string[]): string {
  return [...words].sort((a, b) => index.docFrequency(a) - index.docFrequency(b))[0]!;
}

/** Words allowed inside a capitalised name: "Business of the House", "Bank of Korea". */
const NAME_JOINERS = new Set(['of', 'the', 'de', 'for', 'on']);

/** Runs of capitalised words not already taken ("Chungcheong", "Business of the House"),
 * each one name: a list of them ("Turkey, Syria and Morocco") means any of them. */
function capitalisedRuns(tokens: readonly string[], used: ReadonlySet<number>): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  const capital = (i: number) => !used.has(i) && /^\p{Lu}/u.test(tokens[i]!) && topicWords(tokens[i]!).length > 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!capital(i)) continue;
    let end = i + 1;
    for (let j = i + 1; j < tokens.length && !used.has(j); j++) {
      if (/[,;:]$/.test(tokens[j - 1]!)) break;
      if (capital(j)) end = j + 1;
      else if (!NAME_JOINERS.has(tokens[j]!.toLowerCase())) break;
    }
    // The topic's first word is capitalised as a sentence is: a name only if more follows.
    if (i > 0 || end > i + 1) out.push({ from: i, to: end });
    i = end - 1;
  }
  return out;
}

/** Units split into runs joined only by commas, "and" or "or": each run of two or more is a list. */
function coordinated(tokens: readonly string[], units: readonly Unit[]): Unit[][] {
  const runs: Unit[][] = [];
  for (const u of units) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    const between = prev ? tokens.slice(prev.to, u.from).map((t) => t.toLowerCase()) : null;
    const joined = prev && /[,]$/.test(tokens[prev.to - 1]!) ? between!.every((t) => t === 'and' || t === 'or') : between?.length === 1 && (between[0] === 'and' || between[0] === 'or');
    if (last && joined) last.push(u);
    else runs.push([u]);
  }
  return runs;
}

/** One term for a list of names: any of them stands for it, at their average weight. */
function either(members: readonly PlannedTerm[]): PlannedTerm {
  const speakers = new Set(members.flatMap((m) => (m.speakers ? [...m.speakers] : [])));
  const names = new Set(members.flatMap((m) => (m.kind === 'programme' && m.names ? [...m.names] : [])));
  return {
    kind: 'either',
    label: members.map((m) => m.label).join(' | '),
    term: members[0]!.term,
    prefix: false,
    also: members.slice(1).map((m) => m.term),
    weight: members.reduce((a, m) => a + m.weight, 0) / members.length,
    members: members.map((m) => m.label),
    ...(names.size ? { names } : {}),
    ...(members.some((m) => m.speakers) ? { speakers } : {}),
  };
}

interface FoundPerson {
  from: number;
  to: number;
  nameWords: string[];
  names: Set<string>;
  titles: string[];
}

/** A surname alone names a person only when it names few: "Trump", not "Kim". */
const MAX_PEOPLE_PER_SURNAME = 3;

/**
 * People the topic names: runs of up to four words that are a speaker's whole name ("Karoline
 * Leavitt", "Kim Jong-un"), or a capitalised surname few speakers share ("Leavitt").
 */
function findPeople(index: QuestionIndex, tokens: readonly string[]): FoundPerson[] {
  const { byName, bySurname, titles } = peopleOf(index);
  const out: FoundPerson[] = [];
  for (let i = 0; i < tokens.length; ) {
    let hit: FoundPerson | null = null;
    for (let len = Math.min(4, tokens.length - i); len >= 1 && !hit; len--) {
      const words = nameWords(tokens.slice(i, i + len).join(' '));
      if (words.length === 0) continue;
      const key = words.join(' ');
      let names = len >= 2 ? byName.get(key) : undefined;
      if (!names && len === 1 && words.length === 1 && /^\p{Lu}/u.test(tokens[i]!) && !isStopword(key) && !CONNECTIVES.has(key)) {
        const sharing = bySurname.get(key);
        if (sharing && sharing.size <= MAX_PEOPLE_PER_SURNAME) names = sharing;
      }
      if (names) hit = { from: i, to: i + len, nameWords: words, names: new Set(names), titles: [...names].flatMap((n) => titles.get(n) ?? []) };
    }
    if (hit) {
      out.push(hit);
      i = hit.to;
    } else i++;
  }
  return out;
}

interface People {
  byName: Map<string, Set<string>>;
  bySurname: Map<string, Set<string>>;
  titles: Map<string, string[]>;
}

const peopleCache = new WeakMap<QuestionIndex, { version: number; people: People }>();

function peopleOf(index: QuestionIndex): People {
  const hit = peopleCache.get(index);
  if (hit && hit.version === index.version) return hit.people;
  const people: People = { byName: new Map(), bySurname: new Map(), titles: new Map() };
  const add = (map: Map<string, Set<string>>, key: string, name: string) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(name);
  };
  for (const s of index.speakerDirectory()) {
    const words = nameWords(s.name);
    // One-word names ("Reporter", "Martin") are voices or surnames: only the surname rule finds them.
    if (words.length >= 2) add(people.byName, words.join(' '), s.name);
    if (words.length >= 1) add(people.bySurname, words[words.length - 1]!, s.name);
    people.titles.set(s.name, s.titles);
  }
  peopleCache.set(index, { version: index.version, people });
  return people;
}

interface FoundProgramme {
  from: number;
  to: number;
  words: string[];
  label: string;
  names: Set<string>;
}

/** Programmes the topic names by their whole name ("Face the Nation", "Radiolab"). */
function findProgrammes(index: QuestionIndex, tokens: readonly string[], used: ReadonlySet<number>): FoundProgramme[] {
  const programmes = programmesOf(index);
  const out: FoundProgramme[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    for (let len = Math.min(6, tokens.length - i); len >= 1; len--) {
      if ([...Array(len).keys()].some((k) => used.has(i + k))) continue;
      const words = nameWords(tokens.slice(i, i + len).join(' '));
      const key = words.join(' ');
      // A one-word programme must be a name, not a common word: "Radiolab", not "News".
      if (!programmes.has(key) || (words.length === 1 && (isStopword(key) || CONNECTIVES.has(key) || !/^\p{Lu}/u.test(tokens[i]!)))) continue;
      out.push({ from: i, to: i + len, words, label: tokens.slice(i, i + len).join(' '), names: new Set([key]) });
      i += len - 1;
      break;
    }
  }
  return out;
}

const programmeCache = new WeakMap<QuestionIndex, { version: number; names: Set<string> }>();

/** Every programme of the archive, as its name's words joined by spaces. */
function programmesOf(index: QuestionIndex): Set<string> {
  const hit = programmeCache.get(index);
  if (hit && hit.version === index.version) return hit.names;
  const names = new Set<string>();
  for (const program of index.programmes()) names.add(nameWords(program).join(' '));
  names.delete('');
  programmeCache.set(index, { version: index.version, names });
  return names;
}

/** The programme as the plan's programme terms compare it. */
export function programmeKey(program: string | null): string {
  return program ? nameWords(program).join(' ') : '';
}
