// Help text, written from the command registry so it cannot drift from what the commands take.
import { COMMANDS } from '../core/ask/commands.ts';

export function renderCommandHelp(): string {
  const lines = COMMANDS.filter((c) => c.slash).map((c) => {
    const opts = c.options.map((o, i) => (i === 0 ? (o.required ? `<${o.name}>` : `[${o.name}]`) : `[${o.name}:…]`)).join(' ');
    return `  /${c.name} ${opts}\n      ${c.description}`;
  });
  return [
    'Commands (type them as in Discord):',
    ...lines,
    '',
    'After an answer, plain lines are follow-ups: "more", "earlier", "what else did she say?",',
    '"when was that?", "show the full context", "what did Trump say about it?", or a few words.',
    '/help shows this; /quit (or Ctrl-D) leaves.',
  ].join('\n');
}

export const USAGE = `Usage:
  soundbite                         terminal over the corpus (or the Discord bot when DISCORD_TOKEN is set)
  soundbite who-said "<fragment>"   [--speaker NAME] [--since DATE] [--until DATE]
  soundbite timeline "<topic>"      [--speaker NAME] [--since DATE] [--until DATE] [--program NAME] [--order aired|spoken] [--chart FILE.png|FILE.svg]
  soundbite quotes "<speaker>"      [--topic WORDS]
  soundbite search "<words>"        [--speaker NAME]
  soundbite context <passage-id>
  soundbite speakers [name]         [--unresolved: labels that resolve to no one]
  soundbite stats                   files, passages, speakers, date range, problems
  soundbite ingest FILE             check a transcript and add it to the corpus
  soundbite follow "<topic>"        [--speaker NAME] [--json]: print what new or changed transcripts say about it, until Ctrl+C
  soundbite validate                list every problem in the corpus; exit 1 when there are any

Options for all: --corpus DIR (default: SOUNDBITE_CORPUS or ./corpus), --json, --page N, --no-color,
  --format md|csv|json (the whole answer as Markdown, CSV or JSON), --out FILE (write it there).
With stdin not a terminal and --json, one command per line in, one JSON object per line out.`;
