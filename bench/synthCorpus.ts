// Seeded synthetic news transcripts for the benchmark: Zipf-distributed vocabulary (function
// words first, then real news words, then pronounceable pseudo-words for the long tail), Zipf
// speakers with titles, dates over 20 years, 20–80-word passages, ~20 passages per file.
// Transcript objects are built directly; nothing is written to disk.
import type { Passage, PassageKind, Transcript } from '../src/core/model.ts';
import { passageId } from '../src/core/parse/passageId.ts';

/** mulberry32: small, fast, good enough for benchmarks, and the same on every machine. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** Integer in [lo, hi], both inclusive. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
}

/** Samples ranks 0..n-1 with probability ∝ 1/(rank+1)^s, by binary search over the cumulative weights. */
export class Zipf {
  private readonly cdf: Float64Array;
  constructor(n: number, s: number) {
    this.cdf = new Float64Array(n);
    let sum = 0;
    for (let r = 0; r < n; r++) {
      sum += 1 / Math.pow(r + 1, s);
      this.cdf[r] = sum;
    }
    for (let r = 0; r < n; r++) this.cdf[r]! /= sum;
  }
  sample(rng: Rng): number {
    const u = rng.next();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

// The most common words of English news copy, roughly in frequency order.
const FUNCTION_WORDS = (
  'the of and to a in that is for it on was with he as we this be at by have are not they ' +
  'but from you his an i or had has were their will would there been about which she what ' +
  'all so if more who one its when our can also than do very into some them could just ' +
  'these because those after over then now any other out up my no only new'
).split(' ');

const NEWS_WORDS = (
  'said president government people year years today country minister state week percent ' +
  'million police officials security military election vote campaign congress senate house ' +
  'policy economy market prices inflation tariffs trade china russia ukraine europe border ' +
  'immigration health care hospital patients vaccine climate energy oil gas power water ' +
  'schools students teachers children families workers jobs unemployment wages budget tax ' +
  'taxes spending deficit debt bank banks interest rates court judge ruling law lawyers ' +
  'investigation report reporters question questions answer statement press conference ' +
  'meeting talks agreement deal treaty sanctions war peace troops attack attacks forces ' +
  'ceasefire negotiations allies leaders summit visit administration secretary spokesperson ' +
  'committee hearing testimony witness evidence charges trial prosecutors defense national ' +
  'federal local city county region community residents farmers rice wheat crops drought ' +
  'flood floods storm hurricane wildfire fires emergency relief aid support funding program ' +
  'plan plans proposal bill legislation reform rights protest protesters strike union unions ' +
  'company companies industry technology internet data privacy online social media news ' +
  'television radio broadcast interview record history future important clear believe think ' +
  'know want need going make sure continue work working together across american americans ' +
  'public private decision decisions issue issues problem problems challenge challenges ' +
  'responsibility accountability transparency commitment promise promises response crisis ' +
  'pandemic recovery growth investment infrastructure roads bridges housing rent homes ' +
  'insurance medicare medicaid pensions retirement veterans soldiers navy army airport ' +
  'flights travel tourism exports imports manufacturing factories steel cars vehicles ' +
  'electric batteries nuclear weapons missile missiles intelligence agency agencies ' +
  'department foreign domestic international global regional council mayor governor ' +
  'senator representative candidate candidates voters ballot polls results majority ' +
  'opposition party parties coalition parliament cabinet ministers ambassador embassy ' +
  'refugees asylum migrants deportation citizens citizenship justice fairness equality ' +
  'freedom democracy constitution amendment supreme appeal appeals sentence prison ' +
  'violence crime crimes victims safety shooting guns firearms officers department ' +
  'north south east west northern southern eastern western coast island mountains river ' +
  'morning evening night yesterday tomorrow monday tuesday wednesday thursday friday ' +
  'january february march april june july august september october november december ' +
  'receptive correspondence unprecedented extraordinary remarkable disappointing ' +
  'encouraging frankly absolutely certainly obviously unfortunately ultimately'
).split(' ');

const FIRST_NAMES = (
  'James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara ' +
  'Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony ' +
  'Betty Mark Margaret Donald Sandra Steven Ashley Paul Kimberly Andrew Emily Joshua Donna ' +
  'Kenneth Michelle Kevin Carol Brian Amanda George Melissa Timothy Deborah Ronald Stephanie ' +
  'Karoline Jake Natalie Amara Kofi Ingrid Hiroshi Priya Mateo Olga Tariq Ana Lars Mei'
).split(' ');
const LAST_NAMES = (
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez ' +
  'Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris ' +
  'Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill ' +
  'Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Leavitt Sullivan ' +
  'Okafor Lindqvist Tanaka Sharma Moreau Petrova Haddad Silva Jensen Chen Mensah Novak'
).split(' ');
const TITLES = [
  'Press Secretary', 'Secretary of State', 'Senator', 'Governor', 'Mayor', 'Minister of Finance',
  'Defense Minister', 'Spokesperson, Ministry of Foreign Affairs', 'Chief Executive', 'Union Leader',
  'Professor of Economics', 'Police Chief', 'Local Resident', 'Farmer', 'Ambassador', 'Judge',
  'National Security Adviser', 'Health Commissioner', 'Opposition Leader', 'Campaign Manager',
];
const PROGRAMS = ['Morning Edition', 'Evening News', 'World Tonight', 'Newsnight', 'The Briefing', 'Weekend Report', 'Capitol Desk', 'Global Affairs'];

const ONSETS = ['b', 'br', 'c', 'cl', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pl', 'pr', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'rk', 'ng'];

function pseudoWord(rng: Rng): string {
  const syllables = rng.between(2, 3);
  let w = '';
  for (let i = 0; i < syllables; i++) w += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === syllables - 1 ? rng.pick(CODAS) : '');
  return w;
}

export interface SynthOptions {
  passages: number;
  seed: number;
  /** Distinct words; the tail beyond the built-in list is pseudo-words. */
  vocabulary?: number;
  speakers?: number;
  /** Zipf exponent of word frequencies (natural text: about 1). */
  wordExponent?: number;
}

export interface SynthVocabulary {
  words: readonly string[];
  zipf: Zipf;
}

/** Function words, then news words, then unique pseudo-words, in rank order. */
export function buildVocabulary(rng: Rng, size: number, exponent = 1.05): SynthVocabulary {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const w of [...FUNCTION_WORDS, ...NEWS_WORDS]) {
    if (!seen.has(w)) { seen.add(w); words.push(w); }
  }
  while (words.length < size) {
    const w = pseudoWord(rng);
    if (!seen.has(w)) { seen.add(w); words.push(w); }
  }
  words.length = size;
  return { words, zipf: new Zipf(words.length, exponent) };
}

interface SynthSpeaker {
  label: string;
  name: string;
  title: string;
}

function buildSpeakers(rng: Rng, n: number): SynthSpeaker[] {
  const out: SynthSpeaker[] = [];
  const seen = new Set<string>();
  while (out.length < n) {
    let name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    if (seen.has(name)) name = `${rng.pick(FIRST_NAMES)} ${String.fromCharCode(65 + rng.int(26))}. ${rng.pick(LAST_NAMES)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ label: name, name, title: rng.pick(TITLES) });
  }
  return out;
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2005, 0, 1);
const YEARS = 20;

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function sentenceCase(words: string[]): string {
  // Commas now and then, a full stop every 8–20 words, capitals after it: text that looks typed.
  let out = '';
  let sinceStop = 0;
  let stopAt = 12;
  let capital = true;
  for (let i = 0; i < words.length; i++) {
    let w = words[i]!;
    if (capital || w === 'i') w = w[0]!.toUpperCase() + w.slice(1);
    capital = false;
    out += (i === 0 ? '' : ' ') + w;
    sinceStop++;
    if (i === words.length - 1) out += '.';
    else if (sinceStop >= stopAt) { out += '.'; capital = true; sinceStop = 0; stopAt = 8 + ((i * 7) % 13); }
    else if ((i * 31 + words.length) % 11 === 0) out += ',';
  }
  return out;
}

export interface SynthCorpus {
  transcripts: Transcript[];
  vocabulary: SynthVocabulary;
  passageCount: number;
}

/** The same options give the same corpus, word for word, on any machine. */
export function synthCorpus(opts: SynthOptions): SynthCorpus {
  const stream = synthStream(opts);
  const transcripts = [...stream.transcripts()];
  return { transcripts, vocabulary: stream.vocabulary, passageCount: transcripts.reduce((n, t) => n + t.passages.length, 0) };
}

export interface SynthStream {
  vocabulary: SynthVocabulary;
  /** The corpus one file at a time (the same files synthCorpus holds), for sizes too big to hold. */
  transcripts(): Generator<Transcript>;
}

export function synthStream(opts: SynthOptions): SynthStream {
  const rng = new Rng(opts.seed);
  const vocabulary = buildVocabulary(rng, opts.vocabulary ?? Math.min(200_000, Math.max(5_000, Math.round(opts.passages / 5))), opts.wordExponent ?? 1.05);
  const speakers = buildSpeakers(rng, opts.speakers ?? Math.min(5_000, Math.max(50, Math.round(opts.passages / 200))));
  const speakerZipf = new Zipf(speakers.length, 1.1);
  const words = vocabulary.words;
  function* transcripts(): Generator<Transcript> {
    let made = 0;
    let fileNo = 0;
    while (made < opts.passages) {
      const aired = isoDay(FIRST_DAY + rng.int(YEARS * 365) * DAY_MS);
      const program = rng.pick(PROGRAMS);
      const file = `synth/${aired.slice(0, 4)}/${aired.slice(5, 7)}/${program.toLowerCase().replace(/ /g, '-')}-${fileNo++}.txt`;
      const headlineWords: string[] = [];
      for (let i = rng.between(4, 8); i > 0; i--) headlineWords.push(words[vocabulary.zipf.sample(rng)]!);
      const headline = sentenceCase(headlineWords).replace(/\.$/, '');
      const count = Math.min(opts.passages - made, rng.between(15, 25));
      const passages: Passage[] = [];
      let line = 3;
      for (let k = 0; k < count; k++) {
        const len = rng.between(20, 80);
        const ws: string[] = [];
        for (let i = 0; i < len; i++) ws.push(words[vocabulary.zipf.sample(rng)]!);
        const roll = rng.next();
        const kind: PassageKind = roll < 0.75 ? 'quote' : roll < 0.9 ? 'narration' : 'question';
        const s = kind === 'narration' ? { label: 'ANCHOR', name: 'Anchor', title: null, anonymous: false } : (() => {
          const sp = speakers[speakerZipf.sample(rng)]!;
          return { label: `${sp.label} / ${sp.title}`, name: sp.name, title: sp.title, anonymous: false };
        })();
        passages.push({
          id: passageId(file, line),
          speaker: s,
          kind,
          text: sentenceCase(ws),
          source: { file, line, format: 'broadcast-speaker-line', program, headline, section: null, aired, spoken: rng.next() < 0.1 ? aired.slice(0, 7) : null, note: null, url: null },
        });
        line += 3;
      }
      made += count;
      yield { file, format: 'broadcast-speaker-line', meta: { aired, program, headline, url: null }, passages, issues: [] };
    }
  }
  return { vocabulary, transcripts };
}
