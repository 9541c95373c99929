// Format D, the press briefing: front matter, then `LABEL:` turns and `Q` questions.
// A readable pipeline: front matter → turns → fixed labels → speakers → passages.
import type { ParseIssue, Passage, PassageKind, Speaker, Transcript } from '../../model.ts';
import type { FormatParser, ParseInput } from '../parser.ts';
import { passageId } from '../passageId.ts';
import { squash } from '../sourceText.ts';
import { createSpeakerResolver, REPORTER, type SpeakerResolver } from '../speakerNames.ts';
import { briefingMeta } from './briefingMeta.ts';
import { chunkParagraphs } from './chunkParagraphs.ts';
import { labelFixes } from './labelFixes.ts';
import { readFrontMatter } from './readFrontMatter.ts';
import { sniffBriefing } from './sniffBriefing.ts';
import { speakerFromTitle } from './speakerFromTitle.ts';
import { splitTurns, type Turn } from './splitTurns.ts';
import { removeStageNotes } from './stageNotes.ts';

/** Unlabelled text before the first turn shorter than this is a location or a venue line. */
const PREAMBLE_MIN_WORDS = 15;

export function parseBriefing(input: ParseInput): Transcript {
  const { file, lines } = input;
  const issues: ParseIssue[] = [];
  const warn = (line: number, message: string): void => {
    issues.push({ file, line, message, severity: 'warning' });
  };

  const front = readFrontMatter(lines);
  if (front.problem) warn(front.problem.line, front.problem.message);
  const { dateWritten, ...meta } = briefingMeta(front.fields);
  if (meta.aired === null) {
    warn(1, dateWritten
      ? `The date "${dateWritten}" in the front matter is not YYYY-MM-DD, so its passages are undated.`
      : 'The file has no date in its front matter, so its passages are undated and THE PRESIDENT cannot be named.');
  }

  const body = lines.slice(front.bodyStart);
  const turns = splitTurns(body);
  const resolve = createSpeakerResolver({
    date: meta.aired,
    title: meta.headline,
    text: body.map((l) => l.text).join('\n'),
    ...(input.aliases ? { aliases: input.aliases } : {}),
  });

  const counts = new Map<string, number>();
  for (const t of turns) if (t.start?.kind === 'label') counts.set(t.start.label, (counts.get(t.start.label) ?? 0) + 1);
  const fixes = labelFixes(counts);
  for (const [written, meant] of fixes) {
    const at = turns.find((t) => t.start?.kind === 'label' && t.start.label === written);
    warn(at?.line ?? 1, `The label "${written}" looks like a misspelling of "${meant}" and was read as that.`);
  }

  const hasTurns = turns.some((t) => t.start !== null);
  const untitled = untitledSpeaker(meta.headline, meta.url, hasTurns, resolve);
  const passages: Passage[] = [];
  for (const turn of turns) {
    const who = turnSpeaker(turn, hasTurns, fixes, resolve, untitled);
    if (!who) continue;
    for (const chunk of chunkParagraphs(cleanParagraphs(turn))) {
      passages.push({
        id: passageId(file, chunk.line),
        speaker: who.speaker,
        kind: who.kind,
        text: chunk.text,
        source: {
          file,
          line: chunk.line,
          format: 'briefing',
          program: meta.program,
          headline: meta.headline,
          section: null,
          aired: meta.aired,
          spoken: who.kind === 'narration' ? null : meta.aired,
          note: null,
          url: meta.url,
        },
      });
    }
  }
  if (passages.length === 0) {
    issues.push({ file, line: lines[front.bodyStart]?.n ?? 1, message: 'The briefing has no words after its front matter, so nothing from it can be quoted.', severity: 'error' });
  }
  return { file, format: 'briefing', meta, passages, issues };
}

interface TurnSpeaker {
  speaker: Speaker;
  kind: PassageKind;
}

/** Who speaks an untitled text: the person the title names, else the publisher. */
function untitledSpeaker(title: string | null, url: string | null, hasTurns: boolean, resolve: SpeakerResolver): TurnSpeaker {
  const named = hasTurns ? null : speakerFromTitle(title, resolve);
  if (named) return { speaker: named, kind: 'quote' };
  const host = url?.match(/^\w+:\/\/(?:www\.)?([^/]+)/)?.[1] ?? null;
  const publisher = host === null || /whitehouse\./.test(host) ? 'The White House' : host;
  return { speaker: { label: '', name: publisher, title: null, anonymous: false }, kind: 'narration' };
}

function turnSpeaker(
  turn: Turn,
  hasTurns: boolean,
  fixes: ReadonlyMap<string, string>,
  resolve: SpeakerResolver,
  untitled: TurnSpeaker,
): TurnSpeaker | null {
  const start = turn.start;
  if (start === null) {
    // Before the first label: a venue line is dropped, an introduction kept as narration.
    // With no labels at all, this is the whole statement, kept whatever its length.
    const words = turn.paragraphs.reduce((n, p) => n + p.text.split(/\s+/).length, 0);
    return !hasTurns || words >= PREAMBLE_MIN_WORDS ? untitled : null;
  }
  if (start.kind === 'question') return { speaker: REPORTER, kind: 'question' };
  const meant = fixes.get(start.label) ?? start.label;
  return { speaker: { ...resolve(meant), label: start.label }, kind: 'quote' };
}

/** Paragraph words with stage notes gone and spaces squashed; empty paragraphs dropped,
 * and so are the venue lines that open an unlabelled text ("Brookings Institution
 * Washington, D.C."): a few words, every one capitalised. */
function cleanParagraphs(turn: Turn): Turn['paragraphs'] {
  const paragraphs = turn.paragraphs
    .map((p) => ({ line: p.line, text: squash(removeStageNotes(p.text)) }))
    .filter((p) => p.text !== '');
  if (turn.start !== null) return paragraphs;
  const isVenue = (text: string): boolean => {
    const words = text.split(' ');
    return words.length <= 6 && words.every((w) => !/^\p{Ll}/u.test(w));
  };
  let skip = 0;
  while (skip < paragraphs.length - 1 && isVenue(paragraphs[skip]?.text ?? '')) skip++;
  return paragraphs.slice(skip);
}

export const briefingParser: FormatParser = {
  format: 'briefing',
  sniff: (lines) => sniffBriefing(lines),
  parse: (input) => parseBriefing(input),
};
