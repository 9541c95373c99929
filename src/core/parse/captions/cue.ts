// A caption cue as both caption formats have it: when it plays, and the lines it shows.
import type { SourceLine } from '../sourceText.ts';

export interface Cue {
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
  /** The cue's text lines, with their line numbers; the timing line is not among them. */
  payload: SourceLine[];
}

/** The file cut at blank lines: a cue never holds a blank line, so a block is at most one cue. */
export function blocksOf(lines: readonly SourceLine[]): SourceLine[][] {
  const blocks: SourceLine[][] = [];
  let block: SourceLine[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else {
      block.push(line);
    }
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}
