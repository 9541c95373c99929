// Transcript text shown in Discord must read as text: no formatting, no mentions, no links.
// Pings are already off (allowed_mentions parse: []); this stops the *display* of them too.

const ZWSP = '\u200b';

/** Backslash-escapes markdown, breaks mentions and auto-links, for any text from a transcript or a person. */
export function escapeText(text: string): string {
  return text
    .replace(/[\\*_~`|[\]]/g, (c) => `\\${c}`)
    // Headings, lists and quotes only form at the start of a line.
    .replace(/^([ \t]*)([#>-])/gm, (_m, sp: string, c: string) => `${sp}\\${c}`)
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    // <@user>, <@&role>, <#channel>, </command:id>, <:emoji:id>, <t:time>: all start with `<` and one of these.
    .replace(/<(?=[@#/:at])/g, `<${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`);
}

/** Cuts at a word boundary with an ellipsis, so nothing is ever cut mid-word without a mark. */
export function clip(text: string, max: number): string {
  if ([...text].length <= max) return text;
  const chars = [...text].slice(0, Math.max(0, max - 1)).join('');
  const sp = chars.lastIndexOf(' ');
  const cut = sp > max / 2 ? chars.slice(0, sp) : chars;
  // A trailing backslash would escape the ellipsis instead of the character it was meant for.
  return `${cut.replace(/\\+$/, '').trimEnd()}…`;
}
