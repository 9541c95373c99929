// Dates as journalists type them in `since:` and `until:` and inside a topic: 2025, 2025-03,
// 2025-03-15, or words read against the caller's `now` the way a person means them. A month or a
// season without a year is the latest one that has begun, never one still to come ("since March"
// in November is this March, in February last March); "last March" is the latest March before
// the current month; "last year" is the whole previous year, not the day a year ago.
import * as chrono from 'chrono-node';
import { dayRange } from './dates.ts';

export type DateInput = { ok: true; first: string; last: string } | { ok: false; message: string };

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** Season → first and last month (winter runs into the next year). */
const SEASONS: Readonly<Record<string, readonly [number, number]>> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11], winter: [12, 14] };

const MONTH_ONLY = new RegExp(`^(?:in\\s+)?(last|this|past)?\\s*${MONTH_NAME}(?:\\s+(?:of\\s+)?(\\d{4}))?$`, 'i');
const SEASON = /^(?:in\s+)?(?:the\s+)?(last|this|past)?\s*(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(\d{4}))?$/i;
const PERIOD = /^(?:in\s+|during\s+)?(?:the\s+)?(last|this|past|previous|current)\s+(year|month|week)$/i;

const pad = (n: number) => String(n).padStart(2, '0');

export function parseDateInput(raw: string, now: Date): DateInput {
  const text = raw.trim().replace(/\s+/g, ' ');
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, m, d] = iso;
    if (m && (Number(m) < 1 || Number(m) > 12)) return { ok: false, message: `"${text}" has no month ${m}.` };
    if (d && !isRealDay(Number(y), Number(m), Number(d))) return { ok: false, message: `"${text}" is not a real day.` };
    const [first, last] = dayRange(text);
    return { ok: true, first, last: realLastDay(last) };
  }
  const today = { y: now.getUTCFullYear(), m: now.getUTCMonth() + 1, d: now.getUTCDate() };

  const month = MONTH_ONLY.exec(text);
  if (month) {
    const m = MONTHS.findIndex((name) => name.startsWith(month[2]!.toLowerCase().slice(0, 3))) + 1;
    const year = month[3] ? Number(month[3]) : latestYearOf(m, m, today, month[1] !== undefined && month[1].toLowerCase() !== 'this');
    return monthSpan(year, m, m);
  }
  const season = SEASON.exec(text);
  if (season) {
    const [a, b] = SEASONS[season[2]!.toLowerCase()]!;
    const year = season[3] ? Number(season[3]) : latestYearOf(a, b, today, season[1] !== undefined && season[1].toLowerCase() !== 'this');
    return monthSpan(year, a, b);
  }
  const period = PERIOD.exec(text);
  if (period) return periodSpan(period[1]!.toLowerCase(), period[2]!.toLowerCase(), today);
  if (/^(?:in\s+)?(?:the\s+)?(?:last|past)\s+(\d+)\s+(years|months)$/i.test(text)) {
    // "the past 2 years": from the same day that long ago up to today.
    const [, n, unit] = /(\d+)\s+(years|months)/i.exec(text)!;
    const back = new Date(Date.UTC(today.y, today.m - 1 - (unit!.toLowerCase() === 'years' ? 12 : 1) * Number(n), today.d));
    return { ok: true, first: isoDay(back), last: isoDay(now) };
  }
  return chronoDay(text, now, today);
}

/** A day or an instant in words ("yesterday", "Jan 5", "Tuesday", "2 weeks ago"), never after today. */
function chronoDay(text: string, now: Date, today: { y: number; m: number; d: number }): DateInput {
  const found = chrono.parse(text, { instant: now, timezone: 0 }, { forwardDate: false })[0];
  if (!found || found.text.trim().length < text.length * 0.6) {
    return { ok: false, message: `"${text}" is not a date I can read; use YYYY, YYYY-MM or YYYY-MM-DD, or words such as "March", "last year", "since last March".` };
  }
  const start = found.start;
  let y = start.get('year');
  const m = start.get('month');
  const d = start.get('day');
  if (!y || !m) return { ok: false, message: `"${text}" is not a date I can read; use YYYY-MM-DD.` };
  // A month and day with no year are the latest such day, never one still to come.
  if (!start.isCertain('year') && (m > today.m || (m === today.m && (d ?? 1) > today.d))) y = Math.min(y, today.y - 1);
  // "a year ago" is the day a year ago, though chrono is only sure of the year.
  if (start.isCertain('day') || start.isCertain('weekday') || /\bago$/i.test(found.text)) {
    const day = `${y}-${pad(m)}-${pad(d ?? 1)}`;
    return { ok: true, first: day, last: day };
  }
  if (start.isCertain('month')) return monthSpan(y, m, m);
  return { ok: true, first: `${y}-01-01`, last: `${y}-12-31` };
}

/** The year of the latest span of months `a`..`b` (b may pass 12: winter) that has begun by
 * today, or with `ended`, that ended before the current month ("last March" in March is a year
 * ago, in November it is this March). Months are counted from year 0 to compare across years. */
function latestYearOf(a: number, b: number, today: { y: number; m: number }, ended: boolean): number {
  const t = today.y * 12 + today.m;
  return ended ? Math.floor((t - b - 1) / 12) : Math.floor((t - a) / 12);
}

/** Months `a`..`b` of `year` (b may run past 12 into the next year). */
function monthSpan(year: number, a: number, b: number): DateInput {
  const endYear = year + Math.floor((b - 1) / 12);
  const endMonth = ((b - 1) % 12) + 1;
  return { ok: true, first: `${year}-${pad(a)}-01`, last: `${endYear}-${pad(endMonth)}-${pad(daysIn(endYear, endMonth))}` };
}

function periodSpan(which: string, unit: string, today: { y: number; m: number; d: number }): DateInput {
  const back = which === 'last' || which === 'past' || which === 'previous' ? 1 : 0;
  if (unit === 'year') return { ok: true, first: `${today.y - back}-01-01`, last: `${today.y - back}-12-31` };
  if (unit === 'month') {
    const at = new Date(Date.UTC(today.y, today.m - 1 - back, 1));
    return monthSpan(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCMonth() + 1);
  }
  // Weeks run Monday to Sunday.
  const t = new Date(Date.UTC(today.y, today.m - 1, today.d));
  const monday = new Date(t.getTime() - (((t.getUTCDay() + 6) % 7) + 7 * back) * 86_400_000);
  return { ok: true, first: isoDay(monday), last: isoDay(new Date(monday.getTime() + 6 * 86_400_000)) };
}

function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `2025-02-31` (dayRange's end of any month) as the month's real last day. */
function realLastDay(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return Number(day.slice(8)) > daysIn(y, m) ? `${day.slice(0, 8)}${pad(daysIn(y, m))}` : day;
}

function isRealDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
