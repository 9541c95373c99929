// Passage ids must survive restarts and fit in a Discord custom_id, so they are derived
// from the file path and line rather than from load order.

/**
 * Two independent 32-bit hashes of the path, base-36, then the line: `0k3f9a21m2x8rq-14`; where
 * one line yields several passages (a narration paragraph split around reported speech),
 * `0k3f9a21m2x8rq-14.2`. One 32-bit hash was not enough: at 50,000 files two paths share it
 * with a probability near one in three, and one file's passages would shadow the other's.
 */
export function passageId(file: string, line: number, part = 0): string {
  let a = 0x811c9dc5; // FNV-1a
  let b = 0x9e3779b9; // a multiply-xorshift lane with other constants
  for (let i = 0; i < file.length; i++) {
    const c = file.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995);
    b = (b ^ (b >>> 15)) >>> 0;
  }
  const hash = a.toString(36).padStart(7, '0') + b.toString(36).padStart(7, '0');
  return `${hash}-${line}${part > 0 ? `.${part}` : ''}`;
}
