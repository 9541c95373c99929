// A soundbite's time note, `(March)` or `(Jan. 20)` or `(last week)`, re-dates the words it
// labels. The note is read against the aired date, and a note never dates words after airing.
import * as chrono from 'chrono-node';
import type { PartialDate } from '../model.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `Jan. 20`, `January 20, 2024`, `March`, `Feb. 2023`: month name, optional day, optional year. */
const MONTH_DATE = new RegExp(
  '\\b(january|february|march|april|may|june|july|august|september|october|november|december|' +
    'jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\b\\.?' +
    '(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b)?(?:,?\\s+((?:19|20)\\d{2})\\b)?',
  'i',
);
/** `5.20` or `12.16`: the month.day form Korean newsrooms write in parentheses. */
const DOTTED_DATE = /^\s*(\d{1,2})\.(\d{1,2})\s*$/;
const YEAR = /\b((?:19|20)\d{2})\b/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The note as a date no later than `aired`, as precise as the note allows; null when the note
 * names no date, or names no year and the aired date is unknown. */
export function spokenFromNote(note: string, aired: string | null): PartialDate | null {
  const text = note.trim();
  if (text === '') return null;
  const airedParts = aired === null ? null : splitIsoDate(aired);

  const dotted = DOTTED_DATE.exec(text);
  if (dotted) return monthDay(Number(dotted[1]), Number(dotted[2]), null, airedParts);

  const named = MONTH_DATE.exec(text);
  // "may" is also a verb: trust it only with a day or year beside it, or standing alone.
  const modalMay =
    named?.[1]?.toLowerCase() === 'may' && named[2] === undefined && named[3] === undefined && !/^may$/i.test(text);
  if (named && named[1] !== undefined && !modalMay) {
    const month = MONTHS.indexOf(named[1].toLowerCase().slice(0, 3)) + 1;
    const day = named[2] === undefined ? null : Number(named[2]);
    const year = named[3] === undefined ? null : Number(named[3]);
    return monthDay(month, day, year, airedParts);
  }

  const year = YEAR.exec(text);
  if (year && year[1] !== undefined) {
    const y = Number(year[1]);
    if (airedParts !== null && y > airedParts.year) return null;
    return String(y);
  }

  return airedParts === null ? null : relativeDate(text, airedParts);
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function splitIsoDate(iso: string): DateParts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** A month (and day) with no year belongs to the latest year that keeps it on or before airing. */
function monthDay(
  month: number,
  day: number | null,
  year: number | null,
  aired: DateParts | null,
): PartialDate | null {
  if (month < 1 || month > 12 || (day !== null && (day < 1 || day > 31))) return null;
  let y = year;
  if (y === null) {
    if (aired === null) return null;
    const later = month > aired.month || (month === aired.month && day !== null && day > aired.day);
    y = later ? aired.year - 1 : aired.year;
  } else if (aired !== null) {
    const later =
      y > aired.year ||
      (y === aired.year && (month > aired.month || (month === aired.month && day !== null && day > aired.day)));
    if (later) return null;
  }
  return day === null ? `${y}-${pad(month)}` : `${y}-${pad(month)}-${pad(day)}`;
}

/** `yesterday`, `last week`, `last month`, `Monday`: chrono reads these against the aired date. */
function relativeDate(text: string, aired: DateParts): PartialDate | null {
  const ref = new Date(Date.UTC(aired.year, aired.month - 1, aired.day, 12));
  const found = chrono.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false })[0];
  if (!found) return null;
  const start = found.start;
  const date = start.date();
  if (date.getTime() > ref.getTime() + 12 * 3600 * 1000) return null;
  const y = date.getUTCFullYear();
  const m = pad(date.getUTCMonth() + 1);
  const d = pad(date.getUTCDate());
  // "last week" pins a week, not a day: saying a day would claim more than the note does.
  const weekOnly = /\bweek\b/i.test(found.text);
  if (!weekOnly && (start.isCertain('day') || start.isCertain('weekday'))) return `${y}-${m}-${d}`;
  if (start.isCertain('month') || weekOnly) return `${y}-${m}`;
  if (start.isCertain('year')) return String(y);
  return null;
}
