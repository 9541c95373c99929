// The archive's admin commands: /ingest (add an attached transcript), /reload (re-read every
// file) and /stats (what the archive holds), offered in servers only. Who may run /ingest and
// /reload is Discord's call: by default those who can manage the server
// (default_member_permissions), and an admin can change that under Server Settings >
// Integrations, which /reload follows. /ingest writes into the corpus, so it checks again
// itself (defence in depth): in a server, by a member Discord reports as able to manage it.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  MessageFlags,
  PermissionFlagsBits,
  type ChatInputCommandInteraction,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { DOWNLOAD_TIMEOUT_MS, downloadUpload } from '../app/downloadUpload.ts';
import { MAX_INGEST_BYTES, checkUpload } from '../app/ingest.ts';
import { NO_PINGS } from './ask.ts';
import { postFollows } from './follows.ts';
import type { BotDeps } from './botDeps.ts';
import { SERVER_ONLY } from './commandScopes.ts';
import { renderIngestReply, renderReloadReply, renderStatsReply } from './renderAdmin.ts';

export const INGEST_COMMAND = 'ingest';
export const RELOAD_COMMAND = 'reload';
export const STATS_COMMAND = 'stats';
const ADMIN_NAMES: ReadonlySet<string> = new Set([INGEST_COMMAND, RELOAD_COMMAND, STATS_COMMAND]);

const MANAGE_SERVER = String(PermissionFlagsBits.ManageGuild);

export function adminPayloads(): RESTPostAPIApplicationCommandsJSONBody[] {
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: INGEST_COMMAND,
      description: 'Add a transcript to the archive (checked first; nothing is added if it has problems).',
      default_member_permissions: MANAGE_SERVER,
      options: [{ type: ApplicationCommandOptionType.Attachment, name: 'file', description: 'The transcript: .txt, .md, .vtt or .srt, up to 5 MB', required: true }],
      ...SERVER_ONLY,
    },
    {
      type: ApplicationCommandType.ChatInput,
      name: RELOAD_COMMAND,
      description: 'Re-read every transcript in the archive (admins).',
      default_member_permissions: MANAGE_SERVER,
      ...SERVER_ONLY,
    },
    { type: ApplicationCommandType.ChatInput, name: STATS_COMMAND, description: 'What the archive holds: files, passages, speakers, dates, problems.', ...SERVER_ONLY },
  ];
}

export function isAdminCommand(name: string): boolean {
  return ADMIN_NAMES.has(name);
}

const privately = (content: string) => ({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS }) as const;

export async function adminCommand(deps: BotDeps, i: ChatInputCommandInteraction): Promise<void> {
  const engine = deps.engine;
  // Offered in servers only; a command registered by an older version can still arrive from a DM,
  // where no server permission applies at all.
  if (!i.inGuild()) {
    deps.log.warn('admin_command_refused', { interactionId: i.id, command: i.commandName, userId: i.user.id, reason: 'not in a server' });
    await i.reply(privately(`/${i.commandName} works only in a server, where its admins decide who may use it.`));
    return;
  }
  if (i.commandName === STATS_COMMAND) {
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    await i.editReply({ content: renderStatsReply(await engine.stats()), allowedMentions: NO_PINGS });
    return;
  }
  if (i.commandName === RELOAD_COMMAND) {
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    const { result, stats } = await engine.reload();
    deps.log.info('corpus_reloaded', { interactionId: i.id, files: stats.files, passages: stats.passages, reread: result.reread.length });
    await i.editReply({ content: renderReloadReply(result, stats), allowedMentions: NO_PINGS });
    return;
  }
  if (!i.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    deps.log.warn('admin_command_refused', { interactionId: i.id, command: i.commandName, userId: i.user.id, reason: 'no Manage Server permission' });
    await i.reply(privately('Adding transcripts needs the Manage Server permission in this server, and Discord reports that you do not have it.'));
    return;
  }
  const file = i.options.getAttachment('file', true);
  // Size and type from Discord's description first: a refused file is never downloaded.
  const early = checkUpload(file.name, file.size, MAX_INGEST_BYTES);
  if (early) {
    await i.reply(privately(renderIngestReply(early)));
    return;
  }
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  // Bounded in bytes and time whatever the attachment's description said.
  const got = await downloadUpload(file.url, file.name, { maxBytes: MAX_INGEST_BYTES, timeoutMs: deps.downloadTimeoutMs ?? DOWNLOAD_TIMEOUT_MS });
  if (!got.ok) {
    deps.log.info('ingest', { interactionId: i.id, userId: i.user.id, file: file.name, ok: false, status: `download_${got.reason}` });
    await i.editReply({ content: got.message, allowedMentions: NO_PINGS });
    return;
  }
  const bytes = got.bytes;
  // Checked, written and indexed by the engine before it answers, so the next question finds it.
  const result = await engine.ingest(file.name, bytes);
  deps.log.info('ingest', { interactionId: i.id, userId: i.user.id, file: file.name, ok: result.ok, status: result.ok ? result.status : result.code });
  await i.editReply({ content: renderIngestReply(result), allowedMentions: NO_PINGS });
  // An upload is indexed here rather than by the watcher: its followers hear of it here too.
  if (result.ok && result.status === 'written') await postFollows(deps, i.client, [result.file]);
}
