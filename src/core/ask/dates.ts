// Dates of passages, as precise as their source, and the filters people put on them.
import type { PartialDate, Passage } from '../model.ts';

/** When the words were spoken where known, else when they aired. */
export function effectiveDate(p: Passage): PartialDate | null {
  return p.source.spoken ?? p.source.aired;
}

/** The first and last day a partial date can mean: `2025-03` → 2025-03-01 … 2025-03-31. */
export function dayRange(d: PartialDate): [string, string] {
  if (d.length === 4) return [`${d}-01-01`, `${d}-12-31`];
  if (d.length === 7) return [`${d}-01`, `${d}-31`];
  return [d, d];
}

export interface DateFilter {
  /** Inclusive, YYYY-MM-DD. */
  since?: string;
  until?: string;
}

/** A passage is in range when its date could fall in it; undated passages never are. */
export function inDateRange(d: PartialDate | null, f: DateFilter): boolean {
  if (!f.since && !f.until) return true;
  if (!d) return false;
  // dayRange without its strings: a partial date's first day sorts with the date itself, and
  // its last day's prefix is the date, so comparing the date and "date~" gives the same answer.
  if (f.since && (d.length === 10 ? d : `${d}~`) < f.since) return false;
  if (f.until && d > f.until) return false;
  return true;
}

/** Oldest first; a less precise date sorts before the days it contains; undated last. */
export function compareDates(a: PartialDate | null, b: PartialDate | null): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a < b ? -1 : 1;
}
