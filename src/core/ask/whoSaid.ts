// who-said: which passage does a remembered fragment come from, and who said it?
// Candidates come from the fragment's rarest words (cheap, and robust to a changed or misspelled
// word); each candidate is then aligned word by word, and only a close alignment names anyone.
import type { Passage, Verdict } from '../model.ts';
import type { CountedWord } from '../search/CorpusIndex.ts';
import type { QuestionIndex } from '../search/questionIndex.ts';
import { comparePrepared, prepareWord, typoBudget } from '../search/similarWords.ts';
import { isStopword, wordSpans, wordsOf } from '../search/words.ts';
import { CLAUSE_WORDS, wordsDiffering } from './alignFragment.ts';
import { allowedDiffering, judge, mayBeAccepted, type Judgement } from './verdict.ts';
import { alignNear, spansOf } from './alignNear.ts';
import { FragmentWords } from './fragmentWords.ts';
import { PhraseOverlap } from './phraseOverlap.ts';
import { differencesOf, type Aligned } from './differences.ts';
import { answered, problem, type AnswerItem, type Match, type Outcome } from './answer.ts';
import { effectiveDate } from './dates.ts';
import { hasFilters, passesFilters, resolveFilters, type FilterInput } from './filters.ts';
import { paginate } from './paginate.ts';

export interface WhoSaidQuery extends FilterInput {
  fragment: string;
  page?: number;
}

/** A pasted Discord message can be this long; longer is not a remembered fragment. */
export const MAX_FRAGMENT_CHARS = 2000;
/** Fewer words than this match too much of any archive to name a speaker. */
export const MIN_FRAGMENT_WORDS = 3;
/** Longer fragments are matched on their first this-many words. */
export const MAX_ALIGNED_WORDS = 60;
/** Rare words used to find candidates, and how many candidates are aligned. */
const SEED_TERMS = 4;
const CANDIDATES = 60;
/** For fragments of common words only: how many of their words are counted, and at most how
 * many passages holding them are then checked for the fragment's phrases. */
const THIN_SEED_TERMS = 8;
const THIN_CANDIDATES = 1000;
/** Of passages tied at the cut, the densest this many are checked for the fragment's phrases. */
const PHRASE_CHECKED = 300;
const NEAREST_SHOWN = 3;

interface Scored extends Aligned {
  verdict: Judgement;
}

export function whoSaid(index: QuestionIndex, q: WhoSaidQuery, now: Date): Outcome {
  const fragment = q.fragment.trim();
  if (!fragment) return problem('empty_query', 'Give the words you remember, e.g. /who-said receptive to correspondence.');
  if (fragment.length > MAX_FRAGMENT_CHARS) {
    return problem('query_too_long', `That is ${fragment.length} characters; a fragment can be at most ${MAX_FRAGMENT_CHARS}. Paste the part you remember.`);
  }
  const allSpans = wordSpans(fragment);
  // A pasted paragraph is matched on its opening words: enough to place it, and the alignment
  // stays quick however long the message is.
  const fragmentSpans = allSpans.slice(0, MAX_ALIGNED_WORDS);
  const words = fragmentSpans.map((w) => w.word);
  if (words.length < MIN_FRAGMENT_WORDS) {
    const count = words.length === 0 ? 'has no words' : words.length === 1 ? 'is one word' : `is ${words.length} words`;
    return problem('too_few_words', `"${fragment}" ${count}; give at least ${MIN_FRAGMENT_WORDS} so the match means something.`);
  }
  const resolved = resolveFilters(index, q, now);
  if (!resolved.ok) return resolved;
  const filters = resolved.filters;

  const weights = words.map((w) => index.weightOf(w));
  const anchors = new Set(words.filter((w) => !isStopword(w)));
  const candidates = findCandidates(index, words, hasFilters(filters) ? (p) => passesFilters(p, filters) : undefined);
  const matcher = new FragmentWords(words, weights, index.lexicon);
  const scored: Scored[] = [];
  // Passages holding too few of the fragment's words for any verdict are not aligned; they are
  // kept, by how much they hold, in case nothing matches and the nearest must be shown.
  const hopeless: Array<{ passage: Passage; found: number; weightShare: number }> = [];
  const alignOne = (passage: Passage) => {
    const alignment = alignNear(words, weights, spansOf(passage), anchors, matcher);
    if (alignment) scored.push({ passage, alignment, verdict: judge(alignment, words.length, passage.kind), fragment, fragmentSpans });
  };
  const align = (passages: readonly Passage[]) => {
    for (const passage of passages) {
      // A close match spans the fragment, the words it may differ by, and a clause it left out.
      const reach = matcher.reach(passage.text, words.length + allowedDiffering(words.length) + CLAUSE_WORDS, (found, share) => mayBeAccepted(found, share, words.length));
      if (mayBeAccepted(reach.found, reach.weightShare, words.length)) alignOne(passage);
      else hopeless.push({ passage, ...reach });
    }
  };
  align(candidates.heavier);
  // Passages lacking one of the counted words are worth the phrase check that picks among them
  // only when nothing holding them all matched.
  if (candidates.tied.length > 0 && !(candidates.tiedLackWords && scored.some((s) => s.verdict !== null))) {
    const room = CANDIDATES - candidates.heavier.length;
    align(candidates.tied.length > room ? byPhraseOverlap(candidates.tied.slice(0, PHRASE_CHECKED), words).slice(0, room) : candidates.tied);
  }
  if (!scored.some((s) => s.verdict !== null)) {
    hopeless.sort((a, b) => b.found - a.found || b.weightShare - a.weightShare);
    for (const h of hopeless.slice(0, NEAREST_SHOWN)) alignOne(h.passage);
  }
  scored.sort(byStrength);

  const accepted = scored.filter((s) => s.verdict !== null);
  const base = {
    command: 'who-said' as const,
    query: fragment,
    notes: [] as string[],
    context: {
      command: 'who-said' as const,
      query: fragment,
      page: 1,
      ...(q.speaker ? { speaker: q.speaker } : {}),
      ...(filters.since ? { since: filters.since } : {}),
      ...(filters.until ? { until: filters.until } : {}),
    },
  };
  if (allSpans.length > MAX_ALIGNED_WORDS) {
    base.notes.push(`Matched on the first ${MAX_ALIGNED_WORDS} of the ${allSpans.length} words you gave.`);
  }
  if (accepted.length === 0) {
    const nearest = scored.slice(0, NEAREST_SHOWN).map((s) => itemOf(s, 'nearest'));
    return answered({ ...base, verdict: 'not_found', items: [], total: 0, page: 1, pageCount: 1, nearest });
  }

  const items = groupAirings(accepted);
  const top = items[0]!;
  const verdict: Verdict = top.match?.verdict === 'reported' ? 'reported' : top.match?.verdict === 'close' ? 'close' : 'exact';
  const otherSpeakers = new Set(items.filter((i) => sameStrength(i, top)).map((i) => i.passage.speaker.name));
  if (otherSpeakers.size > 1) {
    base.notes.push(`These words match ${otherSpeakers.size} speakers equally well: ${[...otherSpeakers].join(', ')}. Check the sources before you attribute them.`);
  }
  if (top.airings && top.airings.length > 0) {
    base.notes.push(`The same words aired ${top.airings.length + 1} times; the first airing is shown, the others are listed.`);
  }
  const page = paginate(items, q.page ?? 1, 5);
  return answered({
    ...base,
    verdict,
    items: page.items,
    total: items.length,
    page: page.page,
    pageCount: page.pageCount,
    nearest: [],
    context: { ...base.context, page: page.page, focusId: top.passage.id, speaker: top.passage.speaker.name, ...(top.date ? { focusDate: top.date } : {}) },
  });
}

interface Candidates {
  /** Passages holding more of the counted words than the last one there is room to align. */
  heavier: Passage[];
  /** Passages holding exactly as much as that last one, densest first: more of them than there
   * is room for means a phrase check must choose. */
  tied: Passage[];
  /** Whether the tied passages lack some counted word that the heaviest hold. */
  tiedLackWords: boolean;
}

/** The passages worth aligning: those holding the fragment's rarest known words, most first. */
function findCandidates(index: QuestionIndex, words: readonly string[], filter?: (p: Passage) => boolean): Candidates {
  const distinct = [...new Set(words)].filter((w) => !isStopword(w));
  const known = distinct.filter((w) => index.docFrequency(w) > 0).sort((a, b) => index.docFrequency(a) - index.docFrequency(b));
  const unknown = distinct.filter((w) => index.docFrequency(w) === 0 && w.length >= 4);
  const seeds = known.slice(0, SEED_TERMS).map((term) => ({ term, weight: index.weightOf(term) }));
  // When even the rarest word is common ("This is an agreement we've been", "We do not know about
  // their"), many passages hold the seeds: count more of the fragment's words, and where more
  // passages than can be aligned hold as much of it as the last one taken, keep those holding
  // most of the fragment as typed.
  const thin = seeds.length < 2 || index.docFrequency(seeds[0]!.term) > CANDIDATES;
  const counted: CountedWord[] = thin ? known.slice(0, THIN_SEED_TERMS).map((term) => ({ term, weight: index.weightOf(term) })) : seeds;
  // A misspelled word is unknown to the index; when the rest is thin, its near spellings are
  // counted too, so the passage that holds the word as said comes first.
  if (thin) {
    unknown.slice(0, 3).forEach((word, group) => {
      // The tree's distance counts two swapped letters as two edits; the alignment counts them as
      // one slip ("aaginst"), so look one edit further and keep what the alignment would accept.
      const typed = prepareWord(word);
      for (const near of index.similarWords(word, typoBudget(word.length) + 1)) {
        if (comparePrepared(typed, prepareWord(near)) === 'none') continue;
        counted.push({ term: near, weight: index.weightOf(near), group });
      }
    });
  }
  const weighed = index.passagesWithWords(counted, thin ? THIN_CANDIDATES : CANDIDATES, filter);
  if (weighed.length <= CANDIDATES) return { heavier: weighed.map((w) => w.passage), tied: [], tiedLackWords: false };
  const cutoff = weighed[CANDIDATES - 1]!.weight;
  const heavier = weighed.filter((w) => w.weight > cutoff).map((w) => w.passage);
  const tiedWeighed = weighed.filter((w) => w.weight === cutoff).map((w) => w.passage);
  // Density matters only where the phrase check must choose among more than it checks.
  const density = tiedWeighed.length > PHRASE_CHECKED ? index.densities(tiedWeighed, counted) : null;
  const tied = density ? tiedWeighed.map((passage, i) => ({ passage, density: density[i]! })).sort((a, b) => b.density - a.density).map((t) => t.passage) : tiedWeighed;
  return { heavier, tied, tiedLackWords: cutoff < weighed[0]!.weight };
}

/**
 * Passages ordered by how much of the fragment they hold as written (see PhraseOverlap): the
 * whole fragment first, then by how many of its adjacent word pairs they contain. Passages
 * holding not one pair are left out: they hold the fragment's words only scattered, and aligning
 * hundreds of them was most of what a fragment nobody said cost.
 */
function byPhraseOverlap(passages: readonly Passage[], words: readonly string[]): Passage[] {
  const overlap = new PhraseOverlap(words);
  const scored = passages.map((passage) => ({ passage, score: overlap.score(passage.text) }));
  // Stable: equal scores keep the seed-weight order they came in.
  return scored.filter((x) => x.score > 0).sort((a, b) => b.score - a.score).map((x) => x.passage);
}

const KIND_RANK: Record<Passage['kind'], number> = { quote: 0, question: 1, reported: 2, narration: 3 };

function byStrength(a: Scored, b: Scored): number {
  if ((a.verdict === null) !== (b.verdict === null)) return a.verdict === null ? 1 : -1;
  return (
    b.alignment.score - a.alignment.score ||
    KIND_RANK[a.passage.kind] - KIND_RANK[b.passage.kind] ||
    // The first airing is the original; later ones are repeats.
    (a.passage.source.aired ?? '9999').localeCompare(b.passage.source.aired ?? '9999') ||
    a.passage.id.localeCompare(b.passage.id)
  );
}

function itemOf(s: Scored, verdict: Match['verdict']): AnswerItem {
  return {
    passage: s.passage,
    date: effectiveDate(s.passage),
    match: { verdict, span: s.alignment.span, marks: s.alignment.marks, differing: wordsDiffering(s.alignment), differences: differencesOf(s) },
  };
}

/** The same words by the same speaker in several files are one finding with several airings. */
function groupAirings(accepted: readonly Scored[]): AnswerItem[] {
  const items: AnswerItem[] = [];
  const byKey = new Map<string, AnswerItem>();
  for (const s of accepted) {
    const matched = s.passage.text.slice(s.alignment.span.start, s.alignment.span.end);
    const key = `${s.passage.speaker.name}\u0000${wordsOf(s.passage.text).join(' ')}\u0000${wordsOf(matched).join(' ')}`;
    const first = byKey.get(key);
    if (first && first.passage.source.file !== s.passage.source.file) {
      (first.airings ??= []).push(s.passage.source);
      continue;
    }
    const item = itemOf(s, s.verdict ?? 'nearest');
    byKey.set(key, item);
    items.push(item);
  }
  return items;
}

function sameStrength(a: AnswerItem, b: AnswerItem): boolean {
  return a.match?.verdict === b.match?.verdict && a.match?.differing === b.match?.differing;
}

