// Taking an answer away from the terminal: --format md|csv|json, --out FILE, --chart FILE.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { pngSize } from '../helpers/decodePng.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/soundbite.mjs');
const DATA_DIR = mkdtempSync(path.join(tmpdir(), 'soundbite-cli-data-'));
const OUT = mkdtempSync(path.join(tmpdir(), 'soundbite-export-'));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--corpus', 'tests/fixtures/discord-corpus'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', DISCORD_TOKEN: '', SOUNDBITE_DATA_DIR: DATA_DIR },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('exports from the terminal', () => {
  it('--format csv: one row per passage about the topic, every source field, quotes and commas kept', () => {
    const r = run(['timeline', 'ferry', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.out, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['id', 'speaker', 'title', 'kind', 'text', 'date', 'aired', 'spoken', 'program', 'headline', 'file', 'line', 'story', 'url']));
    expect(rows.length).toBe(4);
    const quell = rows.find((x) => x.speaker === 'Mara Quell' && x.file === '001_harbour_ferry.txt')!;
    expect(quell).toMatchObject({ title: 'Harbour Councillor', kind: 'quote', line: '19', spoken: '2025-04-02', aired: '2025-04-03', story: '001_harbour_ferry.txt#0' });
    expect(quell.text).toBe('The ferry will be back before the school holidays, and every islander who paid for a season pass gets two months free.');
  });

  it('--format md --out FILE writes quotes with speakers, dates and sources, ready for a script', () => {
    const file = path.join(OUT, 'ferry.md');
    const r = run(['who-said', 'the ferry will be back before the school holidays', '--format', 'md', '--out', file]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const md = readFileSync(file, 'utf8');
    expect(md).toMatch(/^# Who said “the ferry will be back before the school holidays”: Exact match\n/);
    expect(md).toContain('> “The ferry will be back before the school holidays, and every islander who paid for a season pass gets two months free.”');
    expect(md).toContain('> — **Mara Quell, Harbour Councillor**, quote · spoken 2025-04-02 (April 2) · aired 2025-04-03 · Evening Desk: “Ferry service ‘back by summer’, says council”');
    expect(md).toContain('> `001_harbour_ferry.txt, line 19` · id');
  });

  it('--format json is the whole answer, every page', () => {
    const r = run(['search', 'ferry', '--format', 'json']);
    const a = JSON.parse(r.out);
    expect(a.results).toHaveLength(a.total);
    expect(a.pageCount).toBe(1);
  });

  it('--chart FILE writes the timeline\'s chart as PNG or SVG; other names and commands are refused', { timeout: 90_000 }, () => {
    const png = path.join(OUT, 'ferry.png');
    expect(run(['timeline', 'ferry', '--chart', png]).code).toBe(0);
    const { width, height } = pngSize(readFileSync(png));
    expect(width).toBeGreaterThan(700);
    expect(height).toBeGreaterThan(250);
    const svg = path.join(OUT, 'ferry.svg');
    expect(run(['timeline', 'ferry', '--chart', svg]).code).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg[^>]*>/);
    expect(readFileSync(svg, 'utf8')).toContain('Mentions of “ferry”');
    const bad = run(['timeline', 'ferry', '--chart', path.join(OUT, 'ferry.gif')]);
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('.png or .svg')]);
    const notTimeline = run(['search', 'ferry', '--chart', png]);
    expect([notTimeline.code, notTimeline.err]).toEqual([2, expect.stringContaining('--chart draws a timeline')]);
    const badFormat = run(['search', 'ferry', '--format', 'xml']);
    expect([badFormat.code, badFormat.err]).toEqual([2, expect.stringContaining('--format is md, csv or json')]);
  });
});
