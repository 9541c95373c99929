// The general transcript reader: any text a newsroom's archive holds that no format parser
// claims (pages copied from the web, caption streams, public-radio and parliamentary records,
// machine transcripts). It finds speaker turns wherever they are, judged over the whole file,
// and indexes what no label or introduction attributes as unattributed words, never guessing a
// speaker. A readable pipeline: clean lines → label candidates → judged labels → turns →
// speakers (labels, short forms, introductions, roles) → passages.
import type { FormatParser, ParseInput } from '../parser.ts';
import type { Introduction, ParseIssue, Passage, PassageKind, Speaker, Transcript } from '../../model.ts';
import { dateFromFileName } from '../dateFromFileName.ts';
import { readingOf } from '../readingOf.ts';
import { passageId } from '../passageId.ts';
import { reportedSpeaker, reportedSpeech } from '../reportedSpeech.ts';
import { createSpeakerResolver, REPORTER, titleCase } from '../speakerNames.ts';
import { chunkSentences, sentencesOf, type Chunk, type Sentence } from './chunkTurn.ts';
import { cleanLines, type CleanLine } from './cleanLines.ts';
import { FileSpeakers } from './fileSpeakers.ts';
import { findLabels, type LabelCandidate } from './findLabels.ts';
import { introductionBefore, journalistsIn, namedAfter, presenterTurn, selfIntroduction, signOffName, tossBefore, type Introduced } from './introductions.ts';
import { judgeLabels, keyOf } from './judgeLabels.ts';
import { lineLabels, wrappedLabels } from './lineLabels.ts';
import { readLabel } from './readLabel.ts';
import { fullDateIn, isChromeLine, readTitleLines } from './titleLines.ts';
import { opensProgramme, soundsLikeNewsCopy, soundsLikeOwnWords } from './roles.ts';
import { buildTurns, type LabelAt, type Turn } from './turns.ts';

/** The speaker of words nobody is named for. */
export const UNATTRIBUTED: Readonly<Speaker> = { label: '', name: 'Unidentified speaker', title: null, anonymous: true };
/** Only the opening turns of a programme introduce its host ("Good evening. I'm …"). */
const HOST_TURNS = 3;
/** Lines read for the title, date and programme when a file has no labels. */
const TITLE_ZONE = 12;
/** How long an introduced voice in an unlabelled transcript is taken to speak before its words
 * are no longer attributed: a guest's answer, a correspondent's report. */
const GUEST_WORDS = 320;
const ITEM_WORDS = 450;

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
  texts.forEach((t, i) => {
    for (const c of findLabels(i, t, captions)) candidates.push(c);
    for (const c of colonlessLabel(i, t)) candidates.push(c);
  });
  const wrapped = wrappedLabels(lines, candidates);
  const replaced = new Set(wrapped.extra.map((c) => `${c.index}:${c.wordsAt}`));
  const all = [...candidates.filter((c) => !replaced.has(`${c.index}:${c.wordsAt}`)), ...wrapped.extra].sort((a, b) => a.index - b.index || a.start - b.start);
  const marked = new Set(lines.flatMap((l, i) => (l.marked ? [i] : [])));
  const judged = judgeLabels({ candidates: all, texts, marked });
  const labels = new Map<number, LabelAt[]>();
  const addLabel = (index: number, label: LabelAt) => {
    const list = labels.get(index);
    if (list) list.push(label);
    else labels.set(index, [label]);
  };
  for (const j of judged) addLabel(j.candidate.index, { start: j.start, wordsAt: j.candidate.wordsAt, reading: j.reading, captionKey: null });
  const consumed = new Set(wrapped.consumed);
  for (const l of lineLabels(lines)) {
    if (labels.has(l.index)) continue;
    addLabel(l.index, { start: 0, wordsAt: texts[l.index]?.length ?? 0, reading: l.reading, captionKey: l.captionKey, ...(l.maxGap !== undefined ? { maxGap: l.maxGap } : {}) });
    for (const c of l.consumed) consumed.add(c);
  }

  // 2. The page's title lines above the transcript, then the turns.
  const zone = titleZone(lines, labels);
  const titleLines = zone.map((i) => texts[i] ?? '');
  const unspoken = new Set<number>();
  const drop = (i: number) => {
    consumed.add(i);
    unspoken.add(lines[i]?.n ?? i + 1);
  };
  // A short note with no labels is all "title lines": then it is its own text, not its header.
  const zoneIsAll = labels.size === 0 && lines.every((l, i) => l.text.trim() === '' || zone.includes(i));
  for (const i of zone) {
    const l = lines[i];
    if (!l || l.stampOnly || l.text.trim() === '') continue;
    if (zoneIsAll ? isChromeLine(l.text) : isTitleOrChrome(lines, i)) drop(i);
  }
  // Page chrome anywhere (`- Hansard - - - Excerpts` under a portrait caption) is no one's words.
  lines.forEach((l, i) => {
    if (!l.stampOnly && l.text.trim() !== '' && !consumed.has(i) && isChromeLine(l.text)) drop(i);
  });
  const title = readTitleLines(titleLines);
  const turns = buildTurns({ lines, labels, consumed });
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
  // A host who names themselves in an unlabelled opening ("I'm Neal Conan") is the host in
  // every later turn under their surname (`CONAN:`).
  const host = openingHost(turns, captions);
  if (host) people.learnName(host.name, null, 'host');
  for (const t of turns) if (t.label) people.learn(t.label.reading);
  learnSelfIntroductions(turns, people, captions);
  const voices = voicesOf(turns, people, captions, issues, file, input.aliases);
  markNewsreader(turns, voices);

  // 4. Passages.
  const bulletLines = new Set(lines.filter((l) => l.bullet).map((l) => l.n));
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
    const sentences = keptSentences(turn);
    for (const segment of segmentsOf(turn, t === 0 ? host : null, sentences, voices, captions, people, bulletLines)) {
      for (const chunk of chunkSentences(segment.sentences)) {
        // Reported speech needs capitals to tell a source from a scrap of sentence; captions have none.
        if (segment.voice.kind === 'narration' && !captions) pushNarration(chunk, segment.voice, turn.clip, push);
        else push(chunk.line, segment.voice, chunk.text, chunk.timecode, turn.clip);
      }
    }
  });
  if (passages.length === 0) {
    issues.push({ file, line: 1, message: 'The file has no words to index, only page headers or time stamps.', severity: 'error' });
  } else if (turns.every((t) => t.kind === 'opening') && passages.every((p) => p.speaker.anonymous || p.speaker.role === 'host' || p.kind === 'reported')) {
    issues.push({ file, line: 1, message: `No speaker labels were found, so its ${passages.length} passage${passages.length === 1 ? ' is' : 's are'} indexed with no one named as the speaker. If the file names its speakers, see docs/FORMATS.md for the layouts Soundbite reads.`, severity: 'warning' });
  }
  return {
    file,
    format: 'general',
    meta,
    passages,
    issues,
    reading: readingOf('general', passages, [...new Set([...unspoken, ...labelOnlyLines(lines, labels, consumed)])].sort((a, b) => a - b)),
  };
}

/** The lines above the first label (or, in a file without labels, the first few), where a page
 * carries its title, date and chrome; the first line of prose or with a time stamp ends it. */
function titleZone(lines: readonly CleanLine[], labels: ReadonlyMap<number, readonly LabelAt[]>): number[] {
  let firstLabel = lines.length;
  for (const k of labels.keys()) if (k < firstLabel) firstLabel = k;
  const end = labels.size > 0 ? firstLabel : Math.min(lines.length, TITLE_ZONE);
  const zone: number[] = [];
  for (let i = 0; i < end; i++) {
    const l = lines[i];
    if (!l) continue;
    if (l.timecode !== null && !l.stampOnly) break;
    // Without labels, the first sentence of prose is the transcript's, and so is all after it.
    if (labels.size === 0 && isProse(l.text)) break;
    zone.push(i);
  }
  return zone;
}

function isProse(text: string): boolean {
  const t = text.trim();
  return t.split(/\s+/).length >= 8 && /[.!?]["”’)]?$/.test(t);
}

/** A line of the title zone that is no part of the transcript: chrome, a title, a date line,
 * a repeat. Prose (a host's opening whose label was lost) stays. */
function isTitleOrChrome(lines: readonly CleanLine[], i: number): boolean {
  const text = (lines[i]?.text ?? '').trim();
  const words = text.split(/\s+/).length;
  if (text === '' || isChromeLine(text) || (fullDateIn(text) !== null && words <= 15)) return true;
  if (words <= 15 && !/[.!?]["”’)]?$/.test(text)) return true;
  // A headline line: a few words, or a list of stories, or the hour it aired.
  if ((text.match(/;/g)?.length ?? 0) >= 2 || /\bAired\b/.test(text)) return true;
  // A page description shown twice: the first copy is kept.
  return lines.some((l, k) => k < i && l.text.trim() === text);
}

/** Lines that are a label and nothing more, or part of one (a wrapped label's first line). */
function labelOnlyLines(lines: readonly CleanLine[], labels: ReadonlyMap<number, readonly LabelAt[]>, consumed: ReadonlySet<number>): number[] {
  const out: number[] = [];
  lines.forEach((l, i) => {
    const own = labels.get(i);
    // A line that is one label and nothing else (a line with several labels has words too).
    const only = own !== undefined && own.length === 1 && l.text.slice(own[0]!.wordsAt).trim() === '' && l.text.slice(0, own[0]!.start).trim() === '';
    if (only || (consumed.has(i) && !l.stampOnly)) out.push(l.n);
  });
  return [...new Set(out)];
}

/** Labels a line can open with and no colon: `Q  Thank you.` (a reporter's question, in briefing
 * layouts) and `A. On Monday.` (the answer, in a question-and-answer record, taken as a label only
 * in a file of questions: judgeLabels). */
const COLONLESS_LABELS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Q(?:\s{1,}|\.\s+)(?=\S)/, 'Q'],
  [/^A\.\s+(?=\S)/, 'A'],
];

function colonlessLabel(index: number, text: string): LabelCandidate[] {
  for (const [pattern, label] of COLONLESS_LABELS) {
    const m = pattern.exec(text);
    const reading = m ? readLabel(label) : null;
    if (m && reading) return [{ index, start: 0, wordsAt: m[0].length, boundary: 'start', reading, shorter: [] }];
  }
  return [];
}

const NOT_LOWER = /[^\p{Ll}]+/gu;
const NOT_LETTERS = /[^\p{Ll}\p{Lu}]+/gu;

/** Caption streams: `>>` turn marks, and text mostly in lower case. */
function isCaptionStream(texts: readonly string[]): boolean {
  let marks = 0;
  for (const t of texts) for (let p = t.indexOf('>>'); p >= 0; p = t.indexOf('>>', p + 2)) marks++;
  // Most files have no mark: their letters need not be counted (an array of each was megabytes).
  if (marks === 0) return false;
  let letters = 0;
  let lower = 0;
  for (const t of texts) {
    lower += t.replace(NOT_LOWER, '').length;
    letters += t.replace(NOT_LETTERS, '').length;
  }
  return letters > 0 && ((marks >= 3 && lower / letters > 0.9) || (marks >= 1 && lower / letters > 0.95));
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
      if (found) voices.set(turn, introducedVoice(found, people, turns[t - 1] ?? turn, 'quote'));
      // A caption's `>>` with no name is a soundbite when it sounds like someone's own words, and
      // the programme's unnamed voice reading its copy otherwise.
      else voices.set(turn, { speaker: { ...UNATTRIBUTED }, kind: turn.kind === 'mark' && !soundsLikeOwnWords(turnText(turn)) ? 'narration' : 'quote' });
      return;
    }
    if (turn.kind !== 'label' || !turn.label) return;
    const reading = turn.label.reading;
    if (reading.question) {
      voices.set(turn, { speaker: { ...REPORTER, label: reading.raw }, kind: 'question' });
      return;
    }
    if (reading.description) {
      voices.set(turn, { speaker: { label: reading.raw, name: reading.name, title: reading.title, anonymous: true }, kind: 'quote' });
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
      const found = self ? null : introductionBefore(before, captions) ?? (role !== null ? tossBefore(before, captions) : null) ?? (captions && role === null ? namedAfter(nextText(turns, t), captions) : null);
      const perTurn = role !== null; // `reporter` is whoever the anchor just introduced
      if (!perTurn && byGeneric.has(key)) {
        voices.set(turn, byGeneric.get(key)!);
        return;
      }
      let voice: Voice;
      if (self) voice = { speaker: { label: reading.raw, name: self, title: null, anonymous: false, ...(role ? { role } : {}) }, kind: role ? 'narration' : 'quote' };
      else if (found) voice = introducedVoice(found, people, turns[t - 1] ?? turn, role ? 'narration' : 'quote', reading.raw, role);
      // `reporter` again with no new toss: the reporter last introduced is still reporting.
      else if (perTurn && byGeneric.has(key)) voice = byGeneric.get(key)!;
      else voice = { speaker: { label: reading.raw, name: sentence(reading.name), title: reading.title, anonymous: true, ...(role ? { role } : {}) }, kind: role ? 'narration' : 'quote' };
      byGeneric.set(key, voice);
      voices.set(turn, voice);
      return;
    }
    const { speaker, ambiguous } = people.resolve(reading);
    if (ambiguous && !warned.has(reading.raw)) {
      warned.add(reading.raw);
      issues.push({ file, line: turn.line, message: `The label "${reading.raw}" could be ${ambiguous.join(' or ')}; it was kept as written.`, severity: 'warning' });
    }
    const hosted = speaker.role === undefined && t < HOST_TURNS + firstLabelled(turns) && selfNames(turnText(turn), speaker.name, captions);
    // Caption streams name only the programme's own people (`>> judy:`, `>> o'donnell:`); the
    // people they interview speak after a bare `>>`.
    const captioned = speaker.role === undefined && captions && reading.style === 'lower' && !speaker.anonymous;
    const final: Speaker = hosted ? { ...speaker, role: 'host' } : captioned ? { ...speaker, role: 'anchor' } : speaker;
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

/** The sentences of a turn; an opening's repeated sentences (page descriptions shown twice) once. */
function keptSentences(turn: Turn): Sentence[] {
  const sentences = sentencesOf(turn.paragraphs);
  if (turn.kind !== 'opening') return sentences;
  const seen = new Set<string>();
  return sentences.filter((s) => {
    const t = s.text.trim();
    if (isChromeLine(t) || seen.has(t)) return false;
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
function segmentsOf(turn: Turn, opener: OpeningHost | null, sentences: readonly Sentence[], voices: ReadonlyMap<Turn, Voice>, captions: boolean, people: FileSpeakers, bulletLines: ReadonlySet<number>): Segment[] {
  const known = voices.get(turn);
  if (known) return [{ voice: known, sentences: [...sentences] }];
  const unattributed: Voice = { speaker: { ...UNATTRIBUTED }, kind: 'narration' };
  const host: Voice = opener
    ? { speaker: { label: '', name: people.learnName(opener.name, null, 'host').display, title: null, anonymous: false, role: 'host' }, kind: 'narration' }
    : unattributed;
  const segments: Segment[] = [];
  // Before the host names themselves, the words are the page's or nobody's in particular.
  let voice = opener && opener.sentence > 0 ? unattributed : host;
  let current: Segment = { voice, sentences: [] };
  segments.push(current);
  let textSoFar = '';
  let words = 0;
  const switchTo = (next: Voice) => {
    voice = next;
    current = { voice, sentences: [] };
    segments.push(current);
    words = 0;
  };
  for (const [k, s] of sentences.entries()) {
    if (opener && k === opener.sentence && voice === unattributed) switchTo(host);
    const introduced = voice !== host && voice !== unattributed;
    const off = signOffName(s.text);
    if (introduced && off !== null && sameName(off, voice.speaker.name)) {
      current.sentences.push(s);
      switchTo(host);
      textSoFar += ` ${s.text}`;
      continue;
    }
    // The presenter moves on ("Also in this podcast", "Meanwhile"), or an introduced voice has
    // spoken longer than such an item runs: what follows is no longer theirs to be quoted in.
    const limit = voice.kind === 'quote' ? GUEST_WORDS : ITEM_WORDS;
    // A listing page's next item (a bullet) is not the last speaker's either.
    const nextItem = s.opensParagraph && bulletLines.has(s.line);
    if (introduced && (presenterTurn(s.text) || words > limit || nextItem)) switchTo(presenterTurn(s.text) ? host : unattributed);
    words += s.text.split(/\s+/).length;
    current.sentences.push(s);
    textSoFar = `${textSoFar} ${s.text}`.slice(-600);
    const lead = leadIn(s.text);
    const intro = lead ?? introductionBefore(textSoFar, captions);
    if (intro && !sameName(intro.name, voice.speaker.name) && !sameName(intro.name, host.speaker.name)) {
      switchTo(introducedVoice(intro, people, turn, lead ? 'quote' : null, '', null, s.line));
      textSoFar = '';
    }
  }
  return segments.filter((g) => g.sentences.length > 0);
}

/** `DAVIS:` … "I'm Susan Davis", `LULU:` … "I am Lulu Miller", `judy:` … "i'm judy woodruff": a
 * short label whose own words give the full name. In a programme's first turns, that is its host. */
function learnSelfIntroductions(turns: readonly Turn[], people: FileSpeakers, captions: boolean): void {
  const first = firstLabelled(turns);
  turns.forEach((turn, t) => {
    const reading = turn.label?.reading;
    if (!reading || reading.generic || reading.question || reading.nameWords > 1) return;
    const self = selfIntroduction(turnText(turn), captions);
    if (!self) return;
    const label = reading.name.toLowerCase();
    const words = self.toLowerCase().split(/\s+/);
    if (words[0] !== label && words.at(-1) !== label) return;
    people.learnName(self, null, t < first + HOST_TURNS ? 'host' : null);
  });
}

interface OpeningHost {
  name: string;
  /** Index of the sentence, among the opening's, where the host names themselves. */
  sentence: number;
}

/** "This is TALK OF THE NATION. I'm Neal Conan": the host of an opening whose label was lost. */
function openingHost(turns: readonly Turn[], captions: boolean): OpeningHost | null {
  const first = turns[0];
  if (!first || first.kind !== 'opening') return null;
  const sentences = keptSentences(first).slice(0, 12);
  for (const [k, s] of sentences.entries()) {
    const name = selfIntroduction(s.text, captions);
    if (name) return { name, sentence: k };
  }
  return null;
}

/**
 * The first labelled speaker of a page, when no label gives a role and their words read as a
 * newsreader's copy (an anchor's news summary copied without "ANCHOR"), is the programme's voice.
 */
function markNewsreader(turns: readonly Turn[], voices: Map<Turn, Voice>): void {
  const labelled = turns.filter((t) => t.kind === 'label' && voices.get(t)?.kind === 'quote');
  const first = labelled[0] && voices.get(labelled[0]);
  if (!first || first.speaker.anonymous || new Set(labelled.map((t) => voices.get(t)?.speaker.name)).size < 2) return;
  const theirs = labelled.filter((t) => voices.get(t)?.speaker.name === first.speaker.name);
  const opens = labelled[0] === turns.find((t) => t.kind === 'label') && opensProgramme(turnText(labelled[0]!));
  if (!opens && !soundsLikeNewsCopy(theirs.map(turnText).join(' '))) return;
  for (const t of theirs) {
    const v = voices.get(t);
    if (v) voices.set(t, { speaker: { ...v.speaker, role: 'anchor' }, kind: 'narration' });
  }
}

/** "The speech made by Keir Starmer, the Leader of the Opposition, in the House of Commons on
 * 17 October 2022.": a listing page's lead-in to the words that follow. */
function leadIn(sentence: string): Introduced | null {
  const m = /^The (?:speech|comments|statement|remarks|interview|answer|article|letter|tribute|words) (?:made|given|delivered|written|paid) by ((?:\p{Lu}[\p{L}'’-]+\s+){1,3}\p{Lu}[\p{L}'’-]+)(?:,\s*([^,]{2,100}),)?\s+(?:in|at|on|to|during)\b/u.exec(sentence.trim());
  if (!m) return null;
  return { name: m[1] ?? '', title: m[2]?.replace(/^the\s+/i, '') ?? null, role: null, text: sentence.trim(), end: sentence.length };
}

function introducedVoice(found: Introduced, people: FileSpeakers, at: Turn, kind: PassageKind | null, label = '', role: Speaker['role'] | null = null, line?: number): Voice {
  const written = /\p{Lu}/u.test(found.name) ? found.name : titleCase(found.name);
  const person = people.learnName(written, found.title, found.role);
  const finalRole = role ?? person.role ?? found.role ?? null;
  const introducedBy: Introduction = { line: line ?? at.line, text: found.text };
  return {
    speaker: { label, name: person.display, title: found.title ?? person.title, anonymous: false, ...(finalRole ? { role: finalRole } : {}), introduced: introducedBy },
    kind: kind ?? (finalRole ? 'narration' : 'quote'),
  };
}

/** Narration: reporting sentences become reported speech by their named source. */
function pushNarration(
  chunk: Chunk,
  voice: Voice,
  clip: boolean,
  push: (line: number, voice: Voice, text: string, timecode: string | null, clip: boolean) => void,
): void {
  let run: Sentence[] = [];
  const flush = () => {
    const first = run[0];
    // The narration's line is its first sentence's: the chunk's, unless reported speech opened it.
    if (first) push(first.line, voice, run.map((s) => s.text).join(' '), first.timecode, clip);
    run = [];
  };
  for (const s of sentencesOf([{ parts: chunk.parts, text: chunk.text }])) {
    const reported = reportedSpeech(s.text);
    if (reported === null) {
      run.push(s);
      continue;
    }
    flush();
    push(s.line, { speaker: reportedSpeaker(reported), kind: 'reported' }, s.text, s.timecode, clip);
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
