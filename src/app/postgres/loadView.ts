// What a QuestionView asks for, fetched from PostgreSQL: word counts, near spellings (pg_trgm for
// candidates, exact edit distance by fuzzystrmatch), candidate passages from the GIN indexes over
// the words, files, topics and speakers. Each result is exactly what the in-memory index gives
// for the same archive, except where a who-said's words are so common that counting them all
// would read more than OR_BUDGET postings: then the passages holding most of the words are found
// by the rarest words and intersections (see heaviestHolders), as docs/SCALING.md explains.
import type pg from 'pg';
import type { FormatId, ParseIssue, Passage, TranscriptMeta } from '../../core/model.ts';
import { dayNumber, maskWeight, NEAR_SLOTS, type CountedWord, type Hit, type TermSearch, type TopicHit, type TopicLimits, type TopicTerm, type Weighed } from '../../core/search/CorpusIndex.ts';
import type { IndexField } from '../../core/search/indexOptions.ts';
import { indexedWords } from '../../core/search/indexOptions.ts';
import { bm25, fuzzyDistance, fuzzyWeight, idf, keepBestExpansions, MAX_POSTINGS, prefixWeight } from '../../core/search/scoreTerms.ts';
import { speakerField } from '../../core/search/CorpusIndex.ts';
import { PASSAGE_COLUMNS, passageOf, tsqueryOf, type PassageRow } from './passageRow.ts';
import { termCounts, type QuestionView, type ViewRequest } from './questionView.ts';

/** Postings a who-said may count by reading every passage that holds any of its words. */
export const OR_BUDGET = 10_000;
/** When even the rarest word is over the budget: intersections leaving out one word, at most this many. */
const MAX_SUBSETS = 12;

type Db = pg.ClientBase;

export async function load(db: Db, view: QuestionView, r: ViewRequest): Promise<void> {
  switch (r.kind) {
    case 'words':
      return loadWords(db, view, r.words);
    case 'similar': {
      const near = await nearWords(db, r.word, r.maxDistance);
      // Their weights are asked next: known now, without another round.
      for (const [w, , df] of near) view.df.set(w, df);
      view.near.set(`${r.maxDistance}:${r.word}`, near.map(([w, d]) => [w, d]));
      return;
    }
    case 'passages':
      return loadPassages(db, view, r.ids);
    case 'file':
      return loadFile(db, view, r.file);
    case 'withWords':
      view.results.set(r.key, await passagesWithWords(db, view, r.words, r.limit, r.filter));
      return;
    case 'topic':
      view.results.set(r.key, await weighTopic(db, view, r));
      return;
    case 'filesWith':
      view.results.set(r.key, await filesWith(db, r.term, r.prefix, r.also));
      return;
    case 'terms':
      view.results.set(r.key, await findTerms(db, view, r.terms, r.opts));
      return;
    case 'by': {
      const rows = await db.query<PassageRow>(`SELECT ${PASSAGE_COLUMNS} FROM sb_passage WHERE speaker_name = ANY($1) ORDER BY seq`, [[...r.speakers]]);
      const passages = rows.rows.map(passageOf);
      view.hold(passages);
      view.results.set(r.key, passages.filter(r.filter));
      return;
    }
  }
}

/** Document frequencies of the words (0 for words the archive does not use). */
export async function loadWords(db: Db, view: QuestionView, words: readonly string[]): Promise<void> {
  const wanted = [...new Set(words)].filter((w) => !view.df.has(w));
  if (wanted.length === 0) return;
  const rows = await db.query<{ word: string; text_df: number }>('SELECT word, text_df FROM sb_word WHERE word = ANY($1)', [wanted]);
  for (const w of wanted) view.df.set(w, 0);
  for (const r of rows.rows) view.df.set(r.word, r.text_df);
}

async function loadPassages(db: Db, view: QuestionView, ids: readonly string[]): Promise<void> {
  const rows = await db.query<PassageRow>(`SELECT ${PASSAGE_COLUMNS} FROM sb_passage WHERE id = ANY($1)`, [ids]);
  view.hold(rows.rows.map(passageOf));
  for (const id of ids) if (!view.byId.has(id)) view.results.set(`missing:${id}`, true);
}

async function loadFile(db: Db, view: QuestionView, file: string): Promise<void> {
  const f = await db.query<{ file: string; format: FormatId | null; meta: TranscriptMeta; issues: ParseIssue[] }>('SELECT file, format, meta, issues FROM sb_file WHERE file = $1', [file]);
  const row = f.rows[0];
  if (!row) {
    view.files.set(file, null);
    return;
  }
  const rows = await db.query<PassageRow>(`SELECT ${PASSAGE_COLUMNS} FROM sb_passage WHERE file = $1 ORDER BY seq`, [file]);
  const passages = rows.rows.map(passageOf);
  view.hold(passages);
  view.files.set(file, { file: row.file, format: row.format, meta: row.meta, passageIds: passages.map((p) => p.id), issues: row.issues });
}

/**
 * Indexed words within `maxDistance` edits (Levenshtein, as minisearch's fuzzy look-up counts
 * them) of `word`, itself included when indexed. pg_trgm finds candidates: a word within d edits
 * shares at least (trigrams − 3d) of its trigrams, which gives a similarity floor; where that
 * floor is nothing (short words, many edits), words of a near length are checked one by one.
 */
export async function nearWords(db: Db, word: string, maxDistance: number): Promise<Array<[string, number, number]>> {
  const d = maxDistance;
  const trigrams = trigramCount(word);
  const shared = trigrams - 3 * d;
  const floor = shared > 0 ? (0.95 * shared) / (trigrams + (word.length + d + 1) + 3 * d) : 0;
  const sql = floor > 0
    ? `SELECT word, levenshtein_less_equal(word, $1, $2) AS d, text_df FROM sb_word
       WHERE word % $1 AND levenshtein_less_equal(word, $1, $2) <= $2`
    : `SELECT word, levenshtein_less_equal(word, $1, $2) AS d, text_df FROM sb_word
       WHERE length(word) BETWEEN $3 AND $4 AND levenshtein_less_equal(word, $1, $2) <= $2`;
  if (floor > 0) await db.query(`SELECT set_limit($1)`, [floor]);
  const rows = await db.query<{ word: string; d: number; text_df: number }>(sql, floor > 0 ? [word, d] : [word, d, word.length - d, word.length + d]);
  return rows.rows.map((r) => [r.word, r.d, r.text_df] as [string, number, number]).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
}

/** Distinct trigrams pg_trgm makes of one word: two spaces before, one after. */
function trigramCount(word: string): number {
  const padded = `  ${word} `;
  const set = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  return set.size;
}

/** The words in the order the in-memory index counts them: ungrouped first, then each group
 * (the near spellings of one misspelled word) heaviest first. */
function countingOrder(words: readonly CountedWord[]): CountedWord[] {
  return [...words].sort((a, b) => (a.group ?? -1) - (b.group ?? -1) || (a.group === undefined ? 0 : b.weight - a.weight));
}

/** SQL for a passage's summed weight over the words in counting order (a group adding only the
 * first of its words the passage holds, so the sums equal the in-memory ones to the last bit) and
 * the position of the first word it holds. */
function weighing(words: readonly CountedWord[], params: unknown[]): { weight: string; first: string } {
  const held = words.map((w) => `words @@ $${params.push(tsqueryOf([w.term], '|'))}::tsquery`);
  const parts: string[] = [];
  for (let i = 0; i < words.length; ) {
    const g = words[i]!.group;
    let j = i + 1;
    while (g !== undefined && j < words.length && words[j]!.group === g) j++;
    const cases = [];
    for (let k = i; k < j; k++) cases.push(`WHEN ${held[k]} THEN $${params.push(words[k]!.weight)}::float8`);
    parts.push(` + (CASE ${cases.join(' ')} ELSE 0 END)`);
    i = j;
  }
  const weight = `(0::float8${parts.join('')})`;
  const first = `(CASE ${held.map((h, i) => `WHEN ${h} THEN ${i}`).join(' ')} ELSE ${held.length} END)`;
  return { weight, first };
}

/**
 * The in-memory index's passagesWithWords: passages holding any of the words by summed weight,
 * heaviest first, equal sums in the order their first word is listed and then in archive order,
 * at most `limit` of those passing `filter`. Ranked in the database, so only the passages
 * returned travel; with a filter (a closure the database cannot run) the ranking comes back and
 * passages are fetched in that order until `limit` pass.
 */
async function passagesWithWords(db: Db, view: QuestionView, words: readonly CountedWord[], limit: number, filter?: (p: Passage) => boolean): Promise<Weighed[]> {
  const counted = countingOrder(words).filter((w) => w.weight > 0 && (view.df.get(w.term) ?? 0) > 0);
  if (counted.length === 0) return [];
  const params: unknown[] = [];
  const postings = counted.reduce((n, w) => n + view.df.get(w.term)!, 0);
  const where = postings <= OR_BUDGET
    ? `words @@ $${params.push(tsqueryOf(counted.map((w) => w.term), '|'))}::tsquery`
    : heaviestHolders(view, counted, limit, params);
  const { weight, first } = weighing(counted, params);
  const ranked = `SELECT seq, ${weight} AS weight, ${first} AS first FROM sb_passage WHERE ${where} ORDER BY weight DESC, first, seq`;
  if (!filter) {
    const rows = await db.query<PassageRow & { weight: number }>(
      `SELECT ${PASSAGE_COLUMNS}, r.weight FROM (${ranked} LIMIT ${limit}) r JOIN sb_passage USING (seq) ORDER BY r.weight DESC, r.first, r.seq`, params);
    const out = rows.rows.map((r) => ({ passage: passageOf(r), weight: r.weight }));
    view.hold(out.map((w) => w.passage));
    return out;
  }
  const candidates = (await db.query<{ seq: string; weight: number }>(ranked, params)).rows;
  const out: Weighed[] = [];
  for (let at = 0; at < candidates.length && out.length < limit; ) {
    const chunk = candidates.slice(at, at + Math.max(2 * limit, 200));
    at += chunk.length;
    const bySeq = await passagesBySeq(db, chunk.map((c) => Number(c.seq)));
    for (const c of chunk) {
      const passage = bySeq.get(Number(c.seq));
      if (!passage || !filter(passage)) continue;
      out.push({ passage, weight: c.weight });
      if (out.length >= limit) break;
    }
  }
  view.hold(out.map((w) => w.passage));
  return out;
}

/**
 * For words too common to count every holder: the passages holding one of the rarest words (as
 * many of them as fit in OR_BUDGET postings), and those holding all of the rest at once (GIN
 * reads that intersection from its rarest word). A passage holding none of the rare words and not
 * all of the others weighs less than nearly every passage found, and the passage a fragment came
 * from holds all or nearly all of its words. When even the rarest word is too common, the
 * intersections of all the words and of all but one are read instead. Returns a WHERE clause.
 */
function heaviestHolders(view: QuestionView, words: readonly CountedWord[], limit: number, params: unknown[]): string {
  const df = (i: number) => view.df.get(words[i]!.term)!;
  const order = [...words.keys()].sort((a, b) => df(a) - df(b));
  const rare: number[] = [];
  let postings = 0;
  for (const i of order) {
    if (postings + df(i) > OR_BUDGET) break;
    rare.push(i);
    postings += df(i);
  }
  const rest = order.filter((i) => !rare.includes(i));
  const holding = (ids: readonly number[], join: '|' | '&') => `words @@ $${params.push(tsqueryOf(ids.map((i) => words[i]!.term), join))}::tsquery`;
  const parts: string[] = [];
  if (rare.length > 0) {
    parts.push(`SELECT seq FROM sb_passage WHERE ${holding(rare, '|')}`);
    if (rest.length > 0) parts.push(`SELECT seq FROM (SELECT seq FROM sb_passage WHERE ${holding(rest, '&')} LIMIT ${limit}) a`);
  } else {
    parts.push(`SELECT seq FROM (SELECT seq FROM sb_passage WHERE ${holding(order, '&')} LIMIT ${limit}) a`);
    order.slice(0, MAX_SUBSETS).forEach((left, k) => {
      parts.push(`SELECT seq FROM (SELECT seq FROM sb_passage WHERE ${holding(order.filter((i) => i !== left), '&')} LIMIT ${limit}) b${k}`);
    });
  }
  return `seq IN (${parts.join(' UNION ')})`;
}

async function passagesBySeq(db: Db, seqs: readonly number[]): Promise<Map<number, Passage>> {
  const out = new Map<number, Passage>();
  if (seqs.length === 0) return out;
  const rows = await db.query<PassageRow>(`SELECT ${PASSAGE_COLUMNS} FROM sb_passage WHERE seq = ANY($1::bigint[])`, [seqs]);
  for (const r of rows.rows) out.set(Number(r.seq), passageOf(r));
  return out;
}

/** A topic term's forms as one tsquery: the term (every word it starts, for a stem) or any of
 * its other spellings. Null when it has none. */
function formsQuery(term: string, prefix: boolean, also: readonly string[]): string | null {
  const forms = [...new Set([term, ...also])].filter((w) => w.length > 0);
  return forms.length > 0 ? tsqueryOf(forms, '|', (w) => prefix && w === term) : null;
}

/** The in-memory filesWith: files holding any of the forms in a passage's text or headline. */
async function filesWith(db: Db, term: string, prefix: boolean, also: readonly string[]): Promise<number> {
  const q = formsQuery(term, prefix, also);
  if (!q) return 0;
  const rows = await db.query<{ n: string }>('SELECT count(DISTINCT file) AS n FROM sb_passage WHERE words @@ $1::tsquery OR hwords @@ $1::tsquery', [q]);
  return Number(rows.rows[0]!.n);
}

/** A passage holding a topic term, as the database gives it before its words are read. */
interface TopicRow {
  seq: string;
  file: string;
  word_pos: number;
  text_len: number;
  first_day: number;
  last_day: number;
  mask: number;
}

/**
 * The in-memory weighTopic. The database finds the passages holding any term (GIN) and which
 * terms each holds (a bit per term); the neighbours' terms, the weights, the threshold and the
 * date range are then reckoned here exactly as in memory, and only the passages that pass are
 * read whole. A date range reads the passages in it, and also the term-holding passages within
 * NEAR_SLOTS of them in the same file, whatever their dates, since in memory those count too.
 */
async function weighTopic(db: Db, view: QuestionView, r: Extract<ViewRequest, { kind: 'topic' }>): Promise<TopicHit[]> {
  const { terms, atLeast, limits } = r;
  if (!terms.some((t) => formsQuery(t.term, t.prefix, t.also ?? []))) return [];
  const since = limits.since ? dayNumber(limits.since) : NaN;
  const until = limits.until ? dayNumber(limits.until) : NaN;
  const dated = !Number.isNaN(since) || !Number.isNaN(until);
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const { columns, where } = topicHolders(terms, limits, p);
  if (!Number.isNaN(since)) where.push(`last_day >= ${p(since)}`);
  if (!Number.isNaN(until)) where.push(`first_day <= ${p(until)}`);
  // A dated passage spans at most a year (2025 is its whole year), so one in range starts at most
  // a year before `since`: a range the first_day index reads, for the GIN bitmap to be ANDed with.
  // A date too odd for the day numbers has first_day 0 and is in every range, as in memory.
  if (!Number.isNaN(since)) where.push(`(first_day BETWEEN ${p(since - 10_000)} AND ${p(Number.isNaN(until) ? 99_999_999 : until)} OR first_day = 0)`);
  const rows = (await db.query<TopicRow>(`SELECT ${columns} FROM sb_passage WHERE ${where.join(' AND ')}`, params)).rows;
  rows.sort((a, b) => Number(a.seq) - Number(b.seq));
  if (dated && rows.length > 0) {
    for (const row of await neighboursOutOfRange(db, rows, terms, limits)) rows.push(row);
    rows.sort((a, b) => Number(a.seq) - Number(b.seq));
  }
  const near = Math.max(0, Math.floor(limits.near ?? 0));
  const weights = terms.map((t) => t.weight);
  const kept: Array<{ seq: number; weight: number; own: number; mask: number; nearMask: number }> = [];
  rows.forEach((row, i) => {
    const nearMask = near > 0 ? nearMaskOf(rows, i, near) : row.mask;
    const own = maskWeight(row.mask, weights);
    const weight = near > 0 ? maskWeight(nearMask, weights) : own;
    if (weight < atLeast || row.last_day < since || row.first_day > until) return;
    kept.push({ seq: Number(row.seq), weight, own, mask: row.mask, nearMask });
  });
  const passages = await passagesBySeq(db, kept.map((k) => k.seq));
  const out: TopicHit[] = [];
  for (const k of kept) {
    const passage = passages.get(k.seq);
    if (!passage || (limits.filter && !limits.filter(passage))) continue;
    out.push({ passage, weight: k.weight, own: k.own, mask: k.mask, nearMask: k.nearMask, mentions: mentionsOf(passage, terms) });
  }
  view.hold(out.map((h) => h.passage));
  return out;
}

/** The columns of a TopicRow (its mask a bit per term held) and the conditions of holding any
 * term (and being in `limits.files`), with their parameters pushed by `p`. */
function topicHolders(terms: readonly TopicTerm[], limits: TopicLimits, p: (v: unknown) => string): { columns: string; where: string[] } {
  const held: string[] = [];
  const any: string[] = [];
  for (const t of terms) {
    const forms = formsQuery(t.term, t.prefix, t.also ?? []);
    if (!forms) {
      held.push('false');
      continue;
    }
    const q = `${p(forms)}::tsquery`;
    const fields = [`words @@ ${q}`, `hwords @@ ${q}`];
    if (t.speakers) fields.push(`(swords @@ ${q} AND speaker_name = ANY(${p([...t.speakers])}::text[]))`);
    held.push(`(${fields.join(' OR ')})`);
    any.push(...fields);
  }
  const mask = held.map((h, i) => `(CASE WHEN ${h} THEN ${2 ** i} ELSE 0 END)`).join(' + ');
  const where = [`(${any.join(' OR ')})`];
  if (limits.files) where.push(`file = ANY(${p([...limits.files])}::text[])`);
  return { columns: `seq, file, word_pos, text_len, first_day, last_day, (${mask})::int AS mask`, where };
}

/** Term holders out of the date range within NEAR_SLOTS passages of one in it (`rows`, in archive
 * order), in the same file: in memory their terms count towards their neighbours' too. */
async function neighboursOutOfRange(db: Db, rows: readonly TopicRow[], terms: readonly TopicTerm[], limits: TopicLimits): Promise<TopicRow[]> {
  const windows: Array<[string, number, number]> = [];
  for (const row of rows) {
    const seq = Number(row.seq);
    const last = windows[windows.length - 1];
    if (last && last[0] === row.file && seq - NEAR_SLOTS <= last[2]) last[2] = seq + NEAR_SLOTS;
    else windows.push([row.file, seq - NEAR_SLOTS, seq + NEAR_SLOTS]);
  }
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const { columns, where } = topicHolders(terms, limits, p);
  const spans = `unnest(${p(windows.map((w) => w[0]))}::text[], ${p(windows.map((w) => w[1]))}::bigint[], ${p(windows.map((w) => w[2]))}::bigint[]) AS w(wfile, lo, hi)`;
  const found = await db.query<TopicRow>(`SELECT ${columns} FROM ${spans} JOIN sb_passage ON seq BETWEEN w.lo AND w.hi AND file = w.wfile WHERE ${where.join(' AND ')}`, params);
  const seen = new Set(rows.map((row) => row.seq));
  return found.rows.filter((row) => !seen.has(row.seq));
}

/** The terms row `i` and the rows of its file within NEAR_SLOTS passages and `near` indexed
 * words of it hold (rows in archive order; a file's passages are numbered one after another). */
function nearMaskOf(rows: readonly TopicRow[], i: number, near: number): number {
  const row = rows[i]!;
  const seq = Number(row.seq);
  // Indexed words between two passages of one file, a before b.
  const between = (a: TopicRow, b: TopicRow) => b.word_pos - a.word_pos - a.text_len;
  let m = row.mask;
  for (let j = i - 1; j >= 0 && seq - Number(rows[j]!.seq) <= NEAR_SLOTS; j--) {
    const other = rows[j]!;
    if (other.file !== row.file || between(other, row) > near) break;
    m |= other.mask;
  }
  for (let j = i + 1; j < rows.length && Number(rows[j]!.seq) - seq <= NEAR_SLOTS; j++) {
    const other = rows[j]!;
    if (other.file !== row.file || between(row, other) > near) break;
    m |= other.mask;
  }
  return m >>> 0;
}

/** How many times the passage's text uses the terms' forms, each term counting each of its
 * forms (at most 255 times a form, as the in-memory lists count). */
function mentionsOf(passage: Passage, terms: readonly TopicTerm[]): number {
  const counts = termCounts(indexedWords(passage.text));
  let n = 0;
  for (const t of terms) {
    for (const [w, c] of counts) {
      if (w === t.term || (t.prefix && w.startsWith(t.term)) || t.also?.includes(w)) n += Math.min(255, c);
    }
  }
  return n;
}

const FIELD_COLUMN: Record<IndexField, string> = { text: 'words', speaker: 'swords', headline: 'hwords' };
const FIELD_DF: Record<IndexField, 'text_df' | 'speaker_df' | 'headline_df'> = { text: 'text_df', speaker: 'speaker_df', headline: 'headline_df' };

interface WordDf {
  text_df: number;
  speaker_df: number;
  headline_df: number;
}

/**
 * The scored search (scoreTerms.ts) over the database: the same expansions (prefix, near
 * spellings, at most MAX_EXPANSIONS per query word), candidates from the GIN indexes of the
 * asked fields, and BM25 computed here from each candidate's words and the archive's totals.
 */
async function findTerms(db: Db, view: QuestionView, terms: readonly string[], opts: TermSearch): Promise<Hit[]> {
  const query = [...new Set(terms)];
  if (query.length === 0) return [];
  const fields = opts.fields ?? ['text'];
  const prefixOf = typeof opts.prefix === 'function' ? opts.prefix : () => Boolean(opts.prefix);
  const fuzzy = opts.fuzzy ?? false;
  const dfs = new Map<string, WordDf>();
  const expansions: Array<Array<[string, number]>> = [];
  for (const q of query) {
    const out = new Map<string, number>();
    if (prefixOf(q)) {
      const rows = await db.query<WordDf & { word: string }>(`SELECT word, text_df, speaker_df, headline_df FROM sb_word WHERE word LIKE $1`, [`${q.replace(/[\\%_]/g, '\\$&')}%`]);
      for (const r of rows.rows) {
        dfs.set(r.word, r);
        if (r.word !== q) out.set(r.word, prefixWeight(q, r.word));
      }
    }
    if (fuzzy !== false) {
      const distance = fuzzyDistance(q, fuzzy);
      if (distance > 0) for (const [w, d] of await nearWords(db, q, distance)) if (w !== q && !out.has(w)) out.set(w, fuzzyWeight(q, d));
    }
    expansions.push([[q, 1], ...out]);
  }
  const allWords = [...new Set(expansions.flat().map(([w]) => w))].filter((w) => !dfs.has(w));
  if (allWords.length > 0) {
    const rows = await db.query<WordDf & { word: string }>('SELECT word, text_df, speaker_df, headline_df FROM sb_word WHERE word = ANY($1)', [allWords]);
    for (const r of rows.rows) dfs.set(r.word, r);
  }
  const used = (w: string) => fields.reduce((n, f) => n + (dfs.get(w)?.[FIELD_DF[f]] ?? 0), 0);
  for (const list of expansions) {
    const [self, ...others] = list;
    keepBestExpansions(others, used);
    list.length = 0;
    list.push(self!, ...others);
  }
  // The postings budget, as scoreTerms reads it: a query word's own lists always, expansions while under it.
  let read = 0;
  const chosen = expansions.map((list, qi) => list.filter(([w]) => {
    const size = used(w);
    if (w !== query[qi] && read + size > MAX_POSTINGS) return false;
    read += size;
    return true;
  }));
  const wanted = [...new Set(chosen.flat().map(([w]) => w))].filter((w) => used(w) > 0);
  if (wanted.length === 0) return [];
  const tsq = tsqueryOf(wanted, '|');
  const rows = await db.query<PassageRow & { seq: string }>(
    `SELECT ${PASSAGE_COLUMNS} FROM sb_passage WHERE ${fields.map((f) => `${FIELD_COLUMN[f]} @@ $1::tsquery`).join(' OR ')}`, [tsq]);
  const n = view.totals.passages;
  const average: Record<IndexField, number> = {
    text: n > 0 ? view.totals.textLength / n : 0,
    speaker: n > 0 ? view.totals.speakerLength / n : 0,
    headline: n > 0 ? view.totals.headlineLength / n : 0,
  };
  const scored: Array<{ seq: number; passage: Passage; score: number; terms: string[] }> = [];
  for (const row of rows.rows) {
    const passage = passageOf(row);
    if (opts.filter && !opts.filter(passage)) continue;
    const fieldWords: Record<IndexField, string[]> = { text: indexedWords(passage.text), speaker: indexedWords(speakerField(passage)), headline: indexedWords(passage.source.headline ?? '') };
    const counts = Object.fromEntries(fields.map((f) => [f, termCounts(fieldWords[f])])) as Record<IndexField, Map<string, number>>;
    let score = 0;
    const matched: string[] = [];
    chosen.forEach((list, qi) => {
      let hit = false;
      for (const [w, weight] of list) {
        for (const f of fields) {
          const tf = counts[f]!.get(w);
          if (!tf) continue;
          hit = true;
          const df = dfs.get(w)?.[FIELD_DF[f]] ?? 0;
          score += weight * (opts.boost?.[f] ?? 1) * idf(df, n) * bm25(Math.min(tf, 255), fieldWords[f].length, average[f]);
        }
      }
      if (hit) matched.push(query[qi]!);
    });
    if (matched.length === 0) continue;
    if ((opts.combineWith ?? 'OR') === 'AND' && matched.length !== query.length) continue;
    scored.push({ seq: Number(row.seq), passage, score, terms: matched });
  }
  scored.sort((a, b) => b.score - a.score || a.seq - b.seq);
  if (opts.limit !== undefined && scored.length > opts.limit) scored.length = opts.limit;
  view.hold(scored.map((s) => s.passage));
  return scored.map((s) => ({ id: s.passage.id, score: s.score, queryTerms: s.terms }));
}
