// `npx soundbite feedback`: every kept Right / Wrong speaker vote as one JSON line, oldest first,
// for checking who-said's answers. One line per user per answer: a changed vote is its last click.
import { readSettings } from '../app/config.ts';
import { isFeedbackVote, type FeedbackVote } from './feedback.ts';
import { createLogger, stderrSink } from './log.ts';
import { DataDirError, openStateStore } from './openStateStore.ts';
import { SPACES, type StateStore } from './stateStore.ts';

export async function feedbackVotes(store: StateStore): Promise<FeedbackVote[]> {
  const records = await store.list(SPACES.votes, SPACES.votes.maxRecords);
  return records.map((r) => r.value).filter(isFeedbackVote);
}

export async function runFeedbackExport(io: { out(line: string): void; err(line: string): void; env: Readonly<Record<string, string | undefined>> }): Promise<number> {
  const read = readSettings(io.env);
  if (!read.ok) {
    io.err(`soundbite: ${read.message}`);
    return 1;
  }
  let store: StateStore;
  try {
    // With a database, the votes are in it (postgresStateStore.ts), shared by every bot process.
    store = read.settings.databaseUrl ? await (await import('./postgresStateStore.ts')).PostgresStateStore.open(read.settings.databaseUrl) : openStateStore(read.settings.dataDir, createLogger(stderrSink));
  } catch (err) {
    if (!(err instanceof DataDirError)) throw err;
    io.err(`soundbite: Setting SOUNDBITE_DATA_DIR cannot be used: ${err.message}.`);
    return 1;
  }
  try {
    for (const vote of await feedbackVotes(store)) io.out(JSON.stringify(vote));
  } finally {
    await store.close();
  }
  return 0;
}
