// What every question returns, whichever adapter shows it.
import type { PartialDate, Passage, Source, Verdict } from '../model.ts';
import type { CharSpan } from './alignFragment.ts';

export type CommandName = 'who-said' | 'timeline' | 'story' | 'followed' | 'quotes' | 'search' | 'context' | 'speakers' | 'when';

export interface Match {
  verdict: Exclude<Verdict, 'not_found'> | 'nearest';
  /** The stretch of the passage the fragment lines up with. */
  span: CharSpan;
  /** The passage's words that matched the fragment, for marking. */
  marks: CharSpan[];
  /** Words that differ between the fragment and the passage. */
  differing: number;
  /** How they differ, as the journalist wrote them and as the transcript has them. */
  differences: Difference[];
}

export interface Difference {
  kind: 'similar' | 'changed' | 'added' | 'dropped' | 'swapped' | 'moved';
  /** The words as remembered (null: the fragment left out what the transcript says). */
  remembered: string | null;
  /** The words as the transcript has them (null: the fragment added words nobody said here). */
  said: string | null;
}

export interface AnswerItem {
  passage: Passage;
  /** When the words were spoken where known, else when they aired; null when undated. */
  date: PartialDate | null;
  match?: Match;
  /** Other airings of the same words by the same speaker (who-said). */
  airings?: Source[];
  /** The words that say when this was said ("last month"), where `date` comes from them. */
  spokenIn?: string;
  /** A timeline's topic words in the passage, to mark and to cut a long passage around. */
  marks?: CharSpan[];
}

/** One story of a timeline: a file, or a story within a multi-story page. */
export interface TimelineStory {
  /** `file#n`, stable: what the expand button and "expand 2" ask for. */
  key: string;
  file: string;
  headline: string | null;
  program: string | null;
  aired: string | null;
  /** What the timeline orders it by: the airing, or (order: spoken) when its words were said. */
  date: PartialDate | null;
  /** The one or two passages that best show what was said, a newsmaker's quote first. */
  shown: AnswerItem[];
  /** Every passage of the story about the topic, in reading order, the shown ones included. */
  passages: AnswerItem[];
  /** Who speaks in those passages, most first (narration voices left out). */
  speakers: string[];
  /** The same story aired again (a rerun, a station's copy): folded in, each as it aired. */
  reruns: TimelineStory[];
}

/** Mentions of a topic over time, for a chart: counts per period, per main speaker. */
export interface MentionChart {
  unit: 'day' | 'week' | 'month' | 'year';
  /** The periods, oldest first, each by its first day (YYYY-MM-DD) and a short label. */
  periods: Array<{ start: string; label: string }>;
  /** One series per main speaker, then "Others" and "Narration" where there are any; counts
   * line up with `periods`. */
  series: Array<{ name: string; counts: number[] }>;
  /** The busiest periods, with the story that made them so. */
  peaks: Array<{ period: number; story: string; label: string }>;
  /** Mentions with no date, not drawn. */
  undated: number;
  total: number;
}

export interface SpeakerSummary {
  name: string;
  titles: string[];
  passages: number;
  quotes: number;
  first: PartialDate | null;
  last: PartialDate | null;
}

/** Everything a follow-up needs to know about the answer it follows. */
export interface AnswerContext {
  command: CommandName;
  query: string;
  speaker?: string;
  topic?: string;
  since?: string;
  until?: string;
  program?: string;
  page: number;
  /** The passage the answer is about (who-said's match, context's centre), and its date. */
  focusId?: string;
  focusDate?: string;
  /** Timelines: `spoken` orders by when the words were said, else by airing. */
  order?: 'aired' | 'spoken';
  /** Timelines: the keys of the stories on this page, in order ("expand 2" is the second). */
  stories?: string[];
  /** A story's passages (`story`): the story's key. */
  story?: string;
}

export interface Answer {
  command: CommandName;
  query: string;
  verdict: Verdict | null;
  /** The current page of items. */
  items: AnswerItem[];
  /** Items across all pages. */
  total: number;
  page: number;
  pageCount: number;
  /** For a who-said that found nothing: the nearest passages, shown as such. */
  nearest: AnswerItem[];
  speakers?: SpeakerSummary[];
  /** Plain sentences worth showing with the answer ("2 undated passages are listed last"). */
  notes: string[];
  context: AnswerContext;
  /** Timelines: the stories on this page (`items` are their shown passages). */
  stories?: TimelineStory[];
  /** Timelines: mentions over time across all pages. */
  chart?: MentionChart;
}

export type ProblemCode =
  | 'empty_query'
  | 'query_too_long'
  | 'too_few_words'
  | 'bad_date'
  | 'bad_range'
  | 'unknown_speaker'
  | 'unknown_program'
  | 'unknown_passage'
  | 'unknown_story'
  | 'unknown_command'
  | 'unknown_option'
  | 'missing_option'
  | 'no_context';

/** Bad input from a person: a code for adapters that want their own wording, and a default. */
export interface Problem {
  code: ProblemCode;
  message: string;
}

export type Refusal = { ok: false; problem: Problem };
export type Outcome = { ok: true; answer: Answer } | Refusal;

export function problem(code: ProblemCode, message: string): Refusal {
  return { ok: false, problem: { code, message } };
}

export function answered(answer: Answer): Outcome {
  return { ok: true, answer };
}
