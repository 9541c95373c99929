// The general transcript reader: any text a newsroom's archive holds that no format parser
// claims (pages copied from the web, caption streams, public-radio and parliamentary records,
// machine transcripts). It finds speaker turns wherever they are, judged over the whole file,
// and indexes what no label or introduction attributes as unattributed words, never guessing a
// speaker. A readable pipeline: clean lines → label candidates → judged labels → turns →
// speakers (labels, short forms, introductions, roles) → passages.
import type { FormatParser, ParseInput } from '../parser.ts';
import type { Introduction, ParseIssue, Passage, PassageKind, Speaker, Transcript } from '../../model.ts';
import { dateFromFileName } from '../dateFromFileName.ts';
import { passageId } from '../passageId.ts';
import { canonicalSourceName, reportedSource } from '../reportedSpeech.ts';
import { createSpeakerResolver, REPORTER } from '../speakerNames.ts';
import { chunkSentences, sentencesOf, type Sentence } from './chunkTurn.ts';
import { cleanLines, type CleanLine } from './cleanLines.ts';
import { FileSpeakers } from './fileSpeakers.ts';
import { findLabels, type LabelCandidate } from './findLabels.ts';
import { introductionBefore, journalistsIn, namedAfter, selfIntroduction, signOffName, type Introduced } from './introductions.ts';
import { judgeLabels, keyOf } from './judgeLabels.ts';
import { lineLabels, wrappedLabels } from './lineLabels.ts';
import { readLabel } from './readLabel.ts';
import { isChromeLine, readTitleLines } from './titleLines.ts';
import { buildTurns, type LabelAt, type Turn } from './turns.ts';

/** The speaker of words nobody is named for. */
export const UNATTRIBUTED: Readonly<Speaker> = { label: '', name: 'Unidentified speaker', title: null, anonymous: true };
/** Only the opening turns of a programme introduce its host ("Good evening. I'm …"). */
const HOST_TURNS = 3;
/** Lines read for the title, date and programme when a file has no labels. */
const TITLE_ZONE = 12;

interface Voice {
  speaker: Speaker;
  kind: PassageKind;
}

export function parseGeneral(input: ParseInput): Transcript {
  const { file } = input;
  const issues: ParseIssue[] = [];
  const lines = cleanLines(input.lines);
  const texts = lines.map((l) => l.text);
  const captions = isCaptionStream(texts);

  // 1. Labels, judged over the whole file.
  const candidates: LabelCandidate[] = [];
  texts.forEach((t, i) => candidates.push(...findLabels(i, t, captions), ...questionLine(i, t)));
  const wrapped = wrappedLabels(lines, candidates);
  const replaced = new Set(wrapped.extra.map((c) => `${c.index}:${c.wordsAt}`));
  const all = [...candidates.filter((c) => !replaced.has(`${c.index}:${c.wordsAt}`)), ...wrapped.extra].sort((a, b) => a.index - b.index || a.start - b.start);
  const judged = judgeLabels({ candidates: all, texts });
  const labels = new Map<number, LabelAt[]>();
  const addLabel = (index: number, label: LabelAt) => labels.set(index, [...(labels.get(index) ?? []), label]);
  for (const j of judged) addLabel(j.candidate.index, { start: j.start, wordsAt: j.candidate.wordsAt, reading: j.reading, captionKey: null });
  const consumed = new Set(wrapped.consumed);
  for (const l of lineLabels(lines)) {
    if (labels.has(l.index)) continue;
    addLabel(l.index, { start: 0, wordsAt: texts[l.index]?.length ?? 0, reading: l.reading, captionKey: l.captionKey });
    for (const c of l.consumed) consumed.add(c);
  }

  // 2. Turns, and the page's title lines above the first of them.
  const turns = buildTurns({ lines, labels, consumed });
  const firstTurnLine = turns.find((t) => t.kind !== 'opening')?.line ?? Infinity;
  const titleLines = lines.filter((l, i) => (l.n < firstTurnLine || i < TITLE_ZONE) && l.n < (turns.find((t) => t.kind === 'opening' && t.paragraphs.some((p) => p.text.split(' ').length > 25))?.line ?? Infinity) + 1).map((l) => l.text);
  const title = readTitleLines(titleLines.length > 0 ? titleLines : texts.slice(0, TITLE_ZONE));
  const aired = title.aired ?? dateFromFileName(file);
  if (aired === null) {
    issues.push({ file, line: 1, message: 'No title line gives the date and the file name has none (name it like 2025-03-04-evening-news.txt), so its passages are undated.', severity: 'warning' });
  }
  const meta = { aired, program: title.program, headline: title.headline, url: null };

  // 3. Speakers.
  const fullText = texts.join('\n');
  const journalists = journalistsIn(fullText, captions);
  const resolveUpper = createSpeakerResolver({ date: aired, title: title.headline, text: fullText, ...(input.aliases ? { aliases: input.aliases } : {}) });
  const people = new FileSpeakers(fullText, resolveUpper, journalists);
  for (const t of turns) if (t.label) people.learn(t.label.reading);
  const voices = voicesOf(turns, people, captions, issues, file, input.aliases);

  // 4. Passages.
  const passages: Passage[] = [];
  const parts = new Map<number, number>();
  const push = (line: number, voice: Voice, text: string, timecode: string | null, clip: boolean) => {
    const part = parts.get(line) ?? 0;
    parts.set(line, part + 1);
    passages.push({
      id: passageId(file, line, part),
      speaker: voice.speaker,
      kind: voice.kind,
      text,
      source: {
        file, line, format: 'general', program: meta.program, headline: meta.headline, section: clip ? 'clip' : null,
        aired, spoken: clip || voice.kind === 'narration' ? null : aired, note: null, url: null, timecode,
      },
    });
  };
  turns.forEach((turn, t) => {
    const sentences = keptSentences(turn, titleLines);
    for (const segment of segmentsOf(turn, t, sentences, voices, captions, people)) {
      for (const chunk of chunkSentences(segment.sentences)) {
        if (segment.voice.kind === 'narration') pushNarration(chunk, segment.voice, turn.clip, push);
        else push(chunk.line, segment.voice, chunk.text, chunk.timecode, turn.clip);
      }
    }
  });
  if (passages.length === 0) {
    issues.push({ file, line: 1, message: 'The file has no words to index, only page headers or time stamps.', severity: 'error' });
  }
  const labelled = new Set(turns.filter((t) => t.label).map((t) => keyOf(t.label!.reading)));
  return {
    file,
    format: 'general',
    meta,
    passages,
    issues,
    reading: {
      reader: 'general',
      labels: labelled.size,
      turns: turns.filter((t) => t.kind !== 'opening').length,
      unattributed: passages.filter((p) => p.speaker.name === UNATTRIBUTED.name).length,
    },
  };
}

/** `Q  Thank you.` at the start of a line: a reporter's question, in briefing layouts. */
function questionLine(index: number, text: string): LabelCandidate[] {
  const m = /^Q(?:\s{1,}|\.\s+)(?=\S)/.exec(text);
  if (!m) return [];
  const reading = readLabel('Q');
  return reading ? [{ index, start: 0, wordsAt: m[0].length, boundary: 'start', reading, shorter: [] }] : [];
}

/** Caption streams: `>>` turn marks, and text mostly in lower case. */
function isCaptionStream(texts: readonly string[]): boolean {
  let marks = 0;
  let letters = 0;
  let lower = 0;
  for (const t of texts) {
    for (let p = t.indexOf('>>'); p >= 0; p = t.indexOf('>>', p + 2)) marks++;
    for (const ch of t) {
      if (/\p{Ll}/u.test(ch)) { letters++; lower++; } else if (/\p{Lu}/u.test(ch)) letters++;
    }
  }
  return marks >= 3 && letters > 0 && lower / letters > 0.9;
}

/** The speaker of each labelled, marked or resumed turn (opening turns are read by sentence). */
function voicesOf(
  turns: readonly Turn[],
  people: FileSpeakers,
  captions: boolean,
  issues: ParseIssue[],
  file: string,
  aliases: ReadonlyMap<string, string> | undefined,
): Map<Turn, Voice> {
  const voices = new Map<Turn, Voice>();
  const byCaption = new Map<string, Voice>();
  const byGeneric = new Map<string, Voice>();
  const warned = new Set<string>();
  turns.forEach((turn, t) => {
    if (turn.kind === 'resumed' && turn.resumes) {
      const v = voices.get(turn.resumes);
      if (v) voices.set(turn, v);
      return;
    }
    const before = previousText(turns, t);
    if (turn.kind === 'mark' || turn.kind === 'clip-voice') {
      const found = introductionBefore(before, captions) ?? namedAfter(nextText(turns, t), captions);
      voices.set(turn, found ? introducedVoice(found, people, turns[t - 1] ?? turn, 'quote') : { speaker: { ...UNATTRIBUTED }, kind: 'quote' });
      return;
    }
    if (turn.kind !== 'label' || !turn.label) return;
    const reading = turn.label.reading;
    if (reading.question) {
      voices.set(turn, { speaker: { ...REPORTER, label: reading.raw }, kind: 'question' });
      return;
    }
    const alias = aliases?.get(reading.raw) ?? aliases?.get(reading.name);
    if (alias) {
      voices.set(turn, { speaker: { label: reading.raw, name: alias, title: reading.title, anonymous: false }, kind: 'quote' });
      return;
    }
    const captionKey = turn.label.captionKey;
    if (captionKey !== null && byCaption.has(captionKey) && reading.nameWords < 2) {
      voices.set(turn, { ...byCaption.get(captionKey)!, speaker: { ...byCaption.get(captionKey)!.speaker, label: reading.raw } });
      return;
    }
    // `Speaker 2`, `>> reporter:`, `UNIDENTIFIED MALE`: named by an introduction or by themselves.
    const role = reading.role;
    if (reading.generic || (reading.style === 'lower' && role !== null) || (reading.nameWords === 1 && role !== null && reading.name.toUpperCase() === 'REPORTER')) {
      const key = keyOf(reading);
      const own = turnText(turn);
      const self = selfIntroduction(own, captions);
      const found = self ? null : introductionBefore(before, captions) ?? (captions ? namedAfter(nextText(turns, t), captions) : null);
      const perTurn = role !== null; // `reporter` is whoever the anchor just introduced
      if (!perTurn && byGeneric.has(key)) {
        voices.set(turn, byGeneric.get(key)!);
        return;
      }
      let voice: Voice;
      if (self) voice = { speaker: { label: reading.raw, name: self, title: null, anonymous: false, ...(role ? { role } : {}) }, kind: role ? 'narration' : 'quote' };
      else if (found) voice = introducedVoice(found, people, turns[t - 1] ?? turn, role ? 'narration' : 'quote', reading.raw, role);
      else voice = { speaker: { label: reading.raw, name: sentence(reading.name), title: reading.title, anonymous: true, ...(role ? { role } : {}) }, kind: role ? 'narration' : 'quote' };
      if (!perTurn) byGeneric.set(key, voice);
      voices.set(turn, voice);
      return;
    }
    const { speaker, ambiguous } = people.resolve(reading);
    if (ambiguous && !warned.has(reading.raw)) {
      warned.add(reading.raw);
      issues.push({ file, line: turn.line, message: `The label "${reading.raw}" could be ${ambiguous.join(' or ')}; it was kept as written.`, severity: 'warning' });
    }
    const hosted = speaker.role === undefined && t < HOST_TURNS + firstLabelled(turns) && selfNames(turnText(turn), speaker.name, captions);
    const final: Speaker = hosted ? { ...speaker, role: 'host' } : speaker;
    const voice: Voice = { speaker: final, kind: final.role !== undefined ? 'narration' : 'quote' };
    if (captionKey !== null && !byCaption.has(captionKey)) byCaption.set(captionKey, voice);
    voices.set(turn, voice);
  });
  // A host found by a later turn's "I'm …" speaks as host in every turn.
  const hosts = new Map<string, Voice>();
  for (const v of voices.values()) if (v.speaker.role !== undefined) hosts.set(v.speaker.name, v);
  for (const [turn, v] of voices) {
    const h = hosts.get(v.speaker.name);
    if (h && v.speaker.role === undefined && !v.speaker.anonymous) voices.set(turn, { speaker: { ...v.speaker, role: h.speaker.role! }, kind: 'narration' });
  }
  return voices;
}

/** The sentences of a turn, without the page's title lines and chrome. */
function keptSentences(turn: Turn, titleLines: readonly string[]): Sentence[] {
  const titles = new Set(titleLines.map((t) => t.trim()));
  const seen = new Set<string>();
  const sentences = sentencesOf(turn.paragraphs);
  if (turn.kind !== 'opening') return sentences;
  // The opening of a page: drop its chrome, its title lines and its repeats.
  return sentences.filter((s) => {
    const t = s.text.trim();
    if (isChromeLine(t) || (titles.has(t) && t.split(/\s+/).length < 25) || seen.has(t)) return false;
    seen.add(t);
    return true;
  });
}

interface Segment {
  voice: Voice;
  sentences: Sentence[];
}

/**
 * A labelled turn is one speaker. An opening with no labels (a machine transcript, a podcast
 * page, an excerpt without its first label) is the programme's own voice (its host, where
 * the host names themselves), interrupted where the text introduces someone ("… told me
 * more") until it signs them off ("Vitaly Shevchenko.") or introduces the next.
 */
function segmentsOf(turn: Turn, t: number, sentences: readonly Sentence[], voices: ReadonlyMap<Turn, Voice>, captions: boolean, people: FileSpeakers): Segment[] {
  const known = voices.get(turn);
  if (known) return [{ voice: known, sentences: [...sentences] }];
  if (turn.kind === 'clip-voice') return [{ voice: { speaker: { ...UNATTRIBUTED, name: 'Unidentified voice' }, kind: 'quote' }, sentences: [...sentences] }];
  const opening = sentences.slice(0, 12).map((s) => s.text).join(' ');
  const hostName = t === 0 ? selfIntroduction(opening, captions) : null;
  const host: Voice = hostName
    ? { speaker: { label: '', name: people.learnName(hostName, null, 'host').display, title: null, anonymous: false, role: 'host' }, kind: 'narration' }
    : { speaker: { ...UNATTRIBUTED }, kind: 'narration' };
  const segments: Segment[] = [];
  let voice = host;
  let current: Segment = { voice, sentences: [] };
  segments.push(current);
  let textSoFar = '';
  for (const s of sentences) {
    const off = signOffName(s.text);
    if (voice !== host && off !== null && sameName(off, voice.speaker.name)) {
      current.sentences.push(s);
      voice = host;
      current = { voice, sentences: [] };
      segments.push(current);
      textSoFar += ` ${s.text}`;
      continue;
    }
    current.sentences.push(s);
    textSoFar = `${textSoFar} ${s.text}`.slice(-600);
    const lead = leadIn(s.text);
    const intro = lead ?? introductionBefore(textSoFar, captions);
    if (intro && !sameName(intro.name, voice.speaker.name) && !sameName(intro.name, host.speaker.name)) {
      voice = introducedVoice(intro, people, turn, lead ? 'quote' : null, '', null, s.line);
      current = { voice, sentences: [] };
      segments.push(current);
      textSoFar = '';
    }
  }
  return segments.filter((g) => g.sentences.length > 0);
}

/** "The speech made by Keir Starmer, the Leader of the Opposition, in the House of Commons on
 * 17 October 2022.": a listing page's lead-in to the words that follow. */
function leadIn(sentence: string): Introduced | null {
  const m = /^The (?:speech|comments|statement|remarks|interview|answer|article|letter|tribute|words) (?:made|given|delivered|written|paid) by ((?:\p{Lu}[\p{L}'’-]+\s+){1,3}\p{Lu}[\p{L}'’-]+)(?:,\s*([^,]{2,100}),)?\s+(?:in|at|on|to|during)\b/u.exec(sentence.trim());
  if (!m) return null;
  return { name: m[1] ?? '', title: m[2]?.replace(/^the\s+/i, '') ?? null, role: null, text: sentence.trim(), end: sentence.length };
}

function introducedVoice(found: Introduced, people: FileSpeakers, at: Turn, kind: PassageKind | null, label = '', role: Speaker['role'] | null = null, line?: number): Voice {
  const person = people.learnName(found.name, found.title, found.role);
  const finalRole = role ?? person.role ?? found.role ?? null;
  const introducedBy: Introduction = { line: line ?? at.line, text: found.text };
  return {
    speaker: { label, name: person.display, title: found.title ?? person.title, anonymous: false, ...(finalRole ? { role: finalRole } : {}), introduced: introducedBy },
    kind: kind ?? (finalRole ? 'narration' : 'quote'),
  };
}

/** Narration: reporting sentences become reported speech by their named source. */
function pushNarration(
  chunk: { line: number; timecode: string | null; text: string },
  voice: Voice,
  clip: boolean,
  push: (line: number, voice: Voice, text: string, timecode: string | null, clip: boolean) => void,
): void {
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) push(chunk.line, voice, run.join(' '), chunk.timecode, clip);
    run = [];
  };
  for (const s of sentencesOf([{ parts: [{ n: chunk.line, offset: 0, timecode: chunk.timecode }], text: chunk.text }])) {
    const source = reportedSource(s.text);
    if (source === null) {
      run.push(s.text);
      continue;
    }
    flush();
    const { name, title } = canonicalSourceName(source);
    push(chunk.line, { speaker: { label: source, name, title, anonymous: false }, kind: 'reported' }, s.text, chunk.timecode, clip);
  }
  flush();
}

function previousText(turns: readonly Turn[], t: number): string {
  const prev = turns[t - 1];
  if (!prev) return '';
  return prev.paragraphs.map((p) => p.text).join(' ').slice(-600);
}

function nextText(turns: readonly Turn[], t: number): string {
  const next = turns[t + 1];
  return next ? next.paragraphs.map((p) => p.text).join(' ').slice(0, 300) : '';
}

function turnText(turn: Turn): string {
  return turn.paragraphs.map((p) => p.text).join(' ').slice(0, 600);
}

function firstLabelled(turns: readonly Turn[]): number {
  const i = turns.findIndex((t) => t.kind === 'label');
  return i < 0 ? 0 : i;
}

/** Whether the words hold "I'm <name>" for this speaker. */
function selfNames(words: string, name: string, captions: boolean): boolean {
  const self = selfIntroduction(words, captions);
  return self !== null && sameName(self, name);
}

function sameName(a: string, b: string): boolean {
  const x = a.toLowerCase().split(/\s+/);
  const y = b.toLowerCase().split(/\s+/);
  return x.at(-1) === y.at(-1);
}

function sentence(label: string): string {
  const lower = label.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

export const generalParser: FormatParser = {
  format: 'general',
  // Any text: the reader every other parser outranks when it knows the layout.
  sniff: (lines) => (lines.some((l) => /\p{L}{2}/u.test(l.text)) ? 0.05 : 0),
  parse: (input) => parseGeneral(input),
};

export type { CleanLine };
