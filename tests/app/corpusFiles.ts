// Small real transcripts written into temp folders, for the live-archive tests.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A press briefing (format D) with one turn per speaker: label → words. */
export function briefing(date: string, turns: Array<[string, string]>, title = `Press Briefing, ${date}`): string {
  const body = turns.map(([label, words]) => `${label}:  ${words}`).join('\n\n');
  return `---\ndate: '${date}'\nsource_url: https://example.gov/briefing/${date}/\ntags: press-briefings\ntitle: '${title}'\n---\n\nJames S. Brady Press Briefing Room\n\n1:02 P.M. EDT\n\n${body}\n\nEND                1:30 P.M. EDT\n`;
}

export interface TempCorpus {
  root: string;
  corpus: string;
  data: string;
  write(rel: string, text: string): string;
}

export function tempCorpus(files: Record<string, string> = {}): TempCorpus {
  const root = mkdtempSync(path.join(tmpdir(), 'soundbite-live-'));
  const corpus = path.join(root, 'corpus');
  const data = path.join(root, 'data');
  mkdirSync(corpus);
  const write = (rel: string, text: string): string => {
    const full = path.join(corpus, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    return full;
  };
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  return { root, corpus, data, write };
}

export const BRIDGE = briefing('2024-03-04', [
  ['MS. JANE ROE', 'The bridge over the harbour opens to traffic on Thursday morning.'],
  ['Q', 'Will the tolls stay the same?'],
  ['MS. ROE', 'The tolls stay where they are until the end of the year.'],
]);

export const PORT = briefing('2024-03-05', [
  ['MR. SAM PARK', 'The dock workers agreed on a wage formula after nine days of talks.'],
  ['Q', 'When do the cranes move again?'],
  ['MR. PARK', 'The cranes move again at the container terminal tomorrow.'],
]);
