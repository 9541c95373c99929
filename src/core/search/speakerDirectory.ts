// Who is in the corpus: one summary per canonical name, rebuilt only when the index changes.
import type { SpeakerSummary } from '../ask/answer.ts';
import { compareDates, effectiveDate } from '../ask/dates.ts';
import type { Passage } from '../model.ts';
import type { QuestionIndex } from './questionIndex.ts';
import { nameWords, speakerMatches } from './speakerKey.ts';

/** Narration voices are not people a journalist looks up (the database's directory leaves them
 * out too). */
export const VOICES: ReadonlySet<string> = new Set(['anchor', 'reporter', 'narrator']);


/** The directory of these passages: one summary per canonical name, most quoted first. */
export function directoryOf(passages: Iterable<Passage>): SpeakerSummary[] {
  const byName = new Map<string, SpeakerSummary & { titleSet: Set<string> }>();
  for (const p of passages) {
    const name = p.speaker.name;
    if (p.kind === 'narration' && VOICES.has(name.toLowerCase())) continue;
    let s = byName.get(name);
    if (!s) {
      s = { name, titles: [], titleSet: new Set(), passages: 0, quotes: 0, first: null, last: null };
      byName.set(name, s);
    }
    s.passages++;
    if (p.kind === 'quote') s.quotes++;
    if (p.speaker.title) s.titleSet.add(p.speaker.title);
    const d = effectiveDate(p);
    if (d && (!s.first || compareDates(d, s.first) < 0)) s.first = d;
    if (d && (!s.last || compareDates(d, s.last) > 0)) s.last = d;
  }
  return [...byName.values()]
    .map(({ titleSet, ...s }) => ({ ...s, titles: [...titleSet].slice(0, 5) }))
    .sort(bySpeakerRank);
}

/** Most quoted first, then most passages, then by name: the directory's order everywhere. */
export function bySpeakerRank(a: SpeakerSummary, b: SpeakerSummary): number {
  return b.quotes - a.quotes || b.passages - a.passages || a.name.localeCompare(b.name);
}

/** Canonical names a typed speaker could mean, best first (exact name, then loose matches). */
export function resolveSpeaker(index: QuestionIndex, query: string): SpeakerSummary[] {
  const q = nameWords(query).join(' ');
  if (!q) return [];
  const all = index.speakerDirectory();
  const exact = all.filter((s) => nameWords(s.name).join(' ') === q);
  const loose = all.filter((s) => !exact.includes(s) && speakerMatches(query, s.name));
  return [...exact, ...loose];
}

/** Names that start like the typed text, for autocomplete and "did you mean". */
export function suggestSpeakers(index: QuestionIndex, typed: string, limit = 25): SpeakerSummary[] {
  const q = nameWords(typed);
  const all = index.speakerDirectory();
  if (q.length === 0) return all.slice(0, limit);
  const starts = all.filter((s) => {
    const n = nameWords(s.name);
    return q.every((w) => n.some((x) => x.startsWith(w)));
  });
  return starts.slice(0, limit);
}
