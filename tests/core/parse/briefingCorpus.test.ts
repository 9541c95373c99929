// Every file of the real White House corpus (4,254 briefings, remarks and statements, CC0),
// read from ../shared at run time and never copied into the project.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Transcript } from '../../../src/core/model.ts';
import { briefingParser } from '../../../src/core/parse/briefing/parseBriefing.ts';
import { pickParser } from '../../../src/core/parse/parseTranscript.ts';
import { sourceLines } from '../../../src/core/parse/sourceText.ts';
import { isDescriptiveLabel, officeOfLabel } from '../../../src/core/parse/speakerNames.ts';
import { BRIEFINGS_SKIP_REASON, briefingFiles, briefingsCorpusDir } from '../../helpers/briefingsCorpus.ts';

const dir = briefingsCorpusDir();
if (!dir) console.warn(BRIEFINGS_SKIP_REASON);

describe.skipIf(!dir)('the White House briefings corpus', () => {
  const root = dir ?? '';
  const files = dir ? briefingFiles(root) : [];
  const transcripts: Transcript[] = [];
  const misrouted: string[] = [];
  let parseMs = 0;

  it('parses every file without throwing, and every file is sniffed as a briefing', () => {
    for (const file of files) {
      const lines = sourceLines(readFileSync(join(root, file), 'utf8'));
      if (pickParser(lines)?.format !== 'briefing') misrouted.push(file);
      const t0 = performance.now();
      transcripts.push(briefingParser.parse({ file, lines }));
      parseMs += performance.now() - t0;
    }
    expect(files.length).toBeGreaterThan(4000);
    expect(misrouted).toEqual([]);
  }, 60_000);

  it('gives every file passages or an error that says why not', () => {
    const silent = transcripts.filter((t) => t.passages.length === 0 && !t.issues.some((i) => i.severity === 'error'));
    expect(silent.map((t) => t.file)).toEqual([]);
  });

  it('names a person for THE PRESIDENT and the other offices in every dated file', () => {
    const unnamed = transcripts.flatMap((t) =>
      t.passages.filter((p) => p.source.aired !== null && officeOfLabel(p.speaker.label) !== null && p.speaker.name.startsWith('The ')),
    );
    expect(unnamed.map((p) => `${p.source.file}:${p.source.line}`)).toEqual([]);
  });

  it('leaves few speakers unresolved, and prints a summary', () => {
    const passages = transcripts.flatMap((t) => t.passages);
    const issues = transcripts.flatMap((t) => t.issues);
    // Unknown: no name at all. Surname only: a person the file never names in full ("Zients").
    const unknown = passages.filter((p) => p.speaker.name.trim() === '');
    const surnameOnly = passages.filter(
      (p) => p.kind === 'quote' && !p.speaker.anonymous && !isDescriptiveLabel(p.speaker.label) && !p.speaker.name.includes(' '),
    );
    const labels = new Set(surnameOnly.map((p) => p.speaker.label));
    console.log(
      `briefings corpus: ${files.length} files, ${passages.length} passages, ${issues.length} issues ` +
        `(${issues.filter((i) => i.severity === 'error').length} errors), ${unknown.length} unknown names, ` +
        `${surnameOnly.length} passages (${labels.size} labels) named by surname only, parse ${Math.round(parseMs)} ms`,
    );
    expect(unknown).toEqual([]);
    expect(surnameOnly.length / passages.length).toBeLessThan(0.05);
  });
});
