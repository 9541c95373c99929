// The body of a briefing as turns: who starts speaking where, and the paragraphs they say.
// A turn runs across hard-wrapped lines and blank lines until the next label.
import type { SourceLine } from '../sourceText.ts';
import { isChromeLine } from './pageChrome.ts';
import { plainMarkdown, withoutHtml } from './plainMarkdown.ts';
import { readTurnStart, type TurnStart } from './turnLabels.ts';

export interface Paragraph {
  /** Line where the paragraph's words start. */
  line: number;
  /** The paragraph's lines joined with spaces, Markdown removed; stage notes still in. */
  text: string;
}

export interface Turn {
  /** null for text before the first label, or for a file with no labels at all. */
  start: TurnStart | null;
  /** Line of the label (or of the first words, for unlabelled text). */
  line: number;
  paragraphs: Paragraph[];
}

const isBlank = (text: string): boolean => text.trim() === '';

export function splitTurns(lines: readonly SourceLine[]): Turn[] {
  // Labels that do not look like a person (`NATO:`) are only trusted in a file that has
  // person-shaped turns, so a fact sheet's `PROMISES KEPT: ...` headings stay text.
  const hasTurns = lines.some((l) => readTurnStart(l.text, false) !== null);
  const turns: Turn[] = [];
  let turn: Turn | null = null;
  let para: Paragraph | null = null;
  let prevBlank = true;

  for (const { n, text: raw } of lines) {
    const text = raw.includes('<') ? withoutHtml(raw) : raw;
    if (isBlank(text) || isChromeLine(text)) {
      para = null;
      prevBlank = true;
      continue;
    }
    const start = hasTurns ? readTurnStart(text, prevBlank) : null;
    prevBlank = false;
    if (start) {
      turn = { start, line: n, paragraphs: [] };
      turns.push(turn);
      para = null;
      const rest = plainMarkdown(start.rest).trim();
      if (rest !== '') {
        para = { line: n, text: rest };
        turn.paragraphs.push(para);
      }
      continue;
    }
    if (!turn) {
      turn = { start: null, line: n, paragraphs: [] };
      turns.push(turn);
    }
    const words = plainMarkdown(text).trim();
    if (words === '') continue;
    if (para) para.text += ` ${words}`;
    else {
      para = { line: n, text: words };
      turn.paragraphs.push(para);
    }
  }
  return turns;
}
