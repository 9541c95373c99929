// Dispatch only: `register` registers the slash commands, `feedback` prints the bot's feedback
// votes; `start` (or nothing) starts the Discord bot when DISCORD_TOKEN is set, else the
// terminal, saying why; anything else is the CLI.
import { config as loadDotenv } from 'dotenv';
import { runCli } from './cli/runCli.ts';
import { processIo } from './cli/io.ts';

const NO_TOKEN = 'no DISCORD_TOKEN set, so answering in the terminal (set it in .env to start the Discord bot)';

export async function main(argv: readonly string[]): Promise<number> {
  loadDotenv({ quiet: true });
  const io = processIo();
  const [verb] = argv;
  // discord.js is loaded only when Discord is wanted: terminal commands start faster without it.
  const discord = () => import('./discord/runDiscord.ts');
  if (verb === 'register') return (await discord()).runRegister(io);
  if (verb === 'feedback' && argv.length === 1) return (await import('./discord/exportFeedback.ts')).runFeedbackExport(io);
  const starting = verb === undefined || verb === 'start';
  if (starting && argv.length <= 1 && process.env.DISCORD_TOKEN) return (await discord()).runDiscord(io);
  return runCli(argv, io, NO_TOKEN);
}
