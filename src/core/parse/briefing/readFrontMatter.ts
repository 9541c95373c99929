// A tiny reader for the flat YAML front matter these transcripts carry (date, title,
// source_url, tags). Values may be plain, 'single-quoted' or "double-quoted" and may fold
// over several indented lines; no dependency is worth it for that.
import type { SourceLine } from '../sourceText.ts';

export interface FrontMatter {
  /** Flat key → value, values unquoted and unescaped. */
  fields: ReadonlyMap<string, string>;
  /** Index into the lines of the first body line (0 when there is no front matter). */
  bodyStart: number;
  /** A sentence for an unterminated block, with its line; null when all is well. */
  problem: { line: number; message: string } | null;
}

const KEY_LINE = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/;

export function readFrontMatter(lines: readonly SourceLine[]): FrontMatter {
  const fields = new Map<string, string>();
  if (lines[0]?.text.trim() !== '---') return { fields, bodyStart: 0, problem: null };
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l.text));
  if (end < 0) {
    return {
      fields,
      bodyStart: 0,
      problem: { line: 1, message: 'The front matter opened with --- is never closed, so it was read as text.' },
    };
  }
  let key: string | null = null;
  let raw: string[] = [];
  const flush = (): void => {
    if (key !== null) fields.set(key, scalarValue(raw));
    key = null;
    raw = [];
  };
  for (const line of lines.slice(1, end)) {
    const m = /^\s/.test(line.text) ? null : KEY_LINE.exec(line.text);
    if (m) {
      flush();
      key = m[1] ?? '';
      raw = [m[2] ?? ''];
    } else if (key !== null) {
      raw.push(line.text);
    }
  }
  flush();
  return { fields, bodyStart: end + 1, problem: null };
}

/** Folds a (possibly multi-line) scalar the way YAML does for the three quoting styles. */
export function scalarValue(rawLines: readonly string[]): string {
  const first = (rawLines[0] ?? '').trimStart();
  if (first.startsWith('"')) return doubleQuoted(rawLines.join('\n').trim());
  if (first.startsWith("'")) return singleQuoted(rawLines.join('\n').trim());
  return fold(rawLines.map((l) => l.trim())).trim();
}

/** Line folding: a single line break becomes a space, an empty line a newline. */
function fold(parts: readonly string[]): string {
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] ?? '';
    if (i === 0) out = p;
    else if (p === '') out += '\n';
    else out += out.endsWith('\n') || out === '' ? p : ` ${p}`;
  }
  return out;
}

function singleQuoted(s: string): string {
  const inner = s.slice(1, s.endsWith("'") && s.length > 1 ? -1 : undefined);
  return fold(inner.split('\n').map((l) => l.trim())).replace(/''/g, "'");
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r',
  e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0',
  L: '\u2028', P: '\u2029',
};

function doubleQuoted(s: string): string {
  const inner = s.slice(1, s.endsWith('"') && s.length > 1 ? -1 : undefined);
  // A backslash at the end of a line joins the next line with nothing between.
  const lines = inner.split('\n');
  let folded = '';
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i] ?? '';
    if (i > 0) l = l.trimStart();
    const joined = /(^|[^\\])(\\\\)*\\$/.test(l);
    if (joined) l = l.slice(0, -1);
    else if (i < lines.length - 1) l = l.trimEnd();
    folded += l;
    if (i < lines.length - 1 && !joined) folded += lines[i + 1]?.trim() === '' ? '' : ' ';
  }
  return folded.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_m, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return ESCAPES[e] ?? e;
  });
}
