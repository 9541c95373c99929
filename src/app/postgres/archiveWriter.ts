// Writing files into the archive. Each write is one transaction holding whole files (their
// passages, word counts, speaker directory rows, totals), ending with a NOTIFY, so no question ever
// sees half a file and every process hears of the change. Passages go in with COPY. Writers are
// serialised by an advisory lock: writes are rare, and word counts then need no ordering rules.
// A fresh archive is loaded in bulk instead: indexes dropped, everything copied, indexes built once.
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Transcript } from '../../core/model.ts';
import type { Fingerprint } from '../fingerprint.ts';
import { VOICES } from '../../core/search/speakerDirectory.ts';
import { copyLine, COPY_COLUMNS, passageWords } from './passageRow.ts';
import { BULK_INDEX_NAMES, BULK_INDEXES, CHANGED_CHANNEL } from './schema.ts';

export interface FileWrite {
  transcript: Transcript;
  fingerprint: Fingerprint;
  origin?: 'folder' | 'upload';
}

const WRITE_LOCK = 730114;
// Narration voices are not people a journalist looks up (VOICES, as the in-memory directory has it).
const VOICES_SQL = `NOT (kind = 'narration' AND lower(speaker_name) IN (${[...VOICES].map((v) => `'${v}'`).join(', ')}))`;

/** Per word, in how many passages of each field it occurs; and the fields' total lengths. */
class WordCounts {
  readonly df = new Map<string, [number, number, number]>();
  passages = 0;
  readonly lengths = [0, 0, 0];

  add(text: readonly string[], speaker: readonly string[], headline: readonly string[]): void {
    this.passages++;
    [text, speaker, headline].forEach((words, k) => {
      this.lengths[k]! += words.length;
      for (const w of new Set(words)) {
        let c = this.df.get(w);
        if (!c) this.df.set(w, (c = [0, 0, 0]));
        c[k]!++;
      }
    });
  }
}

/** Where each passage id is already used: [file, line]. */
type IdOwners = Map<string, readonly [string, number]>;

/**
 * Copies the passages of these transcripts, numbering them from `firstSeq`, and counts their
 * words. A passage whose id is already used is left out with an issue on its file, as the
 * in-memory index does (ids come from path and line: a clash is a parser bug or a hash collision).
 */
async function copyPassages(client: pg.ClientBase, transcripts: Iterable<Transcript> | AsyncIterable<Transcript>, firstSeq: number, counts: WordCounts, owners: IdOwners, onFile?: (t: Transcript, kept: number) => void): Promise<number> {
  let seq = firstSeq;
  const seen = new Map<string, string[]>();
  async function* lines(): AsyncGenerator<string> {
    let chunk = '';
    for await (const t of transcripts) {
      let kept = 0;
      // Indexed words of the file's text so far: words between two passages are a subtraction.
      let wordPos = 0;
      for (const p of t.passages) {
        const other = owners.get(p.id);
        if (other) {
          t.issues.push({ file: t.file, line: p.source.line, severity: 'warning', message: `This passage has the same id (${p.id}) as one in ${other[0]} line ${other[1]}, and was not indexed. Please report it.` });
          continue;
        }
        owners.set(p.id, [t.file, p.source.line]);
        const w = passageWords(p, seen);
        counts.add(w.text, w.speaker, w.headline);
        chunk += copyLine(seq++, p, w, wordPos);
        wordPos += w.text.length;
        kept++;
      }
      onFile?.(t, kept);
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY sb_passage (${COPY_COLUMNS.join(', ')}) FROM STDIN`)));
  return seq - firstSeq;
}

async function addWordCounts(client: pg.ClientBase, counts: WordCounts): Promise<void> {
  const words = [...counts.df.keys()].sort();
  for (let i = 0; i < words.length; i += 50_000) {
    const part = words.slice(i, i + 50_000);
    await client.query(
      `INSERT INTO sb_word (word, text_df, speaker_df, headline_df)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[])
       ON CONFLICT (word) DO UPDATE SET text_df = sb_word.text_df + excluded.text_df,
         speaker_df = sb_word.speaker_df + excluded.speaker_df, headline_df = sb_word.headline_df + excluded.headline_df`,
      [part, part.map((w) => counts.df.get(w)![0]), part.map((w) => counts.df.get(w)![1]), part.map((w) => counts.df.get(w)![2])],
    );
  }
}

/** Rebuilds the speaker directory rows of these names (all names when null) from their passages. */
async function recomputeSpeakers(client: pg.ClientBase, names: readonly string[] | null): Promise<void> {
  const where = names ? 'WHERE speaker_name = ANY($1) AND' : 'WHERE';
  const params = names ? [names] : [];
  await client.query(names ? 'DELETE FROM sb_speaker WHERE name = ANY($1)' : 'TRUNCATE sb_speaker', params);
  await client.query(
    `INSERT INTO sb_speaker (name, title, first_seq, passages, quotes, first_date, last_date)
     SELECT speaker_name, coalesce(speaker_title, ''), min(seq), count(*), count(*) FILTER (WHERE kind = 'quote'),
       min(coalesce(spoken, aired) COLLATE "C"), max(coalesce(spoken, aired) COLLATE "C")
     FROM sb_passage ${where} ${VOICES_SQL}
     GROUP BY speaker_name, coalesce(speaker_title, '')`,
    params,
  );
}

/** A file's row: what it was when read, and how many passages it gave. */
interface FileRow {
  file: string;
  fingerprint: Fingerprint;
  format: Transcript['format'];
  meta: Transcript['meta'];
  issues: Transcript['issues'];
  passages: number;
  origin: 'folder' | 'upload';
}

function rowOf(f: FileWrite, passages: number): FileRow {
  const t = f.transcript;
  return { file: t.file, fingerprint: f.fingerprint, format: t.format, meta: t.meta, issues: t.issues, passages, origin: f.origin ?? 'folder' };
}

async function upsertFiles(client: pg.ClientBase, files: readonly FileRow[]): Promise<void> {
  for (let i = 0; i < files.length; i += 5_000) {
    const part = files.slice(i, i + 5_000);
    await client.query(
      `INSERT INTO sb_file (file, size, mtime_ms, hash, format, meta, issues, passages, origin)
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::float8[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[], $8::int[], $9::text[])
       ON CONFLICT (file) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, hash = excluded.hash, format = excluded.format,
         meta = excluded.meta, issues = excluded.issues, passages = excluded.passages, origin = excluded.origin`,
      [
        part.map((f) => f.file),
        part.map((f) => f.fingerprint.size),
        part.map((f) => f.fingerprint.mtimeMs),
        part.map((f) => f.fingerprint.hash),
        part.map((f) => f.format),
        part.map((f) => JSON.stringify(f.meta)),
        part.map((f) => JSON.stringify(f.issues)),
        part.map((f) => f.passages),
        part.map((f) => f.origin),
      ],
    );
  }
}

/** Takes the next `n` passage numbers (under the write lock, so no one else is numbering). */
async function reserveSeqs(client: pg.ClientBase, n: number): Promise<number> {
  const first = Number((await client.query<{ v: string }>(`SELECT nextval('sb_passage_seq') AS v`)).rows[0]!.v);
  if (n > 1) await client.query(`SELECT setval('sb_passage_seq', $1)`, [first + n - 1]);
  return first;
}

async function bumpStats(client: pg.ClientBase, counts: WordCounts, sign: 1 | -1 = 1): Promise<void> {
  await client.query(
    `UPDATE sb_stats SET passages = passages + $1, text_len = text_len + $2, speaker_len = speaker_len + $3, headline_len = headline_len + $4`,
    [sign * counts.passages, sign * counts.lengths[0]!, sign * counts.lengths[1]!, sign * counts.lengths[2]!],
  );
}

async function announce(client: pg.ClientBase, files: number): Promise<void> {
  const v = (await client.query<{ version: string }>('UPDATE sb_stats SET version = version + 1 RETURNING version')).rows[0]!.version;
  await client.query('SELECT pg_notify($1, $2)', [CHANGED_CHANNEL, JSON.stringify({ version: Number(v), files })]);
}

/** Takes these files' passages out: word counts, totals and the speaker rows go down with them.
 * Returns the speaker names that had passages there. */
async function dropPassagesOf(client: pg.ClientBase, files: readonly string[]): Promise<string[]> {
  if (files.length === 0) return [];
  for (const [column, df] of [['words', 'text_df'], ['swords', 'speaker_df'], ['hwords', 'headline_df']] as const) {
    await client.query(
      `UPDATE sb_word SET ${df} = ${df} - x.n
       FROM (SELECT w, count(*) AS n FROM sb_passage, unnest(tsvector_to_array(${column})) AS w WHERE file = ANY($1) GROUP BY w) x
       WHERE sb_word.word = x.w`,
      [files],
    );
  }
  await client.query('DELETE FROM sb_word WHERE text_df <= 0 AND speaker_df <= 0 AND headline_df <= 0');
  const gone = await client.query<{ names: string[] | null; n: string; t: string | null; s: string | null; h: string | null }>(
    `SELECT array_agg(DISTINCT speaker_name) AS names, count(*) AS n, sum(text_len) AS t, sum(speaker_len) AS s, sum(headline_len) AS h
     FROM sb_passage WHERE file = ANY($1)`,
    [files],
  );
  const g = gone.rows[0]!;
  await client.query('DELETE FROM sb_passage WHERE file = ANY($1)', [files]);
  await client.query(
    'UPDATE sb_stats SET passages = passages - $1, text_len = text_len - $2, speaker_len = speaker_len - $3, headline_len = headline_len - $4',
    [Number(g.n), Number(g.t ?? 0), Number(g.s ?? 0), Number(g.h ?? 0)],
  );
  return g.names ?? [];
}

/**
 * Replaces these files (their passages, word counts, speakers) and removes those, in one
 * transaction that every process hears of when it commits. A file with no format (not a
 * transcript) is kept with its issues and no passages.
 */
export async function writeFiles(pool: pg.Pool, put: readonly FileWrite[], removed: readonly string[] = []): Promise<void> {
  if (put.length === 0 && removed.length === 0) return;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    const replaced = put.map((f) => f.transcript.file);
    const names = new Set(await dropPassagesOf(client, [...replaced, ...removed]));
    if (removed.length > 0) await client.query('DELETE FROM sb_file WHERE file = ANY($1)', [removed]);
    const counts = new WordCounts();
    // Copies, so the caller's transcripts do not gain clash issues.
    const files = put.map((f) => ({ ...f, transcript: { ...f.transcript, issues: [...f.transcript.issues] } }));
    const ids = files.flatMap((f) => f.transcript.passages.map((p) => p.id));
    const owners: IdOwners = new Map();
    if (ids.length > 0) {
      const taken = await client.query<{ id: string; file: string; line: number }>('SELECT id, file, line FROM sb_passage WHERE id = ANY($1)', [ids]);
      for (const r of taken.rows) owners.set(r.id, [r.file, r.line]);
    }
    const kept = new Map<string, number>();
    const total = ids.length;
    if (total > 0) {
      const first = await reserveSeqs(client, total);
      await copyPassages(client, files.map((f) => f.transcript), first, counts, owners, (t, n) => kept.set(t.file, n));
      await addWordCounts(client, counts);
      await bumpStats(client, counts);
    }
    await upsertFiles(client, files.map((f) => rowOf(f, kept.get(f.transcript.file) ?? 0)));
    for (const f of put) for (const p of f.transcript.passages) names.add(p.speaker.name);
    if (names.size > 0) await recomputeSpeakers(client, [...names]);
    await announce(client, put.length + removed.length);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

export interface BulkProgress {
  files: number;
  passages: number;
  phase: 'copying' | 'indexing' | 'done';
}

/**
 * Loads many files into an empty archive in one transaction: the passage indexes are dropped
 * first and built once at the end, which is many times faster than keeping them up to date row
 * by row. Dropping them locks the passage table until the commit: questions, and other processes
 * opening the archive, wait for the whole load. It is for a first import, not a live archive.
 */
export async function bulkLoad(pool: pg.Pool, files: AsyncIterable<FileWrite> | Iterable<FileWrite>, onProgress?: (p: BulkProgress) => void, indexMemory = '512MB'): Promise<{ files: number; passages: number }> {
  const client = await pool.connect();
  let fileCount = 0;
  let passageCount = 0;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    const existing = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM sb_passage')).rows[0]!.n);
    if (existing > 0) throw new Error('bulkLoad needs an empty archive; use writeFiles to change one');
    for (const name of BULK_INDEX_NAMES) await client.query(`DROP INDEX IF EXISTS ${name}`);
    const counts = new WordCounts();
    // Only the file rows are kept in memory: the passages stream into the database as they come.
    const written: FileRow[] = [];
    const first = await reserveSeqs(client, 1);
    const pending: FileWrite[] = [];
    const transcripts = async function* (): AsyncGenerator<Transcript> {
      for await (const f of files) {
        pending.push(f);
        yield f.transcript;
      }
    };
    const owners: IdOwners = new Map();
    const n = await copyPassages(client, transcripts(), first, counts, owners, (t, kept) => {
      written.push(rowOf(pending.shift()!, kept));
      fileCount++;
      passageCount += kept;
      if (fileCount % 500 === 0) onProgress?.({ files: fileCount, passages: passageCount, phase: 'copying' });
    });
    owners.clear();
    if (n > 1) await client.query(`SELECT setval('sb_passage_seq', $1)`, [first + n - 1]);
    await upsertFiles(client, written);
    await addWordCounts(client, counts);
    await bumpStats(client, counts);
    onProgress?.({ files: fileCount, passages: passageCount, phase: 'indexing' });
    await client.query(`SET LOCAL maintenance_work_mem = '${indexMemory}'`);
    for (const ddl of BULK_INDEXES) await client.query(ddl);
    await recomputeSpeakers(client, null);
    await announce(client, fileCount);
    await client.query('COMMIT');
    onProgress?.({ files: fileCount, passages: passageCount, phase: 'done' });
    return { files: fileCount, passages: passageCount };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
