// Which stories are about a topic. A story (a file, or one story of a multi-story page) is on a
// topic's timeline when, somewhere in it, the topic's terms come together: weighed by how
// telling they are, counted when they stand within a couple of passages of each other or in the
// headline, and the story's programme counting for a programme the topic names. Stories that
// only brush the topic, far weaker than the best, stay off.
import type { Passage } from '../model.ts';
import type { TopicHit } from '../search/CorpusIndex.ts';
import type { QuestionIndex } from '../search/questionIndex.ts';
import { phrasesIn } from './topicPhrases.ts';
import { programmeKey, type TopicPlan } from './topicPlan.ts';

/** Passages within this many indexed words (stopwords aside: about two sentences) count their
 * words with a passage's own. */
export const NEAR_WORDS = 40;
/** Share of the topic's weight a story must bring together in one place. */
export const STORY_COVERAGE = 0.4;
/** Terms a story must bring together in one place (fewer when the topic has fewer): one shared
 * word is not a story about the topic. */
export const STORY_TERMS = 2;
/** A story scoring under this share of the best story's score only brushes the topic. */
export const RELATIVE_TO_BEST = 0.4;
/** Passages under this share are not looked at: cheap to drop inside the index. */
const GATE = 0.3;
/** A story under the cut that says at least this share of the topic's phrases stays. */
const PHRASE_RESCUE = 0.4;
/** Passages of a story using a term in their own words for the term to stand alone. */
const REPEATED = 3;
/** Each doubling of the times a story uses the topic's words adds this share to its coverage. */
const MENTION_BONUS = 0.1;
/** Passages of a story read for phrases, at most: a story says its phrases early or not at all. */
const PHRASE_READS = 4;

export interface StoryMatch {
  /** `file#n`: the file, and the story within it (0 for a single-story file). */
  key: string;
  /** Every passage of the story the index found terms in (or near), in reading order. */
  hits: TopicHit[];
  /** The passages that are themselves about the topic: they hold a term in their own words, or
   * are said by a person the topic names. At least one (a story found by its headline alone
   * is shown by its first passage). */
  mentions: TopicHit[];
  /** Best share of the topic's weight brought together in one place of the story. */
  coverage: number;
  score: number;
}

export interface StoryLimits {
  since?: string;
  until?: string;
  files?: ReadonlySet<string>;
  filter?: (p: Passage) => boolean;
}

export function storyKey(p: Passage): string {
  return `${p.source.file}#${p.source.story ?? 0}`;
}

export function findStories(index: QuestionIndex, plan: TopicPlan, limits: StoryLimits = {}): StoryMatch[] {
  if (plan.terms.length === 0 || plan.total <= 0) return [];
  const weights = plan.terms.map((t) => t.weight);
  const programmeBits = plan.terms.reduce((m, t, i) => (t.kind === 'programme' ? m | (1 << i) : m), 0);
  const hits = index.weighTopic(plan.terms, GATE * plan.total - 1e-9, { ...limits, near: NEAR_WORDS });

  // Hits come in slot order, and a file's passages take consecutive slots: a story's hits come
  // together, so grouping needs no map (a common word brings a hundred thousand hits).
  const groups: TopicHit[][] = [];
  let last: Passage | null = null;
  for (const h of hits) {
    const p = h.passage;
    if (last && p.source.file === last.source.file && p.source.story === last.source.story) groups[groups.length - 1]!.push(h);
    else groups.push([h]);
    last = p;
  }
  const needTerms = Math.min(STORY_TERMS, plan.terms.length);
  const people = plan.terms.flatMap((t) => (t.kind === 'person' && t.names ? [t.names] : []));
  const saidByNamed = (p: Passage) => people.some((names) => names.has(p.speaker.name));

  const stories: StoryMatch[] = [];
  for (const list of groups) {
    // The story's programme stands for a programme the topic names, in every passage of it.
    const programme = programmeBits ? programmeMask(plan, list[0]!.passage.source.program) : 0;
    // A term the story's own words use again and again stands for the topic on its own: a
    // story that says "Ukraine" in passage after passage is about the war in Ukraine in 2023.
    const repeated = repeatedTerms(list, plan.terms.length, saidByNamed);
    let best = 0;
    let mentionCount = 0;
    for (const h of list) {
      const mask = h.nearMask | programme;
      if (bitCount(mask) >= needTerms || (mask & repeated) !== 0) best = Math.max(best, maskWeight(mask, weights));
      mentionCount += h.mentions;
    }
    const coverage = best / plan.total;
    if (coverage < STORY_COVERAGE - 1e-9) continue;
    const own = list.length === 1 ? (list[0]!.mentions > 0 || saidByNamed(list[0]!.passage) ? list : []) : list.filter((h) => h.mentions > 0 || saidByNamed(h.passage));
    // Repeated mentions make a story more about the topic, by less and less.
    const score = coverage * (1 + MENTION_BONUS * Math.log2(1 + mentionCount));
    stories.push({ key: storyKey(list[0]!.passage), hits: list, mentions: own.length > 0 ? own : [list[0]!], coverage, score });
  }
  // A story far weaker than the best only brushes the topic, unless it says the topic's words
  // together as typed ("California wildfires"): phrases are read only for the stories under the cut.
  const top = stories.reduce((m, s) => Math.max(m, s.score), 0);
  const kept = stories.filter((s) => s.score >= RELATIVE_TO_BEST * top || phraseShare(plan, s.hits) >= PHRASE_RESCUE);
  return kept;
}

/** Terms the story's own words use at least REPEATED times (a passage holding one term alone
 * counts its every use of it; one said by a person the topic names counts once). */
function repeatedTerms(hits: readonly TopicHit[], terms: number, saidByNamed: (p: Passage) => boolean): number {
  // One passage can repeat a term only by using it again and again.
  if (hits.length === 1) return hits[0]!.mentions >= REPEATED && bitCount(hits[0]!.mask) === 1 ? hits[0]!.mask : 0;
  const counts = new Array<number>(terms).fill(0);
  let mask = 0;
  for (const h of hits) {
    if (h.mentions === 0 && !saidByNamed(h.passage)) continue;
    const alone = bitCount(h.mask) === 1;
    for (let t = 0; t < terms; t++) {
      if (!(h.mask & (1 << t))) continue;
      counts[t]! += alone ? Math.max(1, h.mentions) : 1;
      if (counts[t]! >= REPEATED) mask |= 1 << t;
    }
  }
  return mask;
}

/** The share of the topic's pairs (by weight) the story says together, in its headline or text. */
function phraseShare(plan: TopicPlan, hits: readonly TopicHit[]): number {
  if (plan.pairs.length === 0) return 0;
  const all = (1 << plan.pairs.length) - 1;
  const both = plan.pairs.map(([a, b]) => (1 << a) | (1 << b));
  let found = phrasesIn(hits[0]!.passage.source.headline ?? '', plan);
  let reads = 0;
  for (const h of hits) {
    if (found === all || reads >= PHRASE_READS) break;
    // Only a passage holding both words of a pair not yet found can say it.
    if (!both.some((m, k) => (h.mask & m) === m && !(found & (1 << k)))) continue;
    found |= phrasesIn(h.passage.text, plan);
    reads++;
  }
  let got = 0;
  let total = 0;
  plan.pairs.forEach(([a, b], k) => {
    const w = plan.terms[a]!.weight + plan.terms[b]!.weight;
    total += w;
    if (found & (1 << k)) got += w;
  });
  return total > 0 ? got / total : 0;
}

function programmeMask(plan: TopicPlan, program: string | null): number {
  const key = programmeKey(program);
  if (!key) return 0;
  return plan.terms.reduce((m, t, i) => ((t.kind === 'programme' || t.kind === 'either') && t.names?.has(key) ? m | (1 << i) : m), 0);
}

function bitCount(mask: number): number {
  let n = 0;
  for (; mask !== 0; mask &= mask - 1) n++;
  return n;
}

function maskWeight(mask: number, weights: readonly number[]): number {
  let sum = 0;
  for (let t = 0; mask !== 0; t++, mask >>>= 1) if (mask & 1) sum += weights[t]!;
  return sum;
}
