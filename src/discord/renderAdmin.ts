// Replies to the admin commands, as plain text within Discord's 2,000 characters.
import type { IngestResult } from '../app/ingest.ts';
import type { SyncResult } from '../app/liveCorpus.ts';
import type { CorpusStats } from '../core/ask/corpusStats.ts';
import { codeSpan, escapeText, nameText } from './escapeText.ts';

const CONTENT_MAX = 2000;

function fit(lines: string[]): string {
  let out = '';
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (next.length > CONTENT_MAX - 2) return `${out}\n…`;
    out = next;
  }
  return out;
}

const issueLine = (i: { file: string; line: number; severity: string; message: string }) =>
  `• ${codeSpan(`${i.file}:${i.line}`)} ${i.severity}: ${escapeText(i.message)}`;

export function renderIngestReply(r: IngestResult): string {
  if (!r.ok) return fit([`**Not added.** ${escapeText(r.message)}`, ...r.issues.map(issueLine)]);
  const s = r.summary;
  const dates = s.aired ? `aired ${s.aired}` : 'no air date';
  const who = s.speakers.slice(0, 10).map((p) => `${nameText(p.name)} (${p.passages})`).join(', ') || 'no named speakers';
  return fit([
    r.status === 'written'
      ? `**Added** ${codeSpan(r.file)} (${s.format}): ${s.passages} passages, ${dates}. It is searchable now.`
      : `**Already in the archive** as ${codeSpan(r.file)}: nothing added (${s.passages} passages, ${dates}).`,
    `Speakers: ${who}${s.speakers.length > 10 ? `, and ${s.speakers.length - 10} more` : ''}.`,
    ...s.warnings.map(issueLine),
  ]);
}

export function renderStatsReply(s: CorpusStats): string {
  const range = s.firstDate ? `${s.firstDate} to ${s.lastDate ?? s.firstDate}` : 'no dates';
  return fit([
    `**${s.files}** files (${s.indexedFiles} indexed), **${s.passages}** passages, **${s.speakers}** speakers, ${range}.`,
    s.issues === 0 ? 'No problems in the files.' : `${s.issues} problem${s.issues === 1 ? '' : 's'} in the files; the first:`,
    ...s.firstIssues.map(issueLine),
  ]);
}

export function renderReloadReply(r: SyncResult, s: CorpusStats): string {
  return fit([`Re-read ${r.reread.length} files${r.removed.length ? `, dropped ${r.removed.length}` : ''}.`, renderStatsReply(s)]);
}
