// A turn's words as passages: paragraphs grouped up to a word budget, and a paragraph longer
// than the budget (a caption stream, a machine transcript) cut at sentence ends. Each chunk
// keeps the line and time stamp where its words start.
import { splitSentences } from '../broadcast/splitSentences.ts';
import type { Paragraph } from './turns.ts';

/** Words per passage: a thought, not a programme. */
export const CHUNK_WORDS = 200;

export interface Chunk {
  line: number;
  timecode: string | null;
  text: string;
  /** Where each sentence's words start in `text`, with its line: a passage cut from the chunk
   * (reported speech) cites its own line. */
  parts: Array<{ n: number; offset: number; timecode: string | null }>;
}

export interface Sentence {
  line: number;
  timecode: string | null;
  text: string;
  /** The sentence opens its paragraph. */
  opensParagraph: boolean;
}

/** Every sentence of the paragraphs, with its line. */
export function sentencesOf(paragraphs: readonly Paragraph[]): Sentence[] {
  const out: Sentence[] = [];
  for (const p of paragraphs) {
    let first = true;
    for (const s of splitSentences(p.text)) {
      const part = partAt(p, s.start);
      out.push({ line: part.n, timecode: part.timecode, text: s.text, opensParagraph: first });
      first = false;
    }
  }
  return out;
}

/** Sentences grouped into passages: a new passage at a paragraph break once the budget is half
 * used, and anywhere at a sentence end once it is used up. */
export function chunkSentences(sentences: readonly Sentence[], budget = CHUNK_WORDS): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | null = null;
  let words = 0;
  for (const s of sentences.flatMap(byWords)) {
    const n = s.text.split(/\s+/).length;
    const full = current !== null && (words + n > budget || (s.opensParagraph && words >= budget / 2));
    if (current === null || full) {
      current = { line: s.line, timecode: s.timecode, text: s.text, parts: [{ n: s.line, offset: 0, timecode: s.timecode }] };
      chunks.push(current);
      words = n;
    } else {
      if (s.line !== current.parts[current.parts.length - 1]!.n) current.parts.push({ n: s.line, offset: current.text.length + 1, timecode: s.timecode });
      current.text += ` ${s.text}`;
      words += n;
    }
  }
  return chunks;
}

function partAt(p: Paragraph, offset: number): Paragraph['parts'][number] {
  let found = p.parts[0] ?? { n: 1, offset: 0, timecode: null };
  for (const part of p.parts) if (part.offset <= offset) found = part;
  return found;
}

/** A "sentence" longer than a passage (text with no full stops) is cut into passages by words. */
function byWords(s: Sentence): Sentence[] {
  const words = s.text.split(/\s+/);
  if (words.length <= CHUNK_WORDS) return [s];
  const out: Sentence[] = [];
  for (let k = 0; k < words.length; k += CHUNK_WORDS) {
    out.push({ ...s, text: words.slice(k, k + CHUNK_WORDS).join(' '), opensParagraph: s.opensParagraph && k === 0 });
  }
  return out;
}
