// The archive's tables in PostgreSQL. Words are cut by the core's own tokenizer (words.ts) and
// stored as tsvectors of those words, so the database finds exactly the words the in-memory index
// would; GIN indexes over them give candidates, pg_trgm over the vocabulary gives near spellings.
// Passages are numbered (`seq`) in the order they were written, which is the in-memory index's
// slot order: ties are broken the same way by both backends.
import type pg from 'pg';

// 2: word_pos, for the words between two passages of a file (a timeline's neighbours).
export const SCHEMA_VERSION = 2;

/** Indexes a fresh bulk import drops first and builds once at the end (far faster than row by row). */
export const BULK_INDEXES = [
  'CREATE INDEX IF NOT EXISTS sb_passage_words ON sb_passage USING gin (words) WITH (fastupdate = on)',
  'CREATE INDEX IF NOT EXISTS sb_passage_hwords ON sb_passage USING gin (hwords)',
  'CREATE INDEX IF NOT EXISTS sb_passage_swords ON sb_passage USING gin (swords)',
  'CREATE INDEX IF NOT EXISTS sb_passage_file ON sb_passage (file, seq)',
  'CREATE INDEX IF NOT EXISTS sb_passage_speaker ON sb_passage (speaker_name)',
  'CREATE INDEX IF NOT EXISTS sb_passage_days ON sb_passage (first_day)',
  'CREATE UNIQUE INDEX IF NOT EXISTS sb_passage_id ON sb_passage (id)',
];
export const BULK_INDEX_NAMES = ['sb_passage_words', 'sb_passage_hwords', 'sb_passage_swords', 'sb_passage_file', 'sb_passage_speaker', 'sb_passage_id', 'sb_passage_days'];

const TABLES = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
CREATE TABLE IF NOT EXISTS sb_meta (key text PRIMARY KEY, value jsonb NOT NULL);
CREATE TABLE IF NOT EXISTS sb_file (
  file text PRIMARY KEY,
  size bigint NOT NULL,
  mtime_ms double precision NOT NULL,
  hash text NOT NULL,
  format text,
  meta jsonb NOT NULL,
  issues jsonb NOT NULL,
  passages integer NOT NULL,
  -- 'folder': loaded by import from the corpus folder (and removed when the file is); 'upload': /ingest
  origin text NOT NULL DEFAULT 'folder'
);
CREATE SEQUENCE IF NOT EXISTS sb_passage_seq;
CREATE TABLE IF NOT EXISTS sb_passage (
  seq bigint PRIMARY KEY,
  id text NOT NULL,
  file text NOT NULL,
  line integer NOT NULL,
  kind text NOT NULL,
  speaker_name text NOT NULL,
  speaker_label text NOT NULL,
  speaker_title text,
  anonymous boolean NOT NULL,
  speaker_extra jsonb,
  text text NOT NULL,
  format text NOT NULL,
  program text,
  headline text,
  section text,
  aired text,
  spoken text,
  note text,
  url text,
  timecode text,
  first_day integer NOT NULL,
  last_day integer NOT NULL,
  text_len integer NOT NULL,
  -- Indexed words of the file's text before this passage.
  word_pos integer NOT NULL,
  speaker_len integer NOT NULL,
  headline_len integer NOT NULL,
  words tsvector NOT NULL,
  swords tsvector NOT NULL,
  hwords tsvector NOT NULL
);
-- Per word, in how many passages each field holds it: rarity for who-said, BM25 for /search.
CREATE TABLE IF NOT EXISTS sb_word (
  word text PRIMARY KEY,
  text_df integer NOT NULL,
  speaker_df integer NOT NULL,
  headline_df integer NOT NULL
);
CREATE INDEX IF NOT EXISTS sb_word_trgm ON sb_word USING gin (word gin_trgm_ops);
CREATE INDEX IF NOT EXISTS sb_word_prefix ON sb_word (word text_pattern_ops);
-- Per speaker and title: the speaker directory without a scan of the passages.
CREATE TABLE IF NOT EXISTS sb_speaker (
  name text NOT NULL,
  title text NOT NULL,
  first_seq bigint NOT NULL,
  passages integer NOT NULL,
  quotes integer NOT NULL,
  first_date text,
  last_date text,
  PRIMARY KEY (name, title)
);
-- One row: totals for rarity and BM25, and a version every write moves on.
CREATE TABLE IF NOT EXISTS sb_stats (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  passages bigint NOT NULL,
  text_len bigint NOT NULL,
  speaker_len bigint NOT NULL,
  headline_len bigint NOT NULL,
  version bigint NOT NULL
);
INSERT INTO sb_stats VALUES (true, 0, 0, 0, 0, 0) ON CONFLICT DO NOTHING;
`;

/** Creates what is missing; safe to run from several processes at once (an advisory lock orders them). */
export async function ensureSchema(client: pg.ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_lock(730113)');
  try {
    await client.query(TABLES);
    const was = (await client.query<{ value: number }>(`SELECT value FROM sb_meta WHERE key = 'schema'`)).rows[0]?.value;
    if (was !== undefined && was < 2) await addWordPositions(client);
    for (const ddl of BULK_INDEXES) await client.query(ddl);
    if (was === undefined || was < SCHEMA_VERSION) {
      await client.query(`INSERT INTO sb_meta VALUES ('schema', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [JSON.stringify(SCHEMA_VERSION)]);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(730113)');
  }
}

/** An archive of schema 1 gets word_pos, counted from the passages already there. */
async function addWordPositions(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('ALTER TABLE sb_passage ADD COLUMN IF NOT EXISTS word_pos integer');
    await client.query(`UPDATE sb_passage p SET word_pos = w.pos FROM (
      SELECT seq, (sum(text_len) OVER (PARTITION BY file ORDER BY seq) - text_len)::int AS pos FROM sb_passage) w WHERE p.seq = w.seq`);
    await client.query('ALTER TABLE sb_passage ALTER COLUMN word_pos SET NOT NULL');
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}

/** The channel every write announces itself on, so each process drops what it cached. */
export const CHANGED_CHANNEL = 'soundbite_archive_changed';
