// Slash command JSON, built from the same registry the terminal reads, plus what only Discord
// has: /help and the "Who said this?" message context menu.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIApplicationCommandsJSONBody,
  type APIApplicationCommandBasicOption,
} from 'discord.js';
import { COMMANDS, type CommandSpec, type OptionSpec } from '../core/ask/commands.ts';
import { adminPayloads } from './adminCommands.ts';
import { followPayloads } from './follows.ts';
import { QUESTION_SCOPE } from './commandScopes.ts';

export const HELP_COMMAND = 'help';
export const WHO_SAID_THIS = 'Who said this?';

/** Discord's limit for command and option descriptions. */
const DESCRIPTION_MAX = 100;

/** Options whose values come from the corpus, so Discord asks the bot as the journalist types. */
export const AUTOCOMPLETE_KINDS: ReadonlySet<OptionSpec['kind']> = new Set(['speaker', 'program']);

export function fitDescription(text: string, max = DESCRIPTION_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const sp = cut.lastIndexOf(' ');
  return `${(sp > max / 2 ? cut.slice(0, sp) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

const ORDER_CHOICES = [{ name: 'when it aired', value: 'aired' }, { name: 'when the words were said', value: 'spoken' }];

function optionPayload(o: OptionSpec): APIApplicationCommandBasicOption {
  if (o.kind === 'order') return { type: ApplicationCommandOptionType.String, name: o.name, description: fitDescription(o.description), required: o.required, choices: ORDER_CHOICES };
  return {
    type: ApplicationCommandOptionType.String,
    name: o.name,
    description: fitDescription(o.description),
    required: o.required,
    ...(AUTOCOMPLETE_KINDS.has(o.kind) ? { autocomplete: true } : {}),
    // Discord caps string options at 6,000; a who-said fragment longer than a paragraph is a mistake.
    max_length: o.kind === 'text' ? 1000 : 100,
  };
}

function slashPayload(c: CommandSpec): RESTPostAPIApplicationCommandsJSONBody {
  // Discord wants required options first; the registry already lists them that way, but sort to be sure.
  const options = [...c.options].sort((a, b) => Number(b.required) - Number(a.required)).map(optionPayload);
  return { type: ApplicationCommandType.ChatInput, name: c.name, description: fitDescription(c.description), options, ...QUESTION_SCOPE };
}

export function commandPayloads(): RESTPostAPIApplicationCommandsJSONBody[] {
  const slash: readonly CommandSpec[] = COMMANDS.filter((c) => c.slash);
  return [
    ...slash.map(slashPayload),
    { type: ApplicationCommandType.ChatInput, name: HELP_COMMAND, description: 'How to ask Soundbite: the commands, and follow-ups in threads.', ...QUESTION_SCOPE },
    { type: ApplicationCommandType.Message, name: WHO_SAID_THIS, ...QUESTION_SCOPE },
    ...adminPayloads(),
    ...followPayloads(),
  ];
}
