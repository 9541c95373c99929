// The real KBS pages of ../shared/dev, when present: every file parses without errors, every
// who-said answer lands in a quote by the right speaker, and narration stays out of quotes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Passage, Transcript } from '../../../src/core/model.ts';
import { parseTranscript } from '../../../src/core/parse/parseTranscript.ts';
import { squash, straightenQuotes } from '../../../src/core/parse/sourceText.ts';

const DEV = fileURLToPath(new URL('../../../../shared/dev', import.meta.url));
const present = existsSync(join(DEV, 'dev.jsonl'));
if (!present) console.log(`Dev set not found at ${DEV}; skipping the real-page checks.`);

interface DevItem {
  kind: string;
  expect_speaker?: string | null;
  expect_file?: string;
  variant?: string;
  verbatim?: string;
}

const norm = (s: string): string => squash(straightenQuotes(s)).toLowerCase();
const words = (s: string): string => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');

describe.skipIf(!present)('broadcast parsers on the real dev pages', () => {
  const corpus = join(DEV, 'corpus');
  const transcripts = new Map<string, Transcript>();
  if (present) {
    for (const name of readdirSync(join(corpus, 'kbs'))) {
      const file = `kbs/${name}`;
      transcripts.set(file, parseTranscript(file, readFileSync(join(corpus, file), 'utf8')));
    }
  }
  const items: DevItem[] = present
    ? readFileSync(join(DEV, 'dev.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as DevItem)
    : [];

  it('parses every page with no errors', () => {
    expect(transcripts.size).toBe(34);
    const errors = [...transcripts.values()].flatMap((t) => t.issues.filter((i) => i.severity === 'error'));
    expect(errors).toEqual([]);
    for (const t of transcripts.values()) expect(t.format).not.toBeNull();
  });

  it('attributes every who-said answer to its speaker, and leaves narration unquoted', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const item of items) {
      if (item.kind !== 'who-said' || !item.expect_file || !item.verbatim) continue;
      checked++;
      const passages = transcripts.get(item.expect_file)?.passages ?? [];
      const needle = norm(item.verbatim);
      const holding = passages.filter((p: Passage) => norm(p.text).includes(needle));
      if (item.variant === 'narration') {
        if (holding.some((p) => p.kind === 'quote')) failures.push(`narration quoted: ${item.verbatim}`);
        continue;
      }
      const hit = holding.find((p) => p.kind === 'quote' && words(p.speaker.name) === words(item.expect_speaker ?? ''));
      if (!hit) {
        const seen = holding.map((p) => `${p.kind}:${p.speaker.name}`).join(', ') || 'no passage';
        failures.push(`${item.expect_speaker} in ${item.expect_file}: ${seen} | ${item.verbatim}`);
      }
    }
    console.log(`Dev set attribution: ${checked - failures.length} of ${checked} pass.`);
    expect(failures).toEqual([]);
  });
});
