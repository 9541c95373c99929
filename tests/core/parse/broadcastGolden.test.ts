// Golden files for the broadcast parsers: tests/fixtures/<format>/<case>.txt beside the expected
// Transcript as <case>.json. Regenerate on purpose and review the diff:
//   UPDATE_GOLDEN=1 npx vitest run tests/core/parse
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FormatId } from '../../../src/core/model.ts';
import { bracketedParser } from '../../../src/core/parse/broadcast/parseBracketedScript.ts';
import { soundbiteParser } from '../../../src/core/parse/broadcast/parseSoundbiteScript.ts';
import { speakerLineParser } from '../../../src/core/parse/broadcast/parseSpeakerLineScript.ts';
import { formatParsers } from '../../../src/core/parse/formats.ts';
import type { FormatParser } from '../../../src/core/parse/parser.ts';
import { sourceLines } from '../../../src/core/parse/sourceText.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const PARSERS: FormatParser[] = [speakerLineParser, bracketedParser, soundbiteParser];

function sniffWinner(text: string): FormatId | null {
  const lines = sourceLines(text);
  let best: FormatId | null = null;
  let bestScore = 0;
  for (const p of formatParsers) {
    const score = p.sniff(lines);
    if (score > bestScore) [best, bestScore] = [p.format, score];
  }
  return best;
}

for (const parser of PARSERS) {
  const dir = join(FIXTURES, parser.format);
  const cases = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')) : [];
  describe(`${parser.format} golden files`, () => {
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    for (const name of cases) {
      it(name, () => {
        const text = readFileSync(join(dir, name), 'utf8');
        const file = `${parser.format}/${name}`;
        expect(sniffWinner(text)).toBe(parser.format);
        const actual = parser.parse({ file, lines: sourceLines(text) });
        const goldenPath = join(dir, name.replace(/\.txt$/, '.json'));
        if (UPDATE || !existsSync(goldenPath)) {
          writeFileSync(goldenPath, `${JSON.stringify(actual, null, 2)}\n`);
          if (!UPDATE) throw new Error(`Wrote a new golden file ${goldenPath}; review it and run again.`);
        }
        expect(actual).toEqual(JSON.parse(readFileSync(goldenPath, 'utf8')));
      });
    }
  });
}
