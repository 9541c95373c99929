// Text from transcripts, file names and people, shown in Discord, must read as text: no
// formatting, no mentions, no links, nothing that reorders or hides what follows it. Pings are
// already off (allowed_mentions parse: []); this stops the *display* of them too.

const ZWSP = '\u200b';
/** Shown where a character was taken out, so a reader sees something was there. */
const REPLACED = '\ufffd';

/** Never text: control characters (line breaks and tabs aside) and the bidi embeddings,
 * overrides and isolates that flip the direction of everything after them on the line. */
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** In a one-line name (speaker, title, programme, file) line breaks and direction marks too. */
const NAME_HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Backslash-escapes markdown, breaks mentions and auto-links, for any text from a transcript or a person. */
export function escapeText(text: string): string {
  return text
    .replace(HIDDEN, REPLACED)
    .replace(/[\\*_~`|[\]]/g, (c) => `\\${c}`)
    // Headings, lists and quotes only form at the start of a line.
    .replace(/^([ \t]*)([#>-])/gm, (_m, sp: string, c: string) => `${sp}\\${c}`)
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    // <@user>, <@&role>, <#channel>, </command:id>, <:emoji:id>, <t:time>: all start with `<` and one of these.
    .replace(/<(?=[@#/:at])/g, `<${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`);
}

/** A name for places without markdown (thread names, autocomplete choices): one line, no direction tricks. */
export function plainName(text: string): string {
  return text.replace(NAME_HIDDEN, REPLACED);
}

/** A name inside a message or embed: one line, escaped. */
export function nameText(text: string): string {
  return escapeText(plainName(text));
}

/** Text shown verbatim in a code span (file names, ids). */
export function codeSpan(text: string): string {
  // Backticks cannot be escaped inside a code span; a name with one gets a look-alike.
  return `\`${plainName(text).replace(/`/g, 'ʼ')}\``;
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

/** Cuts out of the middle, keeping both ends (a long file name keeps its folder and its ending). */
export function clipMiddle(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  const keep = max - 1;
  const head = Math.floor(keep * 0.4);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (keep - head)).join('')}`;
}
