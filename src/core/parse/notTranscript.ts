// Any text can hold a transcript, so only what plainly is not one is refused, with the reason:
// data (JSON, CSV or tab-separated tables) and source code. A refusal names what the file looks
// like, so the admin can move it out of the corpus folder.

const CODE_LINE = /^\s*(?:import\s+[\w{*]|export\s+(?:default|const|function|class)|(?:const|let|var)\s+\w+\s*=|function\s+\w+\s*\(|def\s+\w+\s*\(|class\s+\w+[\s:({]|#include\s*[<"]|package\s+[\w.]+;|public\s+(?:static\s+)?(?:class|void|int)|<\?php|<!DOCTYPE|<html|\}\s*else\s*\{|return\s+[^.]*;\s*$|[{}]\s*$|\w+\(.*\);\s*$)/;

/** Why these lines are not a transcript, or null when they may be one. */
export function notTranscript(text: string): string | null {
  const trimmed = text.trim();
  if ((trimmed.startsWith('{') && trimmed.endsWith('}')) || (trimmed.startsWith('[') && trimmed.endsWith(']'))) {
    try {
      JSON.parse(trimmed);
      return 'This is JSON data, not a transcript; it was skipped.';
    } catch {
      // Brackets around prose: read on.
    }
  }
  const lines = trimmed.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '').slice(0, 200);
  if (lines.length >= 2 && isTable(lines)) return 'This is a table (CSV or tab-separated data), not a transcript; it was skipped.';
  if (lines.length >= 3) {
    const code = lines.filter((l) => CODE_LINE.test(l)).length;
    if (code / lines.length >= 0.4) return 'This looks like source code, not a transcript; it was skipped.';
  }
  return null;
}

/** Rows of short fields with the same number of separators: a table, not speech. */
function isTable(lines: readonly string[]): boolean {
  for (const sep of [',', '\t', ';']) {
    const counts = lines.map((l) => fieldsOf(l, sep));
    const first = counts[0] ?? 0;
    if (first < 1) continue;
    const same = counts.filter((c) => c === first).length;
    const fieldLength = lines.join('').length / (lines.length * (first + 1));
    if (first >= 2 && same / lines.length >= 0.9 && fieldLength < 40) return true;
    // Two columns: every row, short fields, and no row reads as a sentence.
    if (lines.length >= 3 && same === lines.length && fieldLength < 25 && !lines.some((l) => /[.!?]["”’]?\s*$/.test(l))) return true;
  }
  return false;
}

/** Separators outside double quotes: `"Roe, Jane",Mayor` has one. */
function fieldsOf(line: string, sep: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) n++;
  }
  return n;
}
