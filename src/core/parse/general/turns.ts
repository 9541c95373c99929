// From lines and the labels judged in them to speaker turns: a label opens a turn and its words
// run on across lines and paragraphs until the next label, a caption's `>>` (someone else
// speaking), or a clip mark. Words before any label are the page's opening, read separately.
import type { CleanLine } from './cleanLines.ts';
import type { LabelReading } from './readLabel.ts';
import { stageCues, type Stage } from './stageCues.ts';

export interface LabelAt {
  start: number;
  /** Where the words start on this line; the line's length when they start on the next. */
  wordsAt: number;
  reading: LabelReading;
  captionKey: string | null;
  /** Blank lines the turn's words may run across; more in a row end the turn (layouts that set
   * a soundbite off with blank lines, narration resuming after a wider gap). Unlimited if absent. */
  maxGap?: number;
}

export interface Paragraph {
  /** Lines of the paragraph with where each starts in `text`, so a sentence can cite its line. */
  parts: Array<{ n: number; offset: number; timecode: string | null }>;
  text: string;
}

export type TurnKind = 'label' | 'mark' | 'opening' | 'resumed' | 'clip-voice' | 'narration';

export interface Turn {
  kind: TurnKind;
  /** Set for `label` turns. */
  label: LabelAt | null;
  /** Line of the label or of the first words. */
  line: number;
  timecode: string | null;
  /** Inside a video clip or tape: recorded earlier, spoken date unknown. */
  clip: boolean;
  /** For `resumed` turns: the turn whose speaker speaks again after a clip. */
  resumes: Turn | null;
  paragraphs: Paragraph[];
  /** The turn began after a bullet or stage break that ends introduced segments. */
  afterBullet: boolean;
}

type Piece =
  | { kind: 'label'; label: LabelAt }
  | { kind: 'words'; text: string }
  | { kind: 'mark' }
  | { kind: 'stage'; stage: Stage };

/** Splits one line at its labels, caption marks and stage cues. */
function piecesOf(text: string, labels: readonly LabelAt[]): Piece[] {
  type Cut = { start: number; end: number; piece: Piece };
  const labelCuts: Cut[] = labels.map((l) => ({ start: l.start, end: l.wordsAt, piece: { kind: 'label', label: l } }));
  labelCuts.sort((a, b) => a.start - b.start);
  const labelStarts = new Set(labels.map((l) => l.start));
  // Whether a position falls inside a label: positions are asked in increasing order, so one
  // pointer walks the sorted labels (a line with a million labels stays linear).
  const inLabel = (() => {
    let k = 0;
    return (p: number): boolean => {
      while (k < labelCuts.length && labelCuts[k]!.end <= p) k++;
      return k < labelCuts.length && labelCuts[k]!.start <= p;
    };
  })();
  const cuts: Cut[] = [...labelCuts];
  const cues = stageCues(text);
  const inCue = (() => {
    let k = 0;
    return (p: number): boolean => {
      while (k < cues.length && cues[k]!.end <= p) k++;
      return k < cues.length && cues[k]!.start <= p;
    };
  })();
  for (const cue of cues) if (!inLabel(cue.start)) cuts.push({ start: cue.start, end: cue.end, piece: { kind: 'stage', stage: cue.stage } });
  const inLabelForMarks = (() => {
    let k = 0;
    return (p: number): boolean => {
      while (k < labelCuts.length && labelCuts[k]!.end <= p) k++;
      return k < labelCuts.length && labelCuts[k]!.start <= p;
    };
  })();
  for (let p = text.indexOf('>>'); p >= 0; p = text.indexOf('>>', p + 2)) {
    if (inLabelForMarks(p) || inCue(p)) continue;
    let end = p + 2;
    while (text[end] === '>' || text[end] === ' ') end++;
    // `>> judy:` is the label's own turn mark.
    if (labelStarts.has(end)) {
      cuts.push({ start: p, end, piece: { kind: 'words', text: '' } });
      continue;
    }
    cuts.push({ start: p, end, piece: { kind: 'mark' } });
  }
  cuts.sort((a, b) => a.start - b.start);
  const pieces: Piece[] = [];
  let at = 0;
  for (const cut of cuts) {
    if (cut.start < at) continue;
    if (cut.start > at) pieces.push({ kind: 'words', text: text.slice(at, cut.start) });
    pieces.push(cut.piece);
    at = cut.end;
  }
  if (at < text.length) pieces.push({ kind: 'words', text: text.slice(at) });
  return pieces;
}

export interface TurnInput {
  lines: readonly CleanLine[];
  /** Labels by line index. */
  labels: ReadonlyMap<number, readonly LabelAt[]>;
  /** Lines that only hold part of a label, or page chrome and title lines above the transcript. */
  consumed: ReadonlySet<number>;
}

export function buildTurns({ lines, labels, consumed }: TurnInput): Turn[] {
  const turns: Turn[] = [];
  let current: Turn | null = null;
  let paragraph: Paragraph | null = null;
  let inClip = false;
  /** Who spoke before the tape rolled: unlabelled words after it are theirs again. */
  let beforeClip: Turn | null = null;
  let afterBreak = false;
  let timecode: string | null = null;
  let blankRun = 0;
  let gapEnded = false;

  const open = (kind: TurnKind, line: CleanLine, label: LabelAt | null, resumes: Turn | null = null): Turn => {
    const turn: Turn = { kind, label, line: line.n, timecode: line.timecode ?? timecode, clip: inClip, resumes, paragraphs: [], afterBullet: line.bullet || afterBreak };
    afterBreak = false;
    turns.push(turn);
    current = turn;
    paragraph = null;
    return turn;
  };
  const addWords = (line: CleanLine, raw: string): void => {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (text === '' || /^[-–—.,;:]+$/.test(text)) return;
    if (current === null) {
      if (inClip) open('clip-voice', line, null);
      else if (beforeClip !== null) open('resumed', line, null, beforeClip);
      else if (gapEnded) open('narration', line, null);
      else open('opening', line, null);
    }
    const turn = current as unknown as Turn;
    if (paragraph === null) {
      paragraph = { parts: [], text: '' };
      turn.paragraphs.push(paragraph);
    }
    const p = paragraph as Paragraph;
    if (p.text !== '') p.text += ' ';
    p.parts.push({ n: line.n, offset: p.text.length, timecode: line.timecode ?? timecode });
    p.text += text;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || consumed.has(i)) continue;
    if (line.stampOnly) {
      timecode = line.timecode;
      paragraph = null;
      continue;
    }
    if (line.text.trim() === '') {
      paragraph = null;
      blankRun++;
      continue;
    }
    const cur = current as Turn | null;
    const maxGap = cur?.label?.maxGap;
    if (maxGap !== undefined && blankRun > maxGap) {
      // A wider gap than inside the soundbite: the narration resumes.
      current = null;
      gapEnded = true;
    }
    blankRun = 0;
    if (line.timecode !== null) timecode = line.timecode;
    // A bullet starts a new caption; in a file whose bullets are sentences, it is not a new paragraph.
    for (const piece of piecesOf(line.text, labels.get(i) ?? [])) {
      switch (piece.kind) {
        case 'label':
          if (!inClip) beforeClip = null;
          gapEnded = false;
          open('label', line, piece.label);
          break;
        case 'mark':
          if (current !== null || turns.length > 0) open('mark', line, null);
          break;
        case 'stage':
          if (piece.stage === 'clip-begin') {
            beforeClip = inClip ? beforeClip : (current ?? beforeClip);
            inClip = true;
            current = null;
          } else if (piece.stage === 'clip-end') {
            inClip = false;
            current = null;
          } else if (piece.stage === 'break') {
            current = null;
            beforeClip = null;
            afterBreak = true;
          }
          break;
        case 'words':
          addWords(line, piece.text);
          break;
      }
    }
  }
  return turns;
}
