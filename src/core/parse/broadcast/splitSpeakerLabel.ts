// A soundbite label names who speaks and, often, their job and when they spoke:
// `Jane Roe / Trade Minister (March 15, meeting with reporters)`, `Jane Roe(Trade Minister)`,
// `Local resident / (VOICE MODIFIED)`, `President Lee Jae-myung`.
import type { Speaker } from '../../model.ts';
import { splitOfficeTitle } from './officeTitle.ts';
import { spokenFromNote } from '../timeNote.ts';

export interface LabelReading {
  speaker: Speaker;
  /** A time or place note in parentheses, as written. */
  note: string | null;
  /** The date the note gives, read against the aired date. */
  spoken: string | null;
}

const VOICE_MODIFIED = /\(\s*voice\s+modified\s*\)/i;
/** A slash that separates a name from a title: not `24/7`, not `and/or`. */
const NAME_TITLE_SLASH = /(?<![\p{N}])\s*\/\s*(?![\p{N}])/u;
/** Parenthesis words that mark a note about the occasion rather than part of the title. */
const OCCASION_WORDS =
  /\b(meeting|with reporters|interview|briefing|speech|press conference|hearing|rally|statement|remarks|summit|address|phone call)\b/i;

/** Reads a label; `aliases` maps a label or spelling to a newsroom's canonical name. */
export function splitSpeakerLabel(
  rawLabel: string,
  aired: string | null,
  aliases?: ReadonlyMap<string, string>,
): LabelReading {
  const label = rawLabel.trim();
  const voiceModified = VOICE_MODIFIED.test(label);
  let rest = label.replace(VOICE_MODIFIED, ' ').trim();

  let note: string | null = null;
  let spoken: string | null = null;
  const trailing = /\(([^()]*)\)\s*$/.exec(rest);
  if (trailing && trailing[1] !== undefined) {
    const inner = trailing[1].trim();
    const date = spokenFromNote(inner, aired);
    const hasDateWords = date !== null || spokenFromNote(inner, '2000-12-31') !== null;
    const before = rest.slice(0, trailing.index);
    // In `Name(Title)` the only parenthesis is the title; an occasion word there is a job title.
    const titleElsewhere = before.includes('/') || before.includes('(');
    const shortDate = hasDateWords && inner.split(/\s+/).length <= 3;
    if (titleElsewhere ? hasDateWords || OCCASION_WORDS.test(inner) : shortDate) {
      note = inner;
      spoken = date;
      rest = rest.slice(0, trailing.index).trim();
    }
  }

  let namePart: string;
  let titlePart: string | null = null;
  let hadSlash = false;
  const slash = NAME_TITLE_SLASH.exec(rest);
  if (slash) {
    hadSlash = true;
    namePart = rest.slice(0, slash.index);
    titlePart = rest.slice(slash.index + slash[0].length);
  } else {
    // Format C writes `Name(Title)`: the first parenthesis opens the title.
    const paren = /^([^()]+?)\s*\((.*)\)\s*$/.exec(rest);
    if (paren && paren[1] !== undefined && paren[2] !== undefined) {
      namePart = paren[1];
      titlePart = paren[2];
    } else {
      namePart = rest;
    }
  }
  namePart = namePart.trim().replace(/\s+/g, ' ');
  titlePart = titlePart === null ? null : titlePart.trim().replace(/\s+/g, ' ') || null;

  const { name: bare, office } = splitOfficeTitle(namePart);
  const title = titlePart ?? office;
  const anonymous =
    voiceModified || (titlePart === null && (hadSlash || isDescription(bare))) || bare === '';
  const name = aliases?.get(label) ?? aliases?.get(bare) ?? (bare === '' ? 'Unidentified voice' : bare);
  return { speaker: { label, name, title, anonymous }, note, spoken };
}

/** "Domestic worker from Philippines" describes; "Kim Dong-seob" names. A description has a
 * word that starts lower-case. */
export function isDescription(name: string): boolean {
  return name.split(/\s+/).some((w) => /^\p{Ll}/u.test(w));
}
