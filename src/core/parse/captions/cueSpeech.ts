// Who speaks in a cue, and the words without markup. Captions say it four ways: a voice tag
// `<v Jane Roe>`, a `Jane Roe:` prefix, `>> JANE ROE:` in broadcast captions, and a bare `>>`
// that only says the speaker changed. A cue that says none of these continues the speaker.
import { bracketedLabel } from '../general/cleanLines.ts';
import { straightenQuotes } from '../sourceText.ts';

export type SpeakerMark =
  | { kind: 'named'; label: string }
  /** A bare `>>`: someone else now, not named. */
  | { kind: 'unnamed' }
  /** No mark: whoever was speaking goes on. */
  | { kind: 'continue' };

export interface Speech {
  mark: SpeakerMark;
  text: string;
  /** 1-based line the words are on. */
  line: number;
}

const VOICE_TAG = /<v(?:\.[^\s>]+)*(?:[ \t]+([^>]*))?>/g;
/** Any other tag (`<i>`, `<c.yellow>`, `</v>`, `<00:00:12.500>`), SSA overrides `{\an8}`. */
const OTHER_TAGS = /<[^>]*>|\{\\[^}]*\}/g;
/** Sound descriptions are not words: `[MUSIC]`, `(APPLAUSE)`, `♪`. */
const SOUNDS = /\[[^\]]*\]|\((?=[^)]*\p{Lu})[^\p{Ll})]*\)|[♪♫]/gu;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', nbsp: ' ', quot: '"', apos: "'", lrm: '', rlm: '' };

/** The dash that opens a speaker's line in a subtitle cue of two speakers. */
const DIALOGUE_DASH = /^[-‐–—]\s*/;
/** A prefix before the colon that may be a name: short, no sentence punctuation. */
const PREFIX = /^([^:.!?"]{1,40}):(?:\s+|$)(.*)$/;
/** Capitalised words that open sentences and headings, never names (`Note: ...`, `Why: ...`). */
const NOT_NAMES = new Set(
  `note notes update warning breaking correction source music translation translator caption captions subtitle
  subtitles transcript chorus example quote result results fact bottom first second third finally also plus
  today tonight tomorrow yesterday here there this that the and but so now well yes no okay ok why what who
  how when where remember look listen answer question live watch read`.split(/\s+/),
);
/** Words that make an all-caps prefix a sentence (`THE PLAN IS SIMPLE: WAIT`), not a name. */
const SENTENCE_WORDS = new Set(
  `is are was were be a an of to and or in on at it its this that these we i you he she they here there what
  why how who but so if for with our your my not no yes all`.split(/\s+/),
);
/** Lower-case words that sit inside names: `Ursula von der Leyen`, `Luiz Inácio da Silva`. */
const PARTICLES = new Set(['de', 'da', 'do', 'dos', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'di', 'bin', 'al', 'el', 'ibn']);

/** The cue's lines as speech, each piece with its speaker mark. */
export function cueSpeech(payload: readonly { n: number; text: string }[]): Speech[] {
  const out: Speech[] = [];
  for (const line of payload) {
    for (const voiced of splitVoices(line.text)) {
      const pieces = voiced.text.split(/>>+/);
      pieces.forEach((piece, i) => {
        const afterChevron = i > 0;
        const head: SpeakerMark = afterChevron ? { kind: 'unnamed' } : voiced.mark;
        // `[SPEAKER_00]: words` and `[Jane Roe] words`: a label in brackets, not a sound.
        const bracketed = bracketedLabel(piece.trimStart());
        const clean = cleanWords(bracketed ? `${bracketed.name}: ${bracketed.words}` : piece);
        // `>> JANE ROE:` and `Jane Roe:` name the speaker; a voice tag already did. Subtitles put
        // a dash before each speaker of a two-speaker cue: `- Jane Roe: words`.
        const dashed = DIALOGUE_DASH.exec(clean);
        const named = head.kind === 'named' ? null : namePrefix(dashed ? clean.slice(dashed[0].length) : clean, afterChevron);
        const mark: SpeakerMark = named ? { kind: 'named', label: named.label } : head;
        const text = named ? named.rest : clean;
        // A bare `>>` with nothing after it on the line still changes the speaker.
        if (text !== '' || mark.kind !== 'continue') out.push({ mark, text, line: line.n });
      });
    }
  }
  return out;
}

function splitVoices(text: string): { mark: SpeakerMark; text: string }[] {
  const out: { mark: SpeakerMark; text: string }[] = [];
  let mark: SpeakerMark = { kind: 'continue' };
  let from = 0;
  for (const m of text.matchAll(VOICE_TAG)) {
    out.push({ mark, text: text.slice(from, m.index) });
    const name = decodeEntities(m[1] ?? '').trim();
    mark = name === '' ? { kind: 'continue' } : { kind: 'named', label: name };
    from = m.index + m[0].length;
  }
  out.push({ mark, text: text.slice(from) });
  return out.filter((v) => v.text.trim() !== '' || v.mark.kind === 'named');
}

function cleanWords(text: string): string {
  return straightenQuotes(decodeEntities(text.replace(OTHER_TAGS, ' ')).replace(SOUNDS, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** `JANE ROE: words` or `Jane Roe: words` → the label and the words; a sentence that merely
 * has a colon in it ("The plan is simple: wait") → null. */
export function namePrefix(text: string, afterChevron = false): { label: string; rest: string } | null {
  const m = PREFIX.exec(text);
  if (!m) return null;
  const label = (m[1] ?? '').trim();
  const words = label.split(/\s+/);
  if (!/\p{L}{2}/u.test(label) || words.length > 5) return null;
  const numbered = /^speaker[\s_]*(\d+)$/i.exec(label);
  if (numbered) return { label: `Speaker ${numbered[1]}`, rest: (m[2] ?? '').trim() };
  if (/\d/.test(label)) return null;
  const upper = !/\p{Ll}/u.test(label);
  if (upper) {
    // All-caps captions make every colon sentence look like a label: `>> THE PLAN IS SIMPLE:`.
    if (words.some((w) => SENTENCE_WORDS.has(w.toLowerCase()))) return null;
    // Without a `>>` to vouch for it, a heading word (`NOTE:`, `UPDATE:`) is no name either.
    if (!afterChevron && NOT_NAMES.has((words[0] ?? '').toLowerCase())) return null;
  } else {
    if (words.length > 4 || NOT_NAMES.has((words[0] ?? '').toLowerCase())) return null;
    if (!words.every((w) => /^\p{Lu}/u.test(w) || PARTICLES.has(w))) return null;
  }
  return { label, rest: (m[2] ?? '').trim() };
}
