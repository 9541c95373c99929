// `soundbite stats` and `soundbite speakers --unresolved`: what the archive holds, and which
// labels still resolve to no one.
import type { LoadedCorpus } from '../app/corpusFolder.ts';
import { corpusStats, type CorpusStats } from '../core/ask/corpusStats.ts';
import { unresolvedSpeakers, type UnresolvedLabel } from '../core/ask/unresolvedSpeakers.ts';
import { EXIT, type Io } from './io.ts';
import { issueLine, shownText } from './shownText.ts';

export function renderStats(s: CorpusStats): string {
  const range = s.firstDate ? `${s.firstDate} to ${s.lastDate ?? s.firstDate}` : 'no dates';
  return [
    `${s.files} files (${s.indexedFiles} indexed), ${s.passages} passages, ${s.speakers} speakers, ${range}.`,
    s.issues === 0 ? 'No problems in the files.' : `${s.issues} problem${s.issues === 1 ? '' : 's'} in the files (soundbite validate lists them all):`,
    ...s.firstIssues.map((i) => `  ${issueLine(i)}`),
  ].join('\n');
}

export function runStats(c: LoadedCorpus, io: Io, json: boolean): number {
  const stats = corpusStats(c.index, c.issues, c.files);
  io.out(json ? JSON.stringify(stats) : renderStats(stats));
  return EXIT.ok;
}

export function renderUnresolved(list: readonly UnresolvedLabel[]): string {
  if (list.length === 0) return 'Every label resolves to a person.';
  return [
    `${list.length} label${list.length === 1 ? ' resolves' : 's resolve'} to no one (add them to corpus/speakers.json, see docs/ALIASES.md):`,
    ...list.map((u) => `  ${shownText(u.label)} → ${shownText(u.name)} (${u.reason === 'surname-only' ? 'surname only' : 'office without a holder'}): ${u.passages} passages in ${u.files} file${u.files === 1 ? '' : 's'}, e.g. ${shownText(u.example.file)}:${u.example.line}`),
  ].join('\n');
}

export function runUnresolved(c: LoadedCorpus, io: Io, json: boolean): number {
  const list = unresolvedSpeakers(c.index);
  io.out(json ? JSON.stringify({ unresolved: list }) : renderUnresolved(list));
  return EXIT.ok;
}
