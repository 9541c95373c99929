// Opening the bot's state store in the data folder. A folder that cannot be used stops start-up
// naming SOUNDBITE_DATA_DIR; a damaged state file is reported, set aside (renamed) and started
// afresh; a file that cannot be written is reported and the bot answers without buttons and
// thread follow-ups rather than failing; the JSON files of earlier versions are carried over once.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { isAnswerContext, isAnswerRef } from './answerState.ts';
import { isFeedbackVote, legacyVoteKey } from './feedback.ts';
import type { Logger } from './log.ts';
import { isDamagedFile, SqliteStateStore, type SqliteStoreOptions } from './sqliteStateStore.ts';
import { SPACES, UnavailableStore, type StateSpace, type StateStore } from './stateStore.ts';

export const STATE_FILE = 'state.db';

/** The data folder cannot hold Soundbite's files at all (it is a file, or cannot be created). */
export class DataDirError extends Error {}

/** Creates the data folder if needed; throws DataDirError saying what is wrong with it. */
export function checkDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : '';
    throw new DataDirError(code === 'EEXIST' ? `${dir} is a file, not a folder` : `${dir} cannot be created: ${describeFsError(err)}`);
  }
  if (!statSync(dir).isDirectory()) throw new DataDirError(`${dir} is a file, not a folder`);
}

export function openStateStore(dataDir: string, log: Logger, opts: SqliteStoreOptions = {}): StateStore {
  checkDataDir(dataDir);
  const file = path.join(dataDir, STATE_FILE);
  let store: SqliteStateStore;
  try {
    store = SqliteStateStore.open(file, opts);
  } catch (err) {
    if (!isDamagedFile(err)) return unavailable(file, err, log);
    const asideAs = setAside(file);
    log.error('state_file_damaged', { file, setAsideAs: asideAs, err, effect: 'buttons and threads of earlier answers answer as expired' });
    try {
      store = SqliteStateStore.open(file, opts);
    } catch (again) {
      return unavailable(file, again, log);
    }
  }
  importLegacyFiles(dataDir, store, log);
  return store;
}

function unavailable(file: string, err: unknown, log: Logger): StateStore {
  log.error('state_store_unavailable', { file, err, effect: 'answers come without buttons, and threads without follow-ups, until this is fixed and the bot restarted' });
  return new UnavailableStore(`${file} cannot be opened for writing: ${describeFsError(err)}`);
}

/** Renames a damaged state file (and its write-ahead log) out of the way; returns the new name. */
function setAside(file: string): string {
  const aside = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, aside);
  for (const [ext, keep] of [['-wal', true], ['-shm', false], ['-journal', true]] as const) {
    try {
      if (keep) renameSync(`${file}${ext}`, `${aside}${ext}`);
      else rmSync(`${file}${ext}`, { force: true });
    } catch {
      // Absent: nothing to move.
    }
  }
  return aside;
}

interface LegacyFile {
  file: string;
  space: StateSpace;
  /** The records the file holds, keyed; null when the file cannot be read as such. */
  read: (text: string) => [string, unknown][] | null;
}

/** JSON state of versions before the store (answers.json, threads.json, feedback.jsonl). */
const LEGACY: LegacyFile[] = [
  { file: 'answers.json', space: SPACES.answers, read: (t) => jsonEntries(t, isAnswerRef) },
  { file: 'threads.json', space: SPACES.threads, read: (t) => jsonEntries(t, isAnswerContext) },
  {
    file: 'feedback.jsonl',
    space: SPACES.votes,
    // One vote per user per answer: a later line for the same passage, query and user replaces an earlier one.
    read: (t) => t.split('\n').filter((l) => l.trim()).flatMap((l) => {
      const v = parseJson(l);
      return isFeedbackVote(v) ? [[legacyVoteKey(v), v] as [string, unknown]] : [];
    }),
  },
];

function importLegacyFiles(dataDir: string, store: SqliteStateStore, log: Logger): void {
  for (const legacy of LEGACY) {
    const file = path.join(dataDir, legacy.file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const entries = legacy.read(text);
    try {
      if (!entries) {
        const aside = `${file}.damaged`;
        renameSync(file, aside);
        log.error('state_file_damaged', { file, setAsideAs: aside, effect: 'its buttons or threads answer as expired' });
        continue;
      }
      store.importRecords(legacy.space, entries);
      renameSync(file, `${file}.imported`);
      log.info('state_imported', { file, records: entries.length, into: store.where });
    } catch (err) {
      log.error('state_import_failed', { file, err });
    }
  }
}

function jsonEntries(text: string, accept: (v: unknown) => boolean): [string, unknown][] | null {
  const data = parseJson(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  return Object.entries(data).filter(([, v]) => accept(v));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describeFsError(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  const reasons: Record<string, string> = {
    ENOTDIR: 'part of the path is a file, not a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    SQLITE_FULL: 'the disk is full',
    SQLITE_READONLY: 'it is read-only',
    SQLITE_CANTOPEN: 'it cannot be opened (is the folder read-only?)',
    SQLITE_BUSY: 'another process holds it locked',
  };
  const why = reasons[code] ?? reasons[code.replace(/_[A-Z]+$/, '')];
  const message = err instanceof Error ? err.message : String(err);
  return why ? `${why} (${message})` : message;
}
