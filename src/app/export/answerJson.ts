// Answers as JSON, one object per answer, for scripts and exports (the shape is documented in the README).
import type { Answer, AnswerItem, TimelineStory } from '../../core/ask/answer.ts';
import type { Source } from '../../core/model.ts';
import { compareStories } from '../../core/ask/timelineStories.ts';

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

function itemJson(item: AnswerItem, story?: string) {
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
    ...(item.spokenIn ? { spokenIn: item.spokenIn } : {}),
    ...(story ? { story } : {}),
    ...(item.match
      ? { match: { verdict: item.match.verdict, differing: item.match.differing, matched: p.text.slice(item.match.span.start, item.match.span.end), marks: item.match.marks } }
      : {}),
    source: sourceJson(p.source),
    ...(item.airings?.length ? { airings: item.airings.map(sourceJson) } : {}),
  };
}

/** A timeline's stories as scripts want them: each airing with every passage about the topic,
 * in date order, and the stories themselves with what a reader is shown. */
function timelineResults(stories: readonly TimelineStory[]) {
  const airings = stories.flatMap((s) => [s, ...s.reruns]).sort(compareStories);
  return airings.flatMap((s) => s.passages.map((i) => itemJson(i, s.key)));
}

function storyJson(s: TimelineStory) {
  return {
    key: s.key,
    file: s.file,
    headline: s.headline,
    program: s.program,
    aired: s.aired,
    date: s.date,
    passages: s.passages.length,
    shown: s.shown.map((i) => i.passage.id),
    speakers: s.speakers,
    reruns: s.reruns.map((r) => ({ key: r.key, file: r.file, aired: r.aired, program: r.program, passages: r.passages.length })),
  };
}

export function answerJson(a: Answer) {
  return {
    command: a.command,
    query: a.query,
    verdict: a.verdict,
    results: a.stories ? timelineResults(a.stories) : a.items.map((i) => itemJson(i)),
    ...(a.verdict === 'not_found' ? { nearest: a.nearest.map((i) => itemJson(i)) } : {}),
    ...(a.speakers ? { speakers: a.speakers } : {}),
    ...(a.stories ? { stories: a.stories.map(storyJson) } : {}),
    ...(a.chart ? { chart: a.chart } : {}),
    total: a.total,
    page: a.page,
    pageCount: a.pageCount,
    notes: a.notes,
    context: a.context,
  };
}
