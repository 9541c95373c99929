// Gateway close codes after which discord.js gives up (it emits shardDisconnect for exactly these):
// the bot can no longer answer, so the process says why and ends for a supervisor to act on.
import { GatewayCloseCodes } from 'discord.js';

const FATAL: ReadonlyMap<number, string> = new Map([
  [GatewayCloseCodes.AuthenticationFailed, 'the token was rejected (4004 Authentication failed): it was reset or revoked. Put the current token in .env (Bot > Reset Token) and start again.'],
  [GatewayCloseCodes.InvalidShard, 'the shard was refused (4010 Invalid shard).'],
  [GatewayCloseCodes.ShardingRequired, 'the bot is in too many servers for one connection (4011 Sharding required).'],
  [GatewayCloseCodes.InvalidAPIVersion, 'this version of the gateway is no longer accepted (4012 Invalid API version): upgrade Soundbite.'],
  [GatewayCloseCodes.InvalidIntents, 'the intents asked for are invalid (4013 Invalid intents).'],
  [GatewayCloseCodes.DisallowedIntents, 'the MessageContent intent is no longer allowed (4014 Disallowed intents). Switch on "Message Content Intent" under Bot in the developer portal, or set SOUNDBITE_MESSAGE_CONTENT=false, and start again.'],
]);

export function isFatalClose(code: number): boolean {
  return FATAL.has(code);
}

/** One line for the person running the bot. */
export function fatalCloseMessage(code: number): string {
  return `Discord closed the connection for good, so Soundbite stopped: ${FATAL.get(code) ?? `close code ${code}.`}`;
}
