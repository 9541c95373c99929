// One question over the database: runs the core's runCommand on a QuestionView, loading what it
// asks for and running it again, inside one read-only REPEATABLE READ transaction, so every round
// of a question sees the archive as of one moment: never half of a file being written.
import type pg from 'pg';
import type { Outcome, SpeakerSummary } from '../../core/ask/answer.ts';
import { runCommand, type Invocation } from '../../core/ask/commands.ts';
import type { Lexicon } from '../../core/search/lexicon.ts';
import { bySpeakerRank } from '../../core/search/speakerDirectory.ts';
import { wordsOf } from '../../core/search/words.ts';
import { load } from './loadView.ts';
import { NeedsLoading, QuestionView, type ArchiveTotals, type ViewRequest } from './questionView.ts';

/** More rounds than any question needs; past it something loads nothing new, and that is a bug. */
const MAX_ROUNDS = 16;

export interface ArchiveState {
  totals: ArchiveTotals;
  directory: SpeakerSummary[];
  /** The programmes the files name, once each. */
  programmes: string[];
}

type StatsRow = { passages: string; text_len: string; speaker_len: string; headline_len: string; version: string };
const STATS = 'SELECT passages, text_len, speaker_len, headline_len, version FROM sb_stats';

/** What every question starts from; `cached` gives the directory when its version still holds. */
export async function readState(db: pg.ClientBase, cached: ArchiveState | null): Promise<ArchiveState> {
  return stateFrom(db, (await db.query<StatsRow>(STATS)).rows[0]!, cached);
}

async function stateFrom(db: pg.ClientBase, s: StatsRow, cached: ArchiveState | null): Promise<ArchiveState> {
  const version = Number(s.version);
  // The file count and the directory change only with the version: read again only then.
  if (cached && cached.totals.version === version) return cached;
  const files = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM sb_file WHERE format IS NOT NULL')).rows[0]!.n);
  const totals: ArchiveTotals = {
    passages: Number(s.passages), files, textLength: Number(s.text_len), speakerLength: Number(s.speaker_len),
    headlineLength: Number(s.headline_len), version,
  };
  const programmes = (await db.query<{ program: string }>(`SELECT DISTINCT meta->>'program' AS program FROM sb_file WHERE format IS NOT NULL AND meta->>'program' <> ''`)).rows.map((r) => r.program);
  return { totals, directory: await readDirectory(db), programmes };
}

/** The speaker directory from sb_speaker, shaped and ordered as speakerDirectory.ts makes it. */
async function readDirectory(db: pg.ClientBase): Promise<SpeakerSummary[]> {
  const rows = await db.query<{ name: string; title: string; first_seq: string; passages: number; quotes: number; first_date: string | null; last_date: string | null }>(
    'SELECT name, title, first_seq, passages, quotes, first_date, last_date FROM sb_speaker ORDER BY name, first_seq');
  const byName = new Map<string, SpeakerSummary & { titled: Array<[number, string]> }>();
  for (const r of rows.rows) {
    let s = byName.get(r.name);
    if (!s) byName.set(r.name, (s = { name: r.name, titles: [], titled: [], passages: 0, quotes: 0, first: null, last: null }));
    s.passages += r.passages;
    s.quotes += r.quotes;
    if (r.title) s.titled.push([Number(r.first_seq), r.title]);
    if (r.first_date && (!s.first || r.first_date < s.first)) s.first = r.first_date;
    if (r.last_date && (!s.last || r.last_date > s.last)) s.last = r.last_date;
  }
  return [...byName.values()]
    .map(({ titled, ...s }) => ({ ...s, titles: titled.sort((a, b) => a[0] - b[0]).slice(0, 5).map(([, t]) => t) }))
    .sort(bySpeakerRank);
}

/** Runs `work` in a read-only snapshot of the archive. */
export async function inSnapshot<T>(pool: pg.Pool, work: (db: pg.ClientBase) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const out = await work(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * A question in a snapshot of its own, as few round trips as it can be: the transaction's start,
 * the archive's totals and the counts of every word the question gives go in one message; then
 * the rounds the question needs (a who-said: its candidates, and near spellings when a word is
 * unknown); then the end. Returns the state it read, for the next question to start from.
 */
export async function askInSnapshot(pool: pg.Pool, cached: ArchiveState | null, lexicon: Lexicon, inv: Invocation, now: Date, pageSize?: number): Promise<{ outcome: Outcome; state: ArchiveState }> {
  const client = await pool.connect();
  try {
    const words = [...new Set(Object.values(inv.args).flatMap((v) => (v ? wordsOf(v) : [])))].slice(0, 500);
    const list = words.length > 0 ? `ARRAY[${words.map((w) => client.escapeLiteral(w)).join(', ')}]::text[]` : `ARRAY[]::text[]`;
    const opened = (await client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; ${STATS}; SELECT word, text_df FROM sb_word WHERE word = ANY(${list})`)) as unknown as pg.QueryResult[];
    const state = await stateFrom(client, opened[1]!.rows[0] as StatsRow, cached);
    const view = new QuestionView(lexicon, state.totals, () => state.directory, () => state.programmes);
    for (const w of words) view.df.set(w, 0);
    for (const r of opened[2]!.rows as Array<{ word: string; text_df: number }>) view.df.set(r.word, r.text_df);
    const outcome = await answerOnView(client, view, inv, now, pageSize);
    await client.query('COMMIT');
    return { outcome, state };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Runs the question on the view, loading what it asks for, until it answers having put nothing off. */
async function answerOnView(db: pg.ClientBase, view: QuestionView, inv: Invocation, now: Date, pageSize?: number): Promise<Outcome> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    view.beginRun();
    let wanted: readonly ViewRequest[];
    try {
      const outcome = runCommand(view, inv, now, pageSize);
      wanted = view.putOff();
      if (wanted.length === 0) return outcome;
    } catch (err) {
      // A stand-in may have led the run astray: what was put off comes first, whatever it threw.
      wanted = err instanceof NeedsLoading ? err.requests : view.putOff();
      if (wanted.length === 0) throw err;
    }
    for (const r of wanted) await load(db, view, r);
  }
  throw new Error(`a ${inv.command} question needed more than ${MAX_ROUNDS} rounds of loading`);
}
