// Labels that take a whole line and need no colon, in the layouts that write them so:
// parliamentary portrait captions (`Lord Lansley Portrait The Leader of the House of Commons
// (Mr Andrew Lansley)`, later `Lord Lansley Portrait Mr Lansley`), TheyWorkForYou's `Photo of
// Barry Sheerman Barry Sheerman Labour, Huddersfield 10:34, 5 March 2015`, a time stamp line
// then a name line then an office line (Hansard mirrors), `Name/ title` and `Name / Title`
// lines followed by the words, and labels wrapped over two lines (`JOHN DOE, Director of
// Research,` ⏎ `Example University: The numbers`, or `REAR ADM.` ⏎ `DANIEL HAGARI, …:`).
import type { CleanLine } from './cleanLines.ts';
import type { LabelCandidate } from './findLabels.ts';
import { readLabel, type LabelReading } from './readLabel.ts';
import { notSpeakerWords } from './judgeLabels.ts';
import { isChromeLine } from './titleLines.ts';

export interface LineLabel {
  /** Index of the line holding the label (or its last part). */
  index: number;
  /** Indexes of lines that are part of the label and hold no words. */
  consumed: number[];
  reading: LabelReading;
  /** For portraits: the caption name that identifies the person across the page. */
  captionKey: string | null;
  /** Where the words start on the label's own line; -1 when they start on the next line. */
  wordsAt: number;
  /** For labels set off by blank lines: how many the words may run across (see LabelAt.maxGap). */
  maxGap?: number;
}

const PORTRAIT = /^(.{2,60}?) Portrait (.{2,240})$/;
const PHOTO = /^Photo of (.{2,60}?) \1\b\s*(.*)$/;
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness|Baron)\.?\s+/;
const PARTY = /^(?:Lab|Con|LD|SNP|DUP|SDLP|PC|Green|Ind|Alba|UUP|Reform|Lab\/Co-op|Co-op|Independent|Alliance|SF|TUV)$/;
const TITLE_NAME = /^(?:\p{Lu}[\p{L}'’.-]*)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|der|al|bin)){0,4}$/u;
const SLASH_LABEL = /^([\p{Lu}][^/:;!?"“”]{1,60}?)\s*\/\s*([^/:;!?"“”]{0,80})$/u;

/** The whole-line labels of a file. */
export function lineLabels(lines: readonly CleanLine[]): LineLabel[] {
  const found: LineLabel[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i]?.text ?? '').trim();
    if (text === '') continue;
    const portrait = PORTRAIT.exec(text);
    if (portrait) {
      const label = portraitLabel(portrait[1] ?? '', portrait[2] ?? '');
      if (label) found.push({ index: i, consumed: [], reading: label, captionKey: (portrait[1] ?? '').trim(), wordsAt: -1 });
      continue;
    }
    const photo = PHOTO.exec(text);
    if (photo) {
      const title = (photo[2] ?? '').replace(/\s*\d{1,2}:\d{2}(?:,.*)?$/, '').trim() || null;
      const reading = simpleReading(text, photo[1] ?? '', title);
      if (reading) found.push({ index: i, consumed: [], reading, captionKey: null, wordsAt: -1 });
      continue;
    }
    const stamped = stampedName(lines, i);
    if (stamped) {
      found.push(stamped);
      continue;
    }
    const slash = SLASH_LABEL.exec(text);
    const following = next(lines, i);
    if (slash && following !== null && !/\d\s*\/\s*\d/.test(text)) {
      const name = (slash[1] ?? '').trim();
      const title = (slash[2] ?? '').trim() || null;
      const reading = readLabel(name) ?? description(name);
      if (reading && reading.nameWords <= 5 && !/[.!?]$/.test(title ?? '')) {
        found.push({ index: i, consumed: [], reading: { ...reading, raw: text, title: title ?? reading.title }, captionKey: null, wordsAt: -1, maxGap: Math.max(1, following - i - 1) });
      }
    }
  }
  const bare = bareLabels(lines, found);
  return [...found, ...bare, ...namesAlone(lines, [...found, ...bare])];
}

/** `JANE ROE` ⏎ `Welcome to the meeting.`: a name alone on its line, the words on the next, as
 * scripts and podcast pages write turns. In capitals, where the file does it twice or more; in
 * mixed case (`Jane Roe`), a full name, where one of the names does it twice or more: a lone
 * short line is more often a heading. */
function namesAlone(lines: readonly CleanLine[], others: readonly LineLabel[]): LineLabel[] {
  const taken = new Set(others.map((l) => l.index));
  const caps: LineLabel[] = [];
  const mixed: LineLabel[] = [];
  for (let i = 0; i < lines.length - 1; i++) {
    const text = (lines[i]?.text ?? '').trim();
    const after = (lines[i + 1]?.text ?? '').trim();
    if (text === '' || after === '' || taken.has(i) || text.length > 60 || !/^\p{Lu}/u.test(text)) continue;
    if (i > 0 && (lines[i - 1]?.text ?? '').trim() !== '') continue;
    // The words are not another line of capitals (a heading over a heading).
    if (after === after.toUpperCase()) continue;
    const reading = readLabel(text);
    if (!reading || reading.question || reading.nameWords > 4 || notSpeakerWords(reading) || isChromeLine(text)) continue;
    if (reading.style === 'caps') caps.push({ index: i, consumed: [], reading, captionKey: null, wordsAt: -1 });
    else if (reading.style === 'title' && reading.nameWords >= 2 && reading.title === null) mixed.push({ index: i, consumed: [], reading, captionKey: null, wordsAt: -1 });
  }
  const seen = new Map<string, number>();
  for (const l of mixed) seen.set(l.reading.name, (seen.get(l.reading.name) ?? 0) + 1);
  const recurring = [...seen.values()].some((n) => n >= 2);
  return [...(caps.length >= 2 ? caps : []), ...(recurring && mixed.length >= 2 ? mixed : [])].sort((a, b) => a.index - b.index);
}

/** `Harbour worker` ⏎ (blank) ⏎ the words: a short line with no punctuation, alone above a blank
 * line. Only where the page sets soundbites off this way more than once, or beside `Name/ title`
 * labels: a lone short line is more often a heading. */
function bareLabels(lines: readonly CleanLine[], others: readonly LineLabel[]): LineLabel[] {
  const taken = new Set(others.map((l) => l.index));
  const found: LineLabel[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i]?.text ?? '').trim();
    if (text === '' || taken.has(i) || (lines[i + 1]?.text ?? 'x').trim() !== '') continue;
    if (!/^\p{Lu}/u.test(text) || /[.!?:;,"“”|]/.test(text) || text.split(/\s+/).length > 5 || isChromeLine(text)) continue;
    if (i > 0 && (lines[i - 1]?.text ?? '').trim() !== '') continue;
    const following = next(lines, i);
    if (following === null) continue;
    const reading = readLabel(text) ?? description(text);
    if (!reading) continue;
    found.push({ index: i, consumed: [], reading, captionKey: null, wordsAt: -1, maxGap: Math.max(1, following - i - 1) });
  }
  const slashed = others.some((l) => l.maxGap !== undefined);
  return found.length >= 2 || (slashed && found.length > 0) ? found : [];
}

/** A label that describes rather than names: `Harbour worker`, `Local resident`, `Mayor's office`. */
function description(text: string): LabelReading | null {
  const words = text.trim().split(/\s+/);
  if (words.length === 0 || words.length > 5 || !/^\p{Lu}/u.test(text)) return null;
  return { raw: text.trim(), name: text.trim(), prefix: null, title: null, party: null, delivery: null, role: null, style: 'title', generic: false, description: true, question: false, nameWords: words.length };
}

/** `The Leader of the House of Commons (Mr Andrew Lansley)`, `Mr John Spellar (Warley) (Lab)`,
 * `Mr Lansley`, `Sam Tarry (Ilford South) (Lab)`. */
function portraitLabel(caption: string, rest: string): LabelReading | null {
  let head = rest.trim();
  const parens: string[] = [];
  for (let guard = 0; guard < 4; guard++) {
    const m = /\s*\(([^()]*)\)\s*$/.exec(head);
    if (!m) break;
    parens.unshift((m[1] ?? '').trim());
    head = head.slice(0, m.index).trim();
  }
  const party = parens.find((p) => PARTY.test(p)) ?? null;
  const others = parens.filter((p) => p !== party);
  const last = others.at(-1) ?? null;
  // `The Leader of the House (Mr Andrew Lansley)`: an office, then the person.
  if (/^The\s/.test(head) && last !== null && TITLE_NAME.test(last.replace(HONORIFIC, ''))) {
    return simpleReading(`${caption} Portrait ${rest}`, last.replace(HONORIFIC, ''), head, party);
  }
  const name = head.replace(HONORIFIC, '').trim();
  if (!TITLE_NAME.test(name)) return null;
  const title = others.length > 0 ? others.join(', ') : null;
  return simpleReading(`${caption} Portrait ${rest}`, name, title, party);
}

function simpleReading(raw: string, name: string, title: string | null, party: string | null = null): LabelReading | null {
  const base = readLabel(name);
  if (!base) return null;
  return { ...base, raw, title: title ?? base.title, party: party ?? base.party };
}

/** A stamp line, then a name line, then (optionally) an office or constituency line, then the
 * words: `  11:18:49` ⏎ `Penny Mordaunt` ⏎ `The Leader of the House of Commons` ⏎ `The business …`. */
function stampedName(lines: readonly CleanLine[], i: number): LineLabel | null {
  const prev = lines[i - 1];
  if (!prev?.stampOnly) return null;
  const text = (lines[i]?.text ?? '').trim();
  if (!TITLE_NAME.test(text) || text.split(/\s+/).length > 5 || text.split(/\s+/).length < 2) return null;
  const reading = readLabel(text);
  if (!reading) return null;
  const after = lines[i + 1];
  const afterText = (after?.text ?? '').trim();
  const following = (lines[i + 2]?.text ?? '').trim();
  // An office line is short and no sentence; the words after it are.
  if (after && !after.stampOnly && afterText !== '' && afterText.split(/\s+/).length <= 12 && !/[.!?:]$/.test(afterText) && following !== '') {
    return { index: i + 1, consumed: [i], reading: { ...reading, title: afterText }, captionKey: null, wordsAt: -1 };
  }
  return { index: i, consumed: [], reading, captionKey: null, wordsAt: -1 };
}

function next(lines: readonly CleanLine[], i: number): number | null {
  for (let k = i + 1; k < lines.length; k++) if ((lines[k]?.text ?? '').trim() !== '') return k;
  return null;
}

/** Labels wrapped over two lines, as candidates on the second line. */
export function wrappedLabels(lines: readonly CleanLine[], candidates: readonly LabelCandidate[]): { extra: LabelCandidate[]; consumed: Set<number> } {
  const extra: LabelCandidate[] = [];
  const consumed = new Set<number>();
  const startsLabel = new Map<number, LabelCandidate>();
  for (const c of candidates) if (c.boundary === 'start' && !startsLabel.has(c.index)) startsLabel.set(c.index, c);
  for (let i = 0; i + 1 < lines.length; i++) {
    const text = (lines[i]?.text ?? '').trim();
    if (text === '' || text.includes(':') || isChromeLine(text)) continue;
    const j = next(lines, i);
    if (j === null) break;
    const nextText = lines[j]?.text ?? '';
    // `REAR ADM.` ⏎ `DANIEL HAGARI, Spokesperson, Israeli Defense Forces: …`
    const label = startsLabel.get(j);
    if (label && /^(?:[\p{Lu}]{2,}\.?\s*){1,3}$/u.test(text) && label.reading.style === 'caps' && label.reading.prefix === null) {
      const reading = readLabel(`${text} ${nextText.slice(label.start, nextText.indexOf(':', label.start))}`);
      if (reading && reading.prefix !== null) {
        extra.push({ ...label, reading });
        consumed.add(i);
      }
      continue;
    }
    // `JOHN DOE, Director of Research,` ⏎ `Example University: The numbers`
    if (/,$/.test(text) && !startsLabel.has(i)) {
      const colon = nextText.indexOf(':');
      const tail = nextText.slice(0, colon).trim();
      // The title's second half: a few capitalised words (`Example University`), never a cue (`Then`).
      if (colon <= 0 || colon > 120 || /[.!?]/.test(tail) || tail.split(/\s+/).length < 2 || !/^\p{Lu}/u.test(tail)) continue;
      const reading = readLabel(`${text} ${nextText.slice(0, colon)}`);
      if (reading && reading.style === 'caps' && reading.title !== null) {
        let wordsAt = colon + 1;
        while (wordsAt < nextText.length && /\s/.test(nextText[wordsAt] ?? '')) wordsAt++;
        extra.push({ index: j, start: 0, wordsAt, boundary: 'start', reading, shorter: [] });
        consumed.add(i);
      }
    }
  }
  return { extra, consumed };
}
