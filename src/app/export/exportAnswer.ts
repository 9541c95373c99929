// Any answer as a file to take away: Markdown ready to paste into a script or a fact-check
// (quotes, speakers, dates and sources), CSV with one row per passage and every source field
// (written by csv-stringify, so quoting and line breaks inside quotes are done right), or JSON.
import { stringify } from 'csv-stringify/sync';
import type { Answer, AnswerItem, TimelineStory } from '../../core/ask/answer.ts';
import { datesLine, kindWord, programmeLine, sourceLine, speakerLine, verdictLine } from '../../core/ask/describe.ts';
import { compareStories } from '../../core/ask/timelineStories.ts';
import { answerJson } from './answerJson.ts';

export const EXPORT_FORMATS = ['md', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  /** `timeline-tariffs.md` */
  name: string;
  contentType: string;
  body: string;
}

export function isExportFormat(v: string): v is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(v);
}

export function exportAnswer(a: Answer, format: ExportFormat, exportedAt: Date): ExportFile {
  const name = `${a.command}-${slug(a.query) || 'answer'}.${format}`;
  switch (format) {
    case 'md': return { name, contentType: 'text/markdown; charset=utf-8', body: toMarkdown(a, exportedAt) };
    case 'csv': return { name, contentType: 'text/csv; charset=utf-8', body: toCsv(a) };
    case 'json': return { name, contentType: 'application/json; charset=utf-8', body: `${JSON.stringify(answerJson(a), null, 2)}\n` };
  }
}

/** Every passage the answer holds, each with the story it belongs to where there is one. */
function rows(a: Answer): Array<{ item: AnswerItem; story?: TimelineStory }> {
  if (a.stories) {
    return a.stories.flatMap((s) => [s, ...s.reruns]).sort(compareStories).flatMap((s) => s.passages.map((item) => ({ item, story: s })));
  }
  return (a.verdict === 'not_found' ? a.nearest : a.items).map((item) => ({ item }));
}

const COLUMNS = [
  'command', 'query', 'verdict', 'story', 'id', 'speaker', 'title', 'label', 'anonymous', 'kind', 'text', 'matched',
  'date', 'spoken_in', 'aired', 'spoken', 'note', 'program', 'headline', 'section', 'file', 'line', 'timecode', 'format', 'url',
] as const;

export function toCsv(a: Answer): string {
  const records = rows(a).map(({ item, story }) => {
    const p = item.passage;
    const s = p.source;
    const matched = item.match ? p.text.slice(item.match.span.start, item.match.span.end) : '';
    return [
      a.command, a.query, a.verdict === 'not_found' ? 'nearest' : a.verdict ?? '', story?.key ?? '', p.id, p.speaker.name, p.speaker.title ?? '', p.speaker.label,
      p.speaker.anonymous ? 'yes' : 'no', p.kind, p.text, matched, item.date ?? '', item.spokenIn ?? '', s.aired ?? '', s.spoken ?? '', s.note ?? '',
      s.program ?? '', s.headline ?? '', s.section ?? '', s.file, s.line, s.timecode ?? '', s.format, s.url ?? '',
    ];
  });
  return stringify(records, { header: true, columns: [...COLUMNS], record_delimiter: 'unix' });
}

export function toMarkdown(a: Answer, exportedAt: Date): string {
  const out: string[] = [`# ${titleOf(a)}`, ''];
  out.push(`_Exported from Soundbite on ${exportedAt.toISOString().slice(0, 10)}. Check every quote against its source line before use._`, '');
  for (const n of a.notes) out.push(`- ${n}`);
  if (a.notes.length) out.push('');
  if (a.stories) {
    for (const s of a.stories) {
      out.push(`## ${s.date ?? 'Undated'} · ${programmeLine(s) ?? s.file}`, '');
      for (const item of s.passages) out.push(...quoteBlock(item), '');
      for (const r of s.reruns) out.push(`_Also aired ${r.aired ?? 'undated'}${r.program ? ` on ${r.program}` : ''}: ${r.file}_`, '');
    }
  } else {
    for (const item of a.verdict === 'not_found' ? a.nearest : a.items) out.push(...quoteBlock(item), '');
  }
  if (a.speakers) for (const s of a.speakers) out.push(`- **${s.name}**${s.titles[0] ? `, ${s.titles[0]}` : ''}: ${s.quotes} quotes, ${s.passages} passages`);
  if (rows(a).length === 0 && !a.speakers?.length) out.push('Nothing in the archive matches.');
  return `${out.join('\n').trimEnd()}\n`;
}

function titleOf(a: Answer): string {
  const verdict = verdictLine(a);
  switch (a.command) {
    case 'who-said': return `Who said “${a.query}”${verdict ? `: ${verdict}` : ''}`;
    case 'timeline': case 'followed': return `Timeline: ${a.query}`;
    case 'story': return `Story: ${a.query}`;
    case 'quotes': return `Quotes: ${a.query}`;
    case 'search': return `Search: ${a.query}`;
    case 'context': return 'Context, as it aired';
    case 'speakers': return 'Speakers';
    case 'when': return 'When';
  }
}

/** A quote as a script takes it: the words, then who, what kind, when, where it aired and the source. */
function quoteBlock(item: AnswerItem): string[] {
  const p = item.passage;
  const when = item.spokenIn ? `said ${item.spokenIn} (${item.date}) · ${datesLine(p.source)}` : datesLine(p.source);
  const programme = programmeLine(p.source);
  return [
    `> “${p.text.replace(/\s*\n\s*/g, ' ')}”`,
    `>`,
    `> — **${speakerLine(p)}**${p.speaker.anonymous ? ' (not named)' : ''}, ${kindWord(p.kind)} · ${when}${programme ? ` · ${programme}` : ''}`,
    `> \`${sourceLine(p.source)}\` · id \`${p.id}\``,
  ];
}

function slug(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
}
