// Otter and caption exports carry no date inside; newsrooms put it in the file name instead
// (`2025-03-04-council.otter.txt`, `council_20250304.vtt`). A name with no date gives null:
// an unknown date is honest, a guessed one is not.

/** Year, month and day with `-`, `_` or `.` between them, or run together; never part of a
 * longer number (`1202503041` is an id, not a date). */
const DATE_IN_NAME = /(?<!\d)((?:19|20)\d{2})([-_.]?)(\d{2})\2(\d{2})(?!\d)/g;

/** The first real calendar date in the file's name, YYYY-MM-DD, or null. */
export function dateFromFileName(file: string): string | null {
  const name = file.split('/').pop() ?? file;
  for (const m of name.matchAll(DATE_IN_NAME)) {
    const year = Number(m[1]);
    const month = Number(m[3]);
    const day = Number(m[4]);
    if (isCalendarDate(year, month, day)) return `${m[1]}-${m[3]}-${m[4]}`;
  }
  return null;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one, leap years included.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
