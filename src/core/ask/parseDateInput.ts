// Dates as journalists type them in `since:` and `until:`: 2025, 2025-03, 2025-03-15, or
// words ("March 2025", "last week") read against the caller's `now`.
import * as chrono from 'chrono-node';
import { dayRange } from './dates.ts';

export type DateInput = { ok: true; first: string; last: string } | { ok: false; message: string };

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function parseDateInput(raw: string, now: Date): DateInput {
  const text = raw.trim();
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, m, d] = iso;
    if (m && (Number(m) < 1 || Number(m) > 12)) return { ok: false, message: `"${text}" has no month ${m}.` };
    if (d && !isRealDay(Number(y), Number(m), Number(d))) return { ok: false, message: `"${text}" is not a real day.` };
    const [first, last] = dayRange(text);
    return { ok: true, first, last };
  }
  const found = chrono.parse(text, now)[0];
  if (!found || found.text.trim().length < text.length * 0.6) {
    return { ok: false, message: `"${text}" is not a date I can read; use YYYY, YYYY-MM or YYYY-MM-DD.` };
  }
  const start = found.start;
  const y = start.get('year');
  const m = start.get('month');
  const d = start.get('day');
  if (!y || !m) return { ok: false, message: `"${text}" is not a date I can read; use YYYY-MM-DD.` };
  const pad = (v: number) => String(v).padStart(2, '0');
  const precise = start.isCertain('day') ? `${y}-${pad(m)}-${pad(d ?? 1)}` : start.isCertain('month') ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d ?? 1)}`;
  const [first, last] = dayRange(precise);
  return { ok: true, first, last };
}

function isRealDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
