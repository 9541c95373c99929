// `npm run register`: one PUT that replaces the command set, to one guild (instant) when
// DISCORD_GUILD_ID is set, else globally (Discord may take up to an hour to show changes).
import { REST, Routes } from 'discord.js';
import type { BotSettings } from '../app/config.ts';
import { commandPayloads } from './commandPayloads.ts';
import type { Logger } from './log.ts';

export interface Registered {
  scope: 'guild' | 'global';
  names: string[];
}

export async function registerCommands(settings: BotSettings, log: Logger): Promise<Registered> {
  const rest = new REST({ api: settings.apiUrl, retries: 1, timeout: 10_000 }).setToken(settings.token);
  const body = commandPayloads();
  const route = settings.guildId
    ? Routes.applicationGuildCommands(settings.applicationId, settings.guildId)
    : Routes.applicationCommands(settings.applicationId);
  await rest.put(route, { body });
  const scope = settings.guildId ? 'guild' : 'global';
  log.info('commands_registered', { scope, guildId: settings.guildId, count: body.length });
  return { scope, names: body.map((c) => c.name) };
}
