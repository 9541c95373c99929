// A refusal as a script reads it: one JSON object, like an answer with an error instead of results.
import type { Problem } from '../core/ask/answer.ts';
import { clipped, MESSAGE_CHARS } from './shownText.ts';

/** The query and the message are clipped, since either can quote a huge line. */
export function problemJson(command: string, query: string, p: Problem) {
  return { command: clipped(command), query: clipped(query), verdict: null, results: [], error: { code: p.code, message: clipped(p.message, MESSAGE_CHARS) } };
}
