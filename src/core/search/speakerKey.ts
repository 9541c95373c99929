// Loose speaker matching: "leavitt", "MS. LEAVITT", "Karoline Leavitt" and "karoline-leavitt"
// should all find the same person.

const HONORIFICS = new Set(['mr', 'ms', 'mrs', 'miss', 'dr', 'the', 'sen', 'rep', 'gov', 'prof']);

/** The words of a name, lower case, accents, punctuation and honorifics dropped. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !HONORIFICS.has(w));
}

/** True when every word of the query is a word of the name (so a surname alone matches). */
export function speakerMatches(query: string, name: string): boolean {
  const q = nameWords(query);
  if (q.length === 0) return false;
  const n = nameWords(name);
  return q.every((w) => n.includes(w));
}
