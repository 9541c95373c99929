// Turning raw file text into numbered lines, whatever the file's encoding habits.

export interface SourceLine {
  /** 1-based, as an editor shows it. */
  n: number;
  /** The line without its line ending; a leading BOM is removed from line 1. */
  text: string;
}

/** Splits on CRLF, CR or LF; a missing final newline is fine; a BOM is dropped. */
export function sourceLines(text: string): SourceLine[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parts = body.split(/\r\n|\r|\n/);
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((t, i) => ({ n: i + 1, text: t }));
}

/** Curly quotes and apostrophes to straight ones, non-breaking spaces to spaces. */
export function straightenQuotes(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u00a0\u2007\u202f]/g, ' ');
}

/** Collapses runs of whitespace and trims: hard-wrapped lines joined into one passage. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
