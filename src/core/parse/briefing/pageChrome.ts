// Lines that frame a transcript without being anyone's words: the time line, the end
// marker, markdown rules. Location lines are handled by position (before the first turn).

const CLOCK = String.raw`\d{1,2}:\d{2}\s*[AP]\.?\s?M\.?(?:\s+[A-Z]{2,5})?`;
const TIME_LINE = new RegExp(`^\\s*(?:${CLOCK})\\s*$`, 'i');
const END_LINE = new RegExp(`^\\s*END\\b\\.?\\s*(?:${CLOCK})?\\s*$`, 'i');
const RULE_LINE = /^\s*(?:[-*_]\s*){3,}$/;

/** `1:06 P.M. EST`, `END`, `END 1:45 P.M. EST`, `* * *`. */
export function isChromeLine(text: string): boolean {
  return TIME_LINE.test(text) || END_LINE.test(text) || RULE_LINE.test(text);
}
