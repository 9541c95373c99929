// Labels that resolve to no one: a surname the file never expands (`MR. PARK` with no
// "Sam Park" anywhere), or an office with no holder for the date (`THE PRESIDENT` in an
// undated file). The newsroom fixes these with corpus/speakers.json (docs/ALIASES.md).
import type { CorpusIndex } from '../search/CorpusIndex.ts';

export type UnresolvedReason = 'surname-only' | 'office-without-holder';

export interface UnresolvedLabel {
  label: string;
  /** What the label resolved to, e.g. `Park` or `The President`. */
  name: string;
  reason: UnresolvedReason;
  passages: number;
  files: number;
  example: { file: string; line: number };
}

function reasonFor(name: string): UnresolvedReason | null {
  if (/^The \p{Lu}/u.test(name)) return 'office-without-holder';
  if (!/\s/.test(name.trim())) return 'surname-only';
  return null;
}

/** Most-used first, so the list starts with the fixes that matter most. */
export function unresolvedSpeakers(index: CorpusIndex): UnresolvedLabel[] {
  const found = new Map<string, UnresolvedLabel & { fileSet: Set<string> }>();
  for (const p of index.passages()) {
    if (p.kind !== 'quote' || p.speaker.anonymous) continue;
    const reason = reasonFor(p.speaker.name);
    if (!reason) continue;
    const key = `${p.speaker.label}\u0000${p.speaker.name}`;
    let entry = found.get(key);
    if (!entry) {
      entry = { label: p.speaker.label, name: p.speaker.name, reason, passages: 0, files: 0, example: { file: p.source.file, line: p.source.line }, fileSet: new Set() };
      found.set(key, entry);
    }
    entry.passages++;
    entry.fileSet.add(p.source.file);
  }
  return [...found.values()]
    .map(({ fileSet, ...e }) => ({ ...e, files: fileSet.size }))
    .sort((a, b) => b.passages - a.passages || a.label.localeCompare(b.label));
}
