// The contract each format's parser meets.
import type { FormatId, Transcript } from '../model.ts';
import type { SourceLine } from './sourceText.ts';

export interface ParseInput {
  /** Path relative to the corpus folder, forward slashes. */
  file: string;
  /** The file's text split into numbered lines (BOM and line endings already handled). */
  lines: SourceLine[];
  /** A newsroom alias list, when one is configured: label or spelling → canonical name. */
  aliases?: ReadonlyMap<string, string>;
}

export interface FormatParser {
  format: FormatId;
  /** 0 when the lines are plainly not this format; higher is more certain. Cheap: looks at
   * the first few dozen lines only. */
  sniff(lines: SourceLine[]): number;
  /** Never throws on bad input: what cannot be read becomes an issue with a line number. */
  parse(input: ParseInput): Transcript;
}
