// npm run bench -- --backend postgres [--sizes 100k,1m,10m] [--fragments 300] [--absent 100] [--topics 100]
// The archive in PostgreSQL (issue 13): a real server from the registry package on loopback; per
// size, the synthetic corpus streamed into an empty archive (bulk COPY, indexes built after),
// timed, and the database's size; then who-said per variant (p50/p99, P@1), not-found on absent
// fragments, timelines with dates, through the same PostgresEngine the bot uses; at 1M and below
// the in-memory index answers the same fragments in the same run, side by side. --keep leaves the
// archive's data folder; --reuse DIR asks a kept archive again without importing it.
import os from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bulkLoad } from '../src/app/postgres/archiveWriter.ts';
import { Database } from '../src/app/postgres/database.ts';
import { PostgresEngine } from '../src/app/postgres/PostgresEngine.ts';
import { PASSAGE_COLUMNS, passageOf, tsqueryOf, type PassageRow } from '../src/app/postgres/passageRow.ts';
import type { Outcome } from '../src/core/ask/answer.ts';
import { timeline } from '../src/core/ask/timeline.ts';
import { whoSaid } from '../src/core/ask/whoSaid.ts';
import type { Passage, Transcript } from '../src/core/model.ts';
import { CorpusIndex } from '../src/core/search/CorpusIndex.ts';
import { indexedWords } from '../src/core/search/indexOptions.ts';
import { startPgServer } from '../tests/helpers/pgServer.ts';
import { makeFragments, textKey, VARIANTS, type Fragment } from './fragments.ts';
import { fmtMB, fmtMs, fmtRate, gc, percentiles, type Percentiles } from './measure.ts';
import { parseSize } from './run.ts';
import { Rng, synthStream } from './synthCorpus.ts';
import { makeTopics } from './topics.ts';
import { measureBotProcess } from './pgBot.ts';

const NOW = new Date('2025-06-01T12:00:00Z');
const SAMPLE = 20_000;
const log = (msg: string): void => { process.stderr.write(`[bench-pg ${new Date().toISOString().slice(11, 19)}] ${msg}\n`); };

interface Figures { latency: Percentiles; rate: number }
interface SizeResult {
  size: string;
  passages: number;
  importMs: number;
  databaseMB: number;
  rssMB: number;
  rssQuestions: number;
  postgres: Record<string, Figures>;
  memory: Record<string, Figures> | null;
  timeline: { postgres: Percentiles; memory: Percentiles | null; meanStories: number; meanPassages: number; sameAsMemory: string };
}

function parse(argv: readonly string[]) {
  const a = { sizes: [100_000], fragments: 300, absent: 100, topics: 100, seed: 42, keep: false, reuse: '', out: path.join('bench', 'results', `postgres-${new Date().toISOString().replace(/[:.]/g, '-')}.json`) };
  for (let i = 0; i < argv.length; i++) {
    const v = () => argv[++i] ?? '';
    switch (argv[i]) {
      case '--sizes': a.sizes = v().split(',').map(parseSize); break;
      case '--fragments': a.fragments = Number(v()); break;
      case '--absent': a.absent = Number(v()); break;
      case '--topics': a.topics = Number(v()); break;
      case '--seed': a.seed = Number(v()); break;
      case '--out': a.out = v(); break;
      case '--keep': a.keep = true; break;
      case '--reuse': a.reuse = v(); break;
      default: throw new Error(`--backend postgres takes --sizes, --fragments, --absent, --topics, --seed, --out, --keep, --reuse DATA_DIR; not ${argv[i]}`);
    }
  }
  return a;
}

/** Whether the fragment's words occur, in order, in some passage: asked of the database. */
async function presentInDatabase(db: Database, text: string): Promise<boolean> {
  const words = [...new Set(indexedWords(text))];
  if (words.length === 0) return true;
  const rows = await db.primary.query<{ text: string }>('SELECT text FROM sb_passage WHERE words @@ $1::tsquery', [tsqueryOf(words, '&')]);
  const key = ` ${textKey(text)} `;
  return rows.rows.some((r) => ` ${textKey(r.text)} `.includes(key));
}

function hit(out: Outcome, f: Fragment, textOf: (id: string) => string | undefined): boolean {
  if (!out.ok || out.answer.verdict === 'not_found') return false;
  const id = out.answer.items[0]?.passage.id;
  if (!id) return false;
  if (id === f.sourceId) return true;
  const t = textOf(id) ?? out.answer.items[0]!.passage.text;
  return f.sourceKey !== null && textKey(t) === f.sourceKey;
}

async function measure(frags: readonly Fragment[], absent: boolean, ask: (text: string) => Promise<Outcome> | Outcome): Promise<Figures & { ms: number[] }> {
  const ms: number[] = [];
  let good = 0;
  for (const f of frags) {
    const t0 = performance.now();
    const out = await ask(f.text);
    ms.push(performance.now() - t0);
    if (absent ? out.ok && out.answer.verdict === 'not_found' : hit(out, f, () => undefined)) good++;
  }
  return { latency: percentiles(ms), rate: frags.length ? good / frags.length : 0, ms };
}

async function runSize(size: number, args: ReturnType<typeof parse>, url: (name: string) => Promise<string>): Promise<SizeResult> {
  const name = size >= 1e6 ? `${size / 1e6}M` : `${size / 1e3}k`;
  const stream = synthStream({ passages: size, seed: args.seed });
  const rng = new Rng(args.seed ^ 0x5eed);
  // A uniform sample of passages to cut fragments and topics from (reservoir), and the whole
  // corpus in memory only at 1M and below, for the side-by-side.
  const sample: Passage[] = [];
  let seen = 0;
  const memory = size <= 1_000_000 && !args.reuse ? new CorpusIndex() : null;
  const db = await Database.open({ url: await url(`bench_${name.toLowerCase()}`), poolSize: 4 });
  let importMs = NaN;
  let passages: number;
  if (args.reuse) {
    // An archive imported by an earlier --keep run: only the questions are asked again.
    const rows = await db.primary.query<PassageRow>(`SELECT ${PASSAGE_COLUMNS} FROM sb_passage TABLESAMPLE SYSTEM (1) REPEATABLE (${args.seed}) LIMIT ${SAMPLE}`);
    sample.push(...rows.rows.map(passageOf));
    passages = Number((await db.primary.query<{ n: string }>('SELECT passages AS n FROM sb_stats')).rows[0]!.n);
    log(`${name}: asking the kept archive (${passages.toLocaleString('en')} passages) again`);
  } else {
    log(`${name}: generating and importing (bulk COPY, then the indexes)`);
    const t0 = performance.now();
    let lastLog = t0;
    const files = function* (): Generator<{ transcript: Transcript; fingerprint: { size: number; mtimeMs: number; hash: string } }> {
      for (const t of stream.transcripts()) {
        for (const p of t.passages) {
          seen++;
          if (sample.length < SAMPLE) sample.push(p);
          else if (rng.int(seen) < SAMPLE) sample[rng.int(SAMPLE)] = p;
        }
        memory?.addTranscript(t);
        yield { transcript: t, fingerprint: { size: 0, mtimeMs: 0, hash: t.file } };
      }
    };
    const loaded = await bulkLoad(db.primary, files(), (p) => {
      const now = performance.now();
      if (p.phase !== 'copying' || now - lastLog > 30_000) {
        lastLog = now;
        log(`${name}: ${p.phase} ${p.passages.toLocaleString('en')} passages, ${fmtMs(now - t0)}`);
      }
    }, '1GB');
    importMs = performance.now() - t0;
    passages = loaded.passages;
    await db.primary.query('ANALYZE');
  }
  const databaseMB = Number((await db.primary.query<{ b: string }>('SELECT pg_database_size(current_database()) AS b')).rows[0]!.b) / 1048576;
  log(`${name}: ${passages.toLocaleString('en')} passages${Number.isNaN(importMs) ? '' : ` imported in ${fmtMs(importMs)}`}; database ${fmtMB(databaseMB)}`);
  // A passage whose id clashed with another's was not imported (as in memory): not a fragment source.
  const stored = new Set((await db.primary.query<{ id: string; file: string; line: number }>('SELECT id, file, line FROM sb_passage WHERE id = ANY($1)', [sample.map((p) => p.id)])).rows.map((r) => `${r.id}\u0000${r.file}\u0000${r.line}`));
  const inArchive = sample.filter((p) => stored.has(`${p.id}\u0000${p.source.file}\u0000${p.source.line}`));
  const live = memory ? inArchive.filter((p) => memory.passage(p.id) === p) : inArchive;
  const { words, zipf } = stream.vocabulary;
  const frags = makeFragments(live, live.map((p) => ` ${textKey(p.text)} `), () => words[zipf.sample(rng)]!, rng, { count: args.fragments, absent: args.absent * 2 });
  const absent: Fragment[] = [];
  for (const f of frags.absent) if (absent.length < args.absent && !(await presentInDatabase(db, f.text))) absent.push(f);
  const topics = makeTopics(live, args.topics, rng);

  const engine = await PostgresEngine.open(db, null);
  const askPg = async (text: string) => engine.run({ command: 'who-said', args: { quote: text } }, NOW);
  for (const v of VARIANTS) for (const f of frags.byVariant[v].slice(0, 10)) await askPg(f.text);
  const postgres: Record<string, Figures> = {};
  for (const v of [...VARIANTS, 'absent'] as const) {
    log(`${name}: who-said ${v} on PostgreSQL`);
    const { ms: _ms, ...fig } = await measure(v === 'absent' ? absent : frags.byVariant[v], v === 'absent', askPg);
    postgres[v] = fig;
  }
  log(`${name}: timelines on PostgreSQL`);
  const tlMs: number[] = [];
  const tlPg: string[] = [];
  let stories = 0;
  let matches = 0;
  for (const t of topics) {
    const t1 = performance.now();
    const out = await engine.run({ command: 'timeline', args: { topic: t.topic, since: t.since, until: t.until } }, NOW, 1_000_000_000);
    tlMs.push(performance.now() - t1);
    const found = out.ok ? (out.answer.stories ?? []).flatMap((s) => [s, ...s.reruns]) : [];
    stories += found.length;
    matches += found.reduce((n, s) => n + s.passages.length, 0);
    tlPg.push(storiesOf(out));
  }
  // The bot's memory: a fresh process with the engine alone, after asking some of the same questions.
  const questionsFile = path.join(os.tmpdir(), `soundbite-bench-questions-${process.pid}.json`);
  const asked = [...VARIANTS.flatMap((v) => frags.byVariant[v].slice(0, 40)), ...absent.slice(0, 20)].map((f) => ({ command: 'who-said', args: { quote: f.text } }));
  await writeFile(questionsFile, JSON.stringify([...asked, ...topics.slice(0, 20).map((t) => ({ command: 'timeline', args: { topic: t.topic, since: t.since, until: t.until } }))]));
  log(`${name}: the engine's memory in a fresh process`);
  const bot = measureBotProcess(db.url, questionsFile);
  const rssMB = bot.rssMB;
  gc();

  let mem: Record<string, Figures> | null = null;
  let tlMem: Percentiles | null = null;
  let same = 'not compared (no in-memory index at this size)';
  if (memory) {
    memory.lexicon = (await import('../src/app/wordNet.ts')).appLexicon;
    mem = {};
    for (const v of [...VARIANTS, 'absent'] as const) {
      log(`${name}: who-said ${v} in memory`);
      const { ms: _ms, ...fig } = await measure(v === 'absent' ? absent : frags.byVariant[v], v === 'absent', (text) => whoSaid(memory, { fragment: text }, NOW));
      mem[v] = fig;
    }
    const ms: number[] = [];
    let differing = 0;
    topics.forEach((t, i) => {
      const t1 = performance.now();
      const out = timeline(memory, { topic: t.topic, since: t.since, until: t.until, pageSize: 1_000_000_000 }, NOW);
      ms.push(performance.now() - t1);
      if (storiesOf(out) !== tlPg[i]) differing++;
    });
    tlMem = percentiles(ms);
    same = differing === 0 ? `yes, all ${topics.length}` : `NO: ${differing} of ${topics.length} differ`;
  }
  await engine.close();
  await db.close();
  return { size: name, passages, importMs, databaseMB, rssMB, rssQuestions: bot.questions, postgres, memory: mem, timeline: { postgres: percentiles(tlMs), memory: tlMem, meanStories: topics.length ? stories / topics.length : 0, meanPassages: topics.length ? matches / topics.length : 0, sameAsMemory: same } };
}

/** A timeline as the backends are compared on: every story (reruns too), in order, with its passages. */
function storiesOf(out: Outcome): string {
  if (!out.ok) return 'refused';
  return (out.answer.stories ?? []).flatMap((s) => [s, ...s.reruns]).map((s) => `${s.key}:${s.passages.map((i) => i.passage.id).join(',')}`).join(' ');
}

function print(r: SizeResult): void {
  const line = (label: string, value: string): void => console.log(`  ${label.padEnd(36)} ${value}`);
  console.log(`\n== PostgreSQL, synthetic ${r.size}: ${r.passages.toLocaleString('en')} passages ==`);
  line('import (bulk COPY + GIN and other indexes)', Number.isNaN(r.importMs) ? 'not in this run (--reuse)' : fmtMs(r.importMs));
  line('database size', fmtMB(r.databaseMB));
  line('bot process RSS (engine alone, fresh)', `${fmtMB(r.rssMB)} after ${r.rssQuestions} questions`);
  for (const v of [...VARIANTS, 'absent'] as const) {
    const p = r.postgres[v]!;
    const m = r.memory?.[v];
    const label = v === 'absent' ? 'not-found' : 'P@1';
    line(`who-said ${v}`, `PostgreSQL p50 ${fmtMs(p.latency.p50)} p99 ${fmtMs(p.latency.p99)} ${label} ${fmtRate(p.rate)}` + (m ? ` | memory p50 ${fmtMs(m.latency.p50)} p99 ${fmtMs(m.latency.p99)} ${label} ${fmtRate(m.rate)}` : ''));
  }
  const t = r.timeline;
  line('timeline (1–3 words + dates, every story)', `PostgreSQL p50 ${fmtMs(t.postgres.p50)} p99 ${fmtMs(t.postgres.p99)}` + (t.memory ? ` | memory p50 ${fmtMs(t.memory.p50)} p99 ${fmtMs(t.memory.p99)}` : '') + `; mean ${t.meanPassages.toFixed(0)} passages in ${t.meanStories.toFixed(0)} stories; same as memory: ${t.sameAsMemory}`);
}

function targets(results: readonly SizeResult[]): void {
  const r = results.find((x) => x.size === '10M');
  console.log('\n== issue 13 targets (10M passages) ==');
  if (!r) {
    console.log('  10M not run (--sizes 10m)');
    return;
  }
  const worst = Math.max(...VARIANTS.map((v) => r.postgres[v]!.latency.p99), r.postgres.absent!.latency.p99);
  const rows: Array<[string, string, boolean]> = [
    ['who-said p99 ≤ 150 ms (worst variant)', fmtMs(worst), worst <= 150],
    ['P@1 exact ≥ 0.99', fmtRate(r.postgres.exact!.rate), r.postgres.exact!.rate >= 0.99],
    ...(['misspelled', 'dropped', 'swapped'] as const).map((v) => [`P@1 ${v} ≥ 0.97`, fmtRate(r.postgres[v]!.rate), r.postgres[v]!.rate >= 0.97] as [string, string, boolean]),
    ['not-found on absent ≥ 0.99', fmtRate(r.postgres.absent!.rate), r.postgres.absent!.rate >= 0.99],
    ['timeline p99 ≤ 300 ms', fmtMs(r.timeline.postgres.p99), r.timeline.postgres.p99 <= 300],
    ['bot process RSS ≤ 1 GB', fmtMB(r.rssMB), r.rssMB <= 1024],
    ...(Number.isNaN(r.importMs) ? [] : [['import ≤ 45 min', fmtMs(r.importMs), r.importMs <= 45 * 60_000] as [string, string, boolean]]),
  ];
  for (const [t, m, ok] of rows) console.log(`  ${t.padEnd(40)} ${m.padEnd(12)} ${ok ? 'met' : 'NOT MET'}`);
}

export async function runPostgresBench(argv: readonly string[]): Promise<void> {
  const args = parse(argv);
  log('starting PostgreSQL 17 on loopback (durable: fsync on)');
  const server = await startPgServer({ ...(args.reuse ? { dataDir: args.reuse } : {}), fast: false, settings: { shared_buffers: '4GB', maintenance_work_mem: '1GB', max_wal_size: '16GB', checkpoint_timeout: '30min', work_mem: '64MB', effective_cache_size: '12GB' } });
  const results: SizeResult[] = [];
  try {
    for (const size of args.sizes) {
      const r = await runSize(size, args, async (name) => (args.reuse ? `postgres://postgres@127.0.0.1:${server.port}/${name}` : server.createDatabase(name)));
      print(r);
      results.push(r);
    }
  } finally {
    await server.stop({ keep: args.keep || Boolean(args.reuse) });
    if (args.keep) log(`kept the archive's PostgreSQL data in ${server.dataDir}`);
  }
  targets(results);
  await mkdir(path.dirname(args.out), { recursive: true });
  await writeFile(args.out, JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, args, results }, null, 2));
  console.log(`\nresults written to ${args.out}`);
}
