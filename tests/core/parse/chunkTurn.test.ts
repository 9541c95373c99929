import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_WORDS, chunkSentences, type Sentence } from '../../../src/core/parse/general/chunkTurn.ts';

// The plain definition the chunker keeps to, by words as `split(/\s+/)` gives them, written
// out again so that a faster chunker can be checked against it.
function referenceChunks(sentences: readonly Sentence[], budget = CHUNK_WORDS): string[] {
  const cut = sentences.flatMap((s) => {
    const words = s.text.split(/\s+/);
    if (words.length <= CHUNK_WORDS) return [s];
    const out: Sentence[] = [];
    for (let k = 0; k < words.length; k += CHUNK_WORDS) out.push({ ...s, text: words.slice(k, k + CHUNK_WORDS).join(' '), opensParagraph: s.opensParagraph && k === 0 });
    return out;
  });
  const chunks: string[] = [];
  let words = 0;
  for (const s of cut) {
    const n = s.text.split(/\s+/).length;
    if (chunks.length === 0 || words + n > budget || (s.opensParagraph && words >= budget / 2)) {
      chunks.push(s.text);
      words = n;
    } else {
      chunks[chunks.length - 1] += ` ${s.text}`;
      words += n;
    }
  }
  return chunks;
}

const sentence = (text: string, opensParagraph = true): Sentence => ({ line: 1, timecode: null, text, opensParagraph });

describe('chunkSentences', () => {
  it.each([
    ['200 words: one passage', 200, 1],
    ['201 words: two', 201, 2],
    ['400 words: two', 400, 2],
    ['401 words: three', 401, 3],
  ])('a sentence of %s', (_, n, passages) => {
    const text = Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    const chunks = chunkSentences([sentence(text)]);
    expect(chunks).toHaveLength(passages);
    expect(chunks.map((c) => c.text).join(' ')).toBe(text);
  });

  it('cuts long sentences exactly as splitting them into words would, whatever the spaces', () => {
    const space = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', ' \r\n ');
    const word = fc.constantFrom('a', 'bb', 'Word', 'x.', '’s');
    const text = fc.array(fc.tuple(word, space), { minLength: 1, maxLength: 900, size: 'max' }).chain((parts) =>
      fc.tuple(fc.boolean(), fc.boolean()).map(([lead, trail]) => {
        const body = parts.map(([w, s]) => w + s).join('');
        return `${lead ? ' ' : ''}${trail ? body : body.trimEnd()}`;
      }));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.boolean()), { minLength: 1, maxLength: 4 }), (list) => {
        const sentences = list.map(([t, opens]) => sentence(t, opens));
        expect(chunkSentences(sentences).map((c) => c.text)).toEqual(referenceChunks(sentences));
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });
});
