// What a file looked like when it was read: size and modification time, which a stat gives for
// free, and a hash of the bytes, taken while the file is read anyway. The hash lets a touched but
// unchanged file skip parsing, and lets ingest recognise an upload it already has.
import { createHash } from 'node:crypto';

export interface Fingerprint {
  size: number;
  mtimeMs: number;
  hash: string;
}

export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

export function sameStat(a: Pick<Fingerprint, 'size' | 'mtimeMs'>, b: Pick<Fingerprint, 'size' | 'mtimeMs'>): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}
