// Where Discord offers each command (contexts) and how the app is installed (integration_types).
import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';

/** Questions are offered in servers and in a DM with the bot; never as a user-installed app,
 * which would carry the archive into servers that never added the bot. */
export const QUESTION_SCOPE = {
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
};

/** Admin commands act on the server's archive: offered in servers only. */
export const SERVER_ONLY = {
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
};
