// An Answer as one Discord embed, always within Discord's limits: each passage a field with the
// quote (matched words bold), who said it, when, where it aired and where it is in the corpus.
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Answer, AnswerItem, Problem, SpeakerSummary, TimelineStory } from '../core/ask/answer.ts';
import { attributionLine, datesLine, differencesLine, excerpt, kindWord, markedSegments, marksOf, programmeLine, sourceLine, speakerLine, verdictLine } from '../core/ask/describe.ts';
import type { Source } from '../core/model.ts';
import { clip, clipMiddle, codeSpan, escapeText, nameText } from './escapeText.ts';

export const LIMITS = { title: 256, description: 4096, fieldName: 256, fieldValue: 1024, footer: 2048, fields: 25, total: 6000 } as const;

const COLOURS = { exact: 0x2e8b57, close: 0xdaa520, reported: 0xdaa520, not_found: 0xb22222, neutral: 0x4a6fa5 } as const;

/** Room kept back from the 6,000 total so rounding never tips a message over. */
const SLACK = 40;

export function renderAnswerEmbed(a: Answer): APIEmbed {
  if (a.stories) return renderTimelineEmbed(a, a.stories);
  const title = clip(verdictLine(a) ?? headingOf(a), LIMITS.title);
  const allItems = a.verdict === 'not_found' ? a.nearest : a.items;
  const items = allItems.slice(0, LIMITS.fields);
  const hidden = allItems.length - items.length;
  const footer = clip(footerOf(a, hidden), LIMITS.footer);
  const description = clip(descriptionOf(a), LIMITS.description);
  const names = items.map((item) => clip(fieldName(a, item), LIMITS.fieldName));
  const fixed = title.length + description.length + footer.length + names.reduce((n, s) => n + s.length, 0);
  const perField = Math.min(LIMITS.fieldValue, Math.floor((LIMITS.total - SLACK - fixed) / Math.max(1, items.length)));
  const fields: APIEmbedField[] = items.map((item, i) => ({ name: names[i]!, value: renderItem(item, perField, a.command === 'context' ? Infinity : 600) }));
  return {
    title,
    color: COLOURS[a.verdict ?? 'neutral'],
    ...(description ? { description } : {}),
    ...(fields.length ? { fields } : {}),
    ...(footer ? { footer: { text: footer } } : {}),
  };
}

/** A timeline: a field per story, headed by its date, programme and headline, holding the one or
 * two passages that best show it and how many more there are. */
function renderTimelineEmbed(a: Answer, stories: readonly TimelineStory[]): APIEmbed {
  const title = clip(headingOf(a), LIMITS.title);
  const footer = clip(footerOf(a, 0), LIMITS.footer);
  const description = clip(descriptionOf(a), LIMITS.description);
  const shown = stories.slice(0, LIMITS.fields);
  const names = shown.map((s, i) => clip(`[${i + 1}] ${s.date ?? 'undated'} · ${nameText(programmeLine(s) ?? s.file)}`, LIMITS.fieldName));
  const fixed = title.length + description.length + footer.length + names.reduce((n, x) => n + x.length, 0);
  const perField = Math.min(LIMITS.fieldValue, Math.floor((LIMITS.total - SLACK - fixed) / Math.max(1, shown.length)));
  const fields: APIEmbedField[] = shown.map((s, i) => ({ name: names[i]!, value: storyValue(s, perField) }));
  return {
    title,
    color: COLOURS.neutral,
    ...(description ? { description } : {}),
    ...(fields.length ? { fields } : {}),
    ...(footer ? { footer: { text: footer } } : {}),
  };
}

function storyValue(s: TimelineStory, max: number): string {
  const rest = s.passages.length - s.shown.length;
  const tail = [
    ...(rest > 0 ? [`*+ ${rest} more passage${rest === 1 ? '' : 's'} about it*`] : []),
    ...(s.reruns.length ? [clip(`also aired: ${s.reruns.map((r) => `${r.aired ?? 'undated'}${r.program && r.program !== s.program ? ` on ${nameText(r.program)}` : ''}`).join('; ')}`, 200)] : []),
  ].join('\n');
  const room = max - tail.length - 2;
  const each = Math.floor(room / s.shown.length) - 1;
  const parts = s.shown.map((item) => renderItem(item, each, 300, false));
  return clip([...parts, ...(tail ? [tail] : [])].join('\n'), max);
}

/** A refusal (bad input) as a short embed-free line. */
export function renderProblem(p: Problem): string {
  return clip(escapeText(p.message), 1900);
}

function headingOf(a: Answer): string {
  const q = escapeText(a.query);
  switch (a.command) {
    case 'timeline': return `Timeline: ${q} (${a.total} stor${a.total === 1 ? 'y' : 'ies'})`;
    case 'story': return `Story: ${q} (${a.total} passage${a.total === 1 ? '' : 's'})`;
    case 'quotes': return `Quotes: ${q} (${a.total})`;
    case 'search': return `Search: ${q} (${a.total})`;
    case 'context': return 'Context, as it aired';
    case 'when': return 'When';
    case 'speakers': return `Speakers (${a.total})`;
    default: return a.command;
  }
}

function descriptionOf(a: Answer): string {
  const lines = a.notes.map((n) => `*${escapeText(n)}*`);
  if (a.speakers?.length) lines.push(...speakerLines(a.speakers, LIMITS.description - 200));
  else if (a.total === 0 && a.verdict !== 'not_found') lines.push('Nothing in the archive matches.');
  return lines.join('\n');
}

function speakerLines(list: readonly SpeakerSummary[], budget: number): string[] {
  const out: string[] = [];
  let used = 0;
  for (const [i, s] of list.entries()) {
    const span = s.first && s.last ? (s.first === s.last ? s.first : `${s.first} – ${s.last}`) : 'undated';
    const line = clip(`**${nameText(s.name)}**${s.titles[0] ? `, ${nameText(s.titles[0])}` : ''} · ${s.quotes} quotes, ${s.passages} passages · ${span}`, 300);
    if (used + line.length + 1 > budget) {
      out.push(`… and ${list.length - i} more`);
      break;
    }
    out.push(line);
    used += line.length + 1;
  }
  return out;
}

function fieldName(a: Answer, item: AnswerItem): string {
  const focus = a.command === 'context' && item.passage.id === a.context.focusId ? '▶ ' : '';
  const role = a.verdict === 'not_found' ? 'Nearest · ' : '';
  return `${focus}${role}${item.date ?? 'undated'} · ${kindWord(item.passage.kind)}`;
}

function footerOf(a: Answer, hidden: number): string {
  const parts: string[] = [];
  if (a.pageCount > 1) parts.push(`Page ${a.page} of ${a.pageCount} · ${a.total} in all`);
  if (hidden > 0) parts.push(`${hidden} more not shown`);
  return parts.join(' · ');
}

/** One passage as a field value of at most `max` characters. Who, when and the source always
 * stay; the other airings, the programme and the link go first when space is short, then the
 * quote shrinks. Under a timeline's story the programme is in the story's heading already. */
export function renderItem(item: AnswerItem, max: number, quoteChars: number, withProgramme = true): string {
  const p = item.passage;
  const src = p.source;
  const who = clip(`**${nameText(speakerLine(p))}**${p.speaker.anonymous ? ' (not named)' : ''} · ${kindWord(p.kind)}`, 160);
  const where = `${codeSpan(sourceWithin(src, SOURCE_MAX))} · id ${codeSpan(p.id)}`;
  const diff = differencesLine(item);
  const link = sourceLink(src.url);
  const attribution = attributionLine(p);
  const optional = [
    // How the speaker is known comes first: an answer from an introduction must say so.
    ...(attribution ? [`*${clip(escapeText(attribution), 298)}*`] : []),
    // How the journalist's words differ from the record matters most after who, when and where.
    ...(diff ? [`*${clip(escapeText(diff), 298)}*`] : []),
    ...(link ? [link] : []),
    ...(withProgramme && programmeLine(src) ? [clip(nameText(programmeLine(src)!), 160)] : []),
    ...(item.airings?.length ? [clip(nameText(`also aired: ${item.airings.map((s) => `${s.aired ?? 'undated'} (${sourceLine(s)})`).join('; ')}`), 200)] : []),
  ];
  const when = nameText(item.spokenIn ? `said ${item.spokenIn} (${item.date}) · ${datesLine(src)}` : datesLine(src));
  const metaOf = () => [who, when, ...optional, where].join('\n');
  // The quote keeps at least this much room, so it is always there to be read.
  const quoteFloor = Math.min(120, Math.floor(max / 3));
  while (optional.length > 0 && metaOf().length > max - quoteFloor) optional.pop();
  const meta = metaOf();
  const quoteBudget = max - meta.length - 1;
  return `${renderQuote(item, Math.min(quoteBudget, quoteChars === Infinity ? quoteBudget : quoteChars + 200), quoteChars)}\n${meta}`;
}

/** `> “words with **marked** words”`, cut around the match to fit `budget` once escaped. */
function renderQuote(item: AnswerItem, budget: number, quoteChars: number): string {
  let max = Math.min(item.passage.text.length, quoteChars);
  for (let tries = 0; tries < 20; tries++) {
    const cut = max >= item.passage.text.length ? { text: item.passage.text, marks: marksOf(item) } : excerpt(item, Math.max(1, max));
    const body = markedSegments(cut.text, cut.marks).map((s) => (s.marked ? bold(s.text) : escapeText(s.text))).join('');
    const out = `> “${body.replace(/\n/g, '\n> ')}”`;
    if (out.length <= budget) return out;
    max -= out.length - budget + 8;
    if (max < 12) break;
  }
  return clip('> “…”', budget);
}

/** Bold around the words only: `** word**` would not render in Discord. */
function bold(text: string): string {
  const m = /^(\s*)(.*?)(\s*)$/s.exec(text);
  const [, lead = '', core = '', trail = ''] = m ?? [];
  return core ? `${lead}**${escapeText(core)}**${trail}` : text;
}

/** The source line's longest length: a longer file name is cut in its middle, never the line number. */
const SOURCE_MAX = 160;

/** `file, line N` within `max` characters, the file name shortened in its middle if need be. */
export function sourceWithin(src: Source, max: number): string {
  const over = [...sourceLine(src)].length - max;
  if (over <= 0) return sourceLine(src);
  return sourceLine({ ...src, file: clipMiddle(src.file, Math.max(1, [...src.file].length - over)) });
}

/** Characters that would end or bend a markdown link's address. */
const LINK_BREAKERS = /[()[\]<>\\\s]/g;
const LINK_MAX = 512;

/** The page a transcript came from (briefings carry one) as a link labelled with its host, so it
 * says where it goes; only plain http(s) addresses, never one with a password in it. */
export function sourceLink(url: string | null): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password) return null;
  const href = u.href.replace(LINK_BREAKERS, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  if (href.length > LINK_MAX) return null;
  return `source: [${nameText(u.hostname)}](${href})`;
}
