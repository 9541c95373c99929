// The optional narrowing every question shares: speaker, date range, programme.
import type { Passage } from '../model.ts';
import type { QuestionIndex } from '../search/questionIndex.ts';
import { resolveSpeaker } from '../search/speakerDirectory.ts';
import { nameWords } from '../search/speakerKey.ts';
import { problem, type Refusal } from './answer.ts';
import { effectiveDate, inDateRange } from './dates.ts';
import { parseDateInput } from './parseDateInput.ts';

export interface FilterInput {
  speaker?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  program?: string | undefined;
}

export interface Filters {
  /** Canonical names the typed speaker resolved to. */
  speakers?: ReadonlySet<string>;
  since?: string;
  until?: string;
  program?: string;
}

export type FilterResult = { ok: true; filters: Filters } | Refusal;

export function resolveFilters(index: QuestionIndex, input: FilterInput, now: Date): FilterResult {
  const filters: Filters = {};
  if (input.speaker?.trim()) {
    const found = resolveSpeaker(index, input.speaker);
    if (found.length === 0) {
      return problem('unknown_speaker', `Nobody called "${input.speaker.trim()}" speaks in the archive. Try /speakers for the list.`);
    }
    filters.speakers = new Set(found.map((s) => s.name));
  }
  for (const key of ['since', 'until'] as const) {
    const raw = input[key]?.trim();
    if (!raw) continue;
    const d = parseDateInput(raw, now);
    if (!d.ok) return problem('bad_date', `${key}: ${d.message}`);
    filters[key] = key === 'since' ? d.first : d.last;
  }
  if (filters.since && filters.until && filters.since > filters.until) {
    return problem('bad_range', `since ${filters.since} is after until ${filters.until}: no date can be in that range.`);
  }
  if (input.program?.trim()) filters.program = input.program.trim();
  return { ok: true, filters };
}

export function passesFilters(p: Passage, f: Filters): boolean {
  if (f.speakers && !f.speakers.has(p.speaker.name)) return false;
  if (!inDateRange(effectiveDate(p), f)) return false;
  if (f.program && !sameProgram(f.program, p.source.program)) return false;
  return true;
}

export function hasFilters(f: Filters): boolean {
  return Boolean(f.speakers || f.since || f.until || f.program);
}

function sameProgram(wanted: string, actual: string | null): boolean {
  if (!actual) return false;
  return nameWords(wanted).join(' ') === nameWords(actual).join(' ');
}
