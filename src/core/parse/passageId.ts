// Passage ids must survive restarts and fit in a Discord custom_id, so they are derived
// from the file path and line rather than from load order.

/** 32-bit FNV-1a of the path, base-36, then the line: `k3f9a2-14`; where one line yields
 * several passages (a narration paragraph split around reported speech), `k3f9a2-14.2`. */
export function passageId(file: string, line: number, part = 0): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) {
    h ^= file.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(36)}-${line}${part > 0 ? `.${part}` : ''}`;
}
