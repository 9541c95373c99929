// The shape of a timeline's coverage: how many passages mention the topic per day, week, month
// or year (chosen from the span), split by the main speakers, with the busiest periods named by
// the story that made them so. Plain data: the adapters draw it.
import type { Passage } from '../model.ts';
import type { MentionChart, TimelineStory } from './answer.ts';
import type { TimelineOrder } from './timelineStories.ts';

/** Speakers with their own colour; the rest are "Others". */
export const MAIN_SPEAKERS = 4;
const MAX_PEAKS = 3;
const PEAK_LABEL_CHARS = 70;
const NARRATION = 'Narration';
const OTHERS = 'Others';
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function mentionChart(stories: readonly TimelineStory[], order: TimelineOrder): MentionChart {
  const all = stories.flatMap((s) => [s, ...s.reruns]);
  // Many passages share a date: each is turned into a day number once.
  const days = new Map<string, number>();
  const dayFor = (date: string | null) => {
    if (!date) return NaN;
    let d = days.get(date);
    if (d === undefined) days.set(date, (d = dayOf(date)));
    return d;
  };
  // A passage counts on the day it aired, or (ordered by spoken date) the day it was said.
  const dateOf = (item: TimelineStory['passages'][number]) => (order === 'spoken' ? item.date : item.passage.source.aired ?? item.date);
  // Each passage's day and voice, read once: a common word's timeline has thousands.
  let total = 0;
  for (const s of all) total += s.passages.length;
  const dayAt = new Float64Array(total);
  const voiceAt: string[] = new Array<string>(total);
  let first = Infinity;
  let last = -Infinity;
  let undated = 0;
  const bySpeaker = new Map<string, number>();
  let k = 0;
  for (const s of all) {
    const people = s.speakers;
    for (const item of s.passages) {
      const day = dayFor(dateOf(item));
      const name = speakerOf(item.passage, people);
      dayAt[k] = day;
      voiceAt[k++] = name;
      if (Number.isNaN(day)) {
        undated++;
        continue;
      }
      if (day < first) first = day;
      if (day > last) last = day;
      if (name !== NARRATION) bySpeaker.set(name, (bySpeaker.get(name) ?? 0) + 1);
    }
  }
  if (total === undated) return { unit: 'month', periods: [], series: [], peaks: [], undated, total };

  const unit = unitFor(last - first);
  const periods: number[] = [];
  for (let d = periodStart(first, unit); d <= last; d = nextPeriod(d, unit)) periods.push(d);
  // The last period starting on or before the day.
  const periodOf = (day: number) => {
    let lo = 0;
    let hi = periods.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (periods[mid]! <= day) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  // The main speakers by their mentions; narration is its own series, whoever reads it.
  const main = [...bySpeaker].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAIN_SPEAKERS).map(([n]) => n);
  const names = [...main];
  if (bySpeaker.size > main.length) names.push(OTHERS);
  const series = names.map((name) => ({ name, counts: new Array<number>(periods.length).fill(0) }));
  const narration = new Array<number>(periods.length).fill(0);
  const seriesOf = new Map(names.map((n, i) => [n, i]));
  // The story with the most mentions in each period names its peak.
  const leader: Array<TimelineStory | null> = periods.map(() => null);
  const leaderCount = new Array<number>(periods.length).fill(0);
  const others = seriesOf.get(OTHERS);
  k = 0;
  for (const s of all) {
    // A story's passages mostly fall in one period: count runs, not a map per story.
    let at = -1;
    let count = 0;
    for (let i = 0; i < s.passages.length; i++) {
      const day = dayAt[k]!;
      const name = voiceAt[k++]!;
      if (Number.isNaN(day)) continue;
      const period = periodOf(day);
      if (period !== at) {
        if (at >= 0) lead(at, s, count);
        at = period;
        count = 0;
      }
      count++;
      if (name === NARRATION) narration[period]!++;
      else series[seriesOf.get(name) ?? others!]!.counts[period]!++;
    }
    if (at >= 0) lead(at, s, count);
  }
  function lead(period: number, s: TimelineStory, count: number): void {
    const l = leader[period];
    if (count > leaderCount[period]! || (count === leaderCount[period] && l && s.key < l.key)) {
      leader[period] = s;
      leaderCount[period] = count;
    }
  }
  if (narration.some((n) => n > 0)) series.push({ name: NARRATION, counts: narration });

  const totals = periods.map((_, i) => series.reduce((a, s) => a + s.counts[i]!, 0));
  const peaks = pickPeaks(totals).map((period) => {
    const story = leader[period]!;
    return { period, story: story.key, label: shorten(story.headline ?? [story.program ?? 'Story', story.aired].filter(Boolean).join(', ')) };
  });
  return {
    unit,
    periods: periods.map((d) => ({ start: isoDay(d), label: labelOf(d, unit) })),
    series,
    peaks,
    undated,
    total,
  };
}

/** Whose mention it is: a person of the story, else the newsroom's narration. */
function speakerOf(p: Passage, people: readonly string[]): string {
  return p.kind === 'narration' || p.speaker.anonymous || !people.includes(p.speaker.name) ? NARRATION : p.speaker.name;
}

/** Periods small enough to show the shape, few enough to read: about 30 bars at most, years aside. */
export function unitFor(spanDays: number): MentionChart['unit'] {
  if (spanDays <= 31) return 'day';
  if (spanDays <= 7 * 26) return 'week';
  if (spanDays <= 365 * 6) return 'month';
  return 'year';
}

/** The highest periods, each at least half the highest, and apart enough (a sixth of the chart)
 * to be told apart. */
function pickPeaks(totals: readonly number[]): number[] {
  const apart = Math.max(1, Math.floor(totals.length / 6));
  const max = Math.max(...totals);
  if (!(max > 0)) return [];
  const chosen: number[] = [];
  const byHeight = totals.map((t, i) => [t, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [t, i] of byHeight) {
    if (chosen.length >= MAX_PEAKS || t < max / 2) break;
    if (chosen.some((c) => Math.abs(c - i) <= apart)) continue;
    chosen.push(i);
  }
  return chosen.sort((a, b) => a - b);
}

function shorten(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= PEAK_LABEL_CHARS ? t : `${t.slice(0, PEAK_LABEL_CHARS - 1).replace(/\s+\S*$/, '')}…`;
}

const DAY_MS = 86_400_000;

/** A partial date's first day, as days since 1970-01-01 (NaN when it is no date). */
function dayOf(date: string): number {
  const full = date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
  const t = Date.parse(`${full}T00:00:00Z`);
  return Number.isNaN(t) ? NaN : Math.floor(t / DAY_MS);
}

function periodStart(day: number, unit: MentionChart['unit']): number {
  if (unit === 'day') return day;
  const d = new Date(day * DAY_MS);
  if (unit === 'week') return day - ((d.getUTCDay() + 6) % 7); // weeks start on Monday
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
  return Date.UTC(d.getUTCFullYear(), 0, 1) / DAY_MS;
}

function nextPeriod(start: number, unit: MentionChart['unit']): number {
  if (unit === 'day') return start + 1;
  if (unit === 'week') return start + 7;
  const d = new Date(start * DAY_MS);
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS;
  return Date.UTC(d.getUTCFullYear() + 1, 0, 1) / DAY_MS;
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function labelOf(day: number, unit: MentionChart['unit']): string {
  const d = new Date(day * DAY_MS);
  const month = MONTH_NAMES[d.getUTCMonth()]!;
  if (unit === 'year') return String(d.getUTCFullYear());
  if (unit === 'month') return `${month} ${d.getUTCFullYear()}`;
  return `${month} ${d.getUTCDate()}`;
}
