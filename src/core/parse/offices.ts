// The US offices a transcript names without a person ("THE PRESIDENT:"), and who held
// them when. Public facts, written down so a dated briefing resolves to a person.

export type Office = 'president' | 'vice-president' | 'first-lady' | 'second-spouse';

interface Term {
  office: Office;
  name: string;
  /** Inauguration day, YYYY-MM-DD: the term runs from here to the next term's start. */
  from: string;
  title: string;
}

const PRESIDENT = 'President of the United States';
const VICE_PRESIDENT = 'Vice President of the United States';
const FIRST_LADY = 'First Lady of the United States';

export const OFFICE_TERMS: readonly Term[] = [
  { office: 'president', name: 'Barack Obama', from: '2009-01-20', title: PRESIDENT },
  { office: 'president', name: 'Donald Trump', from: '2017-01-20', title: PRESIDENT },
  { office: 'president', name: 'Joe Biden', from: '2021-01-20', title: PRESIDENT },
  { office: 'president', name: 'Donald Trump', from: '2025-01-20', title: PRESIDENT },
  { office: 'vice-president', name: 'Joe Biden', from: '2009-01-20', title: VICE_PRESIDENT },
  { office: 'vice-president', name: 'Mike Pence', from: '2017-01-20', title: VICE_PRESIDENT },
  { office: 'vice-president', name: 'Kamala Harris', from: '2021-01-20', title: VICE_PRESIDENT },
  { office: 'vice-president', name: 'JD Vance', from: '2025-01-20', title: VICE_PRESIDENT },
  { office: 'first-lady', name: 'Michelle Obama', from: '2009-01-20', title: FIRST_LADY },
  { office: 'first-lady', name: 'Melania Trump', from: '2017-01-20', title: FIRST_LADY },
  { office: 'first-lady', name: 'Jill Biden', from: '2021-01-20', title: FIRST_LADY },
  { office: 'first-lady', name: 'Melania Trump', from: '2025-01-20', title: FIRST_LADY },
  { office: 'second-spouse', name: 'Jill Biden', from: '2009-01-20', title: 'Second Lady of the United States' },
  { office: 'second-spouse', name: 'Karen Pence', from: '2017-01-20', title: 'Second Lady of the United States' },
  { office: 'second-spouse', name: 'Doug Emhoff', from: '2021-01-20', title: 'Second Gentleman of the United States' },
  { office: 'second-spouse', name: 'Usha Vance', from: '2025-01-20', title: 'Second Lady of the United States' },
];

/** The labels that name an office rather than a person; misspellings are matched to these. */
export const OFFICE_LABELS: ReadonlyMap<string, Office> = new Map([
  ['THE PRESIDENT', 'president'],
  ['THE VICE PRESIDENT', 'vice-president'],
  ['THE FIRST LADY', 'first-lady'],
  ['THE SECOND GENTLEMAN', 'second-spouse'],
  ['THE SECOND LADY', 'second-spouse'],
]);

export interface OfficeHolder {
  name: string;
  title: string;
}

/** Who held the office on the date (YYYY-MM-DD or a prefix of it); null before 2009 or
 * without a date. A date is compared as a string, so `2025-01` sits before the 20th. */
export function officeHolder(office: Office, date: string | null): OfficeHolder | null {
  if (date === null) return null;
  let found: Term | null = null;
  for (const t of OFFICE_TERMS) if (t.office === office && t.from <= date) found = t;
  return found && { name: found.name, title: found.title };
}

/** The office holder with this surname, preferring the term in force on the date, then
 * the latest earlier one: `PRESIDENT BIDEN` on a 2023 date is Joe Biden, president. */
export function officeHolderBySurname(
  office: Office,
  surname: string,
  date: string | null,
): (OfficeHolder & { inOffice: boolean }) | null {
  const s = surname.toLowerCase();
  const matches = OFFICE_TERMS.filter(
    (t) => t.office === office && t.name.toLowerCase().split(' ').at(-1) === s,
  );
  if (matches.length === 0) return null;
  const current = officeHolder(office, date);
  const inOffice = current !== null && current.name.toLowerCase().endsWith(` ${s}`);
  const term = matches.at(-1);
  if (!term) return null;
  return { name: inOffice && current ? current.name : term.name, title: term.title, inOffice };
}
