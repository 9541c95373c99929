// Is this a briefing? YAML front matter with a date, or upper-case `LABEL:` turns. Broadcast
// scripts (` date 2025-...` headers, `[Anchor]` sections) are never briefings.
import type { SourceLine } from '../sourceText.ts';

const SNIFF_LINES = 80;

export function sniffBriefing(lines: readonly SourceLine[]): number {
  const head = lines.slice(0, SNIFF_LINES);
  if (head[0]?.text.trim() === '---') {
    const close = head.findIndex((l, i) => i > 0 && l.text.trim() === '---');
    const front = head.slice(1, close < 0 ? head.length : close);
    if (front.some((l) => /^date:\s*\S/.test(l.text))) return 0.9;
  }
  // Without front matter, `MS. ROE:` turns are read by the general reader, which also finds
  // labels mid-line, wrapped, and in page copies of other newsrooms' briefings.
  return 0;
}
