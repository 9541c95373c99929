// The pipeline every broadcast format shares: header, then a walk down the lines that tracks
// the section (whose voice narrates), reads soundbites with the format's readers, and gathers
// the rest into narration paragraphs. Only the soundbite readers differ between formats.
import type { FormatId, ParseIssue, Passage, Speaker, Transcript } from '../../model.ts';
import type { ParseInput } from '../parser.ts';
import { passageId } from '../passageId.ts';
import { squash, type SourceLine } from '../sourceText.ts';
import { narrationPassages, type ParagraphLine, type SourceBase } from './narrationPassages.ts';
import { readBroadcastHeader } from './readBroadcastHeader.ts';
import { readSectionMarker, type Section } from './sections.ts';
import type { SoundbiteRead, SoundbiteReader } from './soundbite.ts';
import { splitSpeakerLabel } from './splitSpeakerLabel.ts';
import { continuesSentence, endsSentence, hasHangul, looksLikePageTag } from './textShape.ts';

export function parseBroadcastScript(
  input: ParseInput,
  format: FormatId,
  readers: readonly SoundbiteReader[],
): Transcript {
  const { file, lines } = input;
  const header = readBroadcastHeader(lines);
  const passages: Passage[] = [];
  const issues: ParseIssue[] = [];
  let section: Section | null = header.openingSection;
  let paragraph: ParagraphLine[] = [];

  const base = (): SourceBase => ({
    file,
    format,
    program: header.program,
    headline: header.headline,
    section: section?.marker ?? null,
    aired: header.aired,
    spoken: null,
    note: null,
    url: null,
  });
  const flush = (): void => {
    if (paragraph.length > 0) passages.push(...narrationPassages(paragraph, narrator(section), base()));
    paragraph = [];
  };

  let i = header.bodyStart;
  walk: while (i < lines.length) {
    const line = lines[i];
    if (!line) break;
    const text = line.text.trim();
    if (text === '') {
      i++;
      continue;
    }
    // Korean page chrome (posted times, player captions) is not part of the script.
    if (hasHangul(text)) {
      flush();
      i++;
      continue;
    }
    const marker = readSectionMarker(text);
    if (marker) {
      flush();
      section = marker;
      i++;
      continue;
    }
    for (const read of readers) {
      const bite = read(lines, i);
      if (!bite) continue;
      flush();
      const passage = soundbitePassage(bite, input, base());
      if (passage) passages.push(passage);
      if (bite.issue) issues.push({ file, line: line.n, message: bite.issue, severity: 'warning' });
      i = Math.max(bite.next, i + 1);
      continue walk;
    }
    if (looksLikePageTag(text) && onlyChromeAfter(lines, i + 1)) {
      flush();
      i++;
      continue;
    }
    const last = paragraph[paragraph.length - 1];
    // A sentence the page broke over two lines stays one paragraph.
    if (!(last && !endsSentence(last.text) && continuesSentence(text))) flush();
    paragraph.push({ n: line.n, text });
    i++;
  }
  flush();

  return {
    file,
    format,
    meta: { aired: header.aired, program: header.program, headline: header.headline, url: null },
    passages,
    issues,
  };
}

/** The voice of narration under a section; before any marker the anchor is speaking. */
function narrator(section: Section | null): Speaker {
  return {
    label: section?.marker ?? '',
    name: section?.voice ?? 'Anchor',
    title: null,
    anonymous: false,
  };
}

function soundbitePassage(bite: SoundbiteRead, input: ParseInput, base: SourceBase): Passage | null {
  if (bite.words === null) return null;
  const text = squash(bite.words.text);
  if (text === '') return null;
  const reading =
    bite.label === null
      ? null
      : splitSpeakerLabel(bite.label, base.aired, input.aliases);
  const speaker: Speaker = reading?.speaker ?? {
    label: '',
    name: 'Unidentified voice',
    title: null,
    anonymous: true,
  };
  return {
    id: passageId(input.file, bite.words.line),
    speaker,
    kind: 'quote',
    text,
    source: { ...base, line: bite.words.line, spoken: reading?.spoken ?? null, note: reading?.note ?? null },
  };
}

/** True when nothing after `from` but blank lines and Korean chrome: the end of the page. */
function onlyChromeAfter(lines: SourceLine[], from: number): boolean {
  for (let k = from; k < lines.length; k++) {
    const t = (lines[k]?.text ?? '').trim();
    if (t !== '' && !hasHangul(t)) return false;
  }
  return true;
}
