// Golden-file tests for a format's parser: each `tests/fixtures/<format>/<case>` beside its
// expected Transcript as `<case>.json`. Regenerate on purpose, and review the diff:
//   UPDATE_GOLDEN=1 npx vitest run tests/core/parse
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FormatId } from '../../src/core/model.ts';
import type { FormatParser } from '../../src/core/parse/parser.ts';
import { pickParser } from '../../src/core/parse/parseTranscript.ts';
import { sourceLines } from '../../src/core/parse/sourceText.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

/** Each case must sniff as `format` among all parsers and parse to exactly its golden JSON. */
export function goldenCases(format: FormatId, parser: FormatParser): void {
  const dir = join(FIXTURES, format);
  const cases = readdirSync(dir).filter((f) => !f.endsWith('.json')).sort();
  describe(`${format} golden files`, () => {
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    for (const name of cases) {
      it(name, () => {
        const lines = sourceLines(readFileSync(join(dir, name), 'utf8'));
        expect(pickParser(lines)?.format).toBe(format);
        const actual = `${JSON.stringify(parser.parse({ file: `${format}/${name}`, lines }), null, 2)}\n`;
        const golden = join(dir, name.replace(/\.[^.]+$/, '.json'));
        if (UPDATE) writeFileSync(golden, actual);
        else if (!existsSync(golden)) throw new Error(`No golden file for ${name}; run with UPDATE_GOLDEN=1 and review it.`);
        expect(actual).toBe(readFileSync(golden, 'utf8'));
      });
    }
  });
}
