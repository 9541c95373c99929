// timeline: what has been said about a topic, and when. One entry per story about the topic, in
// date order (by airing, or by when the words were said), each with the passages that best show
// it and a count of the rest; a chart of mentions over time; and, for one story, all its passages.
import type { Passage } from '../model.ts';
import type { QuestionIndex } from '../search/questionIndex.ts';
import { answered, problem, type Answer, type Outcome, type TimelineStory } from './answer.ts';
import { defined, listAnswer } from './buildAnswer.ts';
import { passesFilters, resolveFilters, type FilterInput } from './filters.ts';
import { mentionChart } from './mentionChart.ts';
import { DEFAULT_PAGE_SIZE, paginate } from './paginate.ts';
import { buildStories, readied, timelineItem, withMarks, type Marker, type TimelineOrder } from './timelineStories.ts';
import { topicMarks } from './topicPhrases.ts';
import { planTopic, type TopicPlan } from './topicPlan.ts';
import { findStories, storyKey, type StoryMatch } from './topicStories.ts';

export interface TimelineQuery extends FilterInput {
  topic: string;
  /** Only stories of these files (a follow, when they are added or change). */
  files?: readonly string[];
  /** `aired` (the default) or `spoken`. */
  order?: string | undefined;
  page?: number;
  pageSize?: number;
}

export interface StoryQuery extends TimelineQuery {
  /** The story's key, as the timeline gave it. */
  story: string;
  /** The keys of the timeline page it came from, kept so "expand 2" still works after "expand 1". */
  stories?: string[];
}

type Found = { ok: true; stories: TimelineStory[]; topic: string; order: TimelineOrder; unknown: string[]; mark: Marker; context: Record<string, string | undefined> } | { ok: false; problem: Outcome & { ok: false } };

export function timeline(index: QuestionIndex, q: TimelineQuery, now: Date): Outcome {
  const found = findTimeline(index, q, now);
  if (!found.ok) return found.problem;
  const { stories, topic, order } = found;
  const pageSize = q.pageSize ?? DEFAULT_PAGE_SIZE;
  const raw = paginate(stories, q.page ?? 1, pageSize);
  const page = { ...raw, items: raw.items.map((s) => readied(s, found.mark)) };
  const passages = stories.reduce((n, s) => n + s.passages.length + s.reruns.reduce((m, r) => m + r.passages.length, 0), 0);
  const undated = stories.filter((s) => s.date === null).length;
  const notes = [
    ...(found.unknown.length > 0 ? [`Not in the archive, so left out: ${found.unknown.join(', ')}.`] : []),
    ...(stories.length > 0 ? [`${stories.length} stor${stories.length === 1 ? 'y' : 'ies'}, ${passages} passage${passages === 1 ? '' : 's'} about it.`] : []),
    ...(undated > 0 ? [`${undated} undated stor${undated === 1 ? 'y is' : 'ies are'} listed last.`] : []),
  ];
  const answer: Answer = listAnswer({
    command: 'timeline',
    query: topic || (q.speaker ?? '').trim(),
    items: page.items.flatMap((s) => s.shown),
    page: 1,
    pageSize: Number.MAX_SAFE_INTEGER,
    notes,
    context: { ...found.context, stories: page.items.map((s) => s.key) },
  });
  return answered({
    ...answer,
    total: stories.length,
    page: page.page,
    pageCount: page.pageCount,
    context: { ...answer.context, page: page.page },
    stories: page.items,
    chart: mentionChart(stories, order),
  });
}

/** Every passage of one story of a timeline about the topic, in reading order. */
export function timelineStory(index: QuestionIndex, q: StoryQuery, now: Date): Outcome {
  const found = findTimeline(index, q, now);
  if (!found.ok) return found.problem;
  const all = found.stories.flatMap((s) => [s, ...s.reruns]);
  const story = all.find((s) => s.key === q.story);
  if (!story) return problem('unknown_story', `No story "${q.story}" is on this timeline any more; the archive may have changed. Ask for the timeline again.`);
  return answered(listAnswer({
    command: 'story',
    query: found.topic,
    items: story.passages.map((i) => withMarks(timelineItem(i.passage), found.mark)),
    page: q.page ?? 1,
    pageSize: q.pageSize ?? DEFAULT_PAGE_SIZE,
    notes: [`${story.program ? `${story.program}: ` : ''}${story.headline ? `“${story.headline}”` : story.file}${story.aired ? `, aired ${story.aired}` : ''}: ${story.passages.length} passage${story.passages.length === 1 ? '' : 's'} about it.`],
    context: { ...found.context, story: story.key, ...(q.stories?.length ? { stories: q.stories } : {}) },
  }));
}

function findTimeline(index: QuestionIndex, q: TimelineQuery, now: Date): Found {
  const fail = (p: Outcome & { ok: false }): Found => ({ ok: false, problem: p });
  const raw = q.topic.trim();
  if (raw.length > 300) return fail(problem('query_too_long', `A topic can be at most 300 characters; that one is ${raw.length}.`));
  const order = q.order?.trim().toLowerCase() || 'aired';
  if (order !== 'aired' && order !== 'spoken') return fail(problem('unknown_option', `order: "${q.order}" is not an order; use aired (when it was broadcast) or spoken (when the words were said).`));
  const plan = raw ? planTopic(index, raw, now) : ({ topic: '', terms: [], pairs: [], total: 0, unknown: [] } satisfies TopicPlan);
  if ('ok' in plan) return fail(plan);
  // Dates in the topic narrow the timeline, unless the journalist gave dates of their own.
  const explicit = Boolean(q.since?.trim() || q.until?.trim());
  const resolved = resolveFilters(index, { ...q, ...(explicit ? {} : { since: plan.since, until: plan.until }) }, now);
  if (!resolved.ok) return fail(resolved);
  const f = resolved.filters;
  if (plan.terms.length === 0 && plan.unknown.length > 0 && !f.speakers) {
    return { ok: true, stories: [], topic: plan.topic, order, unknown: plan.unknown, mark: () => [], context: defined({ topic: plan.topic }) };
  }
  if (plan.terms.length === 0 && !f.speakers) {
    return fail(problem(raw ? 'too_few_words' : 'empty_query', raw
      ? `"${raw}" has only common words; name the topic, e.g. "tariffs" or "Kim Jong-un".`
      : 'Give a topic (or a speaker), e.g. /timeline Kim Jong-un since:2025-01-01.'));
  }
  const only = q.files ? new Set(q.files) : null;
  const filter = only ? (p: Passage) => only.has(p.source.file) && passesFilters(p, f) : (p: Passage) => passesFilters(p, f);
  const matches = plan.terms.length > 0
    ? findStories(index, plan, { ...defined({ since: f.since, until: f.until }), ...(only ? { files: only } : {}), filter })
    : speakerStories(index, f.speakers ?? new Set(), filter);
  const mark: Marker = (text) => topicMarks(text, plan);
  return {
    ok: true,
    stories: buildStories(matches, order),
    mark,
    topic: plan.topic,
    order,
    unknown: plan.unknown,
    context: defined({ topic: plan.topic || undefined, speaker: q.speaker?.trim(), since: f.since, until: f.until, program: f.program, order: order === 'spoken' ? order : undefined }),
  };
}

/** With a speaker and no topic, the timeline is everything that person said, story by story. */
function speakerStories(index: QuestionIndex, speakers: ReadonlySet<string>, filter: (p: Passage) => boolean): StoryMatch[] {
  const out: StoryMatch[] = [];
  let current = null as StoryMatch | null;
  // Passages come in archive order, a file's in reading order, so a story's passages come together.
  for (const p of index.passagesBy(speakers, (x) => x.kind !== 'narration' && filter(x))) {
    const key = storyKey(p);
    const hit = { passage: p, weight: 1, own: 1, mask: 1, nearMask: 1, mentions: 1 };
    if (current?.key === key) {
      current.hits.push(hit);
      current.mentions.push(hit);
    } else {
      current = { key, hits: [hit], mentions: [hit], coverage: 1, score: 1 };
      out.push(current);
    }
  }
  return out;
}
