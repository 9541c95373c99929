// A line typed as in Discord: `/who-said receptive to correspondence since:2025-01-01`.
// Free words fill the command's first option; `name:value` sets the others (quote a value
// that has spaces, or let it run to the next `name:`).
import { findCommand, type Invocation } from '../core/ask/commands.ts';
import { problem, type Refusal } from '../core/ask/answer.ts';
import { clipped } from './shownText.ts';

export type ParsedLine = { ok: true; invocation: Invocation } | Refusal;

export function parseCommandLine(line: string): ParsedLine {
  const m = /^\/?(\S+)\s*([\s\S]*)$/.exec(line.trim());
  if (!m) return problem('empty_query', 'Type a command, e.g. /who-said receptive to correspondence.');
  const spec = findCommand(m[1]!);
  if (!spec) return problem('unknown_command', `There is no command "${clipped(m[1]!, 60)}". Type /help for the list.`);
  const names = spec.options.map((o) => o.name);
  const args: Record<string, string> = {};
  const free: string[] = [];
  // Split into `name:` markers and the text between them; only the command's own option names count,
  // so "Note: this" in a quote stays part of the quote.
  const marker = new RegExp(`(?:^|\\s)(${names.map(escape).join('|')}):`, 'gi');
  let last = 0;
  let current: string | null = null;
  const take = (text: string) => {
    const value = unquote(text.trim());
    if (current) args[current] = value;
    else if (value) free.push(value);
  };
  for (const hit of m[2]!.matchAll(marker)) {
    take(m[2]!.slice(last, hit.index));
    current = hit[1]!.toLowerCase();
    last = (hit.index ?? 0) + hit[0].length;
  }
  take(m[2]!.slice(last));
  const first = spec.options[0];
  if (free.length > 0 && first) {
    if (args[first.name]) return problem('unknown_option', `/${spec.name}: "${clipped(free.join(' '), 60)}" is not an option; options are ${names.map((n) => `${n}:`).join(' ')}.`);
    args[first.name] = free.join(' ');
  }
  return { ok: true, invocation: { command: spec.name, args } };
}

function unquote(s: string): string {
  const q = /^(["“'‘])([\s\S]*)(["”'’])$/.exec(s);
  return q ? q[2]! : s;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
