// Cable desks name a person in full once (`JANE ROE, CNN ANCHOR:`) and by surname after
// (`ROE:`). The surname resolves to the full name the same file gave, when only one person
// in the file has it; two Roes leave `ROE:` as written, because guessing would misquote.
import type { ParseIssue, Speaker } from '../../model.ts';
import type { LabelSpeaker } from '../services/labelSpeaker.ts';
import { titleCase } from '../speakerNames.ts';
import type { CableLabel } from './cableLabel.ts';

const INITIAL = /^[A-Z]\.$/;
const HONORIFIC = /^(?:MR|MS|MRS|MISS|DR|SEN|REP|GOV|GEN|LT|COL|SGT|AMB|SEC|PRES|VP)\.?\s+/;

export type CableSpeaker = (label: CableLabel, line: number) => Speaker;

/** Reads the file's labels up front so `ROE:` finds `JANE ROE` whichever comes first. */
export function createCableSpeaker(
  labels: readonly CableLabel[],
  speakerOf: LabelSpeaker,
  file: string,
  issues: ParseIssue[],
): CableSpeaker {
  /** Surname → the full names (upper case) that end with it, and each one's title. */
  const bySurname = new Map<string, Map<string, string | null>>();
  for (const l of labels) {
    const words = bare(l.name).split(' ');
    if (words.length < 2 || INITIAL.test(words[0] ?? '')) continue;
    const surname = words.at(-1) ?? '';
    const names = bySurname.get(surname) ?? new Map<string, string | null>();
    if (!names.has(l.name) || names.get(l.name) === null) names.set(l.name, l.title);
    bySurname.set(surname, names);
  }
  const warned = new Set<string>();
  // `SEN.` and `REP.` are titles the name resolver does not know; `MR.`/`MS.` it reads itself.
  const personOf = (name: string): Speaker => speakerOf(/^(?:MR|MS|MRS|MISS|DR)\.?\s/.test(name) ? name : bare(name));

  return (l: CableLabel, line: number): Speaker => {
    const words = bare(l.name).split(' ');
    // `M. DOE:` tells two Does apart by the first name's initial.
    const initial = words.length === 2 && INITIAL.test(words[0] ?? '') ? (words[0] ?? '').charAt(0) : null;
    if (words.length === 1 || initial !== null) {
      const all = bySurname.get(words.at(-1) ?? '');
      const names = initial === null || !all ? all : new Map([...all].filter(([full]) => bare(full).startsWith(initial)));
      if (names && names.size === 1) {
        const [[full, title] = [l.name, null]] = [...names];
        const speaker = personOf(full);
        return { ...speaker, label: l.label, title: l.title ?? title ?? speaker.title };
      }
      if (names && names.size > 1) {
        if (!warned.has(l.name)) {
          warned.add(l.name);
          issues.push({ file, line, message: `The label "${l.name}:" could be ${[...names.keys()].map(titleCase).join(' or ')}; it was kept as written.`, severity: 'warning' });
        }
        return { label: l.label, name: titleCase(l.name), title: l.title, anonymous: false };
      }
    }
    const remembered = bySurname.get(words.at(-1) ?? '')?.get(l.name) ?? null;
    const speaker = personOf(l.name);
    return { ...speaker, label: l.label, title: l.title ?? remembered ?? speaker.title };
  };
}

/** The name without an honorific: `SEN. JANE ROE` → `JANE ROE`. */
function bare(name: string): string {
  return name.replace(HONORIFIC, '');
}
