// Dates inside the words: narration and quotes that say when something was said ("The minister
// said last month…", "as I told you on Tuesday") date those words, read back from the airing
// date and never after it. Only a sentence that reports speech counts: "last month, prices rose"
// dates the prices, not the words.
import type { PartialDate, Passage } from '../model.ts';
import { spokenFromNote } from '../parse/timeNote.ts';

const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december)';
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const COUNT = '(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})';
/** When, in words a transcript uses; the first match in a sentence is the one read. */
const WHEN = new RegExp(
  `\\b(yesterday|last (?:night|week|month|year|${WEEKDAY})|earlier this (?:week|month|year)|` +
    `(?:on|this|last) ${WEEKDAY}|${COUNT} (?:days?|weeks?|months?|years?) ago|` +
    `(?:in|on|since|back in) ${MONTH}(?: \\d{1,2}(?:st|nd|rd|th)?)?(?:,? (?:19|20)\\d\\d)?)\\b`,
  'i',
);
/** A sentence that reports speech: someone said, told, announced… */
const SAID = /\b(said|says|told|tells|announced|stated|declared|warned|added|insisted|argued|claimed|explained|noted|promised|pledged|vowed|according to|in an interview|at a (?:news|press) conference)\b/i;
const SENTENCE = /[^.!?]+[.!?]*/g;

export interface SpokenInWords {
  date: PartialDate;
  /** The words that said when: "last month". */
  words: string;
}

const cache = new WeakMap<Passage, SpokenInWords | null>();

/** When the passage's words were said by its own account, or null (also when the transcript's
 * time note already says, or the airing date is unknown). */
export function spokenInWords(p: Passage): SpokenInWords | null {
  if (p.source.spoken || !p.source.aired) return null;
  const hit = cache.get(p);
  if (hit !== undefined) return hit;
  const found = read(p.text, p.source.aired);
  cache.set(p, found);
  return found;
}

export function read(text: string, aired: string): SpokenInWords | null {
  // Most passages name no time at all: one test of the whole text before any sentence is cut.
  if (!WHEN.test(text) || !SAID.test(text)) return null;
  for (const sentence of text.match(SENTENCE) ?? []) {
    const when = WHEN.exec(sentence);
    const said = when ? SAID.exec(sentence) : null;
    if (!when || !said || !nextTo(sentence, when.index, when.index + when[0].length, said.index, said.index + said[0].length)) continue;
    const date = weekday(when[1]!, aired) ?? spokenFromNote(when[1]!.replace(/^(?:on|in|since|back in) /i, ''), aired);
    // A date the airing day itself is no news: the words were said when they aired.
    if (date && date !== aired) return { date, words: when[1]! };
  }
  return null;
}

/** The time and the verb belong together: a few words apart, no quotation or colon between
 * ("said last month", "Last month, the minister said"), not "said: we expect it in May". */
function nextTo(sentence: string, a0: number, a1: number, b0: number, b1: number): boolean {
  const between = sentence.slice(Math.min(a1, b1), Math.max(a0, b0));
  return between.length <= 40 && !/[:"“”]/.test(between);
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** "on Friday", "last Friday": the latest such day before airing (chrono would take the next one). */
function weekday(words: string, aired: string): PartialDate | null {
  const m = new RegExp(`^(on|this|last) (${WEEKDAYS.join('|')})$`, 'i').exec(words);
  if (!m) return null;
  const day = new Date(`${aired}T12:00:00Z`);
  if (Number.isNaN(day.getTime())) return null;
  let back = (day.getUTCDay() - WEEKDAYS.indexOf(m[2]!.toLowerCase()) + 7) % 7;
  if (back === 0 && m[1]!.toLowerCase() === 'last') back = 7;
  return new Date(day.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}
