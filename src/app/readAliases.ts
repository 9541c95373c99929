// corpus/speakers.json: the newsroom's alias list, checked entry by entry so that one bad entry
// is reported (file and problem) while the good ones, and the whole corpus, still load.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ParseIssue } from '../core/model.ts';
import { aliasKey, EMPTY_ALIASES, type AliasList, type OfficeTerm } from '../core/parse/aliasList.ts';
import { readNoFollow } from './readNoFollow.ts';

export const ALIAS_FILE = 'speakers.json';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const text = z.string().trim().min(1, 'must not be empty');

const speakerEntry = z.strictObject({
  name: text,
  labels: z.array(text).min(1, 'must list at least one label or spelling'),
});

const officeEntry = z.strictObject({
  label: text,
  holders: z.array(z.strictObject({ name: text, from: day, title: text.optional() })).min(1, 'must list at least one holder'),
});

const fileShape = z.strictObject({
  speakers: z.array(z.unknown()).optional(),
  offices: z.array(z.unknown()).optional(),
});

export interface AliasRead {
  list: AliasList;
  issues: ParseIssue[];
  /** Of the file's bytes, or '' without a file: a snapshot built with other aliases is rebuilt. */
  hash: string;
  /** Why the file as a whole could not be used (unreadable, not JSON, the wrong shape), or null. */
  broken: string | null;
}

/** A larger alias list is a mistake (a transcript saved under the name): not read. */
const MAX_ALIAS_BYTES = 5 * 1024 * 1024;

/** The one problem of an alias file that cannot be used at all. */
function brokenIssue(reason: string): ParseIssue {
  return { file: ALIAS_FILE, line: 1, severity: 'error', message: `${reason}; no aliases were applied. See docs/ALIASES.md.` };
}

function describe(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.length ? `${i.path.join('.')} ` : ''}${i.message}`).join('; ');
}

/** Reads the alias list from the corpus folder; a missing file is an empty list, not an issue.
 * A file that is there but cannot be read (a link, a folder, no permission) is a problem said,
 * never taken silently for "no aliases". */
export async function readAliases(corpusDir: string): Promise<AliasRead> {
  let why: string;
  try {
    const r = await readNoFollow(corpusDir, ALIAS_FILE, MAX_ALIAS_BYTES);
    if (r.ok) {
      const raw = r.bytes.toString('utf8');
      return { ...aliasesFromText(raw), hash: createHash('sha1').update(r.bytes).digest('hex') };
    }
    if (r.reason === 'missing') return { list: EMPTY_ALIASES, issues: [], hash: '', broken: null };
    why = r.reason === 'link' ? 'it is a symbolic link, which Soundbite does not follow' : r.reason === 'too_big' ? `it is over ${MAX_ALIAS_BYTES / 1048576} MB` : 'it is not a regular file';
  } catch (err) {
    why = err instanceof Error ? err.message : String(err);
  }
  const broken = `The alias list could not be read (${why})`;
  return { list: EMPTY_ALIASES, issues: [brokenIssue(broken)], hash: `unreadable: ${why}`, broken };
}

export function aliasesFromText(raw: string): { list: AliasList; issues: ParseIssue[]; broken: string | null } {
  const issues: ParseIssue[] = [];
  const problem = (message: string): void => {
    issues.push({ file: ALIAS_FILE, line: 1, message, severity: 'error' });
  };
  const whole = (broken: string) => ({ list: EMPTY_ALIASES, issues: [brokenIssue(broken)], broken });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    return whole(`The alias list is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const top = fileShape.safeParse(json);
  if (!top.success) return whole(`The alias list must be an object with "speakers" and "offices" lists (${describe(top.error)})`);
  const names = new Map<string, string>();
  (top.data.speakers ?? []).forEach((item, i) => {
    const entry = speakerEntry.safeParse(item);
    if (!entry.success) return problem(`speakers[${i}] was ignored: ${describe(entry.error)}.`);
    for (const label of [entry.data.name, ...entry.data.labels]) {
      const key = aliasKey(label);
      const earlier = names.get(key);
      if (earlier !== undefined && earlier !== entry.data.name) {
        problem(`speakers[${i}]: "${label}" already stands for ${earlier}; it was kept for ${earlier}.`);
      } else names.set(key, entry.data.name);
    }
  });
  const offices = new Map<string, OfficeTerm[]>();
  (top.data.offices ?? []).forEach((item, i) => {
    const entry = officeEntry.safeParse(item);
    if (!entry.success) return problem(`offices[${i}] was ignored: ${describe(entry.error)}.`);
    const terms = entry.data.holders
      .map((h) => ({ name: h.name, from: h.from, title: h.title ?? null }))
      .sort((a, b) => a.from.localeCompare(b.from));
    offices.set(aliasKey(entry.data.label), terms);
  });
  return { list: { names, offices }, issues, broken: null };
}
