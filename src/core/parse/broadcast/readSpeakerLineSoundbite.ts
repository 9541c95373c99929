// Format A: a `Name / Title (note)` line, then the speaker's words until narration resumes.
// A line only counts as a label when its shape and what follows both say so: narration with a
// slash ("The 24/7 hotline opened") or a colon ("Officials said: more later") must stay narration.
import type { SourceLine } from '../sourceText.ts';
import { readSectionMarker } from './sections.ts';
import type { SoundbiteRead, SoundbiteReader } from './soundbite.ts';
import { continuesSentence, endsSentence, hasHangul, soundsSpoken } from './textShape.ts';

/** Narration reporting someone: "officials said", "according to", "she told reporters". */
const REPORTS_OTHERS = /\b(?:said|says|told|according to|reported|announced|added)\b/i;

/** A label line is short; a title rarely runs past a dozen words. */
const MAX_LABEL_WORDS = 20;
const MAX_NAME_WORDS = 6;
/** `Name / Title`, `Name/ Title`, `Name /Title`, `Name / `: one slash, not between digits, with
 * a letter before it. Found with indexOf rather than a pattern: the pattern this replaced
 * backtracked quadratically on a long line (a 98 KB line without a slash took 15 s). */
export function labelSlash(text: string): { name: string; title: string } | null {
  const at = text.indexOf('/');
  if (at < 0 || text.includes('/', at + 1)) return null;
  const name = text.slice(0, at);
  const title = text.slice(at + 1);
  if (!/\p{L}/u.test(name) || /\p{N}$/u.test(name) || /^\p{N}/u.test(title)) return null;
  return { name, title };
}

export const readSpeakerLineSoundbite: SoundbiteReader = (lines, i) => {
  const text = (lines[i]?.text ?? '').trim();
  const shape = labelShape(text);
  if (shape === null) return null;

  const first = nextNonBlank(lines, i + 1);
  const firstText = first === null ? '' : (lines[first]?.text ?? '').trim();
  const cut = (): SoundbiteRead => ({ label: text, words: null, next: i + 1, issue: null });
  if (first === null || readSectionMarker(firstText) || hasHangul(firstText) || firstText.startsWith('[')) {
    return shape === 'slash' ? cut() : null;
  }
  if (labelShape(firstText) === 'slash') return shape === 'slash' ? cut() : null;
  // A bare line ("Domestic worker from Philippines") is a label only before someone's own words.
  if (shape === 'bare' && !soundsSpoken(firstText)) return null;

  const startLine = lines[first];
  if (!startLine) return null;
  const parts = [firstText];
  // With a blank after the label the page writes paragraphs as blocks: the block is the bite.
  const blockStyle = first > i + 1;
  let k = first + 1;
  for (;;) {
    const n = nextNonBlank(lines, k);
    if (n === null) break;
    const t = (lines[n]?.text ?? '').trim();
    const adjacent = n === k;
    if (readSectionMarker(t) || hasHangul(t) || t.startsWith('[') || labelShape(t) === 'slash') break;
    const last = parts[parts.length - 1] ?? '';
    const sameBlock = blockStyle && adjacent;
    const runsOn = continuesSentence(t) || (!endsSentence(last) && /[,;:\u2014-]$/.test(last));
    // A soundbite set off by blank lines may run over several paragraphs: the next one is still
    // the speaker's when it is no further away than the first was, and sounds like their own
    // words, not the reporter's ("I left with nothing.", not "Officials said …").
    const gap = n - k;
    const ownWords = blockStyle && gap <= first - i - 1 && soundsSpoken(t) && !REPORTS_OTHERS.test(t) && labelShape(t) === null;
    if (!sameBlock && !runsOn && !ownWords) break;
    parts.push(t);
    k = n + 1;
  }
  return { label: text, words: { text: parts.join(' '), line: startLine.n }, next: k, issue: null };
};

type LabelShape = 'slash' | 'bare';

/** Whether a line is shaped like a label: `Name / Title` ('slash') or a short description with
 * no punctuation ('bare', which also needs spoken words after it). */
/** Longer than this, a line is no label whatever its words: checked first, so a megabyte line
 * is not split into words only to be refused. */
const MAX_LABEL_CHARS = 400;

export function labelShape(text: string): LabelShape | null {
  if (text === '' || text.startsWith('[') || text.length > MAX_LABEL_CHARS || hasHangul(text)) return null;
  if (text.split(/\s+/).length > MAX_LABEL_WORDS || /[:;!?"“”]/.test(text)) return null;
  if (endsSentence(text) && !/\)$/.test(text) && !endsWithAbbreviation(text)) return null;
  if (!/^\p{Lu}/u.test(text)) return null;
  const slash = labelSlash(text);
  if (slash) {
    const name = slash.name.trim();
    const title = slash.title.trim();
    if (name.split(/\s+/).length > MAX_NAME_WORDS || /[,.]$/.test(name)) return null;
    // `Jane Roe/ resident`: a title may be written in lower case; a sentence with a slash is not a label.
    if (title !== '' && !/^[\p{L}\p{N}(]/u.test(title)) return null;
    return 'slash';
  }
  const withoutParens = text.replace(/\([^()]*\)/g, '').trim();
  if (withoutParens === '' || /[,.]/.test(withoutParens)) return null;
  return withoutParens.split(/\s+/).length <= MAX_NAME_WORDS ? 'bare' : null;
}

function nextNonBlank(lines: SourceLine[], from: number): number | null {
  for (let k = from; k < lines.length; k++) if ((lines[k]?.text ?? '').trim() !== '') return k;
  return null;
}

/** `Acme Corp.`, `U.S.`: a label may end with a full stop that closes no sentence. */
function endsWithAbbreviation(text: string): boolean {
  const last = text.split(/\s+/).pop() ?? '';
  return /^(?:\p{L}\.){2,}$/u.test(last) || /^(?:Inc|Corp|Co|Ltd|Jr|Sr|Dept|Univ|Assn|Gov)\.$/.test(last);
}
