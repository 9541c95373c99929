import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/core/parse/decodeText.ts';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

// Documents a newsroom keeps transcripts in are named by their first bytes, with what to do;
// text in any of the encodings is read.
describe('decodeText', () => {
  it.each([
    ['a PDF', bytes('%PDF-1.4\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n1 0 obj'), /PDF document.*plain text/],
    ['a .docx', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], 'word/document.xml'), /zipped document \(Word \.docx/],
    ['an old .doc', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /old Word/],
    ['RTF', bytes('{\\rtf1\\ansi JANE ROE: Welcome.\\par}'), /RTF document/],
  ])('refuses %s with what to export', (_, data, reason) => {
    const r = decodeText(data);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toMatch(reason);
  });

  it.each([
    ['PDF mentioned in text', bytes('The %PDF- report was read out.')],
    ['a brace opening a line of text', bytes('{laughter} JANE ROE: Welcome.')],
  ])('reads %s as text', (_, data) => {
    expect(decodeText(data)).toMatchObject({ ok: true, encoding: 'utf-8' });
  });
});
