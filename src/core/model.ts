// The shapes every part of Soundbite agrees on. Pure data: no classes, no I/O.

/** What a passage is: someone's own words, the newsroom's narration, narration that reports
 * someone else's words, or a reporter's question at a briefing. */
export type PassageKind = 'quote' | 'narration' | 'reported' | 'question';

/** Which parser read a file. A–F of docs/transcript-formats: broadcast scripts, briefings,
 * transcription-service and caption exports, cable rush transcripts. */
export type FormatId =
  | 'broadcast-speaker-line' // A: `Name / Title` line, then the words
  | 'broadcast-bracketed' // B: `[Name/Title: "words"]`
  | 'broadcast-soundbite' // C: `[Soundbite] Name (Title) : "words"`
  | 'briefing' // D: YAML front matter, `MS. ROE:` turns
  | 'otter' // E: `Name  0:08`, then the words
  | 'rev' // E: `Name (03:04):`, then the words
  | 'webvtt' // E: `WEBVTT`, timed cues with `<v Name>` or `Name:`
  | 'srt' // E: numbered cues, `00:01:14,815 --> ...`
  | 'cable' // F: `JANE ROE, CNN ANCHOR:` turns, `(BEGIN VIDEO CLIP)`
  | 'general'; // G: any other transcript: labels wherever they are, or none (docs/FORMATS.md)

/** The programme's own voices: their words are narration, named. */
export type JournalistRole = 'anchor' | 'host' | 'reporter' | 'correspondent' | 'editor' | 'announcer';

/** Where the transcript says who speaks, when it is not a label: the words that introduce them. */
export interface Introduction {
  /** 1-based line of the introducing words. */
  line: number;
  /** The introducing words, as written: `Vitaly Shevchenko, Russia editor at BBC Monitoring, … told me more`. */
  text: string;
}

/** A date as precise as the source allows: `2025`, `2025-03` or `2025-03-15`. */
export type PartialDate = string;

export interface Speaker {
  /** The label exactly as the file wrote it, e.g. `MS. LEAVITT` or `Karoline Leavitt`. */
  label: string;
  /** Canonical name used for matching and grouping, e.g. `Karoline Leavitt`. For narration
   * this is the section's voice (`Anchor`, `Reporter`); for reported speech, the source. */
  name: string;
  title: string | null;
  /** True where the label describes rather than names: `Local resident / (VOICE MODIFIED)`. */
  anonymous: boolean;
  /** Set for anchors, hosts, reporters and correspondents: the programme's own voice. */
  role?: JournalistRole;
  /** Set when no label names the speaker and the transcript's own words do ("… told me more"):
   * answers show these words, so a journalist can judge the attribution. */
  introduced?: Introduction;
}

export interface Source {
  /** Path relative to the corpus folder, with forward slashes. */
  file: string;
  /** 1-based line where the passage's words start. */
  line: number;
  format: FormatId;
  program: string | null;
  headline: string | null;
  /** Section marker the passage sits under (`LEAD`, `Report`, `Pkg`), if any. */
  section: string | null;
  /** The broadcast or briefing date, YYYY-MM-DD, or null when the file has none. */
  aired: string | null;
  /** When the words were spoken, where a time note or the text says so. Never after `aired`. */
  spoken: PartialDate | null;
  /** The time or place note as written, e.g. `March 15, meeting with reporters`. */
  note: string | null;
  url: string | null;
  /** Where in the recording the words start, `03:04` or `1:02:13`, for formats that say so
   * (transcription-service and caption exports); shown as "at 03:04". Absent or null otherwise. */
  timecode?: string | null;
  /** Which story of a multi-story page the passage belongs to (0, 1, …), for formats that say
   * where one story ends and the next begins. Absent: the whole file is one story. */
  story?: number;
}

export interface Passage {
  /** Stable across restarts: derived from the file path and line. */
  id: string;
  speaker: Speaker;
  kind: PassageKind;
  /** The words, hard line breaks joined, stage notes such as `(Laughter.)` removed. */
  text: string;
  source: Source;
}

export interface ParseIssue {
  file: string;
  line: number;
  /** A plain sentence a newsroom admin can act on. */
  message: string;
  severity: 'error' | 'warning';
}

export interface TranscriptMeta {
  aired: string | null;
  program: string | null;
  headline: string | null;
  url: string | null;
}

/** How a file was read, for `validate`: which reader, and what it found. */
export interface Reading {
  /** `general`, or the format parser's id. */
  reader: FormatId;
  /** Distinct speaker labels found. */
  labels: number;
  /** Speaker turns (a label, a caption `>>`, an introduction). */
  turns: number;
  /** Passages no label or introduction attributes to anyone. */
  unattributed: number;
  /** Lines that hold nothing anyone said: the page's title lines and chrome, and labels with no
   * words on their line, by line number. */
  unspoken: number[];
}

export interface Transcript {
  file: string;
  /** null when no parser recognised the file; it then has no passages and an issue says why. */
  format: FormatId | null;
  meta: TranscriptMeta;
  passages: Passage[];
  issues: ParseIssue[];
  /** Set by the general reader; validate reports it. */
  reading?: Reading;
}

/** How a who-said fragment matched. */
export type Verdict = 'exact' | 'close' | 'reported' | 'not_found';
