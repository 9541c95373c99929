// The transcripts arrive as Markdown: `\[` escapes, `[text](url)` links, `**bold**`,
// `## headings` and `-   bullets` are formatting, not words.

export function plainMarkdown(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s*[-*+]\s{1,4}(?=\S)/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!'"<>|~])/g, '$1');
}

/** Inline HTML some transcripts carry: `<br />` line breaks (a line of only that is a
 * paragraph break) and `<s>typo</s> \[correction\]`, where the struck word was never said. */
export function withoutHtml(line: string): string {
  return line
    .replace(/<s>[^<]*<\/s>\s*/gi, '')
    .replace(/<\/?[a-z][^>]*>/gi, '');
}
