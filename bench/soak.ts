// A day of a living archive (issue 12): one file of the corpus saved again every simulated
// minute for 24 hours, each version with other words, with a steady stream of questions after
// each save, and the snapshot saved after each change as the watcher does. Memory is taken after
// a full collection at the end of every simulated hour. Before the day starts, who-said is asked
// about 2,500 different passages, so the bounded caches a long-running bot fills (alignNear's
// 2,000 tokenised passages) are full; then the figure is the growth of RSS from the first three
// hours to the last three (medians: one sample moves by a tenth with what the allocator keeps).
// The archive runs as the bot's engine worker runs it (LiveCorpus.sync, then LocalEngine.run),
// in this process, so its memory is the process's.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalEngine } from '../src/app/engine/LocalEngine.ts';
import { openCorpus } from '../src/app/openCorpus.ts';
import type { Invocation } from '../src/core/ask/commands.ts';
import { memoryAfterGc, percentiles, type Percentiles } from './measure.ts';
import { buildVocabulary, Rng, type SynthVocabulary } from './synthCorpus.ts';

export interface SoakFigures {
  minutes: number;
  basePassages: number;
  questions: number;
  refused: number;
  latency: Percentiles;
  /** Each simulated hour: memory after a full collection, and the index's slots (live and dead). */
  hourly: Array<{ hour: number; rssMB: number; heapUsedMB: number; passages: number; slots: number }>;
  rssGrowth: number;
  heapGrowth: number;
  wallMs: number;
}

const LABELS = ['MS. JANE ROE', 'MR. SAM PARK', 'SECRETARY LEE', 'Q', 'MS. ANA DIAZ', 'MR. TOM OKAFOR'];
const START = Date.UTC(2026, 0, 5);
const WARM_QUESTIONS = 2500;

/** A press briefing of `turns` turns of Zipf words; `extra` adds one word only this version has. */
function briefing(rng: Rng, v: SynthVocabulary, day: string, turns: number, extra = ''): string {
  const body: string[] = [];
  for (let t = 0; t < turns; t++) {
    const words: string[] = [];
    for (let i = rng.between(20, 60); i > 0; i--) words.push(v.words[v.zipf.sample(rng)]!);
    if (extra && t === 0) words.push(extra);
    body.push(`${LABELS[t % LABELS.length]}:  ${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`);
  }
  return `---\ndate: '${day}'\ntitle: 'Press Briefing, ${day}'\n---\n\n${body.join('\n\n')}\n`;
}

export async function soak(opts: { minutes: number; basePassages: number; questionsPerMinute: number; seed: number }, log: (m: string) => void): Promise<SoakFigures> {
  const started = performance.now();
  const root = mkdtempSync(path.join(tmpdir(), 'soundbite-bench-soak-'));
  const corpus = path.join(root, 'corpus');
  mkdirSync(path.join(corpus, 'desk'), { recursive: true });
  const rng = new Rng(opts.seed);
  const vocabulary = buildVocabulary(rng, 8000);
  const files = Math.ceil(opts.basePassages / 20);
  for (let f = 0; f < files; f++) {
    const day = new Date(START - (f + 1) * 86_400_000).toISOString().slice(0, 10);
    writeFileSync(path.join(corpus, `${day}-briefing-${f}.md`), briefing(rng, vocabulary, day, 20));
  }
  const live = (await openCorpus(corpus, { dataDir: path.join(root, 'data') })).live;
  const engine = LocalEngine.ofLive(live);
  const desk = path.join(corpus, 'desk', 'live-briefing.md');
  log(`soak: ${live.index.passageCount} passages in ${files} files; one file saved every simulated minute for ${opts.minutes} minutes, ${opts.questionsPerMinute} questions a minute`);
  // Warm: fill what is bounded but filled only by use.
  const now = new Date(START);
  let warmed = 0;
  for (const p of live.index.passages()) {
    if (warmed++ >= WARM_QUESTIONS) break;
    await engine.run({ command: 'who-said', args: { quote: p.text.split(/\s+/).slice(2, 10).join(' ') } }, now);
  }
  const latencies: number[] = [];
  let refused = 0;
  const hourly: SoakFigures['hourly'] = [];
  try {
    for (let minute = 0; minute < opts.minutes; minute++) {
      const day = new Date(START + minute * 60_000).toISOString().slice(0, 10);
      const text = briefing(new Rng(opts.seed + minute + 1), vocabulary, day, 40, `minuteword${minute}`);
      writeFileSync(desk, text);
      const t = (START + minute * 60_000) / 1000;
      utimesSync(desk, t, t);
      await live.sync();
      const current = live.index.file('desk/live-briefing.md')?.passageIds ?? [];
      for (let q = 0; q < opts.questionsPerMinute; q++) {
        const inv = question(new Rng(opts.seed * 7 + minute * 31 + q), live.index.passage(current[q % Math.max(1, current.length)] ?? '')?.text ?? '', q, vocabulary);
        const t0 = performance.now();
        const o = await engine.run(inv, now);
        latencies.push(performance.now() - t0);
        if (!o.ok) refused++;
      }
      await live.save();
      if ((minute + 1) % 60 === 0) {
        const m = memoryAfterGc();
        hourly.push({ hour: (minute + 1) / 60, rssMB: m.rssMB, heapUsedMB: m.heapUsedMB, passages: live.index.passageCount, slots: live.index.slotCount });
        log(`soak: hour ${(minute + 1) / 60}: RSS ${m.rssMB.toFixed(0)} MB, heap ${m.heapUsedMB.toFixed(0)} MB, ${live.index.slotCount} slots for ${live.index.passageCount} passages`);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const growth = (pick: (h: SoakFigures['hourly'][number]) => number) => {
    const first = median(hourly.slice(0, 3).map(pick));
    const last = median(hourly.slice(-3).map(pick));
    return (last - first) / first;
  };
  return {
    minutes: opts.minutes,
    basePassages: files * 20,
    questions: latencies.length,
    refused,
    latency: percentiles(latencies),
    hourly,
    rssGrowth: growth((h) => h.rssMB),
    heapGrowth: growth((h) => h.heapUsedMB),
    wallMs: performance.now() - started,
  };
}

/** The stream of questions: who-said on the freshest words, search, timeline, quotes. */
function question(rng: Rng, fresh: string, q: number, v: SynthVocabulary): Invocation {
  const words = fresh.split(/\s+/).filter(Boolean);
  const at = rng.int(Math.max(1, words.length - 8));
  switch (q % 4) {
    case 0: return { command: 'who-said', args: { quote: words.slice(at, at + 8).join(' ') || 'nothing at all here' } };
    case 1: return { command: 'search', args: { query: v.words[40 + rng.int(400)]! } };
    case 2: return { command: 'timeline', args: { topic: v.words[40 + rng.int(400)]!, since: '2020' } };
    default: return { command: 'quotes', args: { speaker: 'Roe', topic: v.words[40 + rng.int(400)]! } };
  }
}

// Alone: node --expose-gc --import tsx bench/soak.ts [MINUTES] [PASSAGES]
if (process.argv[1]?.endsWith('soak.ts')) {
  const figures = await soak({ minutes: Number(process.argv[2] ?? 1440), basePassages: Number(process.argv[3] ?? 10_000), questionsPerMinute: 8, seed: 42 }, (m) => process.stderr.write(`${m}\n`));
  console.log(JSON.stringify({ ...figures, hourly: figures.hourly.length }, null, 2));
}
