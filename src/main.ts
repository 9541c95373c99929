// Start the Discord bot when a token is configured, else the terminal.
import { config as loadDotenv } from 'dotenv';
import { runCli } from './cli/runCli.ts';
import { processIo } from './cli/io.ts';

export async function main(argv: readonly string[]): Promise<number> {
  loadDotenv({ quiet: true });
  const io = processIo();
  return runCli(argv, io);
}
