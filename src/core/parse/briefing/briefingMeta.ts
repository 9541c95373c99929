// The front matter as the transcript's metadata: date, programme, headline, address.
import type { TranscriptMeta } from '../../model.ts';

/** The folder a White House transcript was filed under, as a programme name. */
const PROGRAMS: Readonly<Record<string, string>> = {
  'press-briefings': 'Press briefing',
  'speeches-remarks': 'Speeches and remarks',
  'briefings-statements': 'Statements and releases',
  'statements-releases': 'Statements and releases',
  remarks: 'Remarks',
};

export function briefingMeta(fields: ReadonlyMap<string, string>): TranscriptMeta & { dateWritten: string | null } {
  const dateWritten = fields.get('date')?.trim() ?? null;
  const date = dateWritten?.match(/^(\d{4}-\d{2}-\d{2})/)?.[1] ?? null;
  const tag = fields.get('tags')?.trim().replace(/^\[|\]$/g, '').split(',')[0]?.trim() ?? '';
  const program = tag === '' ? null : (PROGRAMS[tag] ?? tag.replace(/[-_]+/g, ' ').replace(/^\p{Ll}/u, (c) => c.toUpperCase()));
  const title = fields.get('title')?.replace(/\s+/g, ' ').trim() ?? '';
  const url = fields.get('source_url')?.trim() ?? '';
  return {
    aired: date,
    program,
    headline: title === '' ? null : title,
    url: url === '' ? null : url,
    dateWritten,
  };
}
