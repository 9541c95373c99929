// What the top of a page says about the transcript under it: the air date, the programme, the
// headline. Dates are read from title lines in the shapes real pages use (`Aired August 30,
// 2005 - 07:00 ET`, `Full transcript of "Weekly Show" on Dec. 24, 2023`, `Wednesday 22nd
// January 2025`, `tv  PBS News Hour  PBS  June 7, 2022 6:00pm-7:00pm PDT`, `Aired: 05/26/23`),
// never from page chrome that merely holds a date-like string (`Expires: 06/25/23`,
// `(11 years, 1 month ago)`, `© 2022`).

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const YEAR = '((?:19|20)\\d{2})';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
/** `May 12, 2005`, `Dec. 24, 2023`, `June 7 2022`. */
const MONTH_FIRST = new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'i');
/** `6th March 2013`, `10 Mar 2008`, `5 March 2015`. */
const DAY_FIRST = new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'i');
const ISO = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/;
/** `1/10/2018`, `05/26/23`: month first, as the American pages that write them do; day first
 * where the first number cannot be a month (`21/03/2025`). */
const NUMERIC = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)?\d{2})(?![\d/])/;
/** `21.03.2025`: dots are written day first, as in Europe; two digits each, so `1.2.2025` (a version) is not a date. */
const DOTTED = /(?<![\d.])(\d{2})\.(\d{2})\.((?:19|20)\d{2})(?![\d.])/;
/** Lines whose dates are not the broadcast's. */
const CHROME_DATE = /\b(?:expires?|expiry|updated|last modified|modified|accessed|retrieved|copyright|published online)\b|©|\bago\)|\bago\b/i;

/** The first full date in a line, YYYY-MM-DD, or null. */
export function fullDateIn(text: string): string | null {
  if (CHROME_DATE.test(text)) return null;
  const iso = ISO.exec(text);
  const mf = MONTH_FIRST.exec(text);
  const df = DAY_FIRST.exec(text);
  const candidates: Array<{ at: number; date: string | null }> = [];
  if (iso) candidates.push({ at: iso.index, date: calendar(Number(iso[1]), Number(iso[2]), Number(iso[3])) });
  if (mf) candidates.push({ at: mf.index, date: calendar(Number(mf[3]), monthOf(mf[1] ?? ''), Number(mf[2])) });
  if (df) candidates.push({ at: df.index, date: calendar(Number(df[3]), monthOf(df[2] ?? ''), Number(df[1])) });
  candidates.sort((a, b) => a.at - b.at);
  for (const c of candidates) if (c.date) return c.date;
  const num = NUMERIC.exec(text);
  if (num) {
    const y = Number(num[3]);
    const [a, b] = [Number(num[1]), Number(num[2])];
    return a > 12 ? calendar(y < 100 ? 2000 + y : y, b, a) : calendar(y < 100 ? 2000 + y : y, a, b);
  }
  const dotted = DOTTED.exec(text);
  if (dotted) return calendar(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  return null;
}

function monthOf(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

function calendar(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Lines a web page wraps around a transcript: navigation, players, sponsorship, notices. */
const CHROME_LINE =
  /^(?:return to transcripts main page|skip to (?:main )?content|play live radio|next up:?|available on air stations|download|transcript|transcripts|watch cbs news|placeholder image|subtitles section play video|npr logo|toggle caption|hide caption|share|email|print|subscribe.*|read full debate.*|full debate:.*|excerpts|commons chamber|debate detail|alert me about debates like this|click here to browse.*|problems (?:playing|with) .*|how to watch .*|providing support for .*|this is a rush transcript.*|rush transcript|credit: .*|get extended access .*|already a .* member\?|you may have an unactivated .*|official websites use .*|secure .* websites use https|a \.gov website belongs .*|a lock .*|an official website of .*|\d+m \d+s.*|.*video has closed capt.*|.*\| closed captioning.*|sponsored content|advertisement|.*\bbookmark and share|news transcripts?|\(?\d+ (?:years?|months?|days?)(?:, \d+ \w+)? ago\)?|category: .*|home » .*)$/i;

/** No line of page chrome is longer than this. */
export const CHROME_MAX_CHARS = 400;

export function isChromeLine(text: string): boolean {
  const t = text.trim();
  if (t === '') return true;
  if (/^(?:copyright\b|©)/i.test(t) && t.split(/\s+/).length <= 25) return true;
  // Chrome is a short line; the pattern scans a long one to its end more than once.
  if (t.length <= CHROME_MAX_CHARS && CHROME_LINE.test(t)) return true;
  if (/^[-–—\s]*(?:view speech\s*-\s*)?hansard\b[-–—\s]*(?:excerpts)?[-–—\s]*$/i.test(t)) return true;
  if (/^(?:https?:\/\/|www\.)\S+$/.test(t) || /^[\d\s()+.-]{7,}$/.test(t)) return true;
  return false;
}

/** `KEY: value` header fields of transcript databases. */
const FIELD = /^([A-Za-z][A-Za-z -]{1,20}):\s+(.*)$/;

export interface TitleInfo {
  aired: string | null;
  program: string | null;
  headline: string | null;
}

/** Reads the lines above a transcript's first turn. */
export function readTitleLines(lines: readonly string[]): TitleInfo {
  const info: TitleInfo = { aired: null, program: null, headline: null };
  const titles: string[] = [];
  for (const raw of lines) {
    // A Markdown heading's marks are not part of the title: `# Ferry timetable interview`.
    const text = raw.trim().replace(/^#{1,6}\s+/, '');
    if (text === '') continue;
    // Database fields: `SHOW: Morning Desk 7:00 AM EST`, `HEADLINE: …`, `DATE: 2024-11-06`.
    const field = FIELD.exec(text);
    if (field) {
      const key = (field[1] ?? '').toLowerCase();
      const value = (field[2] ?? '').trim();
      if (/^(?:show|program|programme|series)$/.test(key)) info.program ??= value.replace(/\s+\d{1,2}(?::\d{2})?\s*(?:[AP]\.?M\.?)?\s*(?:[A-Z]{2,4}T)?$/i, '').trim() || null;
      else if (/^(?:headline|headlines|title)$/.test(key)) titles.unshift(value);
      else if (/^(?:date|aired|air date|airdate|broadcast|broadcast date|date aired|first aired|recorded|recording date|date recorded|transmitted|transmission|tx)$/.test(key)) info.aired ??= fullDateIn(value);
      // Every `Key: value` line is a field of the page, never its headline.
      if (!/^(?:headline|headlines|title)$/.test(key) || value === '') continue;
      continue;
    }
    info.aired ??= fullDateIn(text);
    // The archive's one-line header: `tv   PBS News Hour  PBS  June 7, 2022 6:00pm-7:00pm PDT`.
    const tv = /^tv\s+(.+?)\s{2,}\S+\s{2,}/.exec(text) ?? /^tv\s+(.+?)\s+(?:CNN|CBS|NBC|ABC|FOX|PBS|MSNBC|KQED|WETA)\b/.exec(text);
    if (tv && info.program === null) {
      info.program = tv[1]?.trim() ?? null;
      continue;
    }
    if (isHeadline(text)) titles.push(text.replace(/\s*[.;]?\s*Aired\s.*$/i, '').trim().slice(0, 300));
  }
  // `Anderson Cooper 360 Degrees` ⏎ `Thousands Flee Gulf Coast; …`: a short programme line, then the headline.
  const [first, second] = titles;
  if (info.program !== null) {
    info.headline = first ?? null;
  } else if (first !== undefined && second !== undefined && first.split(/\s+/).length <= 6 && fullDateIn(first) === null) {
    info.program = first;
    info.headline = second;
  } else {
    info.headline = first ?? null;
  }
  return info;
}

function isHeadline(text: string): boolean {
  if (isChromeLine(text) || /^aired\b/i.test(text) || /^\(/.test(text) || /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b/.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 60) return false;
  // A title line, not a sentence of the transcript: most words capitalised, or no full stop.
  const capital = words.filter((w) => /^[\p{Lu}\p{N}"“‘'(]/u.test(w)).length;
  return capital / words.length >= 0.5 || !/[.!?]$/.test(text);
}
