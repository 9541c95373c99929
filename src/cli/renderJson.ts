// Answers as JSON, one object per answer, for scripts (the shape is documented in the README).
import type { Answer, AnswerItem, Problem } from '../core/ask/answer.ts';
import type { Source } from '../core/model.ts';
import { clipped, MESSAGE_CHARS } from './shownText.ts';

export interface JsonSource {
  file: string;
  line: number;
  date: string | null;
  spoken: string | null;
  note: string | null;
  program: string | null;
  headline: string | null;
  section: string | null;
  format: string;
  url: string | null;
  timecode: string | null;
}

function sourceJson(s: Source): JsonSource {
  return { file: s.file, line: s.line, date: s.aired, spoken: s.spoken, note: s.note, program: s.program, headline: s.headline, section: s.section, format: s.format, url: s.url, timecode: s.timecode ?? null };
}

function itemJson(item: AnswerItem) {
  const p = item.passage;
  return {
    id: p.id,
    speaker: {
      name: p.speaker.name, title: p.speaker.title, label: p.speaker.label, anonymous: p.speaker.anonymous,
      ...(p.speaker.role ? { role: p.speaker.role } : {}),
      ...(p.speaker.introduced ? { introduced: p.speaker.introduced } : {}),
    },
    kind: p.kind,
    text: p.text,
    date: item.date,
    ...(item.match
      ? { match: { verdict: item.match.verdict, differing: item.match.differing, matched: p.text.slice(item.match.span.start, item.match.span.end), marks: item.match.marks } }
      : {}),
    source: sourceJson(p.source),
    ...(item.airings?.length ? { airings: item.airings.map(sourceJson) } : {}),
  };
}

export function answerJson(a: Answer) {
  return {
    command: a.command,
    query: a.query,
    verdict: a.verdict,
    results: a.items.map(itemJson),
    ...(a.verdict === 'not_found' ? { nearest: a.nearest.map(itemJson) } : {}),
    ...(a.speakers ? { speakers: a.speakers } : {}),
    total: a.total,
    page: a.page,
    pageCount: a.pageCount,
    notes: a.notes,
    context: a.context,
  };
}

/** A refusal as JSON; the query and the message are clipped, since either can quote a huge line. */
export function problemJson(command: string, query: string, p: Problem) {
  return { command: clipped(command), query: clipped(query), verdict: null, results: [], error: { code: p.code, message: clipped(p.message, MESSAGE_CHARS) } };
}
