// Words both adapters use for the same facts, so Discord and the terminal say the same thing.
import type { Passage, PassageKind, Source } from '../model.ts';
import { ROLE_NOUN } from '../parse/general/roles.ts';
import type { CharSpan } from './alignFragment.ts';
import type { Answer, AnswerItem, TimelineStory } from './answer.ts';

export function verdictLine(a: Answer): string | null {
  if (a.command !== 'who-said') return null;
  const top = a.items[0];
  switch (a.verdict) {
    case 'exact': return 'Exact match';
    case 'close': {
      const n = top?.match?.differing ?? 0;
      // A clause left out counts as one difference, however many words it has.
      const phrases = (top?.match?.differences ?? []).some((d) => ((d.said ?? d.remembered ?? '').trim().split(/\s+/).length > 2));
      if (phrases) return `Close match: ${n} difference${n === 1 ? '' : 's'}`;
      return `Close match: ${n} word${n === 1 ? '' : 's'} differ${n === 1 ? 's' : ''}`;
    }
    case 'reported': {
      const p = top?.passage;
      if (p?.kind !== 'narration') return 'Reported speech, not a direct quote';
      const role = p.speaker.role;
      return role && !p.speaker.anonymous
        ? `Said on air by ${ROLE_NOUN[role]}, ${p.speaker.name}: the programme's own words, not a newsmaker's quote`
        : 'Narration, not a quote: the programme said this, nobody was quoted saying it';
    }
    case 'not_found': return a.nearest.length > 0 ? 'Nobody in the archive said this; nearest:' : 'Nobody in the archive said this.';
    default: return null;
  }
}

/** `“corespondence” → “correspondence”; not in the transcript: “moon”`, or null when none. */
export function differencesLine(item: AnswerItem): string | null {
  const diffs = item.match?.differences ?? [];
  if (diffs.length === 0 || item.match?.verdict === 'exact') return null;
  const parts = diffs.map((d) => {
    switch (d.kind) {
      case 'added': return `not in the transcript: “${d.remembered}”`;
      case 'dropped': return `the transcript also says “${d.said}”`;
      case 'moved': return `“${d.said}” stands elsewhere in the transcript`;
      default: return `“${d.remembered}” → “${d.said}”`;
    }
  });
  return `You wrote it differently: ${parts.join('; ')}`;
}

const KIND_WORDS: Record<PassageKind, string> = {
  quote: 'quote',
  narration: 'narration',
  reported: 'reported speech',
  question: "reporter's question",
};

export function kindWord(kind: PassageKind): string {
  return KIND_WORDS[kind];
}

/**
 * How the speaker is known, where the transcript's label does not simply say so: introduced by
 * someone else's words (shown, with their line, so the journalist can judge), not named at all,
 * or a journalist whose words are the programme's. Null for a plainly labelled speaker.
 */
export function attributionLine(p: Passage): string | null {
  const s = p.speaker;
  if (s.introduced) return `Not labelled in the transcript: named by line ${s.introduced.line}, “${s.introduced.text}”`;
  if (p.kind === 'reported' && s.anonymous) return 'Reported speech: the sentence names no source.';
  if (s.anonymous && UNNAMED.test(s.name)) return 'The transcript does not name who said this.';
  if (s.role && p.kind === 'narration') return `Said on air by ${ROLE_NOUN[s.role]}: the programme's own words.`;
  return null;
}

const UNNAMED = /^(?:unidentified|unknown) (?:speaker|voice)$/i;

/** `Karoline Leavitt, White House Press Secretary` (anonymous speakers are described, not named). */
export function speakerLine(p: Passage): string {
  const s = p.speaker;
  return s.title ? `${s.name}, ${s.title}` : s.name;
}

/** `spoken 2025-03 (March) · aired 2025-06-12`, or `date unknown`. */
export function datesLine(src: Source): string {
  const parts: string[] = [];
  if (src.spoken && src.spoken !== src.aired) parts.push(`spoken ${src.spoken}${src.note ? ` (${src.note})` : ''}`);
  parts.push(src.aired ? `aired ${src.aired}` : 'date unknown');
  return parts.join(' · ');
}

/** `News Today: "Trump 'receptive' to contact with Kim"`. */
export function programmeLine(src: Pick<Source, 'program' | 'headline'>): string | null {
  if (src.program && src.headline) return `${src.program}: “${src.headline}”`;
  return src.program ?? (src.headline ? `“${src.headline}”` : null);
}

/** `2025-04-03 · Evening Desk: “Ferry service back”`: a timeline story's heading. */
export function describeStory(s: Pick<TimelineStory, 'date' | 'program' | 'headline' | 'file'>): string {
  return `${s.date ?? 'undated'} · ${programmeLine(s) ?? s.file}`;
}

/** `corpus-relative/file.txt, line 14`, with `at 03:04` where the recording has timecodes. */
export function sourceLine(src: Source): string {
  return `${src.file}, line ${src.line}${src.timecode ? ` at ${src.timecode}` : ''}`;
}

export interface Segment {
  text: string;
  marked: boolean;
}

/** Splits text into runs, marking the matched words; adjacent marked words join into one run. */
export function markedSegments(text: string, marks: readonly CharSpan[] = []): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  for (let i = 0; i < sorted.length; i++) {
    let { start, end } = sorted[i]!;
    if (start < at) continue;
    // Join marks separated only by spaces or punctuation into one marked run.
    while (i + 1 < sorted.length && /^[\s\p{P}]*$/u.test(text.slice(end, sorted[i + 1]!.start))) {
      end = sorted[++i]!.end;
    }
    if (start > at) out.push({ text: text.slice(at, start), marked: false });
    out.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  return out;
}

/** The marks an item shows: who-said's matched words, or a timeline's topic words. */
export function marksOf(item: AnswerItem): CharSpan[] {
  return [...(item.match?.marks ?? item.marks ?? [])];
}

/** Cuts long text at a word boundary around the marked stretch, with an ellipsis where it cut. */
export function excerpt(item: AnswerItem, max: number): { text: string; marks: CharSpan[] } {
  const text = item.passage.text;
  const marks = item.match?.marks ?? item.marks ?? [];
  if (text.length <= max) return { text, marks: [...marks] };
  const focus = item.match?.span ?? (item.marks?.length ? { start: item.marks[0]!.start, end: item.marks[0]!.end } : null);
  // A timeline's marks lead with the topic's first word, so the cut starts a little before it.
  const centre = focus ? (item.match ? Math.floor((focus.start + focus.end) / 2) : focus.start + Math.floor(max / 3)) : 0;
  let start = Math.max(0, Math.min(centre - Math.floor(max / 2), text.length - max));
  let end = Math.min(text.length, start + max);
  if (start > 0) { const sp = text.indexOf(' ', start); start = sp >= 0 && sp < end ? sp + 1 : start; }
  if (end < text.length) { const sp = text.lastIndexOf(' ', end); end = sp > start ? sp : end; }
  const pre = start > 0 ? '… ' : '';
  const post = end < text.length ? ' …' : '';
  const shifted = marks
    .filter((m) => m.start >= start && m.end <= end)
    .map((m) => ({ start: m.start - start + pre.length, end: m.end - start + pre.length }));
  return { text: pre + text.slice(start, end) + post, marks: shifted };
}
