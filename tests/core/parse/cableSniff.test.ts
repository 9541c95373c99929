// Cable labels (`JANE ROE, CNN ANCHOR:`) and briefing labels (`MS. ROE:`) are both upper case:
// every real briefing must still be read as a briefing, never as a cable transcript.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffCable } from '../../../src/core/parse/cable/parseCable.ts';
import { pickParser } from '../../../src/core/parse/parseTranscript.ts';
import { sourceLines } from '../../../src/core/parse/sourceText.ts';
import { BRIEFINGS_SKIP_REASON, briefingFiles, briefingsCorpusDir } from '../../helpers/briefingsCorpus.ts';

const corpus = briefingsCorpusDir();
if (!corpus) console.log(BRIEFINGS_SKIP_REASON);

describe('cable sniffing beside briefings', () => {
  it('scores nothing for a file with front matter, however cable-like its labels', () => {
    const lines = sourceLines("---\ndate: '2025-01-29'\n---\nJANE ROE, PRESS SECRETARY: Hello.\n(BEGIN VIDEO CLIP)\nROE: Again.\n");
    expect(sniffCable(lines)).toBe(0);
    expect(pickParser(lines)?.format).toBe('briefing');
  });

  it('leaves a briefing without front matter to the general reader', () => {
    const lines = sourceLines('MS. ROE:  Good afternoon.\n\nQ    Thank you.\n\nMS. ROE:  Go ahead.\n');
    expect(sniffCable(lines)).toBe(0);
    expect(pickParser(lines)?.format).toBe('general');
  });

  it.skipIf(!corpus)('picks briefing for every file of the real briefings corpus', () => {
    const dir = corpus ?? '';
    const files = briefingFiles(dir);
    expect(files.length).toBeGreaterThan(0);
    const misread = files
      .map((f) => ({ f, format: pickParser(sourceLines(readFileSync(join(dir, f), 'utf8')))?.format ?? null }))
      .filter((r) => r.format !== 'briefing');
    expect(misread).toEqual([]);
  });
});
