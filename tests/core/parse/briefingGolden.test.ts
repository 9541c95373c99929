// Golden files for the briefing parser: tests/fixtures/briefing/<case>.md beside the expected
// Transcript as <case>.json. Regenerate on purpose and review the diff:
//   UPDATE_GOLDEN=1 npx vitest run tests/core/parse/briefingGolden.test.ts
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { briefingParser } from '../../../src/core/parse/briefing/parseBriefing.ts';
import { pickParser } from '../../../src/core/parse/parseTranscript.ts';
import { sourceLines } from '../../../src/core/parse/sourceText.ts';

const DIR = fileURLToPath(new URL('../../fixtures/briefing', import.meta.url));
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const cases = readdirSync(DIR).filter((f) => f.endsWith('.md')).sort();

describe('briefing golden files', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(0));
  for (const name of cases) {
    it(name, () => {
      const lines = sourceLines(readFileSync(join(DIR, name), 'utf8'));
      expect(pickParser(lines)?.format).toBe('briefing');
      const transcript = briefingParser.parse({ file: `briefing/${name}`, lines });
      const golden = join(DIR, name.replace(/\.md$/, '.json'));
      const actual = `${JSON.stringify(transcript, null, 2)}\n`;
      if (UPDATE || !existsSync(golden)) {
        if (!UPDATE) throw new Error(`No golden file for ${name}; run with UPDATE_GOLDEN=1 and review it.`);
        writeFileSync(golden, actual);
      }
      expect(actual).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
