// What every question returns, whichever adapter shows it.
import type { PartialDate, Passage, Source, Verdict } from '../model.ts';
import type { CharSpan } from './alignFragment.ts';

export type CommandName = 'who-said' | 'timeline' | 'quotes' | 'search' | 'context' | 'speakers' | 'when';

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
