// Follow-ups: a journalist's next line in a thread ("more", "what else did she say?",
// "when was that?", plain words) read against the answer it follows. Returns the command to
// run; the thread (Discord) or the session (terminal) runs it and keeps the new context.
import type { AnswerContext } from './answer.ts';
import { problem, type Refusal } from './answer.ts';
import type { Args, Invocation } from './commands.ts';

export type FollowUp = { ok: true; invocation: Invocation } | Refusal;

/** A quote-sized line is treated as a new who-said rather than a topic. */
const QUOTE_WORDS = 5;

const PRONOUN = /^(he|she|they|him|her|them|that person|this person)$/i;

export function interpretFollowUp(raw: string, ctx: AnswerContext): FollowUp {
  const text = raw.trim().replace(/[?.!]+$/, '').replace(/\s+/g, ' ');
  if (!text) return problem('empty_query', 'Ask something: "more", "what else did she say?", "when was that?", or a few words.');
  const lower = text.toLowerCase();
  const ok = (command: Invocation['command'], args: Args, extra: Partial<Invocation> = {}): FollowUp =>
    ({ ok: true, invocation: { command, args: clean(args), ...extra } });
  const same = (page: number): FollowUp => ok(ctx.command, argsOf(ctx), { page: Math.max(1, page) });
  const focus = ctx.focusId;

  // A story of a timeline, by its number on the page: "expand 2", "show all of story 2".
  const expand = /^(?:expand|open|show (?:all|everything)(?: (?:of|from|in))?|all (?:passages )?(?:of|from|in)|more (?:of|from)|the rest of)(?: (?:story|the story|entry|number|no\.?|#))? ?#?(\d{1,2})?$/.exec(lower);
  if (expand && ctx.stories?.length) {
    const n = Number(expand[1] ?? 1);
    const key = ctx.stories[n - 1];
    if (!key) return problem('unknown_story', `This page of the timeline has ${ctx.stories.length} stor${ctx.stories.length === 1 ? 'y' : 'ies'}; "${text}" asks for number ${n}.`);
    return ok('story', { ...timelineArgs(ctx), story: key, stories: ctx.stories.join('\n') });
  }
  if (ctx.command === 'story' && /^(back|timeline|(back to )?the timeline)$/.test(lower)) return ok('timeline', timelineArgs(ctx));

  if (/^(more|next|next page|show more|keep going|go on)$/.test(lower)) return same(ctx.page + 1);
  if (/^(previous|prev|back|previous page|go back)$/.test(lower)) return same(ctx.page - 1);

  // Timelines run oldest first, quote lists newest first: "earlier" moves whichever way is older.
  const older = /^(earlier|older|before that|before)$/.test(lower);
  const newer = /^(later|newer|after that|since then|more recent)$/.test(lower);
  if (older || newer) {
    if (ctx.command === 'timeline' || ctx.command === 'story') return same(ctx.page + (older ? -1 : 1));
    if (ctx.command === 'quotes') return same(ctx.page + (older ? 1 : -1));
    if (!ctx.speaker) return needs('a speaker', ctx);
    // Under a single passage: the same speaker's other words before or after it.
    const edge = ctx.focusDate ? (older ? { until: ctx.focusDate } : { since: ctx.focusDate }) : {};
    return ok('quotes', { speaker: ctx.speaker, ...edge }, focus ? { exclude: focus } : {});
  }

  if (/^(when|when was (that|this|it)|when did (he|she|they) say (that|it|this)|what date|which day)$/.test(lower)) {
    return focus ? ok('when', { id: focus }) : needs('a passage', ctx);
  }
  if (/^((show|give|read)( me)? )?(the )?(full |more |whole )?context$|^(read|show) more$|^(full|whole) (passage|quote|transcript)$/.test(lower)) {
    return focus ? ok('context', { id: focus }) : needs('a passage', ctx);
  }
  if (/^who said (that|it|this)$/.test(lower)) return ok('who-said', { quote: ctx.query });

  const elseSaid = /^what else (?:did|has|does) (.+?) (?:say|said)(?: about (.+))?$/i.exec(text);
  if (elseSaid) {
    const who = resolveWho(elseSaid[1]!, ctx);
    if (!who) return needs('a speaker', ctx);
    const topic = elseSaid[2] ? aboutTopic(elseSaid[2], ctx) : undefined;
    // "Else" leaves out the one passage the answer was about; after a list there is no single one.
    const single = ctx.command === 'who-said' || ctx.command === 'when' || ctx.command === 'context';
    return ok('quotes', { speaker: who, topic }, focus && single ? { exclude: focus } : {});
  }
  const saidAbout = /^what (?:did|does|has) (.+?) (?:say|said|think) (?:about|on) (.+)$/i.exec(text);
  if (saidAbout) {
    const who = resolveWho(saidAbout[1]!, ctx);
    if (!who) return needs('a speaker', ctx);
    return ok('quotes', { speaker: who, topic: aboutTopic(saidAbout[2]!, ctx) });
  }
  if (/^(timeline|(show )?(a |the )?timeline( of (this|that|it|this topic))?)$/.test(lower)) {
    return ok('timeline', { topic: ctx.topic ?? ctx.query, since: ctx.since, until: ctx.until });
  }
  if (/^(timeline|history) of (this|that|the) (speaker|person)$|^(his|her|their) timeline$/.test(lower)) {
    return ctx.speaker ? ok('timeline', { speaker: ctx.speaker }) : needs('a speaker', ctx);
  }
  const range = /^(since|from|after|until|before|to)[: ](.+)$/.exec(lower);
  if (range && ctx.command !== 'context' && ctx.command !== 'when') {
    const key = /^(since|from|after)$/.test(range[1]!) ? 'since' : 'until';
    return ok(ctx.command, { ...argsOf(ctx), [key]: range[2]!.trim() });
  }

  // Plain words: a new quote to look up, or a narrower look at what this answer is about.
  const words = text.split(' ').length;
  const quoted = /^["“'‘].*["”'’]$/.test(text);
  if (quoted || words >= QUOTE_WORDS) return ok('who-said', { quote: text.replace(/^["“'‘]|["”'’]$/g, ''), since: ctx.since, until: ctx.until });
  if (ctx.command === 'timeline' || ctx.command === 'story') return ok('timeline', { ...timelineArgs(ctx), topic: text });
  if (ctx.speaker) return ok('quotes', { speaker: ctx.speaker, topic: text });
  return ok('search', { query: text, since: ctx.since, until: ctx.until });
}

/** A slash command typed inside a thread fills what it leaves out from the thread's context. */
export function inheritContext(inv: Invocation, ctx: AnswerContext): Invocation {
  const args: Record<string, string | undefined> = { ...inv.args };
  const fill = (key: string, value: string | undefined) => {
    if (!args[key]?.trim() && value) args[key] = value;
  };
  switch (inv.command) {
    // Only a topic is a topic: after /quotes the query is a name, after /context an id.
    case 'timeline': fill('topic', ctx.topic); fill('since', ctx.since); fill('until', ctx.until); if (!args.topic) fill('speaker', ctx.speaker); break;
    case 'quotes': fill('speaker', ctx.speaker); fill('since', ctx.since); fill('until', ctx.until); break;
    case 'who-said': fill('since', ctx.since); fill('until', ctx.until); break;
    case 'search': fill('speaker', ctx.speaker); fill('query', ctx.topic); break;
    case 'context': case 'when': fill('id', ctx.focusId); break;
    case 'story': case 'followed': case 'speakers': break;
  }
  return { ...inv, args: clean(args) };
}

/** The arguments that reproduce an answer, for "more" and date changes. */
export function argsOf(ctx: AnswerContext): Args {
  switch (ctx.command) {
    case 'who-said': return clean({ quote: ctx.query, speaker: undefined, since: ctx.since, until: ctx.until });
    case 'timeline': case 'followed': return timelineArgs(ctx);
    case 'story': return clean({ ...timelineArgs(ctx), story: ctx.story, stories: ctx.stories?.join('\n') });
    case 'quotes': return clean({ speaker: ctx.speaker ?? ctx.query, topic: ctx.topic, since: ctx.since, until: ctx.until });
    case 'search': return clean({ query: ctx.query, speaker: ctx.speaker, since: ctx.since, until: ctx.until });
    case 'context': case 'when': return clean({ id: ctx.focusId ?? ctx.query });
    case 'speakers': return clean({ name: ctx.query || undefined });
  }
}

function timelineArgs(ctx: AnswerContext): Args {
  return clean({ topic: ctx.topic, speaker: ctx.speaker, since: ctx.since, until: ctx.until, program: ctx.program, order: ctx.order });
}

function resolveWho(said: string, ctx: AnswerContext): string | undefined {
  const who = said.trim();
  return PRONOUN.test(who) ? ctx.speaker : who;
}

/** "about it" means what the answer was about; anything else is a new topic. */
function aboutTopic(said: string, ctx: AnswerContext): string | undefined {
  return /^(it|that|this|this topic|that topic)$/i.test(said.trim()) ? ctx.topic ?? ctx.query : said.trim();
}

function needs(what: string, ctx: AnswerContext): Refusal {
  return problem('no_context', `That follow-up needs ${what}, and the answer above (/${ctx.command}) has none. Try a new command.`);
}

function clean(args: Record<string, string | undefined>): Args {
  return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined && v !== ''));
}
