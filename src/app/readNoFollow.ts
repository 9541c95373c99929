// Reading a file of the corpus without following links: the name is opened with O_NOFOLLOW (a
// link in its place fails with ELOOP), what was opened is checked with fstat to be a regular
// file, and where it really is (the kernel's path of the open descriptor) to be inside the
// corpus, so neither a file nor a folder swapped for a link between listing and reading is
// read through the link. Text decoding is the caller's.
import { constants, type Stats } from 'node:fs';
import { open, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';

export type NoFollowRead =
  | { ok: true; bytes: Buffer; stat: Stats }
  /** missing: gone since it was listed; link: a symbolic link (or under one); not_file: a
   * folder, FIFO, socket or device; too_big: over `maxBytes`, not read. */
  | { ok: false; reason: 'missing' | 'link' | 'not_file'; stat?: undefined }
  | { ok: false; reason: 'too_big'; stat: Stats };

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** Reads `rel` under `root` (an absolute folder); other errors (permissions, I/O) are thrown. */
export async function readNoFollow(root: string, rel: string, maxBytes = Number.POSITIVE_INFINITY): Promise<NoFollowRead> {
  let handle;
  try {
    handle = await open(path.join(root, rel), constants.O_RDONLY | NOFOLLOW | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing' };
    if (code === 'ELOOP' || code === 'EMLINK') return { ok: false, reason: 'link' };
    throw err;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, reason: 'not_file' };
    if (!(await insideRoot(root, handle.fd, path.join(root, rel)))) return { ok: false, reason: 'link' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too_big', stat };
    return { ok: true, bytes: await handle.readFile(), stat };
  } finally {
    await handle.close();
  }
}

/** Whether the open file lies under `root` once every link on its way is resolved. */
async function insideRoot(root: string, fd: number, file: string): Promise<boolean> {
  const realRoot = await realpath(root);
  // Linux names the file an open descriptor refers to; elsewhere the name is resolved again.
  const opened = await readlink(`/proc/self/fd/${fd}`).catch(() => realpath(file).catch(() => null));
  return opened !== null && (opened === realRoot || opened.startsWith(realRoot + path.sep));
}
