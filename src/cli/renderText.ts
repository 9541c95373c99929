// Answers as terminal text: the verdict first, then each passage with its speaker, dates and source.
import type { Answer, AnswerItem, SpeakerSummary, TimelineStory } from '../core/ask/answer.ts';
import { attributionLine, datesLine, describeStory, differencesLine, excerpt, kindWord, markedSegments, marksOf, programmeLine, sourceLine, speakerLine, verdictLine } from '../core/ask/describe.ts';
import type { Paint } from './paint.ts';
import { shownText, shownWords } from './shownText.ts';

/** Long passages are cut around the match; `context` shows them whole. */
const EXCERPT_CHARS = 600;

export function renderAnswer(a: Answer, paint: Paint): string {
  const out: string[] = [];
  const verdict = verdictLine(a);
  if (verdict) {
    const tone = a.verdict === 'exact' ? paint.good : a.verdict === 'not_found' ? paint.bad : paint.warn;
    out.push(tone(paint.bold(verdict)));
  } else {
    out.push(paint.bold(headingOf(a)));
  }
  // Notes about how far to trust the answer are warnings; the others are plain information.
  const warning = a.command === 'who-said';
  for (const note of a.notes) out.push(warning ? paint.warn(`! ${note}`) : paint.accent(note));
  const items = a.verdict === 'not_found' ? a.nearest : a.items;
  if (a.stories) {
    a.stories.forEach((s, i) => out.push('', renderStory(s, i + 1, paint)));
  } else {
    items.forEach((item, i) => {
      out.push('', renderItem(item, paint, a.command === 'context' && item.passage.id === a.context.focusId, a.command === 'context' ? Infinity : EXCERPT_CHARS, i));
    });
  }
  if (a.speakers) out.push('', ...a.speakers.map((s) => renderSpeaker(s, paint)));
  if (a.total === 0 && a.verdict !== 'not_found' && !a.speakers?.length && a.notes.length === 0) out.push('', paint.dim('Nothing in the archive matches.'));
  const more = a.stories?.findIndex((s) => s.passages.length > s.shown.length) ?? -1;
  if (more >= 0) out.push('', paint.dim(`Type "expand ${more + 1}" for every passage of story [${more + 1}].`));
  if (a.pageCount > 1) out.push('', paint.dim(`Page ${a.page} of ${a.pageCount} (${a.total} in all). Type "more" for the next page.`));
  return out.join('\n');
}

function headingOf(a: Answer): string {
  switch (a.command) {
    case 'timeline': return `Timeline: ${a.query} (${a.total} stor${a.total === 1 ? 'y' : 'ies'})`;
    case 'story': return `Story: ${a.query} (${a.total} passage${a.total === 1 ? '' : 's'})`;
    case 'quotes': return `Quotes: ${a.query} (${a.total})`;
    case 'search': return `Search: ${a.query} (${a.total})`;
    case 'context': return 'Context';
    case 'when': return 'When';
    case 'speakers': return `Speakers (${a.total})`;
    default: return a.command;
  }
}

/** `[2] 2025-06-12 · News Today: “headline”`, its shown passages, and how many more. */
function renderStory(s: TimelineStory, n: number, paint: Paint): string {
  const lines = [`${paint.accent(paint.bold(`[${n}] ${shownText(describeStory(s))}`))}`];
  for (const item of s.shown) {
    const p = item.passage;
    const cut = excerpt(item, EXCERPT_CHARS);
    const text = markedSegments(cut.text, cut.marks).map((seg) => (seg.marked ? paint.mark(shownWords(seg.text)) : shownWords(seg.text))).join('');
    lines.push(`    ${paint.bold(shownText(speakerLine(p)))}${p.speaker.anonymous ? paint.dim(' (not named)') : ''} ${paint.dim(`· ${kindWord(p.kind)}`)}`);
    lines.push(`      “${text}”`);
    const said = item.spokenIn ? `said ${shownText(item.spokenIn)} (${item.date}) · ` : '';
    lines.push(paint.dim(`      ${said}${shownText(sourceLine(p.source))} · id ${p.id}`));
  }
  const rest = s.passages.length - s.shown.length;
  if (rest > 0) lines.push(paint.dim(`    + ${rest} more passage${rest === 1 ? '' : 's'} about it ("expand ${n}")`));
  if (s.reruns.length) lines.push(paint.dim(`    also aired: ${shownText(s.reruns.map((r) => `${r.aired ?? 'undated'}${r.program && r.program !== s.program ? ` on ${r.program}` : ''} (${r.file})`).join('; '))}`));
  return lines.join('\n');
}

function renderItem(item: AnswerItem, paint: Paint, focus: boolean, max: number, _i: number): string {
  const p = item.passage;
  const cut = max === Infinity ? { text: p.text, marks: marksOf(item) } : excerpt(item, max);
  const text = markedSegments(cut.text, cut.marks).map((s) => (s.marked ? paint.mark(shownWords(s.text)) : shownWords(s.text))).join('');
  const who = `${paint.bold(shownText(speakerLine(p)))}${p.speaker.anonymous ? paint.dim(' (not named)') : ''} ${paint.dim(`· ${kindWord(p.kind)}`)}`;
  const attribution = attributionLine(p);
  const lines = [
    (focus ? paint.accent('▶ ') : '') + who,
    ...(attribution ? [paint.dim(`  ${shownText(attribution)}`)] : []),
    `  “${text}”`,
    paint.dim(`  ${item.spokenIn ? `said ${shownText(item.spokenIn)} (${item.date}) · ` : ''}${datesLine(p.source)}${programmeLine(p.source) ? ` · ${shownText(programmeLine(p.source)!)}` : ''}`),
    paint.dim(`  ${shownText(sourceLine(p.source))} · id ${p.id}`),
  ];
  const diff = differencesLine(item);
  if (diff) lines.push(paint.warn(`  ${diff}`));
  if (item.airings?.length) lines.push(paint.dim(`  also aired: ${item.airings.map((s) => `${s.aired ?? 'undated'} (${shownText(sourceLine(s))})`).join('; ')}`));
  return lines.join('\n');
}

function renderSpeaker(s: SpeakerSummary, paint: Paint): string {
  const span = s.first && s.last ? (s.first === s.last ? s.first : `${s.first} – ${s.last}`) : 'undated';
  return `${paint.bold(shownText(s.name))}${s.titles.length ? `, ${shownText(s.titles[0]!)}` : ''} ${paint.dim(`· ${s.quotes} quotes, ${s.passages} passages · ${span}`)}`;
}
