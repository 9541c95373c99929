// A timeline's entries: one per story, in date order, each with the one or two passages that
// best show what was said (a newsmaker's quote before narration), the rest kept for expanding,
// and the same story aired again (a rerun, a station's copy) folded in with its airings.
import type { Passage, PassageKind } from '../model.ts';
import type { TopicHit } from '../search/CorpusIndex.ts';
import type { CharSpan } from './alignFragment.ts';
import type { AnswerItem, TimelineStory } from './answer.ts';
import { itemFor } from './buildAnswer.ts';
import { compareDates, effectiveDate } from './dates.ts';
import { spokenInWords } from './spokenInWords.ts';
import type { StoryMatch } from './topicStories.ts';

export type TimelineOrder = 'aired' | 'spoken';

/** Narration voices are the newsroom, not people a journalist looks up. */
const VOICES = /^(anchor|reporter|narrator|host|unknown)$/i;
const KIND_RANK: Record<PassageKind, number> = { quote: 0, reported: 1, question: 2, narration: 3 };
/** A passage shown must hold at least this share of the best passage's terms. */
const SHOWN_SHARE = 0.6;
/** A rerun is recognised by its best passage said word for word: short lines ("Thank you.") are
 * said everywhere and tell nothing. */
const RERUN_MIN_CHARS = 60;

/** The item a timeline shows for a passage: dated by its time note, else by its own words
 * ("said last month"), else by its airing. */
export function timelineItem(p: Passage): AnswerItem {
  const own = p.source.spoken ? null : spokenInWords(p);
  return own ? { passage: p, date: own.date, spokenIn: own.words } : { passage: p, date: effectiveDate(p) };
}

/** Where a passage's text says the topic, to mark and cut around (none for a speaker's timeline). */
export type Marker = (text: string) => CharSpan[];

export function buildStories(matches: readonly StoryMatch[], order: TimelineOrder): TimelineStory[] {
  const stories = matches.map((m) => storyOf(m, order));
  stories.sort(compareStories);
  return foldReruns(stories);
}

function storyOf(m: StoryMatch, order: TimelineOrder): TimelineStory {
  // Reading every passage for dates in its words costs; by airing, only the shown ones need it.
  const items = m.mentions.map((h) => (order === 'spoken' ? timelineItem(h.passage) : itemFor(h.passage)));
  const first = m.hits[0]!.passage.source;
  // By airing, unless there is none (or the timeline is by spoken date): then the earliest date
  // its passages were said.
  const earliest = order === 'spoken' || !first.aired ? items.reduce<string | null>((d, i) => (i.date && (!d || compareDates(i.date, d) < 0) ? i.date : d), null) : null;
  return {
    key: m.key,
    file: first.file,
    headline: first.headline,
    program: first.program,
    aired: first.aired,
    date: order === 'spoken' ? earliest ?? first.aired : first.aired ?? earliest,
    shown: pickShown(m.mentions, items),
    passages: items,
    speakers: speakersOf(items),
    reruns: [],
  };
}

/**
 * The one or two passages that best show what was said: among those holding nearly as much of
 * the topic as the best, a newsmaker's quote before reported speech, questions and narration,
 * then the one holding the most; a second from someone else or of another kind where there is one.
 */
function pickShown(hits: readonly TopicHit[], items: readonly AnswerItem[]): AnswerItem[] {
  if (items.length === 1) return [items[0]!];
  const best = hits.reduce((m, h) => Math.max(m, h.own), 0);
  const ranked = hits
    .map((h, i) => ({ h, item: items[i]! }))
    .filter(({ h }) => h.own >= SHOWN_SHARE * best)
    .sort((a, b) =>
      KIND_RANK[a.item.passage.kind] - KIND_RANK[b.item.passage.kind] ||
      b.h.own - a.h.own ||
      b.h.mentions - a.h.mentions ||
      a.item.passage.source.line - b.item.passage.source.line);
  const top = ranked[0];
  if (!top) return items.slice(0, 1);
  const other = ranked.find(({ item }) => item !== top.item && (item.passage.speaker.name !== top.item.passage.speaker.name || item.passage.kind !== top.item.passage.kind))
    ?? ranked[1];
  return other ? [top.item, other.item] : [top.item];
}

/** A story as a reader sees it: its shown passages dated by their own words where they say
 * when, and marked where they say the topic. Done for the stories shown, not all of them. */
export function readied(s: TimelineStory, mark: Marker): TimelineStory {
  const ready = (i: AnswerItem) => withMarks(i.spokenIn !== undefined ? i : timelineItem(i.passage), mark);
  return { ...s, shown: s.shown.map(ready), reruns: s.reruns.map((r) => ({ ...r, shown: r.shown.map(ready) })) };
}

export function withMarks(item: AnswerItem, mark: Marker): AnswerItem {
  const marks = mark(item.passage.text);
  return marks.length ? { ...item, marks } : item;
}

function speakersOf(items: readonly AnswerItem[]): string[] {
  if (items.length === 1) {
    const p = items[0]!.passage;
    return p.kind === 'narration' || VOICES.test(p.speaker.name) || p.speaker.anonymous ? [] : [p.speaker.name];
  }
  const counts = new Map<string, number>();
  for (const { passage: p } of items) {
    if (p.kind === 'narration' || VOICES.test(p.speaker.name) || p.speaker.anonymous) continue;
    counts.set(p.speaker.name, (counts.get(p.speaker.name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n);
}

/** Oldest first, undated last; the same day by programme, file and story, so the order is stable. */
export function compareStories(a: TimelineStory, b: TimelineStory): number {
  return compareDates(a.date, b.date) || order(a.program ?? '', b.program ?? '') || order(a.file, b.file) || order(a.key, b.key);
}

/** Plain string order: stable and quick (a timeline of a common word sorts thousands of stories). */
function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stories whose best passage is word for word another's, by the same speaker, fold into the
 * first of them to air; they stay listed as its airings. */
function foldReruns(stories: TimelineStory[]): TimelineStory[] {
  const firstBy = new Map<string, TimelineStory[]>();
  const out: TimelineStory[] = [];
  for (const s of stories) {
    const p = s.shown[0]?.passage;
    const same = p && p.text.length >= RERUN_MIN_CHARS ? firstBy.get(p.text) : undefined;
    const first = same?.find((f) => f.shown[0]!.passage.speaker.name === p!.speaker.name);
    if (first) {
      first.reruns.push(s);
      continue;
    }
    if (p && p.text.length >= RERUN_MIN_CHARS) {
      if (same) same.push(s);
      else firstBy.set(p.text, [s]);
    }
    out.push(s);
  }
  return out;
}
