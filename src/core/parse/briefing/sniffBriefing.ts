// Is this a briefing? YAML front matter with a date, or upper-case `LABEL:` turns. Broadcast
// scripts (` date 2025-...` headers, `[Anchor]` sections) are never briefings.
import type { SourceLine } from '../sourceText.ts';
import { readTurnStart } from './turnLabels.ts';

const SNIFF_LINES = 80;
const BROADCAST = /^\s*\[(?:anchor(?: lead)?|report|lead|pkg|soundbite)\]|^\s+date\s+\d{4}-\d{2}-\d{2}/i;

export function sniffBriefing(lines: readonly SourceLine[]): number {
  const head = lines.slice(0, SNIFF_LINES);
  if (head[0]?.text.trim() === '---') {
    const close = head.findIndex((l, i) => i > 0 && l.text.trim() === '---');
    const front = head.slice(1, close < 0 ? head.length : close);
    if (front.some((l) => /^date:\s*\S/.test(l.text))) return 0.9;
  }
  if (head.some((l) => BROADCAST.test(l.text))) return 0;
  const turns = head.filter((l) => readTurnStart(l.text, false)?.kind === 'label').length;
  const questions = head.filter((l) => /^\s*Q(?:\s{2,}|:\s)/.test(l.text)).length;
  if (turns >= 2 || (turns >= 1 && questions >= 1)) return 0.6;
  return turns === 1 ? 0.2 : 0;
}
