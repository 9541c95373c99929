// The real White House briefings corpus, for tests that want it: extracted once into a
// cache folder under the system temp dir and reused; null when the tarball is absent.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BRIEFINGS_TARBALL = resolve(ROOT, '..', 'shared', 'corpora', 'whitehouse-briefings.tar.gz');
export const BRIEFINGS_SKIP_REASON = 'skipped: ../shared/corpora/whitehouse-briefings.tar.gz not present';

/** The folder holding `press-briefings/`, `speeches-remarks/`, ...; null without the tarball. */
export function briefingsCorpusDir(): string | null {
  if (!existsSync(BRIEFINGS_TARBALL)) return null;
  // Keyed by size and time so a replaced tarball is extracted afresh.
  const { size, mtimeMs } = statSync(BRIEFINGS_TARBALL);
  const dir = join(tmpdir(), `soundbite-briefings-${size}-${Math.round(mtimeMs)}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  // Extract beside, then rename: a test run killed mid-way never leaves half a corpus.
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  execFileSync('tar', ['-xzf', BRIEFINGS_TARBALL, '-C', partial]);
  execFileSync('touch', [join(partial, '.complete')]);
  try {
    renameSync(partial, dir);
  } catch {
    // Another worker got there first; theirs is as good as ours.
    rmSync(partial, { recursive: true, force: true });
  }
  return dir;
}

/** Every `.md` transcript under the corpus folder, as paths relative to it. */
export function briefingFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.md') && entry.name !== 'SOURCE.md') out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}
