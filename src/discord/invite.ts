// The invite link an admin opens to add the bot: its scopes and exactly the permissions it uses.
import { PermissionFlagsBits } from 'discord.js';

/** Read the channel, answer, answer in threads, open threads on answers, show embeds, read thread history. */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory;

export function inviteUrl(applicationId: string): string {
  const q = new URLSearchParams({ client_id: applicationId, scope: 'bot applications.commands', permissions: BOT_PERMISSIONS.toString() });
  return `https://discord.com/oauth2/authorize?${q.toString().replace(/\+/g, '%20')}`;
}
