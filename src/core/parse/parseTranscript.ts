// The one way in for a file's text: pick the format from the content, parse, and never throw.
import type { Transcript } from '../model.ts';
import { readingOf } from './readingOf.ts';
import { formatParsers } from './formats.ts';
import { applyAliases, type AliasList } from './aliasList.ts';
import type { FormatParser } from './parser.ts';
import { notTranscript } from './notTranscript.ts';
import { sourceLines } from './sourceText.ts';

export interface ParseOptions {
  aliases?: ReadonlyMap<string, string>;
  /** The newsroom's alias list (corpus/speakers.json): names and offices by date. */
  aliasList?: AliasList;
}

export function parseTranscript(file: string, text: string, opts: ParseOptions = {}): Transcript {
  const empty = (message: string, line = 1): Transcript => ({
    file,
    format: null,
    meta: { aired: null, program: null, headline: null, url: null },
    passages: [],
    issues: [{ file, line, message, severity: 'error' }],
  });
  if (text.includes('\u0000')) return empty('This is not a text file (it contains binary data); it was skipped.');
  const lines = sourceLines(text);
  if (lines.every((l) => l.text.trim() === '')) return empty('The file is empty; it was skipped.');
  const refused = notTranscript(text);
  if (refused) return empty(refused);
  // Every text with words has a reader: the general one when no format parser claims it.
  const parser = pickParser(lines);
  if (!parser) return empty('The file has no words in it (only numbers or punctuation); it was skipped.');
  const aliases = opts.aliases ?? opts.aliasList?.names;
  try {
    const parsed = parser.parse({ file, lines, ...(aliases ? { aliases } : {}) });
    parsed.reading ??= readingOf(parsed.format ?? 'general', parsed.passages);
    return opts.aliasList ? applyAliases(parsed, opts.aliasList) : parsed;
  } catch (err) {
    // A parser bug must not cost the newsroom the rest of its archive.
    return empty(`The ${parser.format} parser failed on this file (${err instanceof Error ? err.message : String(err)}); it was skipped. Please report it.`);
  }
}

export function pickParser(lines: Parameters<FormatParser['sniff']>[0]): FormatParser | undefined {
  let best: FormatParser | undefined;
  let bestScore = 0;
  for (const p of formatParsers) {
    const score = p.sniff(lines);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

