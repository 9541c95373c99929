// A statement or prepared speech has no turns: the title says whose words they are
// ("Remarks as Prepared for Delivery by First Lady Jill Biden at ...", "Statement from
// President Biden on ..."). Fact sheets, proclamations and readouts name nobody: their
// text is the publisher's narration.
import type { Speaker } from '../../model.ts';
import { straightenQuotes } from '../sourceText.ts';
import type { SpeakerResolver } from '../speakerNames.ts';

/** Titles whose text is the named person's own words. A "Readout of President Biden's
 * Call" is the staff's account, so it is not here. */
const OWN_WORDS =
  /^(?:(?:Excerpts?|Pre-Taped|Prepared|Video|Joint|Written)\s+(?:(?:of|from)\s+)?)*(?:Remarks|Statement|Excerpts?|Op-Ed|Letter|Message|Address|Keynote|Toast|Eulogy|Commencement Address)\b/i;
const BY = /\b(?:by|of|from)\s+(.+)$/;
const STOP = /\s+(?:at|on|in|to|for|before|during|after|with|and|regarding|following|upon|honoring|celebrating|marking)\s|\s+[–—-]\s|[:,;(]/;
const HONORIFIC_WORDS = new Set(['Dr.', 'Mr.', 'Ms.', 'Mrs.']);

/** The speaker the title names, or null when the text should be narration. */
export function speakerFromTitle(title: string | null, resolve: SpeakerResolver): Speaker | null {
  if (!title) return null;
  const clean = straightenQuotes(title).replace(/\s+/g, ' ').trim();
  if (!OWN_WORDS.test(clean)) return null;
  const by = BY.exec(clean);
  if (!by) return null;
  const phrase = (by[1] ?? '').split(STOP)[0]?.replace(/'s$/, '').trim() ?? '';
  const words = phrase.split(' ').filter((w) => w !== '');
  // The person is the run of capitalised words at the end: "National Security Advisor
  // Jake Sullivan" → Jake Sullivan, with the words before as the title.
  const office = /^(?:Vice President|President|First Lady|Second Gentleman)$/;
  const nameWords: string[] = [];
  for (let i = words.length - 1; i >= 0 && nameWords.length < 3; i--) {
    const w = words[i] ?? '';
    if (!/^\p{Lu}[\p{Ll}'.-]/u.test(w) || HONORIFIC_WORDS.has(w)) break;
    if (office.test(`${words[i - 1] ?? ''} ${w}`) || office.test(w)) break;
    if (/^(?:Advisor|Adviser|Secretary|Director|Administrator|Coordinator|Chair|Envoy|Lady|Gentleman|President)$/.test(w)) break;
    nameWords.unshift(w);
    if (/^(?:of|for|and)$/.test(words[i - 1] ?? '')) { nameWords.shift(); break; } // "Secretary of Bridges"
  }
  const before = words.slice(0, words.length - nameWords.length).join(' ').replace(/\bDr\.$/, '').trim();
  if (nameWords.length === 0) return null;
  if (nameWords.length === 1) {
    // "President Biden": let the label resolver turn office + surname into a person.
    const s = resolve(`${before} ${nameWords[0] ?? ''}`.toUpperCase().trim());
    return { ...s, label: phrase };
  }
  return { label: phrase, name: nameWords.join(' '), title: before === '' ? null : before, anonymous: false };
}
