// The one definition of each command, read by the Discord adapter (slash commands,
// autocomplete) and the terminal (REPL, one-shot, batch) alike.
import type { QuestionIndex } from '../search/questionIndex.ts';
import { problem, type CommandName, type Outcome } from './answer.ts';
import { context, when } from './context.ts';
import { quotes } from './quotes.ts';
import { searchPassages } from './searchPassages.ts';
import { speakers } from './speakers.ts';
import { timeline, timelineStory } from './timeline.ts';
import { whoSaid } from './whoSaid.ts';

/** What an option holds, which decides its validation and autocomplete. */
export type OptionKind = 'text' | 'date' | 'speaker' | 'program' | 'passage' | 'order';

export interface OptionSpec {
  name: string;
  description: string;
  kind: OptionKind;
  required: boolean;
}

export type Args = Readonly<Record<string, string | undefined>>;

export interface RunEnv {
  now: Date;
  page?: number;
  pageSize?: number;
  /** A passage to leave out of the answer (follow-ups: "what else did she say?"). */
  exclude?: string;
}

export interface CommandSpec {
  name: CommandName;
  description: string;
  /** The first option is the one a plain REPL line fills: `/who-said receptive to correspondence`. */
  options: readonly OptionSpec[];
  /** Whether Discord shows it as a slash command (`when` only exists as a follow-up). */
  slash: boolean;
  run(index: QuestionIndex, args: Args, env: RunEnv): Outcome;
}

const speakerOpt = (description = 'Only words by this person (surname is enough)'): OptionSpec =>
  ({ name: 'speaker', description, kind: 'speaker', required: false });
const since: OptionSpec = { name: 'since', description: 'From this date: YYYY, YYYY-MM, YYYY-MM-DD or words (March, last year)', kind: 'date', required: false };
const until: OptionSpec = { name: 'until', description: 'Up to this date: YYYY, YYYY-MM, YYYY-MM-DD or words (January, last year)', kind: 'date', required: false };
const timelineOptions: readonly OptionSpec[] = [
  { name: 'topic', description: 'A few words naming the topic (or leave it out and give a speaker)', kind: 'text', required: false },
  speakerOpt(), since, until,
  { name: 'program', description: 'Only this programme', kind: 'program', required: false },
  { name: 'order', description: 'aired (when broadcast, the default) or spoken (when the words were said)', kind: 'order', required: false },
];
const pageOf = (env: RunEnv) => ({ ...(env.page ? { page: env.page } : {}), ...(env.pageSize ? { pageSize: env.pageSize } : {}) });

export const COMMANDS = [
  {
    name: 'who-said',
    description: 'Who said these words, and when? Finds the passage a remembered fragment comes from.',
    options: [
      { name: 'quote', description: 'The words as you remember them', kind: 'text', required: true },
      speakerOpt(), since, until,
    ],
    slash: true,
    run: (index, a, env) => whoSaid(index, { fragment: a.quote ?? '', speaker: a.speaker, since: a.since, until: a.until, ...pageOf(env) }, env.now),
  },
  {
    name: 'timeline',
    description: 'What was said about a topic, story by story, oldest first, with a chart.',
    options: timelineOptions,
    slash: true,
    run: (index, a, env) => timeline(index, { topic: a.topic ?? '', speaker: a.speaker, since: a.since, until: a.until, program: a.program, order: a.order, ...pageOf(env) }, env.now),
  },
  {
    name: 'story',
    description: 'Every passage of one story on a timeline.',
    options: [
      ...timelineOptions,
      { name: 'story', description: 'The story, as the timeline gave it', kind: 'text', required: true },
      { name: 'stories', description: 'The timeline page\'s stories, one per line, so "expand 2" still works after', kind: 'text', required: false },
    ],
    slash: false,
    run: (index, a, env) => timelineStory(index, { topic: a.topic ?? '', speaker: a.speaker, since: a.since, until: a.until, program: a.program, order: a.order, story: a.story ?? '', ...(a.stories ? { stories: a.stories.split('\n') } : {}), ...pageOf(env) }, env.now),
  },
  {
    name: 'followed',
    description: 'What new or changed files say about a followed topic.',
    options: [
      { name: 'topic', description: 'The topic followed', kind: 'text', required: false },
      speakerOpt(),
      { name: 'files', description: 'The files added or changed, one per line', kind: 'text', required: true },
    ],
    slash: false,
    // The answer is a timeline of those files' stories, and follow-ups treat it as one.
    run: (index, a, env) => timeline(index, { topic: a.topic ?? '', speaker: a.speaker, files: (a.files ?? '').split('\n').filter(Boolean), ...pageOf(env) }, env.now),
  },
  {
    name: 'quotes',
    description: 'What one person said, newest first.',
    options: [
      { name: 'speaker', description: 'The person (surname is enough)', kind: 'speaker', required: true },
      { name: 'topic', description: 'Only about this topic', kind: 'text', required: false },
      since, until,
    ],
    slash: true,
    run: (index, a, env) => quotes(index, { speaker: a.speaker ?? '', topic: a.topic, since: a.since, until: a.until, exclude: env.exclude, ...pageOf(env) }, env.now),
  },
  {
    name: 'search',
    description: 'Passages with these words, best match first.',
    options: [
      { name: 'query', description: 'Words to look for', kind: 'text', required: true },
      speakerOpt(), since, until,
    ],
    slash: true,
    run: (index, a, env) => searchPassages(index, { words: a.query ?? '', speaker: a.speaker, since: a.since, until: a.until, ...pageOf(env) }, env.now),
  },
  {
    name: 'context',
    description: 'The passages around one, as it aired.',
    options: [{ name: 'id', description: 'The passage id shown under an answer', kind: 'passage', required: true }],
    slash: true,
    run: (index, a) => context(index, { id: a.id ?? '' }),
  },
  {
    name: 'speakers',
    description: 'Who speaks in the archive, and how often.',
    options: [{ name: 'name', description: 'Only names starting like this', kind: 'speaker', required: false }],
    slash: true,
    run: (index, a, env) => speakers(index, { filter: a.name, ...pageOf(env) }),
  },
  {
    name: 'when',
    description: 'When a passage was spoken and aired.',
    options: [{ name: 'id', description: 'The passage id', kind: 'passage', required: true }],
    slash: false,
    run: (index, a) => when(index, a.id ?? ''),
  },
] as const satisfies readonly CommandSpec[];

export function findCommand(name: string): CommandSpec | undefined {
  const wanted = name.replace(/^\//, '').toLowerCase();
  return COMMANDS.find((c) => c.name === wanted);
}

export interface Invocation {
  command: CommandName;
  args: Args;
  page?: number;
  exclude?: string;
}

/** Runs one command after checking its options: the single entry both adapters call. */
export function runCommand(index: QuestionIndex, inv: Invocation, now: Date, pageSize?: number): Outcome {
  const spec = findCommand(inv.command);
  if (!spec) return problem('unknown_command', `There is no command "${inv.command}". Commands: ${COMMANDS.filter((c) => c.slash).map((c) => c.name).join(', ')}.`);
  const known = new Set(spec.options.map((o) => o.name));
  const unknown = Object.keys(inv.args).filter((k) => !known.has(k) && inv.args[k] !== undefined);
  if (unknown.length > 0) {
    return problem('unknown_option', `/${spec.name} has no option ${unknown.map((u) => `"${u}"`).join(', ')}; it takes ${spec.options.map((o) => o.name).join(', ')}.`);
  }
  const missing = spec.options.find((o) => o.required && !inv.args[o.name]?.trim());
  if (missing) return problem(spec.name === 'who-said' && missing.name === 'quote' ? 'empty_query' : 'missing_option', `/${spec.name} needs ${missing.name}: ${missing.description.toLowerCase()}.`);
  return spec.run(index, inv.args, {
    now,
    ...(inv.page ? { page: inv.page } : {}),
    ...(pageSize ? { pageSize } : {}),
    ...(inv.exclude ? { exclude: inv.exclude } : {}),
  });
}
