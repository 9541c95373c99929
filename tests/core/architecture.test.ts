// The core stays pure: no Discord, no file system, no environment, no clock.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

describe('architecture', () => {
  const core = tsFiles(path.join(root, 'core'));
  it('finds the core', () => expect(core.length).toBeGreaterThan(10));
  it.each(core.map((f) => [path.relative(root, f), f]))('%s imports no adapter, node:fs, pg, process.env or Date.now()', (_name, file) => {
    const src = readFileSync(file, 'utf8');
    expect(src).not.toMatch(/from ['"](discord\.js|node:fs|fs|node:fs\/promises|dotenv|pg|pg-copy-streams)['"]/);
    expect(src).not.toMatch(/from ['"]\.\.\/(\.\.\/)?(discord|cli|app)\//);
    expect(src).not.toMatch(/process\.env|Date\.now\(\)|new Date\(\)/);
  });
  it('adapters do not reach into each other', () => {
    for (const f of tsFiles(path.join(root, 'cli'))) expect(readFileSync(f, 'utf8')).not.toMatch(/from ['"]\.\.\/discord\//);
  });
});
