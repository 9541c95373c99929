// Anchors, hosts, reporters and correspondents are the programme's own voice: their words are
// narration, named, not a newsmaker's quote. The role comes from the label (`CNN ANCHOR`,
// `host`, `BYLINE`, `reporting`) or from how the programme introduces them (see roleCues).
import type { JournalistRole } from '../../model.ts';

export type Role = JournalistRole;

const ROLE_WORDS: ReadonlyArray<readonly [RegExp, Role]> = [
  [/\bannouncer\b|\bnarrator\b/i, 'announcer'],
  [/\b(?:co-?)?host(?:ed)?\b|\bpresenter\b|\bmoderator\b|\bmoderated\b/i, 'host'],
  [/\banchor(?:woman|man)?\b/i, 'anchor'],
  [/\bcorrespondent\b/i, 'correspondent'],
  [/\breporter\b|\breporting\b|\bbyline\b|\bjournalist\b/i, 'reporter'],
  [/\beditor\b/i, 'editor'],
];

/** The journalist's role a title or label word names, or null: `CNN ANCHOR` → anchor. */
export function roleOfTitle(title: string): Role | null {
  if (title === '') return null;
  for (const [pattern, role] of ROLE_WORDS) if (pattern.test(title)) return role;
  return null;
}

/** How an answer names the role: "said on air by the anchor, Jane Roe". */
export const ROLE_NOUN: Readonly<Record<Role, string>> = {
  anchor: 'the anchor',
  host: 'the host',
  reporter: 'the reporter',
  correspondent: 'the correspondent',
  editor: 'the editor',
  announcer: 'the announcer',
};

const REPORTING = /\b(?:says|said|reports?|reported|according to|announced|confirmed|told reporters|officials|authorities)\b/gi;
const FIRST_SINGULAR = /\b(?:I|I'm|I’m|I've|I’ve|me|my|mine)\b/g;

/**
 * Whether words read as a newsreader's copy: several reports of what others said, and almost
 * nothing in the first person singular. Used only for the speaker who opens a programme without
 * a role in the label (an anchor's news summary on a copied page), never to overrule a label.
 */
export function soundsLikeNewsCopy(text: string): boolean {
  const words = text.split(/\s+/).length;
  if (words < 60) return false;
  const reports = text.match(REPORTING)?.length ?? 0;
  const firstPerson = text.match(FIRST_SINGULAR)?.length ?? 0;
  return reports >= Math.max(2, words / 120) && firstPerson <= words / 150;
}

/** "Today on FACE THE NATION", "Good evening", "Welcome to", "This is the NPR Politics Podcast":
 * the words a programme's host opens it with. */
const OPENER = /^(?:(?:and\s+)?good (?:evening|morning|afternoon)\b|welcome (?:to|back)\b|today on\b|tonight(?: on)?\b|this is\s+(?:the\s+)?\p{Lu}|hello,? and welcome\b|hey(?:,)? (?:everybody|everyone|there)\b|from \p{Lu}[\p{L} ]+, this is\b)/iu;

export function opensProgramme(text: string): boolean {
  return OPENER.test(text.trim());
}

/** First person: anchors say "you" to viewers too, so only I and we tell someone's own words. */
const PERSONAL = /\b(?:i|i'm|i’m|i've|i’ve|i'll|i’ll|me|my|we|we're|we’re|we've|we’ve|our|us)\b/gi;

/** Someone's own words rather than copy: the first person, often, or in a short turn. */
export function soundsLikeOwnWords(text: string): boolean {
  const words = text.split(/\s+/).length;
  const personal = text.match(PERSONAL)?.length ?? 0;
  return words <= 40 ? personal >= 1 : personal >= 2 && personal / words > 0.015;
}
