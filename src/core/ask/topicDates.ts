// When, inside a topic: "in 2024", "summer 2025", "since March", "until last year", "in the last
// month" are a date range, not words to look for. Read the way parseDateInput reads typed dates.
import { problem, type Refusal } from './answer.ts';
import { parseDateInput } from './parseDateInput.ts';

export interface TopicAndDates {
  topic: string;
  since?: string;
  until?: string;
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const SEASON = '(?:spring|summer|autumn|fall|winter)';
const YEAR = '(?:19|20)\\d\\d';
const ISO = `${YEAR}-\\d\\d(?:-\\d\\d)?`;
/** A date that stands on its own: it has a year, or is a whole period by words. */
const DATED = `(?:${ISO}|(?:(?:last|this|past)\\s+)?(?:${MONTH}|${SEASON})\\s+(?:of\\s+)?${YEAR}|${SEASON}\\s+${YEAR}|(?:the\\s+)?(?:last|this|past|previous)\\s+(?:year|month|week)|${YEAR})`;
/** A month or season alone needs a word before it ("in March"; "March" may be a march). */
const UNDATED = `(?:(?:last|this|past)\\s+)?(?:${MONTH}|${SEASON})`;

const FROM = new RegExp(`\\b(?:since|from|after|starting(?:\\s+in)?)\\s+(${DATED}|${UNDATED})\\b`, 'i');
const TO = new RegExp(`\\b(?:until|till|before|through|to|up\\s+to)\\s+(${DATED}|${UNDATED})\\b`, 'i');
const IN = new RegExp(`(?:\\b(?:in|during|over|of)\\s+(?:the\\s+)?(${DATED}|${UNDATED})|(${DATED}))\\b`, 'i');

/** The topic without its dates, and the range they name; a refusal when they cannot all hold. */
export function topicDates(raw: string, now: Date): TopicAndDates | Refusal {
  let topic = raw;
  let since: string | undefined;
  let until: string | undefined;
  const cut = (m: RegExpExecArray) => {
    topic = `${topic.slice(0, m.index)} ${topic.slice(m.index + m[0].length)}`;
  };
  for (const [pattern, side] of [[FROM, 'since'], [TO, 'until'], [IN, 'both']] as const) {
    // A topic names at most a few dates; each is read once and cut out.
    for (let m = pattern.exec(topic); m; m = pattern.exec(topic)) {
      const read = parseDateInput((m[1] ?? m[2])!, now);
      if (!read.ok) break;
      if (side !== 'until') since = since && since > read.first ? since : read.first;
      if (side !== 'since') until = until && until < read.last ? until : read.last;
      cut(m);
    }
  }
  const rest = topic.replace(/\s+/g, ' ').replace(/^[\s,;:–-]+|[\s,;:–-]+$/g, '').replace(/\s+(?:in|of|during|and|,)$/i, '').trim();
  // "2025" alone is what the journalist wants to find, not when.
  if (!rest) return { topic: raw.trim() };
  if (since && until && since > until) return problem('bad_range', `The topic's dates leave nothing: from ${since} until ${until}.`);
  return { topic: rest, ...(since ? { since } : {}), ...(until ? { until } : {}) };
}
