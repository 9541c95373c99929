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
