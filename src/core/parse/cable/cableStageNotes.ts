// What the rush transcriber wrote about the tape rather than what anyone said: clip markers,
// `(COMMERCIAL BREAK)`, `(CROSSTALK)`, `(LAUGHTER)`.

export type StageLine = 'clip-begin' | 'clip-end' | 'break' | 'note';

/** A whole line that is one upper-case parenthetical. */
const STAGE = /^\(([A-Z][A-Z0-9 ,.'\-/]*)\)$/;
const CLIP_BEGIN = /^BEGIN\b.*\b(?:CLIP|VIDEO|VIDEOTAPE|TAPE|AUDIO|SOUNDBITE|SOUND BITE)\b/;
const CLIP_END = /^END\b.*\b(?:CLIP|VIDEO|VIDEOTAPE|TAPE|AUDIO|SOUNDBITE|SOUND BITE)\b/;
export function readStageLine(text: string): StageLine | null {
  const m = STAGE.exec(text.trim());
  if (!m) return null;
  const note = m[1] ?? '';
  if (CLIP_BEGIN.test(note)) return 'clip-begin';
  if (CLIP_END.test(note)) return 'clip-end';
  return /COMMERCIAL|BREAK/.test(note) ? 'break' : 'note';
}
