// "President Lee Jae-myung" is filed under Lee Jae-myung: the office goes to the title so that
// a person keeps one name through promotions and across formats.

/** Words that end an office: "Trade Minister", "White House Press Secretary", "Mayor". */
const OFFICE_WORDS = new Set(
  [
    'president', 'minister', 'secretary', 'secretary-general', 'chairman', 'chairwoman', 'chair',
    'governor', 'mayor', 'senator', 'sen.', 'representative', 'rep.', 'ambassador', 'commissioner',
    'spokesperson', 'spokesman', 'spokeswoman', 'professor', 'prof.', 'dr.', 'judge', 'justice',
    'general', 'gen.', 'pastor', 'pope', 'king', 'queen', 'prince', 'princess', 'chancellor',
    'premier', 'speaker', 'leader', 'reporter', 'correspondent', 'director', 'ceo', 'chief',
    'prosecutor', 'lawmaker', 'envoy', 'commander', 'coach', 'captain',
  ],
);

export interface NameAndOffice {
  name: string;
  /** The office words the name opened with, or null. */
  office: string | null;
}

const capitalised = (w: string): boolean => /^[\p{Lu}\p{N}]/u.test(w);

/** Splits leading office words off a name; keeps the whole when no capitalised name follows. */
export function splitOfficeTitle(raw: string): NameAndOffice {
  const name = raw.trim().replace(/\s+/g, ' ');
  const words = name.split(' ');
  // The last office word that still leaves one to four capitalised words as the name.
  for (let k = words.length - 2; k >= 0; k--) {
    const word = words[k] ?? '';
    if (!OFFICE_WORDS.has(word.toLowerCase())) continue;
    const head = words.slice(0, k + 1);
    const tail = words.slice(k + 1);
    if (tail.length > 4 || !tail.every(capitalised) || !head.every(capitalised)) continue;
    return { name: tail.join(' '), office: head.join(' ') };
  }
  return { name, office: null };
}
