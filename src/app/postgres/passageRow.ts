// A passage as a row of sb_passage, both ways: a COPY line (text format) for writing, and a
// Passage from a row for reading. Words are the core's indexedWords, written as tsvector literals.
import type { Passage, PassageKind, FormatId } from '../../core/model.ts';
import { passageDays, speakerField } from '../../core/search/CorpusIndex.ts';
import { indexedWords } from '../../core/search/indexOptions.ts';

/** The columns a COPY writes, in order. */
export const COPY_COLUMNS = [
  'seq', 'id', 'file', 'line', 'kind', 'speaker_name', 'speaker_label', 'speaker_title', 'anonymous', 'speaker_extra',
  'text', 'format', 'program', 'headline', 'section', 'aired', 'spoken', 'note', 'url', 'timecode',
  'first_day', 'last_day', 'text_len', 'word_pos', 'speaker_len', 'headline_len', 'words', 'swords', 'hwords',
] as const;

/** The columns a Passage is read from. */
export const PASSAGE_COLUMNS = 'seq, id, file, line, kind, speaker_name, speaker_label, speaker_title, anonymous, speaker_extra, text, format, program, headline, section, aired, spoken, note, url, timecode';

/** What one passage adds to the word counts and totals. */
export interface PassageWords {
  text: string[];
  speaker: string[];
  headline: string[];
}

/** The words of a passage's fields. Speakers and headlines repeat (a file has one headline), so
 * `seen` keeps their words: on a bulk import that is a third of the tokenising saved. */
export function passageWords(p: Passage, seen?: Map<string, string[]>): PassageWords {
  const words = (field: string): string[] => {
    if (!seen) return indexedWords(field);
    let w = seen.get(field);
    if (!w) {
      if (seen.size > 100_000) seen.clear();
      seen.set(field, (w = indexedWords(field)));
    }
    return w;
  };
  return { text: indexedWords(p.text), speaker: words(speakerField(p)), headline: words(p.source.headline ?? '') };
}

/** A word inside a tsvector literal: quoted, quotes doubled, backslashes escaped. */
function lexeme(w: string): string {
  return NEEDS_ESCAPE.test(w) ? `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'` : `'${w}'`;
}
const NEEDS_ESCAPE = /['\\]/;

export function tsvectorLiteral(words: Iterable<string>): string {
  return [...new Set(words)].map(lexeme).join(' ');
}

/** A tsquery over whole words: `'a' | 'b'`, `'a' & 'b'`, or `'tariff':*` for a prefix. */
export function tsqueryOf(words: readonly string[], join: '|' | '&', prefix: (w: string) => boolean = () => false): string {
  return words.map((w) => (prefix(w) ? `${lexeme(w)}:*` : lexeme(w))).join(` ${join} `);
}

/** COPY's text format: backslash, tab, newline and carriage return escaped; \N for null. */
function field(v: string | number | boolean | null): string {
  if (v === null) return '\\N';
  if (typeof v !== 'string') return String(v);
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A passage's row; `wordPos` is how many indexed words of text its file has before it. */
export function copyLine(seq: number, p: Passage, w: PassageWords, wordPos: number): string {
  const s = p.speaker;
  const src = p.source;
  // Rarely set, so one JSON column: a role, an introduction, a timecode the parser gave as null,
  // and which story of a multi-story page the passage is in.
  const nullTimecode = 'timecode' in src && src.timecode === null;
  const story = src.story !== undefined;
  const extra = s.role || s.introduced || nullTimecode || story
    ? JSON.stringify({ ...(s.role ? { role: s.role } : {}), ...(s.introduced ? { introduced: s.introduced } : {}), ...(nullTimecode ? { timecode: null } : {}), ...(story ? { story: src.story } : {}) })
    : null;
  const [first, last] = passageDays(p);
  const values: Array<string | number | boolean | null> = [
    seq, p.id, src.file, src.line, p.kind, s.name, s.label, s.title, s.anonymous, extra,
    p.text, src.format, src.program, src.headline, src.section, src.aired, src.spoken, src.note, src.url, src.timecode ?? null,
    first, last, w.text.length, wordPos, w.speaker.length, w.headline.length,
    tsvectorLiteral(w.text), tsvectorLiteral(w.speaker), tsvectorLiteral(w.headline),
  ];
  return `${values.map(field).join('\t')}\n`;
}

export interface PassageRow {
  seq: string;
  id: string;
  file: string;
  line: number;
  kind: string;
  speaker_name: string;
  speaker_label: string;
  speaker_title: string | null;
  anonymous: boolean;
  speaker_extra: { role?: Passage['speaker']['role']; introduced?: Passage['speaker']['introduced']; timecode?: null; story?: number } | null;
  text: string;
  format: string;
  program: string | null;
  headline: string | null;
  section: string | null;
  aired: string | null;
  spoken: string | null;
  note: string | null;
  url: string | null;
  timecode: string | null;
}

/** The Passage a row holds, shaped exactly as the parser made it (absent optional fields stay absent). */
export function passageOf(r: PassageRow): Passage {
  const extra = r.speaker_extra;
  return {
    id: r.id,
    speaker: {
      label: r.speaker_label,
      name: r.speaker_name,
      title: r.speaker_title,
      anonymous: r.anonymous,
      ...(extra?.role ? { role: extra.role } : {}),
      ...(extra?.introduced ? { introduced: extra.introduced } : {}),
    },
    kind: r.kind as PassageKind,
    text: r.text,
    source: {
      file: r.file,
      line: r.line,
      format: r.format as FormatId,
      program: r.program,
      headline: r.headline,
      section: r.section,
      aired: r.aired,
      spoken: r.spoken,
      note: r.note,
      url: r.url,
      ...(r.timecode !== null ? { timecode: r.timecode } : extra && 'timecode' in extra ? { timecode: null } : {}),
      ...(extra?.story !== undefined ? { story: extra.story } : {}),
    },
  };
}
