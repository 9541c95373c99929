// What a transcriber wrote about the tape, anywhere in a line: `(BEGIN VIDEO CLIP)`, `(End VT)`,
// `(COMMERCIAL BREAK)`, `(BREAK)`, `(SOUNDBITE OF ARCHIVED RECORDING)`, `(LAUGHTER)`,
// `[RADIOLAB INTRO]`, `[laughs]`, `♪`. Clip marks change who is speaking; the rest are dropped.
// `(INAUDIBLE)` and `(ph)` stay: they mark missing or uncertain words inside what was said.

export type Stage = 'clip-begin' | 'clip-end' | 'break' | 'note';

export interface Cue {
  start: number;
  end: number;
  stage: Stage;
}

/** A parenthesis of capitals (`(CROSSTALK)`), or the mixed-case tape marks (`(Begin VT)`). */
const PAREN = /\(([^()]{2,80})\)/g;
const BRACKET = /\[([^\][]{1,60})\]/g;
const KEEP = /^(?:INAUDIBLE|UNINTELLIGIBLE|SIC|PH|sic|ph|inaudible|unintelligible|\?)$/;
const CLIP_BEGIN = /^(?:BEGIN|begin|Begin)\b.*\b(?:CLIP|VIDEO|VIDEOTAPE|TAPE|AUDIO|SOUNDBITE|SOUND BITE|VT|clip|video|videotape|tape|audio)\b|^(?:SOUNDBITE|SOUND BITE|Soundbite) OF\b/;
const CLIP_END = /^(?:END|end|End)\b.*\b(?:CLIP|VIDEO|VIDEOTAPE|TAPE|AUDIO|SOUNDBITE|SOUND BITE|VT|clip|video|videotape|tape|audio)\b/;
const BREAK = /^(?:COMMERCIAL BREAK|BREAK|Break|Commercial break|COMMERCIAL|END OF SEGMENT)$/;

/** The cues in a line, in order. */
export function stageCues(text: string): Cue[] {
  if (!text.includes('(') && !text.includes('[') && !text.includes('♪')) return [];
  const cues: Cue[] = [];
  for (const m of text.matchAll(PAREN)) {
    const inner = (m[1] ?? '').trim();
    const stage = stageOf(inner);
    if (stage) cues.push({ start: m.index, end: m.index + m[0].length, stage });
  }
  for (const m of text.matchAll(BRACKET)) {
    const inner = (m[1] ?? '').trim();
    // `[RADIOLAB INTRO]`, `[laughs]`, `[MUSIC]`, `[06:30:35]`; not a bracketed soundbite.
    if (/["“:]/.test(inner) || inner.split(/\s+/).length > 6) continue;
    cues.push({ start: m.index, end: m.index + m[0].length, stage: 'note' });
  }
  for (let i = text.indexOf('♪'); i >= 0; i = text.indexOf('♪', i + 1)) cues.push({ start: i, end: i + 1, stage: 'note' });
  return cues.sort((a, b) => a.start - b.start);
}

function stageOf(inner: string): Stage | null {
  if (KEEP.test(inner)) return null;
  if (CLIP_BEGIN.test(inner)) return 'clip-begin';
  if (CLIP_END.test(inner)) return 'clip-end';
  if (BREAK.test(inner)) return 'break';
  // Capitals with a few letters: `(LAUGHTER)`, `(CROSSTALK)`, `(STOCK MARKET REPORT)`; not a
  // party tag `(D)` nor a label's `(R-TN)`.
  if (!/\p{Ll}/u.test(inner) && /\p{Lu}{4}/u.test(inner) && !/^[A-Z]{1,3}-[A-Z]{2}$/.test(inner)) return 'note';
  if (/^(?:Laughter|Applause|Crosstalk|Cross talk|Music|Silence|Pause|Inaudible crosstalk|Laughter, cross talk)\.?$/i.test(inner)) return 'note';
  return null;
}
