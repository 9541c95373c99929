// The terminal entry: one-shot commands, batch, REPL and validate, chosen from argv.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { chartText } from '../app/chart/chartText.ts';
import { exportAnswer, isExportFormat, type ExportFormat } from '../app/export/exportAnswer.ts';
import type { Answer } from '../core/ask/answer.ts';
import { DEFAULT_DATA_DIR } from '../app/config.ts';
import { CorpusFolderError } from '../app/corpusFolder.ts';
import { openCorpus, type OpenedCorpus } from '../app/openCorpus.ts';
import { watchCorpus } from '../app/watchCorpus.ts';
import { LocalEngine } from '../app/engine/LocalEngine.ts';
import { findCommand, type CommandSpec } from '../core/ask/commands.ts';
import type { Engine } from '../app/engine/Engine.ts';
import type { ParseIssue } from '../core/model.ts';
import { renderCommandHelp, USAGE } from './help.ts';
import { EXIT, type Io } from './io.ts';
import { paintFor } from './paint.ts';
import { answerJson } from '../app/export/answerJson.ts';
import { problemJson } from './problemJson.ts';
import { renderAnswer } from './renderText.ts';
import { JSON_PAGE_SIZE, runBatch } from './runBatch.ts';
import { runFollow } from './runFollow.ts';
import { runIngest } from './runIngest.ts';
import { runRepl } from './runRepl.ts';
import { runStats, runUnresolved } from './runStats.ts';
import { runValidate } from './runValidate.ts';
import { clipped, issueLine, MESSAGE_CHARS, shownText } from './shownText.ts';

export const OPTIONS = {
  corpus: { type: 'string' },
  json: { type: 'boolean' },
  page: { type: 'string' },
  speaker: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  program: { type: 'string' },
  topic: { type: 'string' },
  order: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  chart: { type: 'string' },
  'no-color': { type: 'boolean' },
  unresolved: { type: 'boolean' },
  files: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runCli(argv: readonly string[], io: Io, reason = 'no DISCORD_TOKEN set: answering in the terminal'): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    io.err(`soundbite: ${err instanceof Error ? err.message : String(err)}. Run soundbite --help.`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') {
    io.out(`${USAGE}\n\n${renderCommandHelp()}`);
    return EXIT.ok;
  }
  const env = values['no-color'] ? { ...io.env, NO_COLOR: '1' } : io.env;
  const page = values.page === undefined ? undefined : Number(values.page);
  if (page !== undefined && (!Number.isInteger(page) || page < 1)) {
    io.err(`soundbite: --page must be a whole number from 1; got "${values.page}".`);
    return EXIT.usage;
  }
  const [verb = 'start', ...rest] = positionals;
  const spec = findCommand(verb);
  if (!spec && !['start', 'validate', 'ingest', 'stats', 'follow', 'import'].includes(verb)) {
    io.err(`soundbite: unknown command "${verb}". Run soundbite --help.`);
    return EXIT.usage;
  }

  // Options that cannot work are refused before the corpus is opened.
  const format = values.format ?? (values.json ? 'json' : undefined);
  if (format !== undefined && !exportFormat(values)) {
    io.err(`soundbite: --format is md, csv or json; got "${format}".`);
    return EXIT.usage;
  }
  if (values.chart !== undefined && (verb !== 'timeline' || !/\.(png|svg)$/i.test(values.chart))) {
    io.err(verb !== 'timeline' ? `soundbite: --chart draws a timeline; ${verb} has no chart.` : `soundbite: --chart writes a .png or .svg file; got "${values.chart}".`);
    return EXIT.usage;
  }
  const dir = values.corpus ?? env.SOUNDBITE_CORPUS ?? 'corpus';
  // With a database the archive is there, whatever the folder holds now (import loads the folder).
  if (env.SOUNDBITE_DATABASE_URL) return (await import('./runDatabase.ts')).runOnDatabase({ verb, rest, dir, json: Boolean(values.json), page, values, env }, io, reason);
  if (verb === 'import') {
    io.err('soundbite import: set SOUNDBITE_DATABASE_URL to the PostgreSQL database to import into (see README, "Running on PostgreSQL").');
    return EXIT.usage;
  }
  if (verb === 'ingest') return runIngest(rest, dir, io, Boolean(values.json));
  let corpus: OpenedCorpus;
  try {
    corpus = await openCorpus(dir, { dataDir: env.SOUNDBITE_DATA_DIR || DEFAULT_DATA_DIR });
  } catch (err) {
    if (err instanceof CorpusFolderError) {
      io.err(`soundbite: ${err.message}`);
      return EXIT.usage;
    }
    throw err;
  }

  if (corpus.load.saveError) {
    io.err(`soundbite: the index could not be saved for the next start (${corpus.load.saveError}); answering anyway. Set SOUNDBITE_DATA_DIR to a writable folder.`);
  }
  // A broken alias list changes every answer's names: said at once, not only by validate.
  let aliasesSaid = sayAliasProblems(corpus.live.aliasIssues, '', io);
  if (verb === 'validate') return runValidate(corpus, io, Boolean(values.json), Boolean(values.files));
  if (verb === 'follow') return runFollow(corpus, dir, { topic: rest.join(' '), speaker: values.speaker, json: Boolean(values.json) }, io);
  if (verb === 'stats') return runStats(corpus, io, Boolean(values.json));
  if (verb === 'speakers' && values.unresolved) return runUnresolved(corpus, io, Boolean(values.json));
  // The terminal asks in this thread: no deadline to keep, and no worker to wait for at start.
  const engine = LocalEngine.ofLive(corpus.live);
  if (verb === 'start') {
    if (!io.stdin.isTTY) return runBatch(engine, io, Boolean(values.json));
    // The REPL lives long enough for the corpus to change under it: follow the folder.
    const live = corpus.live;
    const watcher = watchCorpus(live, {
      onSync: () => {
        aliasesSaid = sayAliasProblems(live.aliasIssues, aliasesSaid, io);
      },
      onError: (err) => io.err(`soundbite: watching ${dir} failed: ${err instanceof Error ? err.message : String(err)}`),
    });
    try {
      const header = () => ({ files: live.index.fileCount, passages: live.index.passageCount, from: live.dir, ms: corpus.ms, problems: live.issues.length });
      return await runRepl(header, engine, io, reason, describeLoad(corpus.load));
    } finally {
      await watcher.close();
    }
  }

  return runOneShot(engine, spec!, rest, values, page, io, env);
}

/** The file format asked for (--format, or --json as json); undefined when none, or none known. */
function exportFormat(values: CliValues): ExportFormat | undefined {
  const format = values.format ?? (values.json ? 'json' : undefined);
  return format !== undefined && isExportFormat(format) ? format : undefined;
}

type CliValues = ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

/** One command from argv: the first positional words fill the command's first option, flags the others. */
export async function runOneShot(engine: Pick<Engine, 'run'>, spec: CommandSpec, rest: readonly string[], values: CliValues, page: number | undefined, io: Io, env: Io['env']): Promise<number> {
  const first = spec.options[0]!.name;
  const args: Record<string, string | undefined> = { [first]: rest.join(' ') || undefined };
  for (const o of spec.options.slice(1)) {
    const v = values[o.name as keyof typeof values];
    if (typeof v === 'string') args[o.name] = v;
  }
  for (const flag of ['speaker', 'since', 'until', 'program', 'topic', 'order'] as const) {
    if (values[flag] !== undefined && !spec.options.some((o) => o.name === flag)) {
      io.err(`soundbite: ${spec.name} has no --${flag} option; it takes ${spec.options.map((o) => o.name).join(', ')}.`);
      return EXIT.usage;
    }
  }
  // An export or a script wants the whole answer, not a page of it.
  const format = exportFormat(values);
  const whole = format !== undefined || values.out !== undefined;
  const outcome = await engine.run({ command: spec.name, args, ...(page ? { page } : {}) }, io.now(), whole ? JSON_PAGE_SIZE : undefined);
  if (!outcome.ok) {
    if (format === 'json') io.out(JSON.stringify(problemJson(spec.name, rest.join(' '), outcome.problem)));
    io.err(`soundbite ${spec.name}: ${shownText(clipped(outcome.problem.message, MESSAGE_CHARS))}`);
    return EXIT.usage;
  }
  const answer = outcome.answer;
  if (values.chart !== undefined) {
    const written = await writeChart(answer, values.chart, io);
    if (written !== EXIT.ok) return written;
  }
  const text = values.json && !values.out
    ? JSON.stringify(answerJson(answer))
    : format
      ? exportAnswer(answer, format, io.now()).body
      : renderAnswer(answer, paintFor({ isTTY: io.stdoutIsTTY && !values.out }, values.out ? { ...env, NO_COLOR: '1' } : env));
  if (values.out !== undefined) {
    try {
      await writeFile(values.out, text.endsWith('\n') ? text : `${text}\n`, 'utf8');
    } catch (err) {
      io.err(`soundbite: could not write ${values.out} (${err instanceof Error ? err.message : String(err)}).`);
      return EXIT.failed;
    }
    io.err(`soundbite: wrote ${values.out}`);
  } else {
    io.out(text);
  }
  return EXIT.ok;
}

/** The timeline's chart as a PNG or SVG file, by the name's extension. */
async function writeChart(answer: Answer, file: string, io: Io): Promise<number> {
  if (!answer.chart || answer.chart.periods.length === 0) {
    io.err(`soundbite: nothing dated to chart; ${file} was not written.`);
    return EXIT.ok;
  }
  try {
    const text = chartText(answer);
    // vega is loaded only when a chart is asked for: every other command starts faster without it.
    const { chartPng, chartSvg } = await import('../app/chart/renderChart.ts');
    await writeFile(file, /\.svg$/i.test(file) ? await chartSvg(answer.chart, text) : await chartPng(answer.chart, text));
  } catch (err) {
    io.err(`soundbite: could not write the chart to ${file} (${err instanceof Error ? err.message : String(err)}).`);
    return EXIT.failed;
  }
  io.err(`soundbite: chart written to ${file}`);
  return EXIT.ok;
}

/** Prints the alias list's errors unless they are the ones already said; returns what was said. */
function sayAliasProblems(issues: readonly ParseIssue[], said: string, io: Io): string {
  const now = issues.filter((i) => i.severity === 'error').map((i) => `soundbite: ${issueLine(i)}`).join('\n');
  if (now && now !== said) io.err(now);
  return now;
}

function describeLoad(load: OpenedCorpus['load']): string {
  if (load.mode === 'snapshot') return 'from the saved index';
  if (load.mode === 'partial') return `from the saved index, ${load.reread.length + load.removed.length} changed files re-read`;
  return `read afresh: ${load.reason ?? 'no saved index'}`;
}
