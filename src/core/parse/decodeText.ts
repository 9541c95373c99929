// From a file's bytes to its text, whatever the newsroom's tools saved it as: UTF-8 (with or
// without a BOM), UTF-16 with a BOM or without one (caption tools on Windows), and the legacy
// single-byte encoding older Windows exports use (windows-1252, a superset of Latin-1 for
// text). Binary data is told apart from UTF-16 by where its zero bytes fall.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: TextEncoding;
}

export type DecodeResult = ({ ok: true } & Decoded) | { ok: false; reason: string };

/** How many leading bytes are sampled to tell UTF-16 without a BOM from binary data. */
const SAMPLE = 4096;

export function decodeText(bytes: Uint8Array): DecodeResult {
  const document = documentKind(bytes);
  if (document) return { ok: false, reason: `This is ${document}, not a text file; it was skipped. Save or export the transcript as plain text (.txt) and put that in the corpus.` };
  const decoded = decodeAny(bytes);
  if (decoded.ok && controlShare(decoded.text) > 0.01) return { ok: false, reason: BINARY };
  return decoded;
}

const BINARY = 'This is not a text file (it contains binary data); it was skipped.';

/** Documents newsrooms keep transcripts in, by their first bytes: named, so the admin knows
 * what to export. */
function documentKind(bytes: Uint8Array): string | null {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'a PDF document';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'a zipped document (Word .docx, OpenDocument .odt, Pages or similar)';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'an old Word or Office document (.doc)';
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return 'an RTF document';
  return null;
}

/** Control characters other than tab, line feed, form feed and carriage return, per character. */
function controlShare(text: string): number {
  const sample = text.slice(0, SAMPLE);
  let n = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) n++;
  }
  return sample.length === 0 ? 0 : n / sample.length;
}

function decodeAny(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3)) ?? legacy(bytes.subarray(3));
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be');
  const zeros = zeroPattern(bytes);
  if (zeros === 'utf-16le' || zeros === 'utf-16be') return utf16(bytes, zeros);
  if (zeros === 'binary') return { ok: false, reason: BINARY };
  return utf8(bytes) ?? legacy(bytes);
}

function utf8(bytes: Uint8Array): DecodeResult | null {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return null;
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) return { ok: false, reason: `This is not a text file (it holds binary data although it starts like ${encoding.toUpperCase()} text); it was skipped.` };
    return { ok: true, text, encoding };
  } catch {
    return { ok: false, reason: `The file starts like ${encoding.toUpperCase()} text but is not valid ${encoding.toUpperCase()}; it was skipped. Save it as UTF-8.` };
  }
}

/** Not UTF-8: the Windows code page most older exports use. */
function legacy(bytes: Uint8Array): DecodeResult {
  return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
}

/** Zero bytes at every other position are UTF-16 text; anywhere else, binary. */
function zeroPattern(bytes: Uint8Array): 'none' | 'utf-16le' | 'utf-16be' | 'binary' {
  const n = Math.min(bytes.length, SAMPLE);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (even + odd === 0) return 'none';
  const half = n / 2;
  if (odd > half * 0.3 && even < odd / 20) return 'utf-16le';
  if (even > half * 0.3 && odd < even / 20) return 'utf-16be';
  return 'binary';
}
