// Text from the files (their names, labels, problems quoting a line) shown in a terminal. A
// control character would forge output (a newline in a file name makes a fake line of
// `validate`, an escape sequence recolours or clears the screen) and a bidi control reorders
// what follows it (`report\u202Etxt.md` reads as `reportdm.txt`): each is shown as a visible
// escape instead. Everything else is shown as written.

const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const CONTROLS_AND_BIDI = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(c: string): string {
  return NAMED[c] ?? `\\u{${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`;
}

/** A name or a problem: control and bidi characters escaped. */
export function shownText(s: string): string {
  return s.replace(CONTROLS_AND_BIDI, visible);
}

/** Transcript words: control characters escaped; the marks right-to-left text needs are kept. */
export function shownWords(s: string): string {
  return s.replace(CONTROLS, visible);
}

/** A problem as `file:line: severity: message`, safe to print. */
export function issueLine(i: { file: string; line: number; severity: string; message: string }): string {
  return `${shownText(i.file)}:${i.line}: ${i.severity}: ${shownText(i.message)}`;
}

/** Echoed input at most this long: a batch line can be megabytes, and its error need not be. */
export const ECHO_CHARS = 200;
/** A refusal's message at most this long (it may quote what was typed). */
export const MESSAGE_CHARS = 1000;

/** What a person typed, shown back in a message: cut to ECHO_CHARS, saying how long it was. */
export function clipped(s: string, max = ECHO_CHARS): string {
  return s.length <= max ? s : `${s.slice(0, max)}… (${s.length.toLocaleString('en')} characters in all)`;
}
