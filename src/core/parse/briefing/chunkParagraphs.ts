// How a long turn becomes passages. A passage is what a search hit shows and a who-said
// answer cites: a briefing answer of a few hundred words reads as one thought, but a
// 5,000-word speech as one passage buries the matched sentence and makes "context" useless.
// So paragraphs are grouped up to a word budget; paragraph breaks are the speaker's own,
// so a split there never cuts a sentence.
import type { Paragraph } from './splitTurns.ts';

/** Words per passage before a turn is split at its next paragraph break. */
export const PASSAGE_WORD_BUDGET = 250;

export function chunkParagraphs(paragraphs: readonly Paragraph[], budget = PASSAGE_WORD_BUDGET): Paragraph[] {
  const chunks: Paragraph[] = [];
  let current: Paragraph | null = null;
  let words = 0;
  for (const p of paragraphs) {
    const n = p.text.split(/\s+/).filter((w) => w !== '').length;
    if (current && words + n <= budget) {
      current.text += ` ${p.text}`;
      words += n;
    } else {
      current = { line: p.line, text: p.text };
      chunks.push(current);
      words = n;
    }
  }
  return chunks;
}
