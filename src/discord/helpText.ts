// /help: the commands from the registry, and what to type in a thread.
import { COMMANDS } from '../core/ask/commands.ts';
import { clip } from './escapeText.ts';
import { WHO_SAID_THIS } from './commandPayloads.ts';

export function helpText(): string {
  const lines = [
    '**Soundbite** answers "who said that, and when?" from the newsroom\'s transcripts.',
    '',
    ...COMMANDS.filter((c) => c.slash).map((c) => `\`/${c.name}\` ${c.options.map((o) => (o.required ? o.name : `[${o.name}]`)).join(' ')}: ${c.description}`),
    `Right-click a message → Apps → **${WHO_SAID_THIS}** looks up its text.`,
    '',
    'Each answer opens a thread. In it, just type: "more", "earlier", "when?", "what else did she say?", "show the full context", or a few words.',
    'Every answer shows its source file and line, and the passage id for `/context`.',
  ];
  return clip(lines.join('\n'), 2000);
}
