// A newsroom's alias list, applied after a file is parsed: every spelling or label of a person
// becomes one canonical name, and an office label (`THE PRESIDENT`) becomes whoever the list
// says held it on the file's date. Kept apart from the parsers so every format gets it alike.
import type { Passage, Transcript } from '../model.ts';
import { normalizeLabel } from './speakerNames.ts';

export interface OfficeTerm {
  name: string;
  /** First day in office, YYYY-MM-DD; the term runs until the next one starts. */
  from: string;
  title: string | null;
}

export interface AliasList {
  /** Normalised label or spelling (see `aliasKey`) → canonical name. */
  names: ReadonlyMap<string, string>;
  /** Normalised office label → its holders, earliest first. */
  offices: ReadonlyMap<string, readonly OfficeTerm[]>;
}

export const EMPTY_ALIASES: AliasList = { names: new Map(), offices: new Map() };

/** Labels and spellings compare as upper case with single spaces: `Ms Roe` = `MS. ROE`. */
export function aliasKey(label: string): string {
  return normalizeLabel(label);
}

/** Who the list says held the office on the date; null without a date or before the first term. */
export function officeHolderOn(terms: readonly OfficeTerm[], date: string | null): OfficeTerm | null {
  if (date === null) return null;
  let found: OfficeTerm | null = null;
  for (const t of terms) if (t.from <= date) found = t;
  return found;
}

function applyToPassage(p: Passage, aliases: AliasList, fileDate: string | null): Passage {
  const label = aliasKey(p.speaker.label);
  const terms = aliases.offices.get(label);
  if (terms) {
    const holder = officeHolderOn(terms, p.source.aired ?? fileDate);
    if (holder) return { ...p, speaker: { ...p.speaker, name: holder.name, title: holder.title ?? p.speaker.title, anonymous: false } };
  }
  const name = aliases.names.get(label) ?? aliases.names.get(aliasKey(p.speaker.name));
  if (name === undefined || name === p.speaker.name) return p;
  return { ...p, speaker: { ...p.speaker, name, anonymous: false } };
}

export function applyAliases(t: Transcript, aliases: AliasList): Transcript {
  if (aliases.names.size === 0 && aliases.offices.size === 0) return t;
  return { ...t, passages: t.passages.map((p) => applyToPassage(p, aliases, t.meta.aired)) };
}
