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
