// The development set of real broadcast scripts (../shared/dev), scored in-process with floors:
// a regression in attribution fails here before it reaches a newsroom.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../../src/core/search/CorpusIndex.ts';
import { runCommand } from '../../../src/core/ask/commands.ts';
import { nameWords } from '../../../src/core/search/speakerKey.ts';
import { indexFiles } from '../../helpers/indexFiles.ts';

const DEV = path.resolve(import.meta.dirname, '../../../../shared/dev');
const present = existsSync(path.join(DEV, 'dev.jsonl'));
const NOW = new Date('2026-11-27T12:00:00Z');

interface DevItem {
  kind: 'who-said' | 'timeline';
  query: string;
  variant?: string;
  expect_speaker?: string;
  expect_file?: string;
  expect_files_in_date_order?: string[];
}

const FLOORS: Record<string, number> = { exact: 0.95, fuzzy: 0.85, short: 0.9, narration: 0.9, timeline: 0.9 };

describe.skipIf(!present)(present ? 'dev set' : 'dev set (skipped: ../shared/dev not present)', () => {
  let index: CorpusIndex;
  const items: DevItem[] = present ? readFileSync(path.join(DEV, 'dev.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as DevItem) : [];
  beforeAll(async () => {
    const dir = path.join(DEV, 'corpus');
    index = await indexFiles(dir, readdirSync(path.join(dir, 'kbs')).map((f) => `kbs/${f}`));
  });

  it('scores at or above the floors on every kind of question', () => {
    const tally: Record<string, { n: number; ok: number }> = {};
    const misses: string[] = [];
    for (const it of items) {
      const key = it.kind === 'timeline' ? 'timeline' : it.variant!;
      const args = it.kind === 'timeline' ? { topic: it.query } : { quote: it.query };
      const out = runCommand(index, { command: it.kind, args }, NOW, 1000);
      if (!out.ok) throw new Error(out.problem.message);
      const a = out.answer;
      let ok: boolean;
      if (it.kind === 'timeline') {
        const files = a.items.map((i) => i.passage.source.file);
        ok = it.expect_files_in_date_order!.every((f) => files.some((g) => g.endsWith(f)));
      } else if (it.variant === 'narration') {
        ok = a.verdict === 'not_found' || a.verdict === 'reported';
      } else {
        const top = a.items[0];
        const want = nameWords(it.expect_speaker!);
        ok = a.verdict !== 'not_found' && !!top && want.every((w) => nameWords(top.passage.speaker.name).includes(w)) && top.passage.source.file.endsWith(it.expect_file!);
      }
      (tally[key] ??= { n: 0, ok: 0 }).n++;
      if (ok) tally[key].ok++;
      else misses.push(`${key}: ${it.query}`);
    }
    const scores = Object.fromEntries(Object.entries(tally).map(([k, v]) => [k, v.ok / v.n]));
    console.log('dev set P@1:', scores, misses.length ? `misses: ${misses.join(' | ')}` : '');
    for (const [k, floor] of Object.entries(FLOORS)) expect(scores[k], `${k} (misses: ${misses.join(' | ')})`).toBeGreaterThanOrEqual(floor);
  });
});
