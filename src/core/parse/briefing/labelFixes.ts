// Labels typed in a hurry: `THE PRESIDNET`, `MR. SULLIAN`, `SECREATRY MAYORKAS`. A rare
// label a couple of letters away from a frequent one in the same file is that one; an
// office label is matched against the known offices (see officeOfLabel).
import { editDistance } from '../../editDistance.ts';
import { OFFICE_LABELS } from '../offices.ts';
import { isDescriptiveLabel, normalizeLabel, officeOfLabel } from '../speakerNames.ts';

const RARE = 2;
const FREQUENT = 3;

/** Written label → the label it was meant to be, for the misspelled ones only. */
export function labelFixes(counts: ReadonlyMap<string, number>): Map<string, string> {
  const fixes = new Map<string, string>();
  const norms = [...counts].map(([label, n]) => ({ label, norm: normalizeLabel(label), n }));
  for (const { label, norm, n } of norms) {
    if (OFFICE_LABELS.has(norm)) continue;
    const office = officeOfLabel(norm);
    if (office) {
      const right = [...OFFICE_LABELS].find(([, o]) => o === office)?.[0];
      if (right) fixes.set(label, right);
      continue;
    }
    // A well-formed description (`OPERATOR`, `FAA OFFICIAL`) is someone else, not a typo.
    if (n > RARE || norm.length < 8 || isDescriptiveLabel(norm)) continue;
    const target = norms.find(
      (o) => o.n >= FREQUENT && o.norm !== norm && sameHonorific(o.norm, norm) &&
        editDistance(o.norm, norm, 2) <= 2,
    );
    if (target) fixes.set(label, target.norm);
  }
  return fixes;
}

/** `MS. YANG` and `MR. YANG` are two people, not a typo. */
function sameHonorific(a: string, b: string): boolean {
  const h = /^(MR|MS|MRS|MISS|DR)\./;
  return (h.exec(a)?.[1] ?? '') === (h.exec(b)?.[1] ?? '');
}
